package cn.gov.enforcement.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryTextTest {

    @Test
    void control_and_formatting_characters_are_dropped_and_blank_queries_become_null() {
        assertThat(QueryText.clean("  市场\u0000监管\u200b ", 100)).isEqualTo("市场 监管");
        assertThat(QueryText.clean(" \t\n ", 100)).isNull();
        assertThat(QueryText.clean(null, 100)).isNull();
    }

    @Test
    void long_queries_are_cut_by_code_points_without_splitting_an_emoji() {
        String cut = QueryText.clean("😀".repeat(150), 100);
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(100);
        assertThat(cut).isEqualTo("😀".repeat(100));
    }

    @Test
    void han_characters_are_single_terms_and_other_letters_form_words() {
        assertThat(QueryText.terms("食品ABC安全 2024年")).containsExactly("食", "品", "abc", "安", "全", "2024", "年");
        assertThat(QueryText.terms("\"(*:\\")).isEmpty();
    }

    private static QueryText.Word pair(String text) {
        return new QueryText.Word(text, true);
    }

    private static QueryText.Word single(String text) {
        return new QueryText.Word(text, false);
    }

    @Test
    void the_words_of_a_question_are_its_neighbouring_pairs_within_each_run_and_its_lone_terms() {
        assertThat(QueryText.words("占道经营")).containsExactly(pair("占道"), pair("道经"), pair("经营"));
        // a space ends a run: no pair across it; a run of one term is that term
        assertThat(QueryText.words("饭店 潜水艇")).containsExactly(pair("饭店"), pair("潜水"), pair("水艇"));
        assertThat(QueryText.words("险 ABC")).containsExactly(single("险"), single("abc"));
        assertThat(QueryText.words("5万元")).containsExactly(pair("5万"), pair("万元"));
        assertThat(QueryText.words("险险险")).containsExactly(pair("险险"));
        assertThat(QueryText.words("\"(*:\\😀")).isEmpty();
        assertThat(QueryText.words(null)).isEmpty();
    }

    @Test
    void one_or_two_words_are_all_needed_and_at_least_half_of_more() {
        assertThat(QueryText.wordsNeeded(1)).isEqualTo(1);
        assertThat(QueryText.wordsNeeded(2)).isEqualTo(2);
        assertThat(QueryText.wordsNeeded(3)).isEqualTo(2);
        assertThat(QueryText.wordsNeeded(4)).isEqualTo(2);
        assertThat(QueryText.wordsNeeded(5)).isEqualTo(3);
        assertThat(QueryText.wordsNeeded(6)).isEqualTo(3);
    }

    @Test
    void a_text_holds_enough_words_when_it_has_the_pairs_without_the_extra_characters() {
        String entry = "店外经营、占道堆放物品\n把商品、桌椅摆到门前人行道上经营";
        // 占道经营: 占道 and 经营 of three (the pair 道经 is missing): enough
        assertThat(QueryText.holdsEnough(entry, QueryText.words("占道经营"))).isTrue();
        // 占道 needs the pair itself, not 占 and 道 somewhere
        assertThat(QueryText.holdsEnough("占用人行道", QueryText.words("占道"))).isFalse();
        assertThat(QueryText.holdsEnough(entry, QueryText.words("占道"))).isTrue();
        // a pair counts across punctuation, as the bigram sub-field joins neighbouring terms
        assertThat(QueryText.wordsIn(entry, List.of(pair("营占")))).isEqualTo(1);
        assertThat(QueryText.holdsEnough(entry, QueryText.words("潜水艇"))).isFalse();
        assertThat(QueryText.holdsEnough(entry, List.of())).isFalse();
    }

    @Test
    void the_wordings_are_the_text_then_each_alternative_without_the_empty_ones() {
        assertThat(QueryText.wordings("卖菜", List.of("销售食用农产品", "！？", "险")))
                .containsExactly(List.of(pair("卖菜")), QueryText.words("销售食用农产品"), List.of(single("险")));
        // a text of no words keeps the alternatives' words; no text has none, whatever the alternatives
        assertThat(QueryText.wordings("😀", List.of("占道"))).containsExactly(List.of(pair("占道")));
        assertThat(QueryText.wordings(null, List.of("占道"))).isEmpty();
    }
}
