package cn.gov.enforcement.portal.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A draft's texts are cut to their field's length without splitting an emoji (a surrogate pair). */
class GuidanceCutTest {

    @Test
    void a_text_is_cut_between_code_points_and_within_the_fields_length() {
        String emoji = "😀";
        // the cut at max - 1 units would fall inside the emoji: it is left out whole
        String cut = GuidanceService.cut("12345678" + emoji + "后面的文字", 10);
        assertThat(cut).isEqualTo("12345678…");
        assertThat(cut.length()).isLessThanOrEqualTo(10);
        assertThat(cut.codePoints().allMatch(Character::isValidCodePoint)).isTrue();
        assertThat(cut.chars().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
        // an emoji that fits stays whole
        assertThat(GuidanceService.cut("1234567" + emoji + "后面的文字", 10)).isEqualTo("1234567" + emoji + "…");
        // short texts are only stripped; blank ones are none
        assertThat(GuidanceService.cut("  " + emoji + "短  ", 10)).isEqualTo(emoji + "短");
        assertThat(GuidanceService.cut("   ", 10)).isNull();
        assertThat(GuidanceService.cut("一二三四五六七八九十", 10)).isEqualTo("一二三四五六七八九十");
        assertThat(GuidanceService.cut("一二三四五六七八九十一", 10)).isEqualTo("一二三四五六七八九…");
    }
}
