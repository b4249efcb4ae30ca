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
        // any other number loses its separators: a plausible number of another format, looked up as such
        assertThat(Certificates.normalize("SJ 99010 2024 0017")).isEqualTo("SJ9901020240017");
        assertThat(Certificates.isWellFormed(Certificates.normalize("SJ 99010 2024 0017"))).isTrue();
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
    void real_numbers_of_other_provinces_are_normalized_the_same_way() {
        assertThat(Certificates.normalize("豫C01001234")).isEqualTo("豫C01001234");
        assertThat(Certificates.normalize(" 豫c 0100 1234 ")).isEqualTo("豫C01001234");
        assertThat(Certificates.normalize("豫Ｃ－０１００－１２３４")).isEqualTo("豫C01001234");
        assertThat(Certificates.normalize("豫C—0100—1234")).isEqualTo("豫C01001234");
        // a Traditional province abbreviation is the Simplified one certificates are issued with
        assertThat(Certificates.normalize("贛0101001234")).isEqualTo("赣0101001234");
        assertThat(Certificates.normalize("粵b1234567")).isEqualTo("粤B1234567");
        assertThat(Certificates.normalize("1401 0020 1900 01")).isEqualTo("14010020190001");
        assertThat(Certificates.problemKey("豫C01001234")).isNull();
        assertThat(Certificates.problemKey("貴A-123456")).isNull();
        // characters that are no part of a number keep the input as it was, for the message
        assertThat(Certificates.normalize("豫C0100/1234")).isEqualTo("豫C0100/1234");
        assertThat(Certificates.problemKey("豫C0100/1234")).isEqualTo("agency.certificate.error.characters");
        assertThat(Certificates.problemKey("执法证0100")).isEqualTo("agency.certificate.error.characters");
    }

    @Test
    void the_sample_format_and_plausible_real_numbers_are_well_formed() {
        assertThat(Certificates.isWellFormed("SJ-990100-2024-0017")).isTrue();
        assertThat(Certificates.isWellFormed("豫C01001234")).isTrue();
        assertThat(Certificates.isWellFormed("赣0101001234")).isTrue();
        assertThat(Certificates.isWellFormed("14010020190001")).isTrue();
        assertThat(Certificates.isWellFormed("ZF440100123")).isTrue();
        assertThat(Certificates.isWellFormed("A12345")).as("6 characters").isTrue();
        assertThat(Certificates.isWellFormed("A" + "1".repeat(31))).as("32 characters").isTrue();
        // stored forms carry no dashes but the sample format's
        assertThat(Certificates.isWellFormed("SJ-990100-2024-017")).isFalse();
        assertThat(Certificates.isWellFormed("S1-990100-2024-0017")).isFalse();
        assertThat(Certificates.isWellFormed("A1234")).as("5 characters").isFalse();
        assertThat(Certificates.isWellFormed("A" + "1".repeat(32))).as("33 characters").isFalse();
        assertThat(Certificates.isWellFormed("ABCDEFGH")).as("no digit").isFalse();
        assertThat(Certificates.isWellFormed("C豫01001234")).as("the province comes first").isFalse();
        assertThat(Certificates.isWellFormed("豫赣01001234")).as("one province").isFalse();
        assertThat(Certificates.isWellFormed("港A123456")).as("not a mainland province").isFalse();
        assertThat(Certificates.isWellFormed("豫")).isFalse();
        assertThat(Certificates.isWellFormed(null)).isFalse();
    }
}
