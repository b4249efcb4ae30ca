package cn.gov.enforcement.portal.agency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CertificatesTest {

    @Test
    void typed_numbers_are_trimmed_upper_cased_and_converted_from_full_width() {
        assertThat(Certificates.normalize("  sj-990100-2024-0017 ")).isEqualTo("SJ-990100-2024-0017");
        assertThat(Certificates.normalize("ＳＪ－９９０１００－２０２４－００１７")).isEqualTo("SJ-990100-2024-0017");
        assertThat(Certificates.normalize("SJ 990100\u3000- 2024 —0017".replace("—", "–"))).isEqualTo("SJ-990100-2024-0017");
        // spaces instead of dashes, or no separators at all, are the same certificate
        assertThat(Certificates.normalize("SJ990100 2024 0017")).isEqualTo("SJ-990100-2024-0017");
        assertThat(Certificates.normalize("sj99010020240017")).isEqualTo("SJ-990100-2024-0017");
        assertThat(Certificates.normalize("SJ-9901002024-0017")).isEqualTo("SJ-990100-2024-0017");
        // anything else keeps its own separators (and is then not well formed)
        assertThat(Certificates.normalize("SJ 99010 2024 0017")).isEqualTo("SJ9901020240017");
        assertThat(Certificates.isWellFormed(Certificates.normalize("SJ 99010 2024 0017"))).isFalse();
        assertThat(Certificates.normalize("sj–990100–2024–0017")).isEqualTo("SJ-990100-2024-0017");
    }

    @Test
    void empty_too_long_and_strange_input_gets_a_clear_message_key() {
        assertThat(Certificates.problemKey("   ")).isEqualTo("agency.certificate.error.empty");
        assertThat(Certificates.problemKey(null)).isEqualTo("agency.certificate.error.empty");
        assertThat(Certificates.problemKey("A".repeat(41))).isEqualTo("agency.certificate.error.tooLong");
        assertThat(Certificates.problemKey("SJ-990100-2024-0017<script>")).isEqualTo("agency.certificate.error.characters");
        assertThat(Certificates.problemKey("证件😀")).isEqualTo("agency.certificate.error.characters");
        assertThat(Certificates.problemKey("sj-990100-2024-0017")).isNull();
    }

    @Test
    void only_the_documented_format_is_well_formed() {
        assertThat(Certificates.isWellFormed("SJ-990100-2024-0017")).isTrue();
        assertThat(Certificates.isWellFormed("SJ-990100-2024-017")).isFalse();
        assertThat(Certificates.isWellFormed("S1-990100-2024-0017")).isFalse();
    }
}
