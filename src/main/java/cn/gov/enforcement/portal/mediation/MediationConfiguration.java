package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.mediation.internal.EvidenceFiles;
import cn.gov.enforcement.portal.mediation.internal.IdNumberCipher;
import cn.gov.enforcement.portal.platform.PortalSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(MediationSettings.class)
class MediationConfiguration {

    /**
     * The key that encrypts ID numbers: {@code portal.mediation.encryption-key} when set, otherwise
     * the key kept in {@code ${portal.data-dir}/keys/mediation.key} (generated on first start).
     */
    /** Evidence files live in {@code ${portal.data-dir}/mediation-evidence}, outside the web root. */
    @Bean
    EvidenceFiles mediationEvidenceFiles(PortalSettings portal) {
        return new EvidenceFiles(portal.dir("mediation-evidence"));
    }

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
