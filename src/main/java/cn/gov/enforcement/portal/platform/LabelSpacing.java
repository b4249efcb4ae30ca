package cn.gov.enforcement.portal.platform;

/**
 * The space between a translated text and what follows it on the same line (a value, a link): English needs one
 * ({@code Reference: PJ-2026-000001}), Chinese does not after a full-width mark, which already carries its own space
 * ({@code 评价编号：PJ-2026-000001}, not {@code 评价编号： PJ-2026-000001} with a double gap).
 */
public final class LabelSpacing {

    private LabelSpacing() {
    }

    /** The text followed by a space, unless it ends in a full-width (CJK) punctuation mark. */
    public static String beforeNext(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return endsInFullWidthMark(text) ? text : text + " ";
    }

    private static boolean endsInFullWidthMark(String text) {
        int last = text.codePointBefore(text.length());
        // CJK symbols and punctuation (、。「」…) and the full-width forms (：，；（）！？)
        return (last >= 0x3000 && last <= 0x303F) || (last >= 0xFF01 && last <= 0xFF60)
                || last == 0x201D || last == 0x2019 || last == 0x2026;
    }
}
