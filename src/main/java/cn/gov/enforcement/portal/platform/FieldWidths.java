package cn.gov.enforcement.portal.platform;

import com.vaadin.flow.component.HasSize;
import java.util.Collection;

/**
 * Widths of fields whose items are known: a select of agencies is as wide as its longest name in the page's language
 * (a field's default 12em cut 示例市城市管理综合行政执法局 to 示例市城市管理综合行…), never wider than the space it has.
 */
public final class FieldWidths {

    /** Room for the field's padding and its drop-down button, in em. */
    static final double CHROME_EM = 3.5;
    /** The default width of a Lumo field, in em: a field never gets narrower than that. */
    static final double DEFAULT_EM = 12;

    private FieldWidths() {
    }

    /** Sets the field's width to fit the longest of the labels, at most the width of its container. */
    public static void fitLongest(HasSize field, Collection<String> labels) {
        double widest = labels.stream().mapToDouble(FieldWidths::ems).max().orElse(0);
        double em = Math.max(DEFAULT_EM, Math.ceil((widest + CHROME_EM) * 2) / 2);
        field.setWidth("min(100%, " + em + "em)");
    }

    /**
     * The width of a text in em, estimated: a Chinese character (or another full-width one) takes one em, a Latin
     * letter, digit or space about 0.55.
     */
    static double ems(String text) {
        if (text == null) {
            return 0;
        }
        return text.codePoints().mapToDouble(c -> wide(c) ? 1 : 0.55).sum();
    }

    private static boolean wide(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef);
    }
}
