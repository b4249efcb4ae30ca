package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.mediation.internal.IdNumberCipher;
import cn.gov.enforcement.portal.platform.PortalSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediationSettings.class)
class MediationConfiguration {

    /**
     * The key that encrypts ID numbers: {@code portal.mediation.encryption-key} when set, otherwise
     * the key kept in {@code ${portal.data-dir}/keys/mediation.key} (generated on first start).
     */
    @Bean
    IdNumberCipher mediationIdNumberCipher(MediationSettings settings, PortalSettings portal) {
        if (settings.encryptionKey() != null) {
            return IdNumberCipher.fromBase64(settings.encryptionKey());
        }
        Path keys = portal.dir("keys");
        try {
            Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException | IOException notPosix) {
            // best effort: the key file itself is owner-only
        }
        return IdNumberCipher.fromKeyFile(keys.resolve("mediation.key"));
    }
}
