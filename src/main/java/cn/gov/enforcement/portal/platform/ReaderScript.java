package cn.gov.enforcement.portal.platform;

import com.hankcs.hanlp.HanLP;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Content written in Simplified Chinese (list entries, agency details) in the reader's script: Traditional
 * characters as written in Taiwan on zh-TW pages, unchanged in every other language. The conversion is
 * phrase-aware (HanLP's Simplified-to-Traditional table, derived from OpenCC: 干部 becomes 幹部, 干燥 becomes
 * 乾燥, 头发 becomes 頭髮), then takes Taiwan's standard form of a few characters (爲 to 為, 裏 to 裡, 着 to 著,
 * 佈 to 布 as in 公布 and 發布). Words are not replaced by Taiwan vocabulary (信息 stays 信息): an official
 * list keeps its wording. Thread-safe; the phrase table is built on first use (1.4 to 2.4 s), which
 * {@link ReaderScriptWarmUp} makes once the portal is ready.
 */
public final class ReaderScript {

    /** Taiwan's standard form of characters the phrase table writes in OpenCC's (Hong Kong / mainland) form. */
    private static final Map<Character, Character> TAIWAN_FORMS = Map.ofEntries(
            Map.entry('爲', '為'), Map.entry('僞', '偽'), Map.entry('啓', '啟'), Map.entry('峯', '峰'),
            Map.entry('牀', '床'), Map.entry('着', '著'), Map.entry('祕', '秘'), Map.entry('羣', '群'),
            Map.entry('衆', '眾'), Map.entry('裏', '裡'), Map.entry('麪', '麵'), Map.entry('喫', '吃'),
            Map.entry('纔', '才'), Map.entry('脣', '唇'), Map.entry('擡', '抬'), Map.entry('糉', '粽'),
            Map.entry('竈', '灶'), Map.entry('嫺', '嫻'), Map.entry('癡', '痴'), Map.entry('皁', '皂'),
            Map.entry('鉢', '缽'), Map.entry('鍼', '針'), Map.entry('覈', '核'), Map.entry('佈', '布'));

    /**
     * Phrases converted before the phrase table sees them, where its longest match would join characters of two
     * words (现金发工资 read as 金发, blond; 情形只影响 as 形只; 十四周岁 as 四周; 写明了 as 明了, clear; 最多只能 as
     * 多只; 并发布 as 并发, concurrent). Found by converting the knowledge base's list content and reading every
     * ambiguous character.
     */
    private static final Map<String, String> PHRASES = Map.ofEntries(
            Map.entry("现金发", "現金發"), Map.entry("只影响", "只影響"), Map.entry("周岁", "週歲"),
            Map.entry("明了", "明了"), Map.entry("简单明了", "簡單明瞭"),
            Map.entry("只能", "只能"), Map.entry("并发布", "並發布"), Map.entry("并发出", "並發出"),
            Map.entry("并发放", "並發放"), Map.entry("并发给", "並發給"), Map.entry("签书面", "簽書面"),
            Map.entry("系好", "繫好"), Map.entry("系安全带", "繫安全帶"));

    private static final int LONGEST_PHRASE = PHRASES.keySet().stream().mapToInt(String::length).max().orElse(1);

    private ReaderScript() {
    }

    /** True for the locales whose readers read Traditional characters (zh-TW). */
    public static boolean readsTraditional(Locale locale) {
        return locale != null && Translations.ZH_TW.getLanguage().equals(locale.getLanguage())
                && Translations.ZH_TW.getCountry().equals(locale.getCountry());
    }

    /** {@code text} for a reader of {@code locale}: in Taiwan's Traditional characters for zh-TW. */
    public static String forLocale(Locale locale, String text) {
        return readsTraditional(locale) ? toTaiwan(text) : text;
    }

    /**
     * {@code text} for the reader of the current page (its UI's locale); unchanged outside a page (a mail or the
     * JSON API, which name their reader's locale to {@link #forLocale}).
     */
    public static String forReader(String text) {
        UI ui = UI.getCurrent();
        return ui == null ? text : forLocale(ui.getLocale(), text);
    }

    /** Each of {@code texts} for the reader of the current page ({@link #forReader(String)}). */
    public static List<String> forReader(List<String> texts) {
        UI ui = UI.getCurrent();
        if (ui == null || !readsTraditional(ui.getLocale())) {
            return texts;
        }
        return texts.stream().map(ReaderScript::toTaiwan).toList();
    }

    /** A label function that shows its value for the reader of the current page (for combo boxes and grids). */
    public static <T> Function<T, String> forReader(Function<T, String> label) {
        return value -> forReader(label.apply(value));
    }

    /**
     * The {@code lang} of Chinese content shown to a reader of {@code page} in the reader's script: null on a Chinese
     * page, whose language (and, through {@link #forLocale}, script) it shares, {@code zh-CN} on any other page.
     */
    public static String contentLanguage(Locale page) {
        return page != null && "zh".equals(page.getLanguage()) ? null : "zh-CN";
    }

    /**
     * Marks {@code shown}, an element holding only Chinese content (a list entry's title, an agency's address), with
     * the {@code lang} of {@link #contentLanguage} for the current page, so that on an English page a screen reader
     * reads it with a Chinese voice and the browser picks a Chinese font; translated texts of the portal are never
     * marked. Returns {@code shown}.
     */
    public static <T extends HasElement> T markContent(T shown) {
        markContent(shown.getElement());
        return shown;
    }

    /**
     * Marks words someone wrote, shown as written, that may be in any language and either script (a person's comment,
     * a party's name, a back-office entry) with the {@code lang} of {@link #writtenLanguage}: on an English page any
     * Chinese, on a Chinese page the other script's (a back-office entry in Simplified characters on a zh-TW page is
     * {@code zh-CN}, a party's note in Traditional characters on a zh-CN page {@code zh-Hant}), so that a screen reader
     * picks the right voice and the browser the script's fonts. Returns {@code shown}.
     */
    public static <T extends HasElement> T markWritten(T shown) {
        UI ui = UI.getCurrent();
        String language = ui == null ? null : writtenLanguage(ui.getLocale(), shown.getElement().getTextRecursively());
        if (language != null) {
            shown.getElement().setAttribute("lang", language);
        }
        return shown;
    }

    /**
     * The {@code lang} of text shown as written on a page in {@code page}'s language, null when it needs none: no
     * Chinese in it, or Chinese of the page's own script. Text is Traditional ({@code zh-Hant}) when it holds
     * characters of Traditional forms only and none of Simplified forms only, else Simplified ({@code zh-CN}); a text of
     * characters both scripts share (王五) is marked only on an English page, a text of both scripts' own characters
     * only there too.
     */
    public static String writtenLanguage(Locale page, String text) {
        if (!holdsChinese(text)) {
            return null;
        }
        boolean simplifiedForms = !HanLP.s2t(text).equals(text);
        boolean traditionalForms = !HanLP.t2s(text).equals(text);
        boolean traditional = traditionalForms && !simplifiedForms;
        if (page == null || !"zh".equals(page.getLanguage())) {
            return traditional ? "zh-Hant" : "zh-CN";
        }
        if (readsTraditional(page)) {
            return simplifiedForms && !traditionalForms ? "zh-CN" : null;
        }
        return traditional ? "zh-Hant" : null;
    }

    /** {@link #markContent(HasElement)} for an element built without a component (a table cell, a label). */
    public static Element markContent(Element shown) {
        UI ui = UI.getCurrent();
        String language = contentLanguage(ui == null ? null : ui.getLocale());
        if (ui != null && language != null) {
            shown.setAttribute("lang", language);
        }
        return shown;
    }

    /**
     * Shows each item of {@code select} as {@code label} names it (translated text, or Chinese content already in the
     * reader's script), a name holding Chinese in a span marked like {@link #markContent}: the items of the drop-down
     * and the chosen value shown in the field, a copy of the chosen item. Use it instead of an item label generator,
     * whose text the field would show unmarked.
     */
    public static <T> void showItems(com.vaadin.flow.component.select.Select<T> select, Function<T, String> label) {
        select.setRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(item -> {
            String name = label.apply(item);
            Span shown = new Span(name);
            return holdsChinese(name) ? markContent(shown) : shown;
        }));
    }

    /**
     * Labels {@code field} (a Vaadin text field, radio button group or checkbox group) with {@code before}, translated
     * or neutral text such as a question's number, followed by {@code content}, Chinese content already in the reader's
     * script. The label is an element of its own in the field's {@code label} slot, not the field's {@code label}
     * property, whose text cannot carry a language: the content is a span marked like {@link #markContent}. The web
     * component shows the slotted element as its label, in place of the one it makes for the property, and names the
     * field by it (the input's or the group's {@code aria-labelledby}), so the label looks and is announced as before.
     * A label given before is replaced.
     */
    public static void labelContent(HasElement field, String before, String content) {
        Element host = field.getElement();
        host.removeProperty("label");
        host.getChildren().filter(child -> "label".equals(child.getAttribute("slot"))).toList()
                .forEach(host::removeChild);
        Element label = new Element("label");
        label.setAttribute("slot", "label");
        if (before != null && !before.isEmpty()) {
            label.appendChild(Element.createText(before));
        }
        label.appendChild(markContent(new Element("span").setText(content)));
        host.appendChild(label);
    }

    /** Private-use characters around content spliced into a translated sentence ({@link #splice}). */
    private static final char SPLICE_START = '\uE000';
    private static final char SPLICE_END = '\uE001';

    private static final java.util.regex.Pattern HAN = java.util.regex.Pattern.compile("\\p{IsHan}");

    /** True when {@code text} holds Chinese (a Han character): an agency's name may be English on English pages. */
    public static boolean holdsChinese(String text) {
        return text != null && HAN.matcher(text).find();
    }

    /**
     * {@code content} (Chinese content such as an entry's words, or a name that may be English) for the reader of
     * the current page, between marks that {@link #markSpliced} finds once a translated sentence quotes it.
     */
    public static String splice(String content) {
        return SPLICE_START + forReader(content == null ? "" : content) + SPLICE_END;
    }

    /**
     * {@code content} as written (the back office shows the stored text, not converted to the reader's script), between
     * the marks of {@link #splice}, for {@link #markSpliced}.
     */
    public static String spliceAsWritten(String content) {
        return SPLICE_START + (content == null ? "" : content) + SPLICE_END;
    }

    /**
     * A translated sentence quoting content given by {@link #splice}, as components: the sentence's own text, and
     * each spliced content that holds Chinese in a span marked like {@link #markContent} (content without Chinese,
     * such as an agency's English name, stays text). Without spliced content, one text.
     */
    public static Component[] markSpliced(String text) {
        List<Component> out = new java.util.ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int start = text.indexOf(SPLICE_START, at);
            int end = start < 0 ? -1 : text.indexOf(SPLICE_END, start);
            if (end < 0) {
                out.add(new Text(text.substring(at).replace(String.valueOf(SPLICE_START), "")
                        .replace(String.valueOf(SPLICE_END), "")));
                break;
            }
            if (start > at) {
                out.add(new Text(text.substring(at, start).replace(String.valueOf(SPLICE_END), "")));
            }
            String content = text.substring(start + 1, end);
            out.add(holdsChinese(content) ? markContent(new Span(content)) : new Text(content));
            at = end + 1;
        }
        return out.toArray(Component[]::new);
    }

    /** Simplified Chinese in Taiwan's Traditional characters; other characters (and null) unchanged. */
    public static String toTaiwan(String text) {
        if (text == null || text.isEmpty() || text.chars().allMatch(c -> c < 0x2E80)) {
            return text;
        }
        char[] chars = withPhrases(text).toCharArray();
        for (int i = 0; i < chars.length; i++) {
            Character form = TAIWAN_FORMS.get(chars[i]);
            if (form != null) {
                chars[i] = form;
            }
        }
        return new String(chars);
    }

    /** The text through the phrase table, {@link #PHRASES} first (longest first at each position). */
    private static String withPhrases(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int plain = 0;
        int i = 0;
        while (i < text.length()) {
            String phrase = null;
            for (int length = Math.min(LONGEST_PHRASE, text.length() - i); length >= 2 && phrase == null; length--) {
                if (PHRASES.containsKey(text.substring(i, i + length))) {
                    phrase = text.substring(i, i + length);
                }
            }
            if (phrase == null) {
                i++;
                continue;
            }
            out.append(HanLP.s2t(text.substring(plain, i))).append(PHRASES.get(phrase));
            i += phrase.length();
            plain = i;
        }
        return out.append(HanLP.s2t(text.substring(plain))).toString();
    }
}
