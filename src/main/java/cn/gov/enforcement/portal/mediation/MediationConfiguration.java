package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.mediation.internal.EvidenceFiles;
import cn.gov.enforcement.portal.mediation.internal.IdNumberCipher;
import cn.gov.enforcement.portal.platform.EntryPages;
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

    // the staff pages of one case or letter answer 404 for a number of no case of the person's agency, another
    // agency's included, with the look-ups of the pages (the case read without recording a view in the audit log)

    @Bean
    EntryPages staffCasePages(MediationBackOffice backOffice) {
        return EntryPages.forUrlParameter(MediationCaseView.class, number -> EntryPages.found(
                () -> backOffice.caseFile(number, java.util.Locale.SIMPLIFIED_CHINESE, false) != null,
                CaseNotFoundException.class));
    }

    /** A document of a case: 404 for no case of the person's agency or a kind of document that does not exist. */
    @Bean
    EntryPages staffDocumentPages(MediationBackOffice backOffice) {
        return EntryPages.forView(MediationDocumentView.class, p -> {
            String kind = p.get("kind").orElse("");
            if (java.util.Arrays.stream(MediationDocument.values()).noneMatch(d -> d.name().equals(kind))) {
                return false;
            }
            return EntryPages.found(() -> backOffice.caseFile(p.get("number").orElse(""),
                    java.util.Locale.SIMPLIFIED_CHINESE, false) != null, CaseNotFoundException.class);
        });
    }

    @Bean
    EntryPages staffLetterPages(MediationLetters letters) {
        return EntryPages.forUrlParameter(MediationLetterPrintView.class,
                code -> EntryPages.found(() -> letters.letter(code) != null, CaseNotFoundException.class));
    }

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
