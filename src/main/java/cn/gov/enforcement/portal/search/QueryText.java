package cn.gov.enforcement.portal.search;

import cn.gov.enforcement.portal.platform.TextChecks;
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
        if (TextChecks.characters(text) > maxCodePoints) {
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

    /**
     * One word a list search matches by ({@link #words}).
     *
     * @param text lower case
     * @param pair two neighbouring terms joined, as the {@code bigram} sub-fields hold them; otherwise one term, as the
     *     field itself holds it
     */
    public record Word(String text, boolean pair) {}

    /**
     * The words a list search matches by: in each run of letters and digits (spaces and punctuation end a run), every
     * pair of neighbouring terms ({@link #terms}) joined, as the {@code bigram} sub-fields hold them ("占道经营" → 占道
     * 道经 经营); a run of one term is that term ("险", "abc"). Without duplicates, in order.
     */
    public static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        for (String run : text.split("[^\\p{L}\\p{N}]+")) {
            List<String> terms = terms(run);
            if (terms.size() == 1) {
                addOnce(words, new Word(terms.get(0), false));
            }
            for (int i = 0; i + 1 < terms.size(); i++) {
                addOnce(words, new Word(terms.get(i) + terms.get(i + 1), true));
            }
        }
        return words;
    }

    /**
     * The wordings a list search matches by: the {@link #words} of {@code text}, then those of each of
     * {@code alternatives} (the text said in other words), leaving out any without a word; none for no text.
     */
    public static List<List<Word>> wordings(String text, List<String> alternatives) {
        List<List<Word>> wordings = new ArrayList<>();
        if (text != null) {
            wordings.add(words(text));
            alternatives.forEach(alternative -> wordings.add(words(alternative)));
            wordings.removeIf(List::isEmpty);
        }
        return wordings;
    }

    /**
     * How many of a question's {@code words} a text must contain to match: all of one or two, at least half of more
     * (2 of 3, 3 of 6), so that an everyday word or an extra character does not exclude the entry that has the rest.
     */
    public static int wordsNeeded(int words) {
        return words <= 2 ? words : (words + 1) / 2;
    }

    /**
     * How many of {@code words} a text holds, as the index counts them: a single term anywhere in the text, a pair
     * in the text without its spaces and punctuation (the bigram sub-field joins neighbouring terms across them).
     *
     * @param text lower case, folded as the words are
     */
    public static long wordsIn(String text, List<Word> words) {
        String joined = text.replaceAll("[^\\p{L}\\p{N}]+", "");
        return words.stream().filter(w -> (w.pair() ? joined : text).contains(w.text())).count();
    }

    /** True when {@code text} holds {@link #wordsNeeded enough} of {@code words} (none: false). */
    public static boolean holdsEnough(String text, List<Word> words) {
        return !words.isEmpty() && wordsIn(text, words) >= wordsNeeded(words.size());
    }

    private static void addOnce(List<Word> words, Word word) {
        if (!words.contains(word)) {
            words.add(word);
        }
    }

    private static void flush(StringBuilder word, List<String> terms) {
        if (!word.isEmpty()) {
            terms.add(word.toString());
            word.setLength(0);
        }
    }
}
