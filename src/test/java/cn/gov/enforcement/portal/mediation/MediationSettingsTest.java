package cn.gov.enforcement.portal.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MediationSettingsTest {

    @Test
    void the_defaults_are_sensible() {
        MediationSettings s = MediationSettings.defaults();
        assertThat(s.retentionDays()).isEqualTo(1095);
        assertThat(s.draftDays()).isEqualTo(30);
        assertThat(s.evidenceMaxBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(s.evidenceMaxFiles()).isEqualTo(10);
        assertThat(s.evidenceTypes()).containsExactlyInAnyOrder("pdf", "jpeg", "png");
        assertThat(s.submissionsPerWindow()).isEqualTo(10);
        assertThat(s.codeGuessesPerWindow()).isEqualTo(20);
        assertThat(s.messagesPerWindow()).isEqualTo(10);
        assertThat(s.rateWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(s.letterDays()).isEqualTo(90);
        assertThat(s.link("mediation/apply?letter=ABC")).isEqualTo("http://localhost:8080/mediation/apply?letter=ABC");
    }

    @Test
    void unknown_evidence_types_and_bad_public_addresses_are_refused_at_start() {
        assertThatThrownBy(() -> new MediationSettings(null, null, null, null, null, null, null, null, null, null,
                Set.of("pdf", "exe"), null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exe");
        assertThatThrownBy(() -> new MediationSettings(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, "javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("public-url");
        MediationSettings pdfOnly = new MediationSettings(null, null, null, null, null, null, null, null, null, null,
                Set.of(" PDF "), null, null, null, null, "https://portal.example.cn/");
        assertThat(pdfOnly.evidenceTypes()).containsExactly("pdf");
        assertThat(pdfOnly.link("mediation")).isEqualTo("https://portal.example.cn/mediation");
    }
}
