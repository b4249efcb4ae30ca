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
    /**
     * A heading of the structure (编, 分编, 章, 节): its rank decides where it belongs, not the depth it is written at,
     * since some files write 章 deeper than 节 (a Markdown {@code ###} 章 over {@code ##} 节) and plain text has no depth.
     */
    static final Pattern STRUCTURE = Pattern.compile(
            "^第[零〇一二三四五六七八九十百千两0-9０-９]+\\s*(分编|分編|编|編|章|节|節)(?![条條款项項]).*");
    /** Keys of the structure's headings, 编 to 节; others are keyed by their written depth (1–6), or below these. */
    private static final int PART = 100;
    private static final int SUB_PART = 101;
    private static final int CHAPTER = 102;
    private static final int SECTION = 103;
    private static final int BELOW_STRUCTURE = 200;

    /** The current headings by key, outermost first, and the depth each was written at. */
    private final TreeMap<Integer, String> headings = new TreeMap<>();
    private final TreeMap<Integer, Integer> writtenAt = new TreeMap<>();
    private final List<Article> articles = new ArrayList<>();
    private final Set<ArticleNumber> seen = new HashSet<>();
    private boolean numberedItems = true;

    private String number;
    private ArticleNumber ordinal;
    private List<String> path;
    private List<ParagraphDraft> paragraphs;
    private ArticleNumber lastNumbered;
    /** The last article numbered 第…条 and its number as written, for the warnings of {@link #sequence}. */
    private ArticleNumber lastArticle;
    private String lastArticleWritten;

    DocumentBuilder(String source, List<ImportProblem> problems) {
        this.source = source;
        this.problems = problems;
    }

    /** Whether {@code 1.} lines are items; plain-text section documents use them, laws do not need them. */
    DocumentBuilder numberedItems(boolean enabled) {
        this.numberedItems = enabled;
        return this;
    }

    /**
     * A heading written at depth {@code level}: a heading of the structure (第X编, 第X分编, 第X章, 第X节) takes its
     * structural rank and replaces what is at or below it; another heading (附则 without a number, 附件, a title)
     * nests below the structure when written deeper than all of it, else replaces what it is written at or above.
     */
    void heading(int level, String text) {
        close();
        int key = structuralKey(text);
        if (key < 0) {
            int deepest = writtenAt.entrySet().stream().filter(e -> e.getKey() >= PART && e.getKey() <= SECTION)
                    .mapToInt(java.util.Map.Entry::getValue).max().orElse(Integer.MAX_VALUE);
            key = level > deepest ? BELOW_STRUCTURE + level : level;
        }
        headings.tailMap(key, true).clear();
        writtenAt.tailMap(key, true).clear();
        headings.put(key, text);
        writtenAt.put(key, level);
    }

    /** The rank of a heading of the structure, or -1 for another heading. */
    static int structuralKey(String text) {
        Matcher m = STRUCTURE.matcher(text.strip());
        if (!m.matches()) {
            return -1;
        }
        return switch (m.group(1)) {
            case "编", "編" -> PART;
            case "分编", "分編" -> SUB_PART;
            case "章" -> CHAPTER;
            default -> SECTION;
        };
    }

    void article(String writtenNumber, ArticleNumber value, String firstText, int line) {
        close();
        if (!seen.add(value) && !writtenNumber.startsWith("（") && !writtenNumber.startsWith("(")) {
            problems.add(ImportProblem.warning(source, line, "regulation.import.duplicateArticle", writtenNumber));
        } else if (writtenNumber.startsWith("第")) {
            sequence(writtenNumber, value, line);
        }
        if (writtenNumber.startsWith("第")) {
            lastArticle = value;
            lastArticleWritten = writtenNumber;
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

    /**
     * Warns (file and line) of an article number that does not follow the one before: a gap (第一条, then 第三条: an
     * article lost, or a number mistyped) or one out of sequence (第五条 after 第七条). The next article follows its
     * predecessor by one (第七条 → 第八条) or is the next 之 article of it (第七条 → 第七条之一 → 第七条之二); numbering
     * that starts again at 第一条 (an annex with articles of its own) is no mistake. The file is imported all the same.
     */
    private void sequence(String writtenNumber, ArticleNumber value, int line) {
        if (lastArticle == null || (value.number() == 1 && value.sub() == 0)) {
            return;
        }
        boolean next = (value.number() == lastArticle.number() + 1 && value.sub() == 0)
                || (value.number() == lastArticle.number() && value.sub() == lastArticle.sub() + 1);
        if (next) {
            return;
        }
        boolean ahead = value.number() > lastArticle.number()
                || (value.number() == lastArticle.number() && value.sub() > lastArticle.sub());
        problems.add(ImportProblem.warning(source, line, ahead ? "regulation.import.articleGap"
                : "regulation.import.articleOutOfSequence", writtenNumber, lastArticleWritten));
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
