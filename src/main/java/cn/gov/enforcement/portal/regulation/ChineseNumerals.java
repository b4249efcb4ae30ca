package cn.gov.enforcement.portal.regulation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Chinese numerals as used in article numbers: {@code 一百二十三} ↔ 123. */
public final class ChineseNumerals {

    /** Characters that may appear in a Chinese or Arabic number. */
    public static final String DIGIT_CLASS = "零〇一二三四五六七八九十百千两兩0-9０-９";

    private static final Pattern ARTICLE = Pattern.compile(
            "^\\s*第?\\s*([" + DIGIT_CLASS + "]+)\\s*[条條]\\s*(?:之\\s*([" + DIGIT_CLASS + "]+))?\\s*$");
    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {
    }

    /**
     * Parses a Chinese ({@code 一百零一}, {@code 两千}, {@code 十五}) or Arabic ({@code 101}, full-width too)
     * number from 0 to 99,999.
     *
     * @throws IllegalArgumentException if the text is not such a number
     */
    public static int parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no number: '" + text + "'");
        }
        String s = text.strip();
        if (s.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= '０' && c <= '９'))) {
            StringBuilder ascii = new StringBuilder();
            s.chars().forEach(c -> ascii.append((char) (c >= '０' ? c - '０' + '0' : c)));
            if (ascii.length() > 5) {
                throw new IllegalArgumentException("number too large: " + text);
            }
            return Integer.parseInt(ascii.toString());
        }
        if (s.length() > 1 && s.chars().allMatch(c -> digitValue((char) c) >= 0)) {
            // positional digits as in years: 一九九五, 二〇二一, 一〇
            if (s.length() > 5) {
                throw new IllegalArgumentException("number too large: " + text);
            }
            int value = 0;
            for (int i = 0; i < s.length(); i++) {
                value = value * 10 + digitValue(s.charAt(i));
            }
            return value;
        }
        int total = 0;
        int section = 0;
        int digit = -1;
        int lastUnit = Integer.MAX_VALUE;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = digitValue(c);
            if (d >= 0) {
                if (digit > 0) {
                    throw new IllegalArgumentException("two digits in a row in '" + text + "'");
                }
                digit = d;
                continue;
            }
            int unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                case '万', '萬' -> 10000;
                default -> throw new IllegalArgumentException("not a Chinese numeral: '" + c + "' in '" + text + "'");
            };
            if (unit == 10000) {
                total = (section + Math.max(digit, 0)) * 10000;
                section = 0;
                digit = -1;
                lastUnit = Integer.MAX_VALUE;
                continue;
            }
            if (unit >= lastUnit) {
                throw new IllegalArgumentException("units out of order in '" + text + "'");
            }
            if (digit == 0) {
                throw new IllegalArgumentException("zero before a unit in '" + text + "'");
            }
            section += (digit < 0 ? 1 : digit) * unit;
            if (digit < 0 && unit != 10) {
                throw new IllegalArgumentException("unit without digit in '" + text + "'");
            }
            digit = -1;
            lastUnit = unit;
        }
        if (digit > 0) {
            section += digit;
        }
        return total + section;
    }

    private static int digitValue(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两', '兩' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    /** Formats 0 to 99,999 the way laws write it: 10 → 十, 15 → 十五, 101 → 一百零一, 110 → 一百一十. */
    public static String format(int n) {
        if (n < 0 || n > 99_999) {
            throw new IllegalArgumentException("out of range: " + n);
        }
        if (n == 0) {
            return "零";
        }
        if (n >= 10 && n < 20) {
            return "十" + (n == 10 ? "" : DIGITS.charAt(n - 10));
        }
        int[] units = {10000, 1000, 100, 10, 1};
        String[] names = {"万", "千", "百", "十", ""};
        StringBuilder out = new StringBuilder();
        boolean pendingZero = false;
        for (int i = 0; i < units.length; i++) {
            int d = (n / units[i]) % 10;
            if (d == 0) {
                if (out.length() > 0) {
                    pendingZero = true;
                }
                continue;
            }
            if (pendingZero) {
                out.append('零');
                pendingZero = false;
            }
            out.append(DIGITS.charAt(d)).append(names[i]);
        }
        return out.toString();
    }

    /** Parses {@code 第十条之一} → (10, 1); accepts Arabic digits and the Traditional 條. */
    public static ArticleNumber parseArticle(String written) {
        Matcher m = ARTICLE.matcher(written == null ? "" : written);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an article number: '" + written + "'");
        }
        int number = parse(m.group(1));
        int sub = m.group(2) == null ? 0 : parse(m.group(2));
        return new ArticleNumber(number, sub);
    }

    /** Formats (10, 1) as {@code 第十条之一} and (33, 0) as {@code 第三十三条}. */
    public static String formatArticle(ArticleNumber number) {
        return "第" + format(number.number()) + "条" + (number.sub() > 0 ? "之" + format(number.sub()) : "");
    }
}
