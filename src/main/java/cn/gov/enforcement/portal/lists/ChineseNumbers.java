package cn.gov.enforcement.portal.lists;

/** Chinese numerals as used in legal citations (一 … 九十九). */
final class ChineseNumbers {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumbers() {}

    static String of(int n) {
        if (n <= 0 || n >= 100) {
            return Integer.toString(n);
        }
        if (n < 10) {
            return String.valueOf(DIGITS.charAt(n));
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : String.valueOf(DIGITS.charAt(tens))) + "十" + (ones == 0 ? "" : String.valueOf(DIGITS.charAt(ones)));
    }

    /** The value of 一 … 九十九; null for anything else. */
    static Integer parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 3) {
            return null;
        }
        int tenAt = text.indexOf('十');
        if (tenAt < 0) {
            return text.length() == 1 ? digit(text.charAt(0), false) : null;
        }
        Integer tens = tenAt == 0 ? Integer.valueOf(1) : tenAt == 1 ? digit(text.charAt(0), false) : null;
        Integer ones = tenAt == text.length() - 1 ? Integer.valueOf(0)
                : tenAt == text.length() - 2 ? digit(text.charAt(text.length() - 1), false) : null;
        return tens == null || ones == null ? null : tens * 10 + ones;
    }

    private static Integer digit(char ch, boolean zero) {
        int d = DIGITS.indexOf(ch);
        return d < 0 || (d == 0 && !zero) ? null : d;
    }
}
