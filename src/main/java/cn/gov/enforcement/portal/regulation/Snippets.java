package cn.gov.enforcement.portal.regulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The snippet shown under a search result: about {@link #LENGTH} characters of the article, chosen where the
 * question's words are densest, with those words marked by {@code <em>}.
 *
 * <p>Snippets are cut in the portal, not by the search node, so the node need not invert the article text a
 * second time for its highlighter: without it, indexing the whole corpus took about a fifth less time on the node
 * and the whole import about 10 % less CPU (bench/README.md, sixth session). The text is
 * compared in Simplified characters ({@link ChineseScript} maps one character to one character), so a question
 * in either script marks an article in either script, and the snippet shows the article as written.
 *
 * <p>What is marked, in the question without its question words ({@link QuestionWords}): every run of the
 * article made of the question's pairs of neighbouring Chinese (or other ideographic) characters (工资 in 拖欠工资,
 * but not 工 alone in 工作), unless each pair is of two common characters; each character that stands alone in the
 * question; each of its Latin words and numbers as a whole word (ignoring case); each legal term. An article that
 * shares none of these with the question has the question's single characters marked instead, so a result found
 * by them still shows why. The window is the one with the most distinct marked words, then the most marks; among equal
 * windows, one that starts a sentence and shows a little context before its first mark is preferred, and a window
 * that would begin in the middle of a clause begins at the next one when that skips no mark.
 */
final class Snippets {

    /**
     * Function characters (的, 了, 吗, ...) never marked, not even in a pair with a neighbour: 的工 of 劳动者的工资
     * would mark 的 in every 的工作.
     */
    private static final String PARTICLES = "的了和或与及之而也其对在是被把吗呢吧啊";

    /** Characters in a snippet, without the ellipses. */
    static final int LENGTH = 120;

    /** Characters of context wanted before the first mark of a window. */
    private static final int LEAD = 10;

    private static final String SENTENCE_ENDS = "。；！？：;!?\n";

    private Snippets() {}

    /** {@link #of(String, String, String, List)} with no character counted as common. */
    static String of(String text, String question, List<String> terms) {
        return of(text, question, "", terms);
    }

    /**
     * @param text the article as written (either script)
     * @param question the question as typed (either script)
     * @param common characters too common to mark alone, in Simplified characters; a run of pairs of them is not
     *        marked either, but one beside a rarer character is (行政调解 whole, 行政 alone not)
     * @param terms legal terms to mark as a whole, in Simplified characters
     * @return HTML: the text escaped, marks as {@code <em>…</em>}, "…" where the text was cut
     */
    static String of(String text, String question, String common, List<String> terms) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        int[] original = text.codePoints().toArray();
        // compared as searched: Simplified, folded (ChineseScript.fold maps one character to one, so places agree)
        int[] simplified = ChineseScript.fold(ChineseScript.toSimplified(text)).toLowerCase(Locale.ROOT).codePoints().toArray();
        if (simplified.length != original.length) {
            // lower-casing changed the length (a few exotic letters): compare without it
            simplified = ChineseScript.fold(ChineseScript.toSimplified(text)).codePoints().toArray();
        }
        int n = original.length;
        int[] token = new int[n];
        java.util.Arrays.fill(token, -1);
        int tokens = markTokens(simplified, question == null ? "" : question, common == null ? "" : common,
                terms == null ? List.of() : terms, token);
        int start = 0;
        int end = n;
        if (n > LENGTH) {
            start = clauseStart(original, token, bestStart(original, token, tokens));
            end = Math.min(n, start + LENGTH);
        }
        while (start < end && Character.isWhitespace(original[start])) {
            start++;
        }
        StringBuilder out = new StringBuilder(LENGTH + 40);
        if (start > 0) {
            out.append('…');
        }
        boolean open = false;
        for (int i = start; i < end; i++) {
            boolean mark = token[i] >= 0;
            if (mark && !open) {
                out.append("<em>");
            } else if (!mark && open) {
                out.append("</em>");
            }
            open = mark;
            escape(out, original[i]);
        }
        if (open) {
            out.append("</em>");
        }
        if (end < n) {
            out.append('…');
        }
        return out.toString();
    }

    /**
     * Sets {@code token[i]} to the number of the word that marks position {@code i} (or leaves -1) and returns
     * how many distinct words there are.
     */
    private static int markTokens(int[] text, String question, String common, List<String> terms, int[] token) {
        Map<String, Integer> ids = new HashMap<>();
        // the question's ideographs: pairs of neighbours, and the ones in no pair
        Map<Long, Integer> pairs = new HashMap<>();
        Set<Long> strongPairs = new HashSet<>();
        Map<Integer, Integer> ideographs = new HashMap<>();
        Map<Integer, Integer> loneIdeographs = new HashMap<>();
        List<int[]> words = new ArrayList<>();
        int[] q = QuestionWords.blankOut(ChineseScript.fold(ChineseScript.toSimplified(question)).toLowerCase(Locale.ROOT))
                .codePoints().toArray();
        for (int i = 0; i < q.length; ) {
            if (isIdeograph(q[i])) {
                int j = i;
                boolean inPair = false;
                while (j < q.length && isIdeograph(q[j])) {
                    boolean rare = common.indexOf(q[j]) < 0;
                    if (rare && PARTICLES.indexOf(q[j]) < 0) {
                        ideographs.putIfAbsent(q[j], ids.computeIfAbsent(new String(q, j, 1), k -> ids.size()));
                    }
                    boolean pairsWithNext = j + 1 < q.length && isIdeograph(q[j + 1])
                            && PARTICLES.indexOf(q[j]) < 0 && PARTICLES.indexOf(q[j + 1]) < 0;
                    boolean strong = pairsWithNext && (rare || common.indexOf(q[j + 1]) < 0);
                    if (pairsWithNext) {
                        long key = pair(q[j], q[j + 1]);
                        pairs.putIfAbsent(key, ids.computeIfAbsent(new String(q, j, 2), k -> ids.size()));
                        if (strong) {
                            strongPairs.add(key);
                        }
                    } else if (rare && !inPair && PARTICLES.indexOf(q[j]) < 0) {
                        loneIdeographs.putIfAbsent(q[j], ideographs.get(q[j]));
                    }
                    inPair = strong;
                    j++;
                }
                i = j;
            } else if (Character.isLetterOrDigit(q[i])) {
                int j = i;
                while (j < q.length && Character.isLetterOrDigit(q[j]) && !isIdeograph(q[j])) {
                    j++;
                }
                words.add(java.util.Arrays.copyOfRange(q, i, j));
                i = j;
            } else {
                i++;
            }
        }
        boolean anyMark = false;
        // runs of the question's pairs in the text, marked when one of them is not a pair of common characters
        // (行政调解 whole, though 行政 alone would not be marked)
        for (int i = 0; i + 1 < text.length; i++) {
            int end = i;
            boolean strong = false;
            while (end + 1 < text.length && pairs.containsKey(pair(text[end], text[end + 1]))) {
                strong |= strongPairs.contains(pair(text[end], text[end + 1]));
                end++;
            }
            if (strong) {
                for (int k = i; k < end; k++) {
                    token[k] = pairs.get(pair(text[k], text[k + 1]));
                    token[k + 1] = token[k];
                }
                anyMark = true;
            }
            i = Math.max(i, end - 1);
        }
        for (int i = 0; i < text.length; i++) {
            Integer id = loneIdeographs.get(text[i]);
            if (token[i] < 0 && id != null) {
                token[i] = id;
                anyMark = true;
            }
        }
        for (int[] w : words) {
            int id = ids.computeIfAbsent(new String(w, 0, w.length), k -> ids.size());
            for (int at : occurrences(text, w)) {
                boolean before = at == 0 || !isWordCharacter(text[at - 1]);
                boolean after = at + w.length == text.length || !isWordCharacter(text[at + w.length]);
                if (before && after) {
                    java.util.Arrays.fill(token, at, at + w.length, id);
                    anyMark = true;
                }
            }
        }
        Set<String> seen = new HashSet<>();
        for (String term : terms) {
            String t = ChineseScript.fold(ChineseScript.toSimplified(term)).toLowerCase(Locale.ROOT).strip();
            if (t.isEmpty() || !seen.add(t)) {
                continue;
            }
            int[] w = t.codePoints().toArray();
            int id = ids.computeIfAbsent("\u0000" + t, k -> ids.size());
            for (int at : occurrences(text, w)) {
                java.util.Arrays.fill(token, at, at + w.length, id);
                anyMark = true;
            }
        }
        if (!anyMark) {
            // nothing the question wrote as a word: show which of its characters the article shares
            for (int i = 0; i < text.length; i++) {
                Integer id = ideographs.get(text[i]);
                if (id != null) {
                    token[i] = id;
                }
            }
        }
        return ids.size();
    }

    private static long pair(int first, int second) {
        return ((long) first << 32) | (second & 0xffffffffL);
    }

    /**
     * The start of the best window of {@link #LENGTH} characters: most distinct words, then most marked
     * characters; among equals, the one starting a sentence, then the one whose first mark comes after about
     * {@link #LEAD} characters of context, then the earliest.
     */
    private static int bestStart(int[] text, int[] token, int tokens) {
        int n = text.length;
        int last = n - LENGTH;
        int[] counts = new int[Math.max(tokens, 1)];
        int distinct = 0;
        int marks = 0;
        for (int i = 0; i < LENGTH; i++) {
            if (token[i] >= 0) {
                marks++;
                if (counts[token[i]]++ == 0) {
                    distinct++;
                }
            }
        }
        // the next marked position at or after each index, for the context preference
        int[] nextMark = new int[n + 1];
        nextMark[n] = n;
        for (int i = n - 1; i >= 0; i--) {
            nextMark[i] = token[i] >= 0 ? i : nextMark[i + 1];
        }
        int best = 0;
        long bestScore = Long.MIN_VALUE;
        for (int s = 0; ; s++) {
            long score = ((long) distinct * (LENGTH + 1) + marks) * 1000 - preference(text, nextMark, s);
            if (score > bestScore) {
                bestScore = score;
                best = s;
            }
            if (s == last) {
                return best;
            }
            // slide: position s leaves, position s + LENGTH enters
            if (token[s] >= 0) {
                marks--;
                if (--counts[token[s]] == 0) {
                    distinct--;
                }
            }
            int in = s + LENGTH;
            if (token[in] >= 0) {
                marks++;
                if (counts[token[in]]++ == 0) {
                    distinct++;
                }
            }
        }
    }

    /**
     * A window that starts in the middle of a clause ({@code …一的，用人单位}) starts at the next clause instead when
     * that is near and skips no mark: the window loses nothing, since its end moves on as far.
     */
    private static int clauseStart(int[] text, int[] token, int start) {
        if (start == 0 || SENTENCE_ENDS.indexOf(text[start - 1]) >= 0) {
            return start;
        }
        for (int j = start + 1; j <= Math.min(start + CLAUSE_SHIFT, text.length - 1); j++) {
            if (token[j - 1] >= 0) {
                return start;
            }
            if (CLAUSE_ENDS.indexOf(text[j - 1]) >= 0) {
                return j;
            }
        }
        return start;
    }

    /** How far a window's start may move on to reach the next clause. */
    private static final int CLAUSE_SHIFT = 12;

    private static final String CLAUSE_ENDS = "，、," + SENTENCE_ENDS;

    /** Lower is better, below 1000 so it only orders windows of equal marks. */
    private static int preference(int[] text, int[] nextMark, int s) {
        boolean sentenceStart = s == 0 || SENTENCE_ENDS.indexOf(text[s - 1]) >= 0;
        int lead = Math.min(nextMark[s] - s, LENGTH);
        return (sentenceStart ? 0 : 300) + Math.abs(lead - LEAD);
    }

    private static List<Integer> occurrences(int[] text, int[] w) {
        List<Integer> at = new ArrayList<>();
        if (w.length == 0) {
            return at;
        }
        outer:
        for (int i = 0; i + w.length <= text.length; i++) {
            for (int j = 0; j < w.length; j++) {
                if (text[i + j] != w[j]) {
                    continue outer;
                }
            }
            at.add(i);
        }
        return at;
    }

    private static boolean isIdeograph(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    private static boolean isWordCharacter(int cp) {
        return Character.isLetterOrDigit(cp) && !isIdeograph(cp);
    }

    private static void escape(StringBuilder out, int cp) {
        switch (cp) {
            case '&' -> out.append("&amp;");
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '"' -> out.append("&quot;");
            case '\'' -> out.append("&#x27;");
            default -> out.appendCodePoint(cp);
        }
    }
}
