package cn.gov.enforcement.portal.regulation.importer;

import cn.gov.enforcement.portal.regulation.ChineseNumerals;
import cn.gov.enforcement.portal.regulation.ChineseScript;
import cn.gov.enforcement.portal.regulation.HistoryEvent;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers shared by the parsers. */
final class Texts {

    static final String NUM = "[" + ChineseNumerals.DIGIT_CLASS + "]+";
    /**
     * {@code 第X条 text}, {@code 第X条之一 text}, Traditional 條, separator optional (checked by the caller); a space
     * before 条 is a typing slip of the source (刑事诉讼法 2018: {@code 第一百二十八 条侦查人员…}) and is read too.
     */
    static final Pattern ARTICLE = Pattern.compile("^第(" + NUM + ")[ \\u3000]?[条條](?:之(" + NUM + "))?([\\s\\u3000]*)(.*)$");
    static final Pattern DATED = Pattern.compile("^(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*(.*)$");
    static final Pattern ISO_DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    /** {@code 一九九五年三月二十六日} */
    static final Pattern CHINESE_DATED = Pattern.compile(
            "^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日\\s*(.*)$");
    /** 〔2021〕 [2008] ［1995］ … 号 */
    static final Pattern DOCUMENT_NUMBER = Pattern.compile("^\\S{1,20}[〔\\[［(（]\\d{4}[〕\\]］)）]\\s*第?\\d+\\s*号$");
    private static final Pattern SESSION = Pattern.compile("^(.*?)第" + NUM + "次(?:全体)?会议");
    private static final Pattern TERM = Pattern.compile("第" + NUM + "届");

    private Texts() {
    }

    /** Removes Markdown emphasis and collapses white space runs (full-width spaces included) to one space. */
    static String clean(String line) {
        return SPACES.matcher(line.replace("**", "").replace("__", "")).replaceAll(" ").strip();
    }

    /** Full-width digits to ASCII. */
    static String asciiDigits(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '０' && c <= '９') {
                if (out == null) {
                    out = new StringBuilder(s);
                }
                out.setCharAt(i, (char) (c - '０' + '0'));
            }
        }
        return out == null ? s : out.toString();
    }

    static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A history line {@code 2021年1月22日 …}, or empty when the line does not start with a valid date. */
    static Optional<HistoryEvent> historyEvent(String line) {
        String s = asciiDigits(line.strip());
        if ((s.startsWith("(") && s.endsWith(")")) || (s.startsWith("（") && s.endsWith("）"))) {
            s = s.substring(1, s.length() - 1).strip();
        }
        Matcher m = DATED.matcher(s);
        if (m.matches()) {
            String description = m.group(4).strip();
            return date(m.group(1), m.group(2), m.group(3))
                    .map(d -> new HistoryEvent(d, HistoryEvent.classify(description), description));
        }
        Matcher c = CHINESE_DATED.matcher(s);
        if (c.matches()) {
            String description = c.group(4).strip();
            return date(String.valueOf(ChineseNumerals.parse(c.group(1))), String.valueOf(ChineseNumerals.parse(c.group(2))),
                    String.valueOf(ChineseNumerals.parse(c.group(3))))
                    .map(d -> new HistoryEvent(d, HistoryEvent.classify(description), description));
        }
        return Optional.empty();
    }

    /**
     * The body that passed a document, from history wording such as
     * {@code 第十三届全国人民代表大会常务委员会第三十次会议通过} → 全国人民代表大会常务委员会.
     */
    static String issuerFromHistory(List<HistoryEvent> history) {
        for (HistoryEvent e : history) {
            if (e.kind() != HistoryEvent.Kind.PASSED && e.kind() != HistoryEvent.Kind.PROMULGATED) {
                continue;
            }
            Matcher m = SESSION.matcher(ChineseScript.toSimplified(e.description()));
            if (m.find()) {
                String body = TERM.matcher(m.group(1)).replaceAll("").strip();
                if (!body.isEmpty() && body.length() <= 30) {
                    return body;
                }
            }
        }
        return "";
    }
}
