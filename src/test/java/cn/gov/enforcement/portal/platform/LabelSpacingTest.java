package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelSpacingTest {

    @Test
    void an_english_label_is_followed_by_a_space() {
        assertThat(LabelSpacing.beforeNext("Reference:") + "PJ-2026-000001").isEqualTo("Reference: PJ-2026-000001");
        assertThat(LabelSpacing.beforeNext("Try:")).isEqualTo("Try: ");
    }

    @Test
    void a_chinese_label_ending_in_a_full_width_mark_gets_no_second_gap() {
        assertThat(LabelSpacing.beforeNext("评价编号：") + "PJ-2026-000001").isEqualTo("评价编号：PJ-2026-000001");
        assertThat(LabelSpacing.beforeNext("案件編號：")).isEqualTo("案件編號：");
        assertThat(LabelSpacing.beforeNext("不公开，也不用于其他用途。")).isEqualTo("不公开，也不用于其他用途。");
        assertThat(LabelSpacing.beforeNext("（见“执法主体公示”）。")).endsWith("。");
    }

    @Test
    void a_chinese_text_ending_in_a_han_character_keeps_its_space() {
        assertThat(LabelSpacing.beforeNext("查看")).isEqualTo("查看 ");
    }

    @Test
    void nothing_stays_nothing() {
        assertThat(LabelSpacing.beforeNext("")).isEmpty();
        assertThat(LabelSpacing.beforeNext(null)).isEmpty();
    }

    @Test
    void a_mark_that_opens_in_full_width_follows_without_a_space() {
        assertThat("示例市生态环境局" + LabelSpacing.afterPrevious("（示例）")).isEqualTo("示例市生态环境局（示例）");
        assertThat("2023-09-01 版" + LabelSpacing.afterPrevious("（即本页）")).isEqualTo("2023-09-01 版（即本页）");
        assertThat("Sample City Bureau" + LabelSpacing.afterPrevious("(sample)")).isEqualTo("Sample City Bureau (sample)");
        assertThat(LabelSpacing.afterPrevious("")).isEmpty();
    }

    @Test
    void a_label_takes_the_colon_of_its_language() {
        assertThat(LabelSpacing.label("办公地址") + "示例市新城区和平路88号").isEqualTo("办公地址：示例市新城区和平路88号");
        assertThat(LabelSpacing.label("監督電話") + "0999-12315001").isEqualTo("監督電話：0999-12315001");
        assertThat(LabelSpacing.label("Office address") + "No. 88 Heping Road").isEqualTo("Office address: No. 88 Heping Road");
        assertThat(LabelSpacing.label("第 2 行")).isEqualTo("第 2 行：");
        assertThat(LabelSpacing.label("Line 2 (officers)")).isEqualTo("Line 2 (officers): ");
        assertThat(LabelSpacing.label("")).isEmpty();
        assertThat(LabelSpacing.label(null)).isEmpty();
    }

    @Test
    void a_note_in_brackets_takes_the_brackets_of_its_language() {
        assertThat("张三" + LabelSpacing.inBrackets("个人")).isEqualTo("张三（个人）");
        assertThat("已提交，等待受理" + LabelSpacing.inBrackets("申請人")).isEqualTo("已提交，等待受理（申請人）");
        assertThat("Zhang San" + LabelSpacing.inBrackets("A person")).isEqualTo("Zhang San (A person)");
        assertThat("张三" + LabelSpacing.inBrackets("A person")).isEqualTo("张三 (A person)");
        assertThat(LabelSpacing.inBrackets("")).isEmpty();
        assertThat(LabelSpacing.inBrackets(null)).isEmpty();
    }
}
