package cn.gov.enforcement.portal.lists;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.regulation.ChineseScript;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The values the list files hold in Chinese (levels, kinds, sub-kinds, circumstance levels, kinds of
 * guidance) have a translation in each language: English without Chinese characters, zh-TW in
 * Traditional characters.
 */
class ListsTranslationsTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private static Properties bundle(String language) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("i18n", "lists_" + language + ".properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static List<String> keysOfEveryListValue() {
        List<String> keys = new ArrayList<>();
        ListsFormat.LEVELS.forEach(v -> keys.add(ListsUi.levelKey(v)));
        ListsFormat.KINDS.forEach(v -> keys.add(ListsUi.kindKey(v)));
        ListsFormat.SUBKINDS.forEach(v -> keys.add(ListsUi.subkindKey(v)));
        ListsFormat.CIRCUMSTANCES.forEach(v -> keys.add(ListsUi.circumstanceKey(v)));
        ListsFormat.GUIDANCE.forEach(v -> keys.add(ListsUi.guidanceKey(v)));
        return keys;
    }

    @Test
    void every_chinese_list_value_has_its_own_english_words() throws IOException {
        Properties en = bundle("en");
        List<String> keys = keysOfEveryListValue();
        assertThat(keys).doesNotHaveDuplicates();
        for (String key : keys) {
            assertThat(en.getProperty(key)).as(key).isNotBlank().doesNotContainPattern(HAN);
        }
        assertThat(en.getProperty(ListsUi.circumstanceKey("轻微"))).isEqualTo("Minor");
        assertThat(en.getProperty(ListsUi.circumstanceKey("一般"))).isEqualTo("Ordinary");
        assertThat(en.getProperty(ListsUi.circumstanceKey("严重"))).isEqualTo("Serious");
    }

    @Test
    void the_list_values_in_simplified_chinese_are_the_file_values_and_in_traditional_chinese_are_converted()
            throws IOException {
        Properties cn = bundle("zh_CN");
        Properties tw = bundle("zh_TW");
        for (List<String> values : List.of(ListsFormat.SUBKINDS, ListsFormat.CIRCUMSTANCES, ListsFormat.GUIDANCE)) {
            for (String value : values) {
                String key = ListsFormat.SUBKINDS.contains(value) ? ListsUi.subkindKey(value)
                        : ListsFormat.CIRCUMSTANCES.contains(value) ? ListsUi.circumstanceKey(value) : ListsUi.guidanceKey(value);
                assertThat(cn.getProperty(key)).as(key).isEqualTo(value);
                assertThat(tw.getProperty(key)).as(key).isEqualTo(ChineseScript.toTraditional(value));
            }
        }
        assertThat(tw.getProperty(ListsUi.circumstanceKey("严重"))).isEqualTo("嚴重");
    }

    @Test
    void every_traditional_chinese_text_of_the_lists_is_written_in_traditional_characters() throws IOException {
        Properties tw = bundle("zh_TW");
        List<String> simplified = new ArrayList<>();
        for (String key : tw.stringPropertyNames()) {
            if (key.equals("lists.admin.help.citations")) {
                continue; // its example is a citation typed as stored: the title as in the (Simplified) corpus
            }
            if (key.equals("lists.problem.articleFormat") || key.equals("lists.problem.levelOrder")) {
                continue; // they quote what the content file must hold, which is written in Simplified characters
            }
            // the table converts every 台 to 臺: the bundles write 平臺 (TranslationBundlesTest) but 後台, both Traditional
            String value = tw.getProperty(key);
            if (!ChineseScript.toTraditional(value).replace('臺', '台').equals(value.replace('臺', '台'))) {
                simplified.add(key + "=" + value + " (Traditional: " + ChineseScript.toTraditional(value) + ")");
            }
        }
        assertThat(simplified).isEmpty();
    }

    @Test
    void each_entry_pages_back_link_names_its_list_as_the_menu_does() throws IOException {
        for (String language : List.of("zh_CN", "zh_TW", "en")) {
            Properties p = bundle(language);
            // an exemption page's English link said only "Back to the list", next to a risk page's "Back to the legal risks"
            assertThat(p.getProperty("lists.risk.back").toLowerCase(java.util.Locale.ROOT)).as(language)
                    .contains(p.getProperty("menu.risks").toLowerCase(java.util.Locale.ROOT));
            assertThat(p.getProperty("lists.exemption.back").toLowerCase(java.util.Locale.ROOT)).as(language)
                    .contains(p.getProperty("menu.exemptions").toLowerCase(java.util.Locale.ROOT));
        }
    }
}
