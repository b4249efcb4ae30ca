package cn.gov.enforcement.portal.regulation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everyday words and the legal terms statutes use for the same thing ({@code 老板} → {@code 用人单位}), read from
 * {@code classpath:search/lay-terms.txt}. A question in plain words is also searched for the legal terms of the
 * everyday words it contains, so that citizens find the article without knowing its vocabulary. The lists' search
 * uses the same file ({@link #alternatives}): 饭店 also finds the entries that say 餐饮; so does the self-check
 * assistant ({@link #expand}).
 */
public final class LayTerms {

    static final String RESOURCE = "search/lay-terms.txt";

    /** One line of the file: everyday words and the legal terms they stand for. */
    record Entry(List<String> words, List<String> terms) {}

    private final List<Entry> entries;

    LayTerms(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    private static final LayTerms BUNDLED = read();

    /** The terms of the bundled file (read once). */
    public static LayTerms bundled() {
        return BUNDLED;
    }

    private static LayTerms read() {
        try (InputStream in = LayTerms.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lines {@code word, word -> term term}; blank lines and lines starting with {@code #} are skipped.
     *
     * @throws IllegalArgumentException naming the line when one has no {@code ->}, no word or no term
     */
    static LayTerms parse(String text) {
        List<Entry> entries = new ArrayList<>();
        int number = 0;
        try (BufferedReader lines = new BufferedReader(new java.io.StringReader(text))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int arrow = l.indexOf("->");
                if (arrow < 0) {
                    throw new IllegalArgumentException(RESOURCE + ":" + number + ": no '->' in '" + l + "'");
                }
                List<String> words = split(l.substring(0, arrow), "[,，、]");
                List<String> terms = split(l.substring(arrow + 2), "\\s+");
                if (words.isEmpty() || terms.isEmpty()) {
                    throw new IllegalArgumentException(RESOURCE + ":" + number + ": a word and a term are needed in '"
                            + l + "'");
                }
                entries.add(new Entry(words, terms));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LayTerms(entries);
    }

    private static List<String> split(String part, String separator) {
        List<String> out = new ArrayList<>();
        for (String s : part.split(separator)) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /**
     * The legal terms for the everyday words in {@code simplifiedQuery}, in file order, without duplicates and
     * without the terms the question already contains; empty when it contains none. The self-check assistant counts
     * their words as the question's.
     */
    public List<String> expand(String simplifiedQuery) {
        if (simplifiedQuery == null || simplifiedQuery.isBlank()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        for (Entry e : entries) {
            if (e.words().stream().anyMatch(simplifiedQuery::contains)) {
                e.terms().stream().filter(t -> !simplifiedQuery.contains(t)).forEach(found::add);
            }
        }
        return List.copyOf(found);
    }

    /**
     * The question said in legal terms: {@code simplifiedQuery} with an everyday word it contains replaced by one of
     * that word's terms, one alternative per word and term, in file order, without duplicates and without the
     * question itself; at most {@code max}. Empty when the question contains no everyday word. A search that
     * needs every word of a question (the lists' search) also accepts an entry that matches one of these.
     */
    public List<String> alternatives(String simplifiedQuery, int max) {
        if (simplifiedQuery == null || simplifiedQuery.isBlank()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        for (Entry e : entries) {
            for (String word : e.words()) {
                if (!simplifiedQuery.contains(word)) {
                    continue;
                }
                for (String term : e.terms()) {
                    if (term.equals(word)) {
                        continue;
                    }
                    String alternative = simplifiedQuery.replace(word, " " + term + " ").strip();
                    if (!alternative.equals(simplifiedQuery) && found.size() < max) {
                        found.add(alternative);
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    /** The lines of the file, in order. */
    List<Entry> entries() {
        return entries;
    }

    int size() {
        return entries.size();
    }
}
