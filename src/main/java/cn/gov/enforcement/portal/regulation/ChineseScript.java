package cn.gov.enforcement.portal.regulation;

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
                if (from.codePointCount(0, from.length()) != 1 || to.isEmpty()) {
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
