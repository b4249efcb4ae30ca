package cn.gov.enforcement.portal.regulation.importer;

import cn.gov.enforcement.portal.regulation.Article;
import cn.gov.enforcement.portal.regulation.ArticleNumber;
import cn.gov.enforcement.portal.regulation.ChineseNumerals;
import cn.gov.enforcement.portal.regulation.ChineseScript;
import cn.gov.enforcement.portal.regulation.HistoryEvent;
import cn.gov.enforcement.portal.regulation.LegalDocument;
import cn.gov.enforcement.portal.regulation.LegalLevel;
import cn.gov.enforcement.portal.regulation.Regions;
import cn.gov.enforcement.portal.regulation.Paragraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the LawRefBook Markdown corpus (https://github.com/RanKKI/LawRefBook layout).
 *
 * <p>File layout: {@code # title}, optionally a second {@code # subtitle}, dated history lines, the marker
 * {@code <!-- INFO END -->}, then the body with {@code #}-headings and articles {@code 第X条 text}. When the
 * marker is missing, the history is the run of dated lines right after the title.
 *
 * <p>Level from the top folder: 宪法 → CONSTITUTION; 宪法相关法, 民法典, 民法商法, 行政法, 经济法, 社会法, 刑法,
 * 诉讼与非诉讼程序法 → LAW; 行政法规 → ADMINISTRATIVE_REGULATION; 部门规章 → DEPARTMENTAL_RULE (issuer = the
 * ministry sub-folder); 司法解释 → JUDICIAL_INTERPRETATION; {@code DLC/<X地方法规>/<kind>/<region>/} →
 * LOCAL_REGULATION (kind 地方性法规) or LOCAL_GOVERNMENT_RULE (kind containing 规章), region = the region
 * folder; 其他 and unknown folders → NORMATIVE_DOCUMENT. 案例/, {@code _index.md}, README.md and the template
 * are skipped. Documents of the other layout folders get region {@link LegalDocument#NATIONAL}, those of DLC the
 * full name of their region ({@link Regions#normalize}: 河南 → 河南省), a file outside the layout none (unknown).
 *
 * <p>Text before the first article, and documents without articles, become pseudo-articles (empty number) so
 * nothing is lost; they are not reported. A file that cannot be read (not UTF-8, empty, unclosed comment or
 * front matter, no title) is reported as an ERROR with file and line and produces no document; the other files
 * go on.
 */
public final class LawRefBookParser {

    private static final Map<String, LegalLevel> FOLDERS = Map.ofEntries(
            Map.entry("宪法", LegalLevel.CONSTITUTION),
            Map.entry("宪法相关法", LegalLevel.LAW),
            Map.entry("民法典", LegalLevel.LAW),
            Map.entry("民法商法", LegalLevel.LAW),
            Map.entry("行政法", LegalLevel.LAW),
            Map.entry("经济法", LegalLevel.LAW),
            Map.entry("社会法", LegalLevel.LAW),
            Map.entry("刑法", LegalLevel.LAW),
            Map.entry("诉讼与非诉讼程序法", LegalLevel.LAW),
            Map.entry("行政法规", LegalLevel.ADMINISTRATIVE_REGULATION),
            Map.entry("部门规章", LegalLevel.DEPARTMENTAL_RULE),
            Map.entry("司法解释", LegalLevel.JUDICIAL_INTERPRETATION));

    private static final Pattern FILE_DATE = Pattern.compile("\\((\\d{4})-(\\d{2})-(\\d{2})\\)\\.md$");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s*(.*)$");
    /**
     * A line written as an article start (a number, 条, white space, text) whose number is none the importer reads: a
     * numeral such as 万 or 壹, or too large.
     */
    private static final Pattern UNREADABLE_ARTICLE = Pattern.compile(
            "^第[零〇一二三四五六七八九十百千万萬亿億两兩0-9０-９壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]+[条條]"
                    + "(?:之[零〇一二三四五六七八九十0-9０-９]+)?[\\s\\u3000]+\\S.*$");
    /** A sentence saying from when the document itself applies: 本法自2021年7月15日起施行, 本规定自…起实施. */
    private static final Pattern SELF_IN_FORCE = Pattern.compile("本(?:法|条例|规定|办法|细则|解释|规则|决定|准则|"
            + "实施细则|实施条例|暂行规定|暂行办法|意见|通知|批复|答复)[^。；：\\n]{0,12}?自\\s*(\\d{4})\\s*年\\s*(\\d{1,2})"
            + "\\s*月\\s*(\\d{1,2})\\s*日起?(?:施行|实施|生效|执行)");
    private static final String INFO_END = "INFO END";

    /** Reads every Markdown file under {@code root}. */
    public ImportResult parseCorpus(Path root) {
        return parseCorpus(root, relative -> true);
    }

    /**
     * Reads the Markdown files under {@code root} whose relative path (with '/') passes {@code include}, in path
     * order. Never throws for a bad file; only an unreadable {@code root} throws.
     */
    public ImportResult parseCorpus(Path root, Predicate<String> include) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".md"))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<LegalDocument> documents = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        int skipped = 0;
        for (Path file : files) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            if (!include.test(relative) || isSkipped(relative)) {
                skipped++;
                continue;
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                problems.add(ImportProblem.error(relative, 0, "regulation.import.unreadable", e.getMessage()));
                continue;
            }
            try {
                parse(relative, bytes, problems).ifPresent(documents::add);
            } catch (RuntimeException e) {
                problems.add(ImportProblem.error(relative, 0, "regulation.import.unexpected", String.valueOf(e)));
            }
        }
        return new ImportResult(documents, problems, skipped);
    }

    /** Files skipped on purpose: folder indexes, README, the template, cases. */
    public static boolean isSkipped(String relative) {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        return name.equals("_index.md") || name.equalsIgnoreCase("README.md") || name.equals("法律法规模版.md")
                || layoutPath(relative).startsWith("案例/");
    }

    /** Whether a folder of this name is one of the layout's top folders (宪法, 行政法, 部门规章, DLC, 案例, 其他, …). */
    public static boolean isLayoutFolder(String name) {
        return name != null && (FOLDERS.containsKey(name) || LAYOUT_OTHERS.contains(name));
    }

    private static final java.util.Set<String> LAYOUT_OTHERS = java.util.Set.of("DLC", "案例", "其他");

    /**
     * The path from the layout's top folder on ({@code 行政法/体育法.md}), wherever the corpus sits: an upload packed
     * with a wrapper folder ({@code LawRefBook-main/Laws/行政法/体育法.md}) is read like the corpus itself. A path
     * without a top folder stays as it is (and its document is a 规范性文件).
     */
    static String layoutPath(String relative) {
        String[] parts = relative.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (isLayoutFolder(parts[i])) {
                return String.join("/", java.util.Arrays.asList(parts).subList(i, parts.length));
            }
        }
        return relative;
    }

    /** Parses one file; {@code relative} (path under the corpus root, with '/') decides level and region. */
    public Optional<LegalDocument> parse(String relative, byte[] bytes, List<ImportProblem> problems) {
        return Utf8Text.decode(relative, bytes, problems).flatMap(text -> parse(relative, text, problems));
    }

    public Optional<LegalDocument> parse(String relative, String text, List<ImportProblem> problems) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            problems.add(ImportProblem.error(relative, 0, "regulation.import.empty"));
            return Optional.empty();
        }
        String[] raw = text.split("\\r?\\n|\\r", -1);
        String[] lines = new String[raw.length];
        int infoEnd = -1;
        int i = 0;
        // front matter
        int firstContent = 0;
        while (firstContent < raw.length && raw[firstContent].isBlank()) {
            firstContent++;
        }
        if (firstContent < raw.length && raw[firstContent].strip().equals("---")) {
            int close = -1;
            for (int j = firstContent + 1; j < raw.length; j++) {
                if (raw[j].strip().equals("---")) {
                    close = j;
                    break;
                }
            }
            if (close < 0) {
                problems.add(ImportProblem.error(relative, firstContent + 1, "regulation.import.unclosedFrontMatter"));
                return Optional.empty();
            }
            for (int j = 0; j <= close; j++) {
                lines[j] = "";
            }
            i = close + 1;
        }
        // comments (possibly spanning lines); remember the INFO END marker
        boolean inComment = false;
        int commentStart = 0;
        for (; i < raw.length; i++) {
            String line = raw[i];
            StringBuilder kept = new StringBuilder();
            int pos = 0;
            while (pos < line.length()) {
                if (inComment) {
                    int end = line.indexOf("-->", pos);
                    String inside = line.substring(pos, end < 0 ? line.length() : end);
                    if (inside.contains(INFO_END) && infoEnd < 0) {
                        infoEnd = i;
                    }
                    if (end < 0) {
                        pos = line.length();
                    } else {
                        inComment = false;
                        pos = end + 3;
                    }
                } else {
                    int start = line.indexOf("<!--", pos);
                    if (start < 0) {
                        kept.append(line, pos, line.length());
                        pos = line.length();
                    } else {
                        kept.append(line, pos, start);
                        inComment = true;
                        commentStart = i;
                        pos = start + 4;
                    }
                }
            }
            lines[i] = kept.toString();
        }
        if (inComment) {
            problems.add(ImportProblem.error(relative, commentStart + 1, "regulation.import.unclosedComment"));
            return Optional.empty();
        }

        // title and subtitle
        int n = 0;
        while (n < lines.length && lines[n].isBlank()) {
            n++;
        }
        String title;
        String fileName = relative.substring(relative.lastIndexOf('/') + 1);
        // the line a missing title is reported at: the first that is not blank ("# " alone, or any other text)
        int titleLine = Math.min(n, Math.max(lines.length - 1, 0)) + 1;
        if (n < lines.length && lines[n].startsWith("# ")) {
            title = Texts.clean(lines[n].substring(2));
            n++;
        } else {
            title = "";
        }
        if (title.isEmpty()) {
            problems.add(ImportProblem.error(relative, titleLine, "regulation.import.noTitle"));
            return Optional.empty();
        }
        String subtitle = "";
        int m = n;
        while (m < lines.length && lines[m].isBlank() && (infoEnd < 0 || m < infoEnd)) {
            m++;
        }
        if (m < lines.length && lines[m].startsWith("# ") && (infoEnd < 0 || m < infoEnd)) {
            subtitle = Texts.clean(lines[m].substring(2));
            n = m + 1;
        }

        // history
        List<HistoryEvent> history = new ArrayList<>();
        String documentNumber = "";
        int bodyStart;
        if (infoEnd >= 0) {
            for (int j = n; j < infoEnd; j++) {
                String line = Texts.clean(lines[j]);
                if (line.isEmpty()) {
                    continue;
                }
                Optional<HistoryEvent> event = Texts.historyEvent(line);
                if (event.isPresent()) {
                    history.add(event.get());
                } else if (Texts.DOCUMENT_NUMBER.matcher(line).matches()) {
                    documentNumber = documentNumber.isEmpty() ? line : documentNumber;
                } else if (!history.isEmpty() && !line.isEmpty()) {
                    // a history line wrapped onto the next line
                    HistoryEvent last = history.remove(history.size() - 1);
                    String description = last.description() + line;
                    history.add(new HistoryEvent(last.date(), HistoryEvent.classify(description), description));
                }
                // other undated lines before the first date (a title repeated over two lines, the
                // addressees of a notice …) carry nothing the model keeps
            }
            bodyStart = infoEnd + 1;
        } else {
            int j = n;
            while (j < lines.length) {
                String line = Texts.clean(lines[j]);
                if (!line.isEmpty()) {
                    Optional<HistoryEvent> event = Texts.historyEvent(line);
                    if (event.isEmpty()) {
                        break;
                    }
                    history.add(event.get());
                }
                j++;
            }
            bodyStart = j;
        }

        // body
        DocumentBuilder builder = new DocumentBuilder(relative, problems).numberedItems(false);
        boolean inTable = false;
        for (int j = bodyStart; j < lines.length; j++) {
            String rawLine = lines[j].strip();
            if (rawLine.isEmpty()) {
                inTable = false;
                continue;
            }
            Matcher heading = HEADING.matcher(rawLine);
            if (heading.matches()) {
                String h = Texts.clean(heading.group(2));
                if (!h.isEmpty()) {
                    builder.heading(heading.group(1).length(), h);
                }
                inTable = false;
                continue;
            }
            if (rawLine.startsWith("|")) {
                if (inTable) {
                    builder.continueParagraph(rawLine);
                } else {
                    builder.paragraph(rawLine);
                    inTable = true;
                }
                continue;
            }
            inTable = false;
            String line = Texts.clean(rawLine);
            if (!startArticle(builder, line, relative, j + 1, problems)) {
                builder.paragraph(line);
            }
        }
        List<Article> articles = builder.build();
        if (articles.isEmpty()) {
            // a title alone is no document: stored, it would be an empty page in the search, the filters and the sitemap
            problems.add(ImportProblem.error(relative, 0, "regulation.import.noArticles"));
            return Optional.empty();
        }

        // level, region, issuer, version date
        String[] parts = layoutPath(relative).split("/");
        String top = parts.length > 1 ? parts[0] : "";
        LegalLevel level = FOLDERS.getOrDefault(top, LegalLevel.NORMATIVE_DOCUMENT);
        // the corpus's folders outside DLC/ hold national documents; a file outside the layout (an upload of loose
        // files) says nothing of where it applies: its region is unknown, not 全国
        String region = isLayoutFolder(top) ? LegalDocument.NATIONAL : "";
        String issuer = "";
        if (top.equals("DLC")) {
            String kind = parts.length > 3 ? parts[2] : "";
            level = kind.contains("规章") ? LegalLevel.LOCAL_GOVERNMENT_RULE : LegalLevel.LOCAL_REGULATION;
            // the region folder writes the short name (河南): stored by its full name, as other sources write it
            region = Regions.normalize(parts.length > 4 ? parts[3] : parts.length > 2 ? parts[1].replace("地方法规", "") : "");
        }
        if (level == LegalLevel.DEPARTMENTAL_RULE && parts.length > 2) {
            issuer = parts[1];
        } else if (level == LegalLevel.ADMINISTRATIVE_REGULATION) {
            issuer = "国务院";
        } else if (level == LegalLevel.JUDICIAL_INTERPRETATION) {
            issuer = judicialIssuer(title);
        }
        if (issuer.isEmpty()) {
            issuer = Texts.issuerFromHistory(history);
        }
        LocalDate versionDate = null;
        Matcher fd = FILE_DATE.matcher(fileName);
        if (fd.find()) {
            versionDate = Texts.date(fd.group(1), fd.group(2), fd.group(3)).orElse(null);
            if (versionDate == null) {
                problems.add(ImportProblem.warning(relative, 0, "regulation.import.badFileDate", fileName));
            }
        }
        if (versionDate == null) {
            versionDate = history.stream().map(HistoryEvent::date).max(Comparator.naturalOrder()).orElse(null);
        }
        if (history.stream().noneMatch(e -> e.kind() == HistoryEvent.Kind.IN_FORCE)) {
            inForceFromText(articles, versionDate).ifPresent(history::add);
        }
        return Optional.of(new LegalDocument(title, subtitle, level, issuer, region, documentNumber, history, versionDate,
                null, articles, relative, null));
    }

    /**
     * The date the text says this version applies from, when its history lines name none: most files of the corpus
     * state it only in a closing article ({@code 本法自2021年7月15日起施行。}). Searched from the last article backwards,
     * the first sentence whose subject is the document itself (本法, 本条例, 本规定, 本办法, 本解释 …). A date before the
     * version's own date is the first version's, kept in the text of a later amendment (行政诉讼法 of 2017 still says
     * 本法自1990年10月1日起施行): it says nothing about when this version applies, so it is not taken.
     */
    static Optional<HistoryEvent> inForceFromText(List<Article> articles, LocalDate versionDate) {
        for (int i = articles.size() - 1; i >= 0; i--) {
            for (Paragraph paragraph : articles.get(i).paragraphs()) {
                Matcher m = SELF_IN_FORCE.matcher(ChineseScript.toSimplified(paragraph.fullText()));
                if (m.find()) {
                    Optional<LocalDate> date = Texts.date(m.group(1), m.group(2), m.group(3));
                    if (date.isPresent() && (versionDate == null || !date.get().isBefore(versionDate))) {
                        return Optional.of(new HistoryEvent(date.get(), HistoryEvent.Kind.IN_FORCE, m.group()));
                    }
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Starts an article when the line begins with {@code 第X条}. With white space after the number it always
     * does; without (e.g. {@code 第五条本法…}) only when X is the next expected number, so that a paragraph
     * starting with a citation ({@code 第三十一条的决定…}) stays a paragraph.
     */
    static boolean startArticle(DocumentBuilder builder, String line, String source, int lineNumber,
                                List<ImportProblem> problems) {
        Matcher a = Texts.ARTICLE.matcher(line);
        if (!a.matches()) {
            if (UNREADABLE_ARTICLE.matcher(line).matches()) {
                // an article line whose number cannot be read (第五百万条 …): kept as text, but not without a word
                problems.add(ImportProblem.warning(source, lineNumber, "regulation.import.badArticleNumber",
                        line.substring(0, Math.min(line.length(), 20))));
            }
            return false;
        }
        ArticleNumber value;
        try {
            int number = ChineseNumerals.parse(a.group(1));
            int sub = a.group(2) == null ? 0 : ChineseNumerals.parse(a.group(2));
            value = new ArticleNumber(number, sub);
        } catch (IllegalArgumentException e) {
            problems.add(ImportProblem.warning(source, lineNumber, "regulation.import.badArticleNumber",
                    line.substring(0, Math.min(line.length(), 20))));
            return false;
        }
        boolean separated = !a.group(3).isEmpty() || a.group(4).isEmpty();
        if (!separated) {
            ArticleNumber last = builder.lastNumbered();
            boolean expected = last == null ? value.number() == 1 && value.sub() == 0
                    : (value.number() == last.number() + 1 && value.sub() == 0)
                      || (value.number() == last.number() && value.sub() == last.sub() + 1);
            if (!expected || a.group(4).startsWith("的")) {
                return false;
            }
        }
        // as written, without a slip's space before 条 (第一百二十八 条 is cited as 第一百二十八条)
        String written = line.substring(0, line.length() - a.group(3).length() - a.group(4).length())
                .replaceAll("[ \u3000]", "");
        builder.article(written, value, a.group(4), lineNumber);
        return true;
    }

    private static String judicialIssuer(String title) {
        if (title.startsWith("最高人民法院、最高人民检察院")) {
            return "最高人民法院、最高人民检察院";
        }
        if (title.startsWith("最高人民法院")) {
            return "最高人民法院";
        }
        if (title.startsWith("最高人民检察院") || title.startsWith("人民检察院")) {
            return "最高人民检察院";
        }
        return "";
    }
}
