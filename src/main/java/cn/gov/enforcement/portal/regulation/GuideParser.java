package cn.gov.enforcement.portal.regulation;

import cn.gov.enforcement.portal.knowledge.ContentProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads one plain-language guide of {@code knowledge-base/regulations/} (format: that folder's README.md): a YAML
 * front matter ({@code title}, {@code summary}, {@code citations}, optional {@code updated}) between {@code ---}
 * lines, then Markdown sections that each start with {@code ## heading}. The guide becomes a {@link LegalDocument}
 * of level {@link LegalLevel#GUIDE}: the summary, one unnumbered part per section, and a last part
 * {@value #BASIS_HEADING} listing the citations as {@code 《title》第…条}.
 */
final class GuideParser {

    /** Heading of the part that lists a guide's citations. */
    static final String BASIS_HEADING = "法律依据";

    static final Pattern ARTICLE = Pattern.compile("第[零〇一二三四五六七八九十百千]+条(之[一二三四五六七八九十]+)?");

    private GuideParser() {}

    /** The guide, or empty with the problems (file and line) that keep it from being loaded. */
    static Optional<LegalDocument> parse(String label, String content, List<ContentProblem> problems) {
        String[] lines = content.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int start = 0;
        if (lines.length > 0 && lines[0].startsWith("\uFEFF")) {
            lines[0] = lines[0].substring(1);
        }
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            problems.add(new ContentProblem(label, 1, "", "regulation.guide.problem.noFrontMatter"));
            return Optional.empty();
        }
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            problems.add(new ContentProblem(label, 1, "", "regulation.guide.problem.unclosed"));
            return Optional.empty();
        }
        Object yaml;
        try {
            yaml = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(String.join("\n", java.util.Arrays.copyOfRange(lines, start + 1, end)));
        } catch (RuntimeException e) {
            problems.add(new ContentProblem(label, 2, "", "regulation.guide.problem.invalidYaml", e.getMessage()));
            return Optional.empty();
        }
        if (!(yaml instanceof Map<?, ?> front)) {
            problems.add(new ContentProblem(label, 2, "", "regulation.guide.problem.notMapping"));
            return Optional.empty();
        }
        int before = problems.size();
        String title = text(front, "title", label, problems, 200);
        String summary = text(front, "summary", label, problems, 1000);
        LocalDate updated = null;
        Object u = front.get("updated");
        if (u != null) {
            try {
                updated = u instanceof java.util.Date d ? new java.sql.Date(d.getTime()).toLocalDate()
                        : LocalDate.parse(u.toString().strip());
            } catch (RuntimeException e) {
                problems.add(new ContentProblem(label, line(lines, end, "updated:"), "updated",
                        "regulation.guide.problem.date"));
            }
        }
        List<String> citations = citations(front, label, lines, end, problems);

        List<Article> articles = new ArrayList<>();
        int sequence = 0;
        if (summary != null) {
            articles.add(new Article(++sequence, "", ArticleNumber.NONE, List.of(), List.of(Paragraph.of(summary))));
        }
        String heading = null;
        List<Paragraph> paragraphs = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        for (int i = end + 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("## ")) {
                flush(block, paragraphs);
                if (heading != null) {
                    addSection(articles, ++sequence, heading, paragraphs, label, problems, i);
                }
                heading = line.substring(3).strip();
                paragraphs = new ArrayList<>();
            } else if (line.startsWith("#")) {
                problems.add(new ContentProblem(label, i + 1, "", "regulation.guide.problem.headingLevel"));
            } else if (line.isEmpty()) {
                flush(block, paragraphs);
            } else {
                if (heading == null) {
                    problems.add(new ContentProblem(label, i + 1, "", "regulation.guide.problem.textBeforeHeading"));
                    heading = "";
                }
                if (!block.isEmpty()) {
                    block.append('\n');
                }
                block.append(line.startsWith("- ") || line.startsWith("* ") ? "・" + line.substring(2).strip() : line);
            }
        }
        flush(block, paragraphs);
        if (heading != null && !heading.isEmpty()) {
            addSection(articles, ++sequence, heading, paragraphs, label, problems, lines.length);
        }
        if (articles.size() < 2) {
            problems.add(new ContentProblem(label, end + 2, "", "regulation.guide.problem.noSection"));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        articles.add(new Article(++sequence, "", ArticleNumber.NONE, List.of(BASIS_HEADING),
                citations.stream().map(Paragraph::of).toList()));
        return Optional.of(new LegalDocument(title, "", LegalLevel.GUIDE, "", "", "", List.of(), updated,
                DocumentStatus.CURRENT, articles, label, null));
    }

    private static void flush(StringBuilder block, List<Paragraph> paragraphs) {
        if (!block.isEmpty()) {
            paragraphs.add(Paragraph.of(block.toString()));
            block.setLength(0);
        }
    }

    private static void addSection(List<Article> articles, int sequence, String heading, List<Paragraph> paragraphs,
            String label, List<ContentProblem> problems, int line) {
        if (paragraphs.isEmpty()) {
            problems.add(new ContentProblem(label, line, "", "regulation.guide.problem.emptySection", heading));
            return;
        }
        articles.add(new Article(sequence, "", ArticleNumber.NONE, List.of(heading), paragraphs));
    }

    private static String text(Map<?, ?> front, String field, String label, List<ContentProblem> problems, int max) {
        Object value = front.get(field);
        if (value == null || value.toString().isBlank()) {
            problems.add(new ContentProblem(label, 2, field, "knowledge.problem.required"));
            return null;
        }
        String s = value.toString().strip().replaceAll("\\s*\\n\\s*", "");
        if (s.length() > max) {
            problems.add(new ContentProblem(label, 2, field, "regulation.guide.problem.tooLong", max));
            return null;
        }
        return s;
    }

    /** The citations as {@code 《title》第…条[第…款]}, each checked for form. */
    private static List<String> citations(Map<?, ?> front, String label, String[] lines, int end,
            List<ContentProblem> problems) {
        Object value = front.get("citations");
        int line = line(lines, end, "citations:");
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problems.add(new ContentProblem(label, line, "citations", "regulation.guide.problem.noCitation"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String field = "citations[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> c) || c.get("law") == null || c.get("article") == null) {
                problems.add(new ContentProblem(label, line, field, "regulation.guide.problem.citationIncomplete"));
                continue;
            }
            String law = c.get("law").toString().strip();
            String article = c.get("article").toString().strip();
            if (!ARTICLE.matcher(article).matches()) {
                problems.add(new ContentProblem(label, line, field + ".article",
                        "regulation.guide.problem.articleFormat"));
                continue;
            }
            String paragraph = "";
            if (c.get("paragraph") != null) {
                try {
                    int p = Integer.parseInt(c.get("paragraph").toString().strip());
                    if (p < 1 || p > 20) {
                        throw new NumberFormatException();
                    }
                    paragraph = "第" + ChineseNumerals.format(p) + "款";
                } catch (NumberFormatException e) {
                    problems.add(new ContentProblem(label, line, field + ".paragraph",
                            "regulation.guide.problem.paragraph"));
                    continue;
                }
            }
            out.add("《" + law + "》" + article + paragraph);
        }
        return out;
    }

    private static int line(String[] lines, int end, String prefix) {
        for (int i = 1; i < end; i++) {
            if (lines[i].strip().startsWith(prefix)) {
                return i + 1;
            }
        }
        return 2;
    }
}
