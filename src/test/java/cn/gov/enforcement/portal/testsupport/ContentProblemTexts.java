package cn.gov.enforcement.portal.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.knowledge.ContentProblem;
import cn.gov.enforcement.portal.platform.Translations;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks that content problems can be shown on the administrators' page in every language of the portal: the page
 * translates each problem's key with its arguments, and a key missing from a bundle would show as !key (or in
 * another language, as the provider falls back to zh-CN).
 */
public final class ContentProblemTexts {

    private static final Pattern PLACEHOLDER_LEFT = Pattern.compile("\\{\\d");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final Translations TRANSLATIONS = new Translations();
    private static final Map<Locale, Map<Object, Object>> BUNDLES = new HashMap<>();

    static {
        Translations.readBundles().forEach((family, perLocale) -> perLocale.forEach((locale, props) ->
                BUNDLES.computeIfAbsent(locale, l -> new HashMap<>()).putAll(props)));
    }

    private ContentProblemTexts() {
    }

    /**
     * Asserts that the key of each problem is in the bundles of zh-CN, zh-TW and English, that its message takes all
     * the problem's arguments (no placeholder left), that the Chinese messages are in Chinese and that the English
     * one is the problem's message for the log.
     *
     * @return the keys of the problems, to check which messages a test reached
     */
    public static Set<String> assertShownInEveryLanguage(Collection<ContentProblem> problems) {
        Set<String> keys = new TreeSet<>();
        for (ContentProblem p : problems) {
            for (Locale locale : Translations.LOCALES) {
                assertThat(BUNDLES.get(locale)).as("%s in the %s bundles", p.key(), locale).containsKey(p.key());
                String shown = TRANSLATIONS.get(locale, p.key(), p.args().toArray());
                assertThat(PLACEHOLDER_LEFT.matcher(shown).find()).as("%s in %s: %s", p.key(), locale, shown).isFalse();
                if (!locale.equals(Translations.EN)) {
                    assertThat(CHINESE.matcher(shown).find()).as("%s in %s: %s", p.key(), locale, shown).isTrue();
                    assertThat(shown).as(p.key()).isNotEqualTo(p.message());
                }
            }
            assertThat(TRANSLATIONS.get(Translations.EN, p.key(), p.args().toArray())).isEqualTo(p.message());
            keys.add(p.key());
        }
        return keys;
    }
}
