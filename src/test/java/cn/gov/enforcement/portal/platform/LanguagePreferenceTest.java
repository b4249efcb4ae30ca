package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the language a page's address names. */
class LanguagePreferenceTest {

    @Test
    void the_lang_parameter_of_a_query_string_is_read_and_a_malformed_one_is_no_language() {
        assertThat(LanguagePreference.langFromQuery("q=%E5%90%88&lang=zh-TW")).isEqualTo("zh-TW");
        assertThat(LanguagePreference.langFromQuery("lang=en&lang=zh-TW")).isEqualTo("en");
        assertThat(LanguagePreference.langFromQuery("language=en")).isNull();
        assertThat(LanguagePreference.langFromQuery("")).isNull();
        // URLDecoder refuses these; the page must still open (in the remembered or default language)
        assertThat(LanguagePreference.langFromQuery("lang=%")).isNull();
        assertThat(LanguagePreference.langFromQuery("lang=%zz")).isNull();
        assertThat(LanguagePreference.parse(LanguagePreference.langFromQuery("lang=%zz"))).isNull();
    }
}
