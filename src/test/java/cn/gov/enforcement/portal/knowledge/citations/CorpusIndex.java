package cn.gov.enforcement.portal.knowledge.citations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Index of the lawrefbook corpus: normalised document title to the article headings and the number
 * of paragraphs of each article, merged over all versions of the document.
 *
 * <p>A citation resolves when its article heading exists in <em>at least one</em> version of the
 * document; the newest version is NOT required (the corpus keeps older versions of some laws, and a
 * citation of an article that was later renumbered is the author's responsibility, see
 * LISTS-FORMAT.md). A cited paragraph must exist in at least one version of the article.
 */
final class CorpusIndex {

    /** An article heading at the start of a line: 第…条 or 第…条之…, followed by a space. */
    static final Pattern ARTICLE_LINE =
            Pattern.compile("^(第[零〇一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?)[\\s\\u3000]");

    /** What a valid {@code article} value looks like. */
    static final Pattern ARTICLE = Pattern.compile("第[零〇一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?");

    /** A list item line such as （一） or (一): part of the paragraph before it, not a new paragraph. */
    private static final Pattern ITEM_LINE = Pattern.compile("^[（(][零〇一二三四五六七八九十]+[）)]");

    /** normalised title -> article heading -> largest paragraph count over all versions. */
    private final Map<String, Map<String, Integer>> documents = new HashMap<>();

    private CorpusIndex() {
    }

    static CorpusIndex load(Path corpusDir) {
        CorpusIndex index = new CorpusIndex();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpusDir)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".md")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException | UncheckedIOException e) {
                continue; // not UTF-8 text: not a law text we can cite
            }
            String title = null;
            for (String line : lines) {
                if (line.startsWith("# ")) {
                    title = normaliseTitle(line.substring(2));
                    break;
                }
            }
            if (title == null || title.isEmpty()) {
                continue;
            }
            Map<String, Integer> articles = index.documents.computeIfAbsent(title, t -> new HashMap<>());
            String current = null;
            int paragraphs = 0;
            for (String line : lines) {
                Matcher m = ARTICLE_LINE.matcher(line);
                if (m.find()) {
                    index.record(articles, current, paragraphs);
                    current = m.group(1);
                    paragraphs = 1;
                } else if (line.startsWith("#")) {
                    index.record(articles, current, paragraphs);
                    current = null;
                } else if (current != null && !line.isBlank() && !ITEM_LINE.matcher(line.strip()).find()) {
                    paragraphs++;
                }
            }
            index.record(articles, current, paragraphs);
        }
        return index;
    }

    private void record(Map<String, Integer> articles, String article, int paragraphs) {
        if (article != null) {
            articles.merge(article, paragraphs, Math::max);
        }
    }

    /** Strips whitespace, book-title marks and a leading 中华人民共和国. */
    static String normaliseTitle(String title) {
        String t = title.replaceAll("[\\s\\u3000《》]", "");
        if (t.startsWith("中华人民共和国")) {
            t = t.substring("中华人民共和国".length());
        }
        return t;
    }

    boolean isEmpty() {
        return documents.isEmpty();
    }

    /** Why the citation does not resolve, or null when it does. */
    String problem(Citation citation) {
        if (citation.law() == null || citation.law().isBlank()) {
            return "no law title";
        }
        if (citation.article() == null || !ARTICLE.matcher(citation.article()).matches()) {
            return "article \"" + citation.article() + "\" is not of the form 第…条 or 第…条之…";
        }
        Map<String, Integer> articles = documents.get(normaliseTitle(citation.law()));
        if (articles == null) {
            return "no document titled \"" + citation.law() + "\" in the corpus";
        }
        Integer paragraphs = articles.get(citation.article());
        if (paragraphs == null) {
            return "\"" + citation.law() + "\" has no " + citation.article() + " in any version";
        }
        if (citation.paragraph() != null && (citation.paragraph() < 1 || citation.paragraph() > paragraphs)) {
            return citation.article() + " of \"" + citation.law() + "\" has no paragraph " + citation.paragraph()
                    + " (it has " + paragraphs + ")";
        }
        return null;
    }

    /** A citation found in a knowledge-base file. */
    record Citation(String law, String article, Integer paragraph, String file, int line, String text) {
    }
}
