package cn.gov.enforcement.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

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
}
