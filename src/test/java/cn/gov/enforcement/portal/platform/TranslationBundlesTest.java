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
