package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TranslationBundlesTest {

    @Test
    void every_bundle_has_the_same_keys_in_all_three_languages() {
        Map<String, Map<Locale, Properties>> bundles = Translations.readBundles();
        assertThat(bundles).isNotEmpty();
        List<String> problems = new ArrayList<>();
        bundles.forEach((family, perLocale) -> {
            for (Locale locale : Translations.LOCALES) {
                if (!perLocale.containsKey(locale)) {
                    problems.add(family + ": no file for " + locale);
                }
            }
            Set<String> all = new TreeSet<>();
            perLocale.values().forEach(p -> p.stringPropertyNames().forEach(all::add));
            perLocale.forEach((locale, props) -> {
                for (String key : all) {
                    String value = props.getProperty(key);
                    if (value == null) {
                        problems.add(family + "_" + locale + ": missing key " + key);
                    } else if (value.isBlank()) {
                        problems.add(family + "_" + locale + ": empty value for " + key);
                    }
                }
            });
        });
        assertThat(problems).as("translation problems").isEmpty();
    }

    @Test
    void every_message_with_placeholders_is_a_valid_message_format_in_its_language() {
        // a pattern the JDK cannot read (a # inside a choice, an unbalanced brace or quote) fails on the page only
        // when the message is shown with arguments, so each one is read and formatted here with numbers
        List<String> problems = new ArrayList<>();
        Translations.readBundles().forEach((family, perLocale) -> perLocale.forEach((locale, props) -> {
            for (String key : props.stringPropertyNames()) {
                String value = props.getProperty(key);
                if (!value.contains("{")) {
                    continue;
                }
                try {
                    java.text.MessageFormat format = new java.text.MessageFormat(value, locale);
                    Object[] args = new Object[Math.max(1, format.getFormatsByArgumentIndex().length)];
                    for (int n : new int[] {0, 1, 2, 25, 1234}) {
                        java.util.Arrays.fill(args, n);
                        format.format(args);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(family + "_" + locale + " " + key + ": " + e.getMessage());
                }
            }
        }));
        assertThat(problems).as("unreadable message formats").isEmpty();
    }

    /**
     * Things counted in English texts: one of them must not read as several. Units of limits set by the portal
     * (characters, days, minutes) are left out: those limits are never one.
     */
    private static final Pattern ONE_OF_MANY = Pattern.compile("(?<![\\d.,])1 (files|risks|items|entries|cases|ratings"
            + "|answers|sectors|accounts|articles|records|problems|self-checks|questions|replies|pages|agencies|messages"
            + "|steps|officers)\\b");

    @Test
    void english_counts_say_one_thing_in_the_singular_and_never_thing_s() {
        // every English message formatted with the number 1 for each argument: 1 risks found, At most 1 files
        List<String> problems = new ArrayList<>();
        Translations.readBundles().forEach((family, perLocale) -> {
            Properties en = perLocale.get(Translations.EN);
            for (String key : en.stringPropertyNames()) {
                String value = en.getProperty(key);
                if (value.contains("(s)")) {
                    problems.add(key + ": (s) instead of a choice: " + value);
                }
                if (!value.contains("{")) {
                    continue;
                }
                java.text.MessageFormat format = new java.text.MessageFormat(value, Locale.ENGLISH);
                Object[] args = new Object[Math.max(1, format.getFormatsByArgumentIndex().length)];
                java.util.Arrays.fill(args, 1);
                String one = format.format(args);
                Matcher m = ONE_OF_MANY.matcher(one);
                if (m.find()) {
                    problems.add(key + ": reads '" + m.group() + "' for one: " + value);
                }
                // a count of one followed by "them": One answer needs attention … Please correct them
                if (value.contains(",choice,") && Pattern.compile("\\bthem\\b").matcher(one).find()) {
                    problems.add(key + ": says 'them' of one: " + one);
                }
            }
        });
        assertThat(problems).as("English plurals").isEmpty();
    }

    @Test
    void a_message_without_placeholders_writes_an_apostrophe_once() {
        // a message without arguments is shown as written, not read as a MessageFormat: "agency''s" appeared doubled
        List<String> problems = new ArrayList<>();
        Translations.readBundles().forEach((family, perLocale) -> perLocale.forEach((locale, texts) -> {
            for (String key : texts.stringPropertyNames()) {
                String value = texts.getProperty(key);
                if (!value.matches("(?s).*\\{\\d.*") && value.contains("''")) {
                    problems.add(locale + " " + key + ": " + value);
                }
            }
        }));
        assertThat(problems).as("doubled apostrophes in messages shown as written").isEmpty();
    }

    @Test
    void english_paragraphs_begin_with_a_capital_letter() {
        // mails read Dear Zhang San, then a paragraph that began in lower case (your application has been received)
        List<String> problems = new ArrayList<>();
        Pattern lowerStart = Pattern.compile("\\n\\n[a-z]");
        Translations.readBundles().forEach((family, perLocale) -> {
            Properties en = perLocale.get(Translations.EN);
            for (String key : en.stringPropertyNames()) {
                if (lowerStart.matcher(en.getProperty(key)).find()) {
                    problems.add(key + ": " + en.getProperty(key));
                }
            }
        });
        assertThat(problems).as("English paragraphs beginning in lower case").isEmpty();
    }

    @Test
    void simplified_chinese_texts_quote_with_curly_quotation_marks_as_the_mainland_writes_them() {
        // mainland usage (GB/T 15834) quotes with “…”; Taiwan's 「…」 crept into a few zh-CN messages beside 77 with “…”
        assertThat(textsWithCornerBrackets(Translations.ZH_CN)).as("corner brackets in the Simplified Chinese texts")
                .isEmpty();
    }

    @Test
    void english_texts_quote_with_english_quotation_marks_not_chinese_corner_brackets() {
        // Limit: 「未覆盖的物料面积」 below 100 m² reads as a stray Chinese mark in an English sentence
        assertThat(textsWithCornerBrackets(Translations.EN)).as("Chinese corner brackets in the English texts").isEmpty();
    }

    /** Every text of the language that holds a corner bracket (「」『』), as family_locale key: text. */
    private static List<String> textsWithCornerBrackets(Locale locale) {
        List<String> problems = new ArrayList<>();
        Translations.readBundles().forEach((family, perLocale) -> {
            Properties texts = perLocale.get(locale);
            for (String key : texts.stringPropertyNames()) {
                if (texts.getProperty(key).matches("(?s).*[「」『』].*")) {
                    problems.add(family + "_" + locale + " " + key + ": " + texts.getProperty(key));
                }
            }
        });
        return problems;
    }

    @Test
    void the_largest_number_a_self_test_takes_is_written_with_its_digits_grouped_in_every_language() {
        Translations.readBundles().get("lists").forEach((locale, texts) -> assertThat(
                texts.getProperty("lists.check.error.number")).as(locale.toString()).contains("1,000,000,000,000")
                .doesNotContain("1000000000000"));
    }

    @Test
    void traditional_chinese_texts_use_taiwan_words_not_mainland_ones() {
        // 郵箱 (mainland) for 信箱, 點擊 for 點選, and the like; the conversion of characters does not change words
        List<String> mainland = List.of("郵箱", "點擊", "網絡", "登錄", "打印", "默認", "賬號", "鏈接", "數據", "設置", "軟件",
                "視頻", "屏幕", "菜單", "短信", "緩存", "服務器");
        List<String> problems = new ArrayList<>();
        Translations.readBundles().forEach((family, perLocale) -> {
            Properties tw = perLocale.get(Translations.ZH_TW);
            for (String key : tw.stringPropertyNames()) {
                for (String word : mainland) {
                    if (tw.getProperty(key).contains(word)) {
                        problems.add(family + "_zh_TW " + key + ": " + word);
                    }
                }
            }
        });
        assertThat(problems).as("mainland words in the Traditional Chinese texts").isEmpty();
    }

    @Test
    void traditional_chinese_texts_write_platform_as_the_guides_do_in_its_standard_form() {
        // the guides reach zh-TW readers through ReaderScript, which writes 本平臺; the interface wrote 本平台 beside them
        assertThat(ReaderScript.toTaiwan("在本平台申请的步骤")).isEqualTo("在本平臺申請的步驟");
        List<String> problems = new ArrayList<>();
        Translations.readBundles().forEach((family, perLocale) -> {
            Properties tw = perLocale.get(Translations.ZH_TW);
            for (String key : tw.stringPropertyNames()) {
                if (tw.getProperty(key).contains("平台")) {
                    problems.add(family + "_zh_TW " + key + ": " + tw.getProperty(key));
                }
            }
        });
        assertThat(problems).as("平台 where the guides write 平臺").isEmpty();
    }

    @Test
    void every_key_used_in_the_code_exists_in_the_bundles() throws IOException {
        Translations translations = new Translations();
        Pattern call = Pattern.compile("(?:getTranslation|\\.get\\(\\s*[a-zA-Z_.()]+\\s*,)\\(?\\s*\"([a-zA-Z0-9_.-]+)\"");
        Pattern literalKey = Pattern.compile("\"((?:menu|shell|home|account|agency|knowledge|notification|search|login|regulation|rating|assistant)\\.[a-zA-Z0-9_.-]+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Pattern p : List.of(call, literalKey)) {
                    Matcher m = p.matcher(source);
                    while (m.find()) {
                        String key = m.group(1);
                        if (key.endsWith(".") || !key.contains(".")) {
                            continue; // a prefix completed at run time, checked by the enum tests
                        }
                        if (!translations.has(key)) {
                            missing.add(file.getFileName() + ": " + key);
                        }
                    }
                }
            }
        }
        assertThat(missing).as("keys used in code but missing from i18n/").isEmpty();
    }

    @Test
    void every_content_problem_key_in_the_code_is_in_all_three_languages_and_each_one_is_used() throws IOException {
        // a content problem carries its key to the administrators' page, which translates it there: no getTranslation
        // call names the key, so the keys written in the parsers are compared with the bundles here
        Pattern problemKey = Pattern.compile("\"((?:knowledge|agency|lists|regulation\\.guide)\\.problem\\.[a-zA-Z]+)\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = problemKey.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(50);
        Map<Locale, Set<String>> defined = new java.util.HashMap<>();
        Pattern definedKey = Pattern.compile("(?:knowledge|agency|lists|regulation\\.guide)\\.problem\\..+");
        Translations.readBundles().forEach((family, perLocale) -> perLocale.forEach((locale, props) ->
                props.stringPropertyNames().stream().filter(k -> definedKey.matcher(k).matches())
                        .forEach(k -> defined.computeIfAbsent(locale, l -> new TreeSet<>()).add(k))));
        for (Locale locale : Translations.LOCALES) {
            assertThat(defined.get(locale)).as("content problem keys in the %s bundles", locale)
                    .containsExactlyInAnyOrderElementsOf(used);
        }
    }

    @Test
    void every_upload_text_exists_under_each_pages_prefix() {
        Translations translations = new Translations();
        for (String prefix : List.of("regulation.upload.", "mediation.evidence.upload.")) {
            assertThat(UploadTexts.KEYS).as(prefix).allSatisfy(key -> assertThat(translations.has(prefix + key))
                    .as(prefix + key).isTrue());
        }
    }

    @Test
    void keys_are_unique_across_bundles() {
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        Translations.readBundles().forEach((family, perLocale) -> perLocale.get(Translations.ZH_CN)
                .stringPropertyNames().forEach(k -> {
                    if (!seen.add(k)) {
                        duplicates.add(family + ": " + k);
                    }
                }));
        assertThat(duplicates).isEmpty();
    }

    @Test
    void unknown_locales_fall_back_to_simplified_chinese_and_known_ones_are_recognised() {
        assertThat(Translations.supported(Locale.GERMAN)).isEqualTo(Translations.ZH_CN);
        assertThat(Translations.supported(Locale.forLanguageTag("zh-HK"))).isEqualTo(Translations.ZH_TW);
        assertThat(Translations.supported(Locale.US)).isEqualTo(Translations.EN);
        assertThat(LanguagePreference.parse("zh-TW")).isEqualTo(Translations.ZH_TW);
        assertThat(LanguagePreference.parse("fr")).isNull();
        Translations t = new Translations();
        assertThat(t.get(Translations.EN, "menu.home")).isEqualTo("Home");
        assertThat(t.get(Translations.ZH_CN, "menu.home")).isEqualTo("首页");
        assertThat(t.get(Translations.ZH_TW, "menu.home")).isEqualTo("首頁");
    }
}
