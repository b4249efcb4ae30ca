package cn.gov.enforcement.portal.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The names officers see and download evidence under. */
class EvidenceFileNameTest {

    @Test
    void a_name_always_ends_in_the_extension_of_the_type_found_in_the_content() {
        assertThat(MediationService.cleanFileName("收据.pdf", "pdf")).isEqualTo("收据.pdf");
        assertThat(MediationService.cleanFileName("Scan.PDF", "pdf")).isEqualTo("Scan.pdf");
        assertThat(MediationService.cleanFileName("invoice.html", "pdf")).isEqualTo("invoice.html.pdf");
        assertThat(MediationService.cleanFileName("run.bat", "png")).isEqualTo("run.bat.png");
        assertThat(MediationService.cleanFileName("photo.jpeg", "jpeg")).isEqualTo("photo.jpeg");
        assertThat(MediationService.cleanFileName("photo.JPG", "jpeg")).isEqualTo("photo.jpg");
        assertThat(MediationService.cleanFileName("photo", "jpeg")).isEqualTo("photo.jpg");
        assertThat(MediationService.cleanFileName("trailing.pdf. . ", "pdf")).isEqualTo("trailing.pdf");
    }

    @Test
    void control_and_format_characters_and_path_separators_are_replaced() {
        // a right-to-left override would show "证据\u202Efdp.bat" as "证据tab.pdf"
        assertThat(MediationService.cleanFileName("证据\u202Efdp.bat", "pdf")).isEqualTo("证据_fdp.bat.pdf");
        assertThat(MediationService.cleanFileName("../../etc/passwd", "png")).isEqualTo(".._.._etc_passwd.png");
        assertThat(MediationService.cleanFileName("a\\b\u0000c\u200Bd.png", "png")).isEqualTo("a_b_c_d.png");
    }

    @Test
    void empty_and_long_names_get_a_usable_name_of_at_most_150_characters() {
        assertThat(MediationService.cleanFileName(null, "pdf")).isEqualTo("evidence.pdf");
        assertThat(MediationService.cleanFileName("  ", "png")).isEqualTo("evidence.png");
        assertThat(MediationService.cleanFileName(".pdf", "pdf")).isEqualTo("evidence.pdf");
        String longName = MediationService.cleanFileName("长".repeat(300) + ".pdf", "pdf");
        assertThat(longName).hasSize(150).endsWith("长.pdf");
    }
}
