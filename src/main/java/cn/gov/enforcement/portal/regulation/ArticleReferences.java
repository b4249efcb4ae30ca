package cn.gov.enforcement.portal.regulation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The articles a search names by law and number ({@code 民法典第五百条}, {@code 《中华人民共和国行政处罚法》第33条},
 * {@code 行政处罚法第三十二条和第三十三条}): the reader wants that article, which a ranking by words cannot find, since
 * 第, 条 and the numerals occur in every law. Each reference gives the titles it may mean (every tail of the words
 * before the number, longest first: 根据劳动合同法 → 根据劳动合同法, 据劳动合同法, 劳动合同法, …) and the number as the
 * corpus writes it (第五百条); the store then says which of those titles exist. A number without a title before it
 * takes the title of the reference before it in the query; a number with none is no reference.
 */
final class ArticleReferences {

    /** The most characters of a title looked at before a number. */
    static final int MAX_TITLE = 40;

    /** The fewest characters of a title tried (刑法, 中华人民共和国刑法); the store says whether a law has it. */
    static final int MIN_TITLE = 2;

    /** The most references taken from one query. */
    static final int MAX_REFERENCES = 5;

    private static final Pattern NUMBER = Pattern.compile(
            "第\\s*([" + ChineseNumerals.DIGIT_CLASS + "]{1,8})\\s*[条條](?:\\s*之\\s*([" + ChineseNumerals.DIGIT_CLASS
                    + "]{1,3}))?");

    /** Characters a title is made of: Chinese characters, digits and the brackets of 解释（一）. */
    private static final Pattern TITLE_CHARACTER = Pattern.compile("[\\p{IsHan}0-9０-９（）()]");

    private ArticleReferences() {
    }

    /**
     * One article named in a query.
     *
     * @param titles the titles it may mean, longest first; empty when it takes the title of the reference before it
     * @param number the number as the corpus writes it ({@code 第五百条}, {@code 第十条之一})
     */
    record Reference(List<String> titles, String number) {}

    /** The references of a (Simplified) query, in their order; at most {@link #MAX_REFERENCES}. */
    static List<Reference> of(String query) {
        List<Reference> found = new ArrayList<>();
        if (query == null) {
            return found;
        }
        Matcher m = NUMBER.matcher(query);
        int end = 0;
        boolean titled = false;
        while (m.find() && found.size() < MAX_REFERENCES) {
            String number;
            try {
                number = ChineseNumerals.formatArticle(new ArticleNumber(ChineseNumerals.parse(m.group(1)),
                        m.group(2) == null ? 0 : ChineseNumerals.parse(m.group(2))));
            } catch (IllegalArgumentException notANumber) {
                end = m.end();
                continue;
            }
            List<String> titles = titlesBefore(query.substring(end, m.start()));
            if (!titles.isEmpty()) {
                titled = true;
                found.add(new Reference(titles, number));
            } else if (titled && isJoint(query.substring(end, m.start()))) {
                // 第三十二条和第三十三条, 第三十二条、第三十三条: the same law
                found.add(new Reference(List.of(), number));
            }
            end = m.end();
        }
        return found;
    }

    /** Whether the words between two numbers join them (和, 及, 、, 至 …) rather than begin another sentence. */
    private static boolean isJoint(String between) {
        return between.strip().matches("[和及与、,，或至到\\-—~～]?");
    }

    /** Every tail of the title-like words ending just before a number, longest first, at least two characters. */
    private static List<String> titlesBefore(String before) {
        String text = before.stripTrailing();
        // 《…》 around the title, or a space between it and the number
        while (!text.isEmpty() && "》>\"“”".indexOf(text.charAt(text.length() - 1)) >= 0) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        int start = text.length();
        while (start > 0 && text.length() - start < MAX_TITLE
                && TITLE_CHARACTER.matcher(text.substring(start - 1, start)).matches()) {
            start--;
        }
        String run = text.substring(start);
        Set<String> titles = new LinkedHashSet<>();
        for (int i = 0; run.length() - i >= MIN_TITLE; i++) {
            titles.add(run.substring(i));
        }
        return List.copyOf(titles);
    }
}
