package cn.gov.enforcement.portal.regulation.importer;

import cn.gov.enforcement.portal.regulation.Article;
import cn.gov.enforcement.portal.regulation.ArticleNumber;
import cn.gov.enforcement.portal.regulation.ChineseNumerals;
import cn.gov.enforcement.portal.regulation.Item;
import cn.gov.enforcement.portal.regulation.Paragraph;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a stream of headings, article starts and paragraphs into articles. Shared by both parsers.
 * Text outside numbered articles becomes pseudo-articles (empty number), one per run under a heading path.
 */
final class DocumentBuilder {

    static final Pattern ITEM = Pattern.compile("^([（(]([一二三四五六七八九十百]+)[）)])\\s*(.*)$");
    static final Pattern NUMBERED_ITEM = Pattern.compile("^((\\d{1,3})[.．、])\\s*(.*)$");

    private final String source;
    private final List<ImportProblem> problems;
    private final TreeMap<Integer, String> headings = new TreeMap<>();
    private final List<Article> articles = new ArrayList<>();
    private final Set<ArticleNumber> seen = new HashSet<>();
    private boolean numberedItems = true;

    private String number;
    private ArticleNumber ordinal;
    private List<String> path;
    private List<ParagraphDraft> paragraphs;
    private ArticleNumber lastNumbered;

    DocumentBuilder(String source, List<ImportProblem> problems) {
        this.source = source;
        this.problems = problems;
    }

    /** Whether {@code 1.} lines are items; plain-text section documents use them, laws do not need them. */
    DocumentBuilder numberedItems(boolean enabled) {
        this.numberedItems = enabled;
        return this;
    }

    void heading(int level, String text) {
        close();
        headings.tailMap(level, true).clear();
        headings.put(level, text);
    }

    void article(String writtenNumber, ArticleNumber value, String firstText, int line) {
        close();
        if (!seen.add(value) && !writtenNumber.startsWith("（") && !writtenNumber.startsWith("(")) {
            problems.add(ImportProblem.warning(source, line, "regulation.import.duplicateArticle", writtenNumber));
        }
        number = writtenNumber;
        ordinal = value;
        path = List.copyOf(headings.values());
        paragraphs = new ArrayList<>();
        lastNumbered = value;
        if (firstText != null && !firstText.isBlank()) {
            paragraph(firstText);
        }
    }

    ArticleNumber lastNumbered() {
        return lastNumbered;
    }

    void paragraph(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return;
        }
        if (paragraphs == null) {
            number = "";
            ordinal = ArticleNumber.NONE;
            path = List.copyOf(headings.values());
            paragraphs = new ArrayList<>();
        }
        Matcher item = ITEM.matcher(t);
        Matcher numbered = NUMBERED_ITEM.matcher(t);
        if (item.matches() && !paragraphs.isEmpty()) {
            paragraphs.get(paragraphs.size() - 1).items.add(
                    new Item(item.group(1), ChineseNumerals.parse(item.group(2)), item.group(3)));
        } else if (numberedItems && numbered.matches() && !paragraphs.isEmpty()) {
            paragraphs.get(paragraphs.size() - 1).items.add(
                    new Item(numbered.group(1), Integer.parseInt(numbered.group(2)), numbered.group(3)));
        } else {
            paragraphs.add(new ParagraphDraft(t));
        }
    }

    /** Appends a line to the last paragraph (table rows). */
    void continueParagraph(String text) {
        if (paragraphs == null || paragraphs.isEmpty()) {
            paragraph(text);
            return;
        }
        ParagraphDraft last = paragraphs.get(paragraphs.size() - 1);
        last.text.append('\n').append(text.strip());
    }

    private void close() {
        if (paragraphs != null && (!paragraphs.isEmpty() || !number.isEmpty())) {
            articles.add(new Article(articles.size() + 1, number, ordinal, path,
                    paragraphs.stream().map(ParagraphDraft::build).toList()));
        }
        paragraphs = null;
        number = null;
    }

    List<Article> build() {
        close();
        return List.copyOf(articles);
    }

    private static final class ParagraphDraft {
        final StringBuilder text;
        final List<Item> items = new ArrayList<>();

        ParagraphDraft(String text) {
            this.text = new StringBuilder(text);
        }

        Paragraph build() {
            return new Paragraph(text.toString(), items);
        }
    }
}
