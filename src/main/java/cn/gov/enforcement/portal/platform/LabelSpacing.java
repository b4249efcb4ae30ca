package cn.gov.enforcement.portal.platform;

/**
 * The space between a translated text and what follows it on the same line (a value, a link): English needs one
 * ({@code Reference: PJ-2026-000001}), Chinese does not after a full-width mark, which already carries its own space
 * ({@code 评价编号：PJ-2026-000001}, not {@code 评价编号： PJ-2026-000001} with a double gap); likewise the space
 * before a text that follows on the line ({@code (sample)}, {@code （示例）}); and a label's colon before its value
 * ({@link #label}: {@code 地址：示例市…}, {@code Address: No. 15 …}), which the agency pages took from a translated
 * key of their own.
 */
public final class LabelSpacing {

    private LabelSpacing() {
    }

    /**
     * A label followed by its colon as the label's language writes it, ready for the value: the full-width colon, which
     * carries its own space, after Chinese ({@code 地址：}, {@code 監督電話：}), a colon and a space after any other
     * language ({@code Address: }). Empty for an empty label.
     */
    public static String label(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return hasHan(text) ? text + "：" : text + ": ";
    }

    /**
     * A note in brackets after what comes before it on the line, as the note's language writes it: full-width brackets
     * without a space around a Chinese note ({@code 张三（个人）}, {@code 已提交，等待受理（申请人）}), a space and ASCII brackets
     * around any other ({@code Zhang San (A person)}). Empty for an empty note.
     */
    public static String inBrackets(String note) {
        if (note == null || note.isEmpty()) {
            return "";
        }
        return hasHan(note) ? "（" + note + "）" : " (" + note + ")";
    }

    /** The text followed by a space, unless it ends in a full-width (CJK) punctuation mark. */
    public static String beforeNext(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return endsInFullWidthMark(text) ? text : text + " ";
    }

    /**
     * A space and the text, to follow what comes before it on the line, unless the text starts with a full-width
     * (CJK) mark: {@code Sample City Bureau (sample)}, but {@code 示例市生态环境局（示例）}, not {@code 示例市生态环境局 （示例）}.
     */
    public static String afterPrevious(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return isFullWidthMark(text.codePointAt(0)) ? text : " " + text;
    }

    private static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static boolean endsInFullWidthMark(String text) {
        int last = text.codePointBefore(text.length());
        return isFullWidthMark(last) || last == 0x201D || last == 0x2019 || last == 0x2026;
    }

    /** CJK symbols and punctuation (、。「」…) and the full-width forms (：，；（）！？). */
    private static boolean isFullWidthMark(int c) {
        return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF60);
    }
}
