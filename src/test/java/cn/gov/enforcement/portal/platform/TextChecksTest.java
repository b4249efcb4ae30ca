package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a name and a text may hold. */
class TextChecksTest {

    @Test
    void a_line_holds_no_control_format_or_separator_character() {
        assertThat(TextChecks.isSingleLine(null)).isTrue();
        assertThat(TextChecks.isSingleLine("某某商店（示例） Ltd. 👍")).isTrue();
        for (String bad : new String[] {"某某\n商店", "某某\r商店", "某\t店", "某\u0007店", "某\u2028店", "某\u2029店",
                "证据\u202Efdp", "某\u200B店", "某\uFEFF店"}) {
            assertThat(TextChecks.isSingleLine(bad)).as(bad).isFalse();
        }
    }

    @Test
    void a_text_keeps_line_breaks_tabs_and_emoji_joiners_but_nothing_else_of_the_kind() {
        assertThat(TextChecks.isPlainText("第一行\r\n第二行\t缩进 👨\u200d👩\u200d👧")).isTrue();
        assertThat(TextChecks.isPlainText(null)).isTrue();
        for (String bad : new String[] {"颜色\u001b[31m", "某\u2028店", "某\u202E店", "某\u0000店"}) {
            assertThat(TextChecks.isPlainText(bad)).as(bad).isFalse();
        }
    }

    @Test
    void a_text_is_shortened_after_its_first_characters_never_inside_one() {
        assertThat(TextChecks.shortened("执法检查", 4)).isEqualTo("执法检查");
        assertThat(TextChecks.shortened("执法检查通知", 4)).isEqualTo("执法检查…");
        assertThat(TextChecks.shortened("𠀀".repeat(5), 4)).isEqualTo("𠀀".repeat(4) + "…");
        assertThat(TextChecks.shortened("👍👍👍", 3)).isEqualTo("👍👍👍");
        assertThat(TextChecks.shortened(null, 4)).isEmpty();
        assertThat(TextChecks.shortened("", 4)).isEmpty();
    }
}
