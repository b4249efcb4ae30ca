package cn.gov.enforcement.portal.platform;

import com.vaadin.flow.i18n.I18NProvider;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every text a person reads comes from the bundles in {@code i18n/} at the repository root
 * (packaged as {@code classpath:i18n/}). Each module keeps its own bundle family
 * {@code <module>_<locale>.properties} in UTF-8; this provider merges all families per locale.
 * zh-CN is the default; zh-TW and en are complete translations (a test checks every key).
 */
@Component
public class Translations implements I18NProvider {

    public static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ZH_TW = Locale.TRADITIONAL_CHINESE;
    public static final Locale EN = Locale.ENGLISH;
    public static final List<Locale> LOCALES = List.of(ZH_CN, ZH_TW, EN);

    private static final Logger log = LoggerFactory.getLogger(Translations.class);
    private static final Pattern FILE = Pattern.compile("([a-z0-9-]+)_(zh_CN|zh_TW|en)\\.properties");

    private final Map<Locale, Map<String, String>> messages;

    public Translations() {
        this.messages = load();
    }

    /** Bundle family → locale → key/value, as read from {@code classpath:i18n/}. */
    public static Map<String, Map<Locale, Properties>> readBundles() {
        Map<String, Map<Locale, Properties>> bundles = new TreeMap<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
            for (Resource resource : resources) {
                Matcher m = FILE.matcher(resource.getFilename() == null ? "" : resource.getFilename());
                if (!m.matches()) {
                    throw new IllegalStateException("Unexpected translation file name: " + resource.getFilename()
                            + " (expected <module>_<zh_CN|zh_TW|en>.properties)");
                }
                Properties props = new Properties();
                try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                    props.load(reader);
                }
                bundles.computeIfAbsent(m.group(1), k -> new HashMap<>()).put(toLocale(m.group(2)), props);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read translation bundles", e);
        }
        return bundles;
    }

    private static Locale toLocale(String suffix) {
        return switch (suffix) {
            case "zh_CN" -> ZH_CN;
            case "zh_TW" -> ZH_TW;
            default -> EN;
        };
    }

    private static Map<Locale, Map<String, String>> load() {
        Map<Locale, Map<String, String>> all = new HashMap<>();
        readBundles().forEach((family, perLocale) -> perLocale.forEach((locale, props) -> {
            Map<String, String> target = all.computeIfAbsent(locale, k -> new HashMap<>());
            props.forEach((k, v) -> {
                if (target.put((String) k, (String) v) != null) {
                    throw new IllegalStateException("Translation key " + k + " is defined twice (" + family + ")");
                }
            });
        }));
        return Collections.unmodifiableMap(all);
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    /** The supported locale closest to the given one; zh-CN when nothing fits. */
    public static Locale supported(Locale locale) {
        Locale match = match(locale);
        return match == null ? ZH_CN : match;
    }

    /**
     * The supported locale of the given one's language, script and region, or null when the portal does not speak
     * its language: every English is {@link #EN}; Chinese in Traditional characters (script {@code Hant}) or, without
     * a script, of Taiwan, Hong Kong or Macao is {@link #ZH_TW}; any other Chinese ({@code Hans}, mainland China,
     * Singapore, no region) is {@link #ZH_CN}.
     */
    public static Locale match(Locale locale) {
        if (locale == null) {
            return null;
        }
        if ("en".equals(locale.getLanguage())) {
            return EN;
        }
        if (!"zh".equals(locale.getLanguage())) {
            return null;
        }
        return switch (locale.getScript()) {
            case "Hant" -> ZH_TW;
            case "Hans" -> ZH_CN;
            default -> switch (locale.getCountry()) {
                case "TW", "HK", "MO" -> ZH_TW;
                default -> ZH_CN;
            };
        };
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale target = supported(locale);
        String value = messages.getOrDefault(target, Map.of()).get(key);
        if (value == null) {
            value = messages.getOrDefault(ZH_CN, Map.of()).get(key);
        }
        if (value == null) {
            log.warn("Missing translation key {}", key);
            return "!" + key;
        }
        if (params == null || params.length == 0) {
            return value;
        }
        return new MessageFormat(value, target).format(params);
    }

    /** Convenience for services and REST controllers outside a Vaadin UI. */
    public String get(Locale locale, String key, Object... params) {
        return getTranslation(key, locale, params);
    }

    public boolean has(String key) {
        return messages.getOrDefault(ZH_CN, Map.of()).containsKey(key);
    }
}
