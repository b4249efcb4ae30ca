package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionWordsTest {

    @Test
    void question_words_become_spaces_so_no_new_character_pairs_form() {
        assertThat(QuestionWords.blankOut("房子被占了怎么办")).isEqualTo("房子被占了 ");
        assertThat(QuestionWords.blankOut("如何申请行政调解")).isEqualTo(" 申请行政调解");
        assertThat(QuestionWords.blankOut("公司是否应当支付加班费")).isEqualTo("公司 应当支付加班费");
        assertThat(QuestionWords.blankOut("为什么要缴纳社保")).isEqualTo(" 要缴纳社保");
        // a doubled verb asks: 会不会被罚 searches 被罚, not every text that says 不会
        assertThat(QuestionWords.blankOut("开饭店油烟会不会被罚")).isEqualTo("开饭店油烟 被罚");
        assertThat(QuestionWords.blankOut("没有营业执照卖菜是不是违法")).isEqualTo("没有营业执照卖菜 违法");
        assertThat(QuestionWords.blankOut("有没有规定")).isEqualTo(" 规定");
    }

    @Test
    void a_text_made_only_of_question_words_is_kept() {
        assertThat(QuestionWords.blankOut("怎么办？")).isEqualTo("怎么办？");
        assertThat(QuestionWords.blankOut("")).isEmpty();
    }

    @Test
    void the_lexical_query_of_a_longer_question_leaves_its_question_words_out_and_a_short_one_keeps_them() {
        // our guides' titles are phrased as questions (…调不成怎么办): 怎么办 must not draw them to every question
        String query = RegulationIndex.lexicalQuery("房子被别人占了怎么办", List.of(), 0).toString();
        assertThat(query).contains("房子被别人占了").doesNotContain("怎么").doesNotContain("么办");
        assertThat(RegulationIndex.lexicalQuery("怎么办", List.of(), 0).toString()).contains("怎么办");
        // 法人是什么 is a longer question: once 什么 is left out, its common characters (法, 人) still stay out of
        // the single-character clause (on all_s), as for any longer question
        String longer = RegulationIndex.lexicalQuery("法人是什么", List.of(), 0).toString();
        assertThat(longer).contains("{\"all_s\":{\"query\":\"  是 \"}}").contains("{\"query\":\"法人是 \"}");
    }
}
