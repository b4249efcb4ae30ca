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

    @Test
    void an_address_that_names_a_language_is_loaded_again_with_the_new_one() {
        assertThat(LanguagePreference.withLanguage(new com.vaadin.flow.router.Location("regulations?q=%E5%90%88&lang=en"),
                Translations.ZH_TW)).isEqualTo("regulations?q=%E5%90%88&lang=zh-TW");
        assertThat(LanguagePreference.withLanguage(new com.vaadin.flow.router.Location("?lang=zh-TW"), Translations.ZH_CN))
                .isEqualTo("./?lang=zh-CN");
        // no language in the address: the page is simply loaded again, the cookie deciding
        assertThat(LanguagePreference.withLanguage(new com.vaadin.flow.router.Location("regulations?q=x"),
                Translations.EN)).isNull();
    }

    @Test
    void a_link_for_a_party_names_the_partys_language() {
        assertThat(LanguagePreference.inLanguage("https://zhifa.example.cn/guidance?number=ZD-2026-000001", Translations.EN))
                .isEqualTo("https://zhifa.example.cn/guidance?number=ZD-2026-000001&lang=en");
        assertThat(LanguagePreference.inLanguage("https://zhifa.example.cn/guidance", Translations.ZH_TW))
                .isEqualTo("https://zhifa.example.cn/guidance?lang=zh-TW");
        assertThat(LanguagePreference.inLanguage("https://zhifa.example.cn/guidance", java.util.Locale.forLanguageTag("fr")))
                .as("a language the portal does not speak: its default").endsWith("?lang=zh-CN");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LanguagePreference.inLanguage(
                "https://zhifa.example.cn/guidance?lang=en", Translations.ZH_CN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_page_opened_in_another_language_names_it_in_its_address() {
        assertThat(LanguagePreference.addressIn(new com.vaadin.flow.router.Location("mediation/apply?letter=ABC"),
                Translations.EN)).isEqualTo("mediation/apply?letter=ABC&lang=en");
        assertThat(LanguagePreference.addressIn(new com.vaadin.flow.router.Location("mediation/apply?letter=ABC&lang=xx"),
                Translations.ZH_TW)).isEqualTo("mediation/apply?letter=ABC&lang=zh-TW");
        // no request here, so no cookie: only the address can have chosen
        assertThat(LanguagePreference.noneChosen(new com.vaadin.flow.router.Location("mediation/apply?letter=ABC"))).isTrue();
        assertThat(LanguagePreference.noneChosen(new com.vaadin.flow.router.Location("mediation/apply?letter=ABC&lang=xx")))
                .as("a language the portal does not speak is no choice").isTrue();
        assertThat(LanguagePreference.noneChosen(new com.vaadin.flow.router.Location("mediation/apply?letter=ABC&lang=zh-TW")))
                .isFalse();
    }
}
