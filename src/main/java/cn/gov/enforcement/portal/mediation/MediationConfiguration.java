package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.mediation.internal.EvidenceFiles;
import cn.gov.enforcement.portal.mediation.internal.IdNumberCipher;
import cn.gov.enforcement.portal.platform.PortalSettings;
import java.nio.file.Path;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(MediationSettings.class)
class MediationConfiguration {

    /**
     * Evidence files live in {@code ${portal.data-dir}/mediation-evidence}, outside the web root, in a folder only the
     * portal's account may read (made so at every start).
     */
    @Bean
    EvidenceFiles mediationEvidenceFiles(PortalSettings portal) {
        return new EvidenceFiles(portal.dir("mediation-evidence"));
    }

    /**
     * The key that encrypts ID numbers: {@code portal.mediation.encryption-key} when set, otherwise
     * the key kept in {@code ${portal.data-dir}/keys/mediation.key} (generated on first start).
     */
    @Bean
    IdNumberCipher mediationIdNumberCipher(MediationSettings settings, PortalSettings portal) {
        if (settings.encryptionKey() != null) {
            return IdNumberCipher.fromBase64(settings.encryptionKey());
        }
        // owner-only, like the key file itself
        Path keys = portal.dir("keys");
        return IdNumberCipher.fromKeyFile(keys.resolve("mediation.key"));
    }
}
