package cn.gov.enforcement.portal.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.regulation.ChineseScript;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the assistant counts the words a question shares with a list entry, in either script. */
class ListWordsTest {

    private static Set<String> question(String text) {
        return AssistantService.questionPairs(ChineseScript.toSimplified(text));
    }

    @Test
    void title_words_count_three_body_words_one_and_fillers_none() {
        Set<String> pairs = question("请问开车时回复消息会被罚吗");
        assertThat(pairs).contains("开车", "回复", "消息").doesNotContain("请问");
        assertThat(AssistantService.words(pairs, "驾驶时回复消息", "")).isEqualTo(4 * 3); // 时回 回复 复消 消息
        assertThat(AssistantService.words(pairs, "", "驾驶时回复消息")).isEqualTo(4);
        assertThat(AssistantService.words(pairs, "餐饮油烟超标", "未经净化")).isZero();
    }

    @Test
    void a_traditional_question_meets_the_simplified_entry_even_where_conversion_keeps_the_character() {
        // 回覆 and 瞭解 stay as they are when converted to Simplified; the fold makes them 回复 and 了解 on both sides
        assertThat(ChineseScript.toSimplified("回覆訊息")).startsWith("回覆");
        Set<String> traditional = question("開車時回覆訊息會被罰嗎");
        Set<String> simplified = question("开车时回复讯息会被罚吗");
        assertThat(traditional).isEqualTo(simplified);
        assertThat(AssistantService.words(traditional, "手持手机回复消息", "")).isEqualTo(3);
        assertThat(AssistantService.words(question("不瞭解申報要求"), "", "小产废单位不了解申报要求")).isPositive();
        // an entry written in Traditional characters is folded alike
        assertThat(AssistantService.words(simplified, "手持手機回覆消息", "")).isEqualTo(3);
    }
}
