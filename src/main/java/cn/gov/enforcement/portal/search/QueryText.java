package cn.gov.enforcement.portal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the portal does with a reader's query text before it reaches Elasticsearch, shared by every
 * module that searches: clean it (no control characters, bounded length) and split it the way the
 * stock {@code standard} analyzer does for Chinese (one term per Han character, words for the rest).
 */
public final class QueryText {

    private QueryText() {}

    /** Trims, drops control and formatting characters, cuts to {@code maxCodePoints}; null when empty. */
    public static String clean(String query, int maxCodePoints) {
        if (query == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder();
        query.codePoints().limit(4L * maxCodePoints).forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE) {
                clean.append(' ');
            } else {
                clean.appendCodePoint(cp);
            }
        });
        String text = clean.toString().strip();
        if (text.codePointCount(0, text.length()) > maxCodePoints) {
            text = text.substring(0, text.offsetByCodePoints(0, maxCodePoints));
        }
        return text.isEmpty() ? null : text;
    }

    /** Lower-cased terms: each Han character alone, runs of other letters and digits as words. */
    public static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null) {
            return terms;
        }
        StringBuilder word = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(cp -> {
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                flush(word, terms);
                terms.add(new String(Character.toChars(cp)));
            } else if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
            } else {
                flush(word, terms);
            }
        });
        flush(word, terms);
        return terms;
    }

    private static void flush(StringBuilder word, List<String> terms) {
        if (!word.isEmpty()) {
            terms.add(word.toString());
            word.setLength(0);
        }
    }
}
