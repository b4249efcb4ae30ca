package cn.gov.enforcement.portal.regulation;

import cn.gov.enforcement.portal.platform.TextChecks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Character-level conversion between Simplified and Traditional Chinese, using the OpenCC character
 * dictionaries in {@code src/main/resources/regulation/} (Apache License 2.0, see NOTICE.txt there).
 * Where a character has several candidates the first (most common) one is used; phrases are not
 * considered. Characters without an entry are kept. Thread-safe.
 */
public final class ChineseScript {

    private static final Table TO_SIMPLIFIED = new Table(load("/regulation/TSCharacters.txt"));
    private static final Table TO_TRADITIONAL = new Table(load("/regulation/STCharacters.txt"));

    /** BMP characters in a flat array (0 = no entry), the rest in a map. */
    private static final class Table {
        final int[] bmp = new int[0x10000];
        final Map<Integer, Integer> supplementary = new HashMap<>();

        Table(Map<Integer, Integer> entries) {
            entries.forEach((from, to) -> {
                if (from < 0x10000) {
                    bmp[from] = to;
                } else {
                    supplementary.put(from, to);
                }
            });
        }
    }

    private static int lookup(Table table, int cp) {
        if (cp < 0x10000) {
            int to = table.bmp[cp];
            return to == 0 ? cp : to;
        }
        return table.supplementary.getOrDefault(cp, cp);
    }

    private ChineseScript() {
    }

    public static String toSimplified(String text) {
        return convert(text, TO_SIMPLIFIED);
    }

    public static String toTraditional(String text) {
        return convert(text, TO_TRADITIONAL);
    }

    /**
     * Traditional characters the character table keeps as they are, although a zh-TW page writes them where the
     * Simplified text has another character: the page shows 瞭解, 乾燥, 著, 藉口, 祇, 彷彿 or 答覆 for the 了解, 干燥,
     * 着, 借口, 只, 仿佛 and 答复 of the text, while {@link #toSimplified} turns 瞭, 乾, 著, 藉, 祇, 彷 and 覆 back into
     * themselves (each is also a character of its own in Simplified). The stock search node has no {@code mapping}
     * character filter, so the searches fold them ({@link #fold}) in the indexed text and in every query alike.
     */
    private static final Map<Character, Character> FOLD = Map.of('著', '着', '乾', '干', '瞭', '了', '藉', '借',
            '祇', '只', '彷', '仿', '覆', '复');

    /**
     * {@code text} with the {@link #FOLD} characters folded to the one the Simplified text holds (瞭著乾藉祇彷覆 to
     * 了着干借只仿复), for search only: the searchable text as it is indexed or scanned, and the query after
     * {@link #toSimplified}. Folding both sides lets a zh-TW reader's 瞭解 find 了解; the few Simplified words written
     * with these characters (著作, 乾坤, 覆盖) are folded alike on both sides, so they still find themselves. The
     * search indexes whose text is folded name the fold in their mapping's {@code _meta}, so that a change to it
     * rebuilds them.
     */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(FOLD.getOrDefault(c, c));
        }
        return out.toString();
    }

    /** True when converting to Simplified would change the text. */
    public static boolean containsTraditional(String text) {
        return text != null && text.codePoints().anyMatch(cp -> lookup(TO_SIMPLIFIED, cp) != cp);
    }

    private static String convert(String text, Table table) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        StringBuilder out = null;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            int mapped = cp < 0x2E80 ? cp : lookup(table, cp);
            if (mapped != cp) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                    out.append(text, 0, i);
                }
                out.appendCodePoint(mapped);
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }

    private static Map<Integer, Integer> load(String resource) {
        Map<Integer, Integer> table = new HashMap<>(8192);
        try (InputStream in = ChineseScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (tab <= 0 || line.startsWith("#")) {
                    continue;
                }
                String from = line.substring(0, tab);
                String to = line.substring(tab + 1).strip();
                if (TextChecks.characters(from) != 1 || to.isEmpty()) {
                    continue;
                }
                if (from.codePointAt(0) != to.codePointAt(0)) {
                    table.put(from.codePointAt(0), to.codePointAt(0));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }
}
