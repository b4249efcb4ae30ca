package cn.gov.enforcement.portal.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A draft's texts are cut to their field's length in characters (code points, as the fields are checked) without
 * splitting an emoji (a surrogate pair).
 */
class GuidanceCutTest {

    @Test
    void a_text_is_cut_between_code_points_and_within_the_fields_length_in_characters() {
        String emoji = "😀";
        // an emoji counts as one character: nine of them and the ellipsis make ten
        String cut = GuidanceService.cut("12345678" + emoji + "后面的文字", 10);
        assertThat(cut).isEqualTo("12345678" + emoji + "…");
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(10);
        assertThat(GuidanceService.cut("123456789" + emoji + "后面", 10)).isEqualTo("123456789…");
        // a text of the limit in supplementary characters is kept whole, one more is cut between code points
        assertThat(GuidanceService.cut("𠀀".repeat(10), 10)).isEqualTo("𠀀".repeat(10));
        String cutRare = GuidanceService.cut("𠀀".repeat(11), 10);
        assertThat(cutRare).isEqualTo("𠀀".repeat(9) + "…");
        assertThat(cutRare.chars().filter(c -> Character.isHighSurrogate((char) c)).count()).isEqualTo(9);
        // short texts are only stripped; blank ones are none
        assertThat(GuidanceService.cut("  " + emoji + "短  ", 10)).isEqualTo(emoji + "短");
        assertThat(GuidanceService.cut("   ", 10)).isNull();
        assertThat(GuidanceService.cut("一二三四五六七八九十", 10)).isEqualTo("一二三四五六七八九十");
        assertThat(GuidanceService.cut("一二三四五六七八九十一", 10)).isEqualTo("一二三四五六七八九…");
    }
}
