package cn.gov.enforcement.portal.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.selfcheck.SelfCheckAnswer.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The answers as the page's address carries them. */
class SelfCheckStateTest {

    @Test
    void answers_survive_the_round_trip_through_the_address_in_their_order() {
        Map<String, SelfCheckAnswer> answers = new LinkedHashMap<>();
        answers.put("mr-rp-price-tag", new SelfCheckAnswer(Status.PARTLY, Set.of(2, 0)));
        answers.put("mr-rp-price-fraud", SelfCheckAnswer.of(Status.DONE));
        answers.put("um-rp-kitchen-fumes", SelfCheckAnswer.of(Status.NOT_APPLICABLE));
        answers.put("mr-rp-food-licence", SelfCheckAnswer.of(Status.NOT_YET));
        String encoded = SelfCheckState.format(answers);
        assertThat(encoded).isEqualTo("mr-rp-price-tag.P1.3_mr-rp-price-fraud.D_um-rp-kitchen-fumes.X_mr-rp-food-licence.N");
        SelfCheckState.Parsed parsed = SelfCheckState.parse(encoded);
        assertThat(parsed.unreadable()).isZero();
        assertThat(parsed.answers()).containsExactlyEntriesOf(answers);
    }

    @Test
    void partly_without_a_ticked_measure_is_kept_for_the_service_to_refuse() {
        SelfCheckState.Parsed parsed = SelfCheckState.parse("mr-rp-price-tag.P");
        assertThat(parsed.answers().get("mr-rp-price-tag")).isEqualTo(new SelfCheckAnswer(Status.PARTLY, Set.of()));
        assertThat(SelfCheckState.format(parsed.answers())).isEqualTo("mr-rp-price-tag.P");
    }

    @Test
    void malformed_repeated_and_hostile_entries_are_counted_not_read() {
        SelfCheckState.Parsed parsed = SelfCheckState.parse(
                "a.D_a.N_b.Q_c.D1_<script>.D_d.P1..2_e.P100__  f.X  _UPPER.D_g.N\u0000_h.P0_i.P1.00");
        assertThat(parsed.answers()).containsOnlyKeys("a", "f");
        assertThat(parsed.answers().get("a").status()).isEqualTo(Status.DONE);
        assertThat(parsed.unreadable()).isEqualTo(10);
        assertThat(SelfCheckState.parse(null).answers()).isEmpty();
        assertThat(SelfCheckState.parse("  ").unreadable()).isZero();
    }

    @Test
    void an_entry_longer_than_any_answer_is_counted_not_matched() {
        // thousands of repeated measure numbers overflowed the regex stack (an error page, not a notice)
        String huge = "mr-rp-x.P" + "1.".repeat(20_000) + "1";
        SelfCheckState.Parsed parsed = SelfCheckState.parse("a.D_" + huge + "_b.N");
        assertThat(parsed.answers()).containsOnlyKeys("a", "b");
        assertThat(parsed.unreadable()).isEqualTo(1);
        // the longest real entry is read: 99 measures ticked, with a fingerprint
        StringBuilder all = new StringBuilder("x".repeat(80)).append(".P");
        for (int i = 1; i <= 99; i++) {
            all.append(i == 1 ? "" : ".").append(i);
        }
        all.append("~1z141z3");
        assertThat(all.length()).isLessThanOrEqualTo(SelfCheckState.MAX_ENTRY);
        assertThat(SelfCheckState.parse(all.toString()).answers().get("x".repeat(80)).measuresDone()).hasSize(99);
    }

    @Test
    void no_more_answers_than_any_checklist_has_are_read() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < SelfCheckState.MAX_ANSWERS + 5; i++) {
            many.append("r").append(i).append(".D_");
        }
        SelfCheckState.Parsed parsed = SelfCheckState.parse(many.toString());
        assertThat(parsed.answers()).hasSize(SelfCheckState.MAX_ANSWERS);
        assertThat(parsed.unreadable()).isEqualTo(5);
    }

    @Test
    void an_answer_other_than_partly_has_no_measures() {
        assertThat(new SelfCheckAnswer(Status.DONE, Set.of(1, 2)).measuresDone()).isEmpty();
        assertThat(SelfCheckState.format(Map.of("x", new SelfCheckAnswer(Status.NOT_YET, Set.of(0))))).isEqualTo("x.N");
    }

    @Test
    void answers_about_the_measures_carry_the_fingerprint_of_the_measures_they_were_given_for() {
        String fingerprint = SelfCheckAnswer.fingerprint(java.util.List.of("明码标价", "一货一签"));
        assertThat(fingerprint).matches("[a-z0-9]{5,7}");
        // any change of the measures, their order included, changes it
        assertThat(SelfCheckAnswer.fingerprint(java.util.List.of("一货一签", "明码标价"))).isNotEqualTo(fingerprint);
        assertThat(SelfCheckAnswer.fingerprint(java.util.List.of("明码标价", "一货一签", "标签清晰"))).isNotEqualTo(fingerprint);
        assertThat(SelfCheckAnswer.fingerprint(java.util.List.of("明码标价", "一货一签"))).isEqualTo(fingerprint);

        Map<String, SelfCheckAnswer> answers = new LinkedHashMap<>();
        answers.put("mr-rp-price-tag", new SelfCheckAnswer(Status.PARTLY, Set.of(1), fingerprint));
        answers.put("mr-rp-price-fraud", new SelfCheckAnswer(Status.DONE, Set.of(), "abcde"));
        // "not yet" and "does not concern us" do not depend on the measures: no fingerprint
        answers.put("mr-rp-food-licence", new SelfCheckAnswer(Status.NOT_YET, Set.of(), "abc"));
        String encoded = SelfCheckState.format(answers);
        assertThat(encoded).isEqualTo("mr-rp-price-tag.P2~" + fingerprint + "_mr-rp-price-fraud.D~abcde_mr-rp-food-licence.N");
        SelfCheckState.Parsed parsed = SelfCheckState.parse(encoded);
        assertThat(parsed.unreadable()).isZero();
        assertThat(parsed.answers().get("mr-rp-price-tag")).isEqualTo(answers.get("mr-rp-price-tag"));
        assertThat(parsed.answers().get("mr-rp-price-fraud").measures()).isEqualTo("abcde");
        assertThat(parsed.answers().get("mr-rp-food-licence").measures()).isNull();
        // a fingerprint that is not one is not read
        assertThat(SelfCheckState.parse("a.D~_b.P1~ABC_c.D~abcdefghi_d.D~ab~cd").unreadable()).isEqualTo(4);
        // nor one of another form: too short (a damaged address), too long, or beyond a 32-bit value
        SelfCheckState.Parsed damaged = SelfCheckState.parse("a.D~bad_b.P1~abcd_c.D~abcdefgh_d.D~1z141z4_e.D~1z141z3_f.P1~00abc");
        assertThat(damaged.unreadable()).isEqualTo(4);
        assertThat(damaged.answers()).containsOnlyKeys("e", "f");
    }

    @Test
    void a_fingerprint_has_five_to_seven_characters_leading_zeros_filling_a_short_value() {
        assertThat(SelfCheckAnswer.isFingerprint("00000")).isTrue();
        assertThat(SelfCheckAnswer.isFingerprint("1z141z3")).isTrue();
        assertThat(SelfCheckAnswer.isFingerprint("bad")).isFalse();
        assertThat(SelfCheckAnswer.isFingerprint("1z141z4")).isFalse();
        assertThat(SelfCheckAnswer.isFingerprint("ABCDE")).isFalse();
        // a CRC-32 below 36^4 would be written in four characters or fewer: find measures whose value is one
        for (int i = 0; ; i++) {
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(("措施" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (crc.getValue() < 36L * 36 * 36 * 36) {
                String fingerprint = SelfCheckAnswer.fingerprint(java.util.List.of("措施" + i));
                assertThat(fingerprint).hasSize(5).startsWith("0");
                assertThat(Long.parseLong(fingerprint, 36)).isEqualTo(crc.getValue());
                assertThat(SelfCheckAnswer.isFingerprint(fingerprint)).isTrue();
                break;
            }
        }
    }
}
