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

    @Test
    void a_language_tag_names_the_portal_language_of_its_language_script_and_region() {
        for (String tag : new String[] {"en", "EN", "en-US", "en-GB", "en-AU", "en-IN", "en_CA", "en-Latn-US"}) {
            assertThat(LanguagePreference.parse(tag)).as(tag).isEqualTo(Translations.EN);
        }
        for (String tag : new String[] {"zh-TW", "zh-HK", "zh-MO", "zh_HK", "zh-Hant", "zh-Hant-TW", "zh-Hant-HK",
                "zh-hant-mo", "zh-Hant-CN"}) {
            assertThat(LanguagePreference.parse(tag)).as(tag).isEqualTo(Translations.ZH_TW);
        }
        for (String tag : new String[] {"zh", "ZH", "zh-CN", "zh-SG", "zh_CN", "zh-Hans", "zh-Hans-CN", "zh-Hans-SG",
                "zh-Hans-HK", " zh-cn "}) {
            assertThat(LanguagePreference.parse(tag)).as(tag).isEqualTo(Translations.ZH_CN);
        }
        for (String tag : new String[] {"fr", "fr-FR", "de-CH", "ja", "", " ", "*", "english", "中文", null}) {
            assertThat(LanguagePreference.parse(tag)).as(String.valueOf(tag)).isNull();
        }
    }

    @Test
    void the_api_answers_in_the_first_accepted_language_the_portal_speaks() {
        assertThat(apiLanguage(null, "fr-FR, en;q=0.9")).isEqualTo(Translations.EN);
        assertThat(apiLanguage(null, "de;q=0.9, zh-HK;q=0.8, en;q=0.7")).isEqualTo(Translations.ZH_TW);
        assertThat(apiLanguage(null, "en-AU, zh-Hant;q=0.5")).isEqualTo(Translations.EN);
        assertThat(apiLanguage(null, "ja, zh-Hant-TW;q=0.4, zh-CN;q=0.6")).isEqualTo(Translations.ZH_CN);
        assertThat(apiLanguage(null, "zh-SG")).isEqualTo(Translations.ZH_CN);
        // nothing the portal speaks, no header or a blank one: the portal's default
        assertThat(apiLanguage(null, "fr-FR, de;q=0.5")).isEqualTo(Translations.ZH_CN);
        assertThat(apiLanguage(null, null)).isEqualTo(Translations.ZH_CN);
        assertThat(apiLanguage(null, " ")).isEqualTo(Translations.ZH_CN);
        // ?lang= wins, in any of the tags the pages accept; one the portal does not speak leaves it to the header
        assertThat(apiLanguage("zh-Hant-TW", "en")).isEqualTo(Translations.ZH_TW);
        assertThat(apiLanguage("en-AU", "zh-CN")).isEqualTo(Translations.EN);
        assertThat(apiLanguage("fr", "fr, en;q=0.5")).isEqualTo(Translations.EN);
    }

    private static java.util.Locale apiLanguage(String lang, String acceptLanguage) {
        var request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/v1/agencies");
        if (lang != null) {
            request.setParameter("lang", lang);
            request.setQueryString("lang=" + lang);
        }
        if (acceptLanguage != null) {
            request.addHeader("Accept-Language", acceptLanguage);
        }
        return LanguagePreference.forApiRequest(request);
    }

    @Test
    void the_api_language_comes_from_the_address_never_from_a_form_body() {
        var request = new org.springframework.mock.web.MockHttpServletRequest("POST", "/api/v1/exemptions/check");
        request.setContentType("application/x-www-form-urlencoded");
        request.setParameter("lang", "en"); // as the container would parse it from the body
        assertThat(LanguagePreference.forApiRequest(request)).isEqualTo(Translations.ZH_CN);
        request.setQueryString("lang=zh-TW");
        assertThat(LanguagePreference.forApiRequest(request)).isEqualTo(Translations.ZH_TW);
    }
}
