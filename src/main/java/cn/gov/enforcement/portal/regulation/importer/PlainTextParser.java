package cn.gov.enforcement.portal.regulation.importer;

import cn.gov.enforcement.portal.regulation.Article;
import cn.gov.enforcement.portal.regulation.ArticleNumber;
import cn.gov.enforcement.portal.regulation.ChineseNumerals;
import cn.gov.enforcement.portal.regulation.ChineseScript;
import cn.gov.enforcement.portal.regulation.HistoryEvent;
import cn.gov.enforcement.portal.regulation.LegalDocument;
import cn.gov.enforcement.portal.regulation.LegalLevel;
import cn.gov.enforcement.portal.regulation.Regions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a plain-text government document copied from a web page (like the seeds in {@code shared/seeds}),
 * in Simplified or Traditional characters; the text keeps its script (convert with
 * {@code document.mapText(ChineseScript::toSimplified)}).
 *
 * <ul>
 *   <li>Web-page debris is dropped: navigation and action lines (打印本页, 关闭窗口, 分享到, 返回顶部 …), a
 *       "来源/时间/作者" line (its date becomes a history event, its source the issuer unless 本站), 原文链接, an
 *       encyclopedia infobox (基本介绍, 中文名, 类别 — the category sets the level), and everything after
 *       相关词条 / 热门词条 / 联系我们.</li>
 *   <li>Title: the document named in a covering notice ({@code 关于印发《X》的通知} → X; the notice's addressees and
 *       text are dropped, the signature block before the repeated title gives issuer and date), otherwise the
 *       first line. A 文号 line ({@code 丰法府建办字〔2021〕4号}) becomes the document number; a line
 *       {@code X文件} above the title names the issuer.</li>
 *   <li>Structure: with two or more lines starting {@code 第X条} the text is article-based ({@code 第X章/节} are
 *       headings, {@code （一）} items); otherwise {@code 一、} lines are headings, {@code （一）} lines are
 *       numbered articles and {@code 1.} lines items.</li>
 *   <li>Level NORMATIVE_DOCUMENT unless the text names another (地方政府规章, 地方性法规, 部门规章, 行政法规), or
 *       OTHER_MATERIAL for a text with neither a 文号 nor a covering notice whose title names no kind of document
 *       (办法, 意见, 方案, 通知 … or a title ending in 法, 令, 函): a news or work report from a web page.
 *       Region: the place name the title or issuer starts with (洛阳市, 舞阳县 …). History: dates of the
 *       signature / source line and {@code 自…起施行}.</li>
 * </ul>
 */
public final class PlainTextParser {

    private static final Pattern META = Pattern.compile("^(来源|时间|发布时间|发布日期|日期|作者|发文机关|信息来源)\\s*[:：]");
    private static final Pattern SOURCE = Pattern.compile("来源\\s*[:：]\\s*(\\S+)");
    private static final Pattern NOTICE = Pattern.compile("^(.*?)关于印发\\s*(.+?)\\s*的通知$");
    private static final Pattern IN_FORCE = Pattern.compile("自\\s*(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日起?(?:施行|实施|生效)");
    private static final Pattern DATE_ONLY = Pattern.compile("^(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日$");
    private static final Pattern SECTION = Pattern.compile("^([一二三四五六七八九十]+)、\\s*(.*)$");
    /** The line that opens an annex (附件, 附件2：…细则): what follows stands under it, apart from the main text. */
    private static final Pattern ANNEX = Pattern.compile("^附件\\s*[一二三四五六七八九十0-9０-９]{0,3}\\s*(?:[:：]\\s*.{0,40})?$");
    private static final Pattern CHAPTER = Pattern.compile("^第[" + ChineseNumerals.DIGIT_CLASS + "]+(编|分编|章|节)(\\s.*|$)");
    private static final Pattern REGION = Pattern.compile("^(.{1,7}?(?:自治区|自治區|自治州|省|市|县|縣|区|區|旗))");
    /** A title that names the kind of document it is (…实施办法, …的通知, …处罚法). */
    private static final Pattern DOCUMENT_KIND = Pattern.compile("(办法|规定|意见|方案|细则|规则|决定|决议|通知|通告|公告|"
            + "清单|指引|指南|制度|规范|纲要|计划|规划|条例|解释|批复|答复|目录|标准|守则|措施|要点|准则|章程|基准|名录|程序)|[法令函]$");
    private static final Pattern ENCYCLOPEDIA = Pattern.compile("^《.+》是.+");
    private static final List<String> DROP = List.of("打印本页", "打印此文", "打印此页", "关闭窗口", "关闭本页", "分享到",
            "返回顶部", "返回首页", "上一篇", "下一篇", "字体：", "字体:", "字号：", "字号:", "浏览次数", "责任编辑",
            "原文链接", "当前位置", "【打印】", "【关闭】", "基本介绍", "档案全文", "logo");
    private static final List<String> STOP = List.of("相关词条", "热门词条", "联络我们", "联系我们", "相关链接", "相关文章",
            "版权所有");

    /**
     * Parses {@code text}; {@code source} (usually the file name) identifies it in the document and in problems.
     * Returns empty (with an ERROR problem) when nothing but debris is left.
     */
    public Optional<LegalDocument> parse(String source, String text, List<ImportProblem> problems) {
        List<Line> lines = new ArrayList<>();
        List<HistoryEvent> history = new ArrayList<>();
        String issuer = "";
        LegalLevel level = LegalLevel.NORMATIVE_DOCUMENT;
        String[] raw = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\\r?\\n|\\r", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = Texts.clean(raw[i].replaceFirst("^\\s*#{1,6}\\s+", "")).replaceFirst("^[•·●▪]\\s*", "");
            if (line.isEmpty()) {
                continue;
            }
            String simplified = ChineseScript.toSimplified(line);
            if (STOP.stream().anyMatch(simplified::startsWith)) {
                break;
            }
            if (simplified.startsWith("类别") || simplified.startsWith("中文名") || ENCYCLOPEDIA.matcher(simplified).matches()) {
                level = levelNamed(simplified).orElse(level);
                continue;
            }
            if (META.matcher(simplified).find() || simplified.matches("^(来源|时间)[:：].*")) {
                Matcher date = Texts.ISO_DATE.matcher(simplified);
                if (date.find()) {
                    Optional<LocalDate> d = Texts.date(date.group(1), date.group(2), date.group(3));
                    d.ifPresent(value -> history.add(new HistoryEvent(value, HistoryEvent.Kind.PROMULGATED, "")));
                }
                Matcher src = SOURCE.matcher(simplified);
                if (src.find() && !src.group(1).equals("本站") && issuer.isEmpty()) {
                    issuer = src.group(1);
                }
                continue;
            }
            if (simplified.startsWith("原文链接") || simplified.startsWith("原文地址") || simplified.startsWith("链接")
                    || simplified.matches("^(https?://|www\\.)\\S*$")) {
                continue;
            }
            if (DROP.stream().anyMatch(simplified::contains) && simplified.length() < 40) {
                continue;
            }
            lines.add(new Line(i + 1, line, simplified));
        }
        if (lines.isEmpty()) {
            problems.add(ImportProblem.error(source, 0, "regulation.import.empty"));
            return Optional.empty();
        }

        // header: 文号, "X文件", covering notice, title
        int pos = 0;
        String documentNumber = "";
        String title = null;
        for (; pos < lines.size() && pos < 4; pos++) {
            Line l = lines.get(pos);
            if (Texts.DOCUMENT_NUMBER.matcher(Texts.asciiDigits(l.simplified)).matches() && documentNumber.isEmpty()) {
                documentNumber = l.text;
            } else if (l.simplified.endsWith("文件") && l.simplified.length() <= 30 && issuer.isEmpty()) {
                issuer = l.text.substring(0, l.text.length() - 2).strip();
            } else {
                break;
            }
        }
        Matcher notice = pos < lines.size() ? NOTICE.matcher(lines.get(pos).simplified.replace(" ", "")) : null;
        boolean covered = notice != null && notice.matches();
        if (covered) {
            String noticeLine = lines.get(pos).text.replace(" ", "");
            title = stripBookQuotes(noticeLine.substring(noticeLine.length() - notice.group(2).length() - 3,
                    noticeLine.length() - 3));
            if (issuer.isEmpty() && !notice.group(1).isEmpty()) {
                issuer = noticeLine.substring(0, notice.group(1).length());
            }
            pos++;
            int repeated = findRepeatedTitle(lines, pos, title);
            if (repeated >= 0) {
                for (int j = pos; j < repeated; j++) {
                    Matcher d = DATE_ONLY.matcher(lines.get(j).simplified);
                    if (d.matches()) {
                        int at = j;
                        Texts.date(d.group(1), d.group(2), d.group(3)).ifPresent(value ->
                                history.add(new HistoryEvent(value, HistoryEvent.Kind.PROMULGATED, lines.get(at).text)));
                        if (j > pos && !lines.get(j - 1).simplified.contains("。")) {
                            issuer = lines.get(j - 1).text;
                        }
                    }
                }
                pos = repeated + titleLineCount(lines, repeated, title);
            } else if (pos < lines.size() && lines.get(pos).simplified.matches(".*[:：]$")) {
                pos++;
            }
        } else if (pos < lines.size()) {
            title = lines.get(pos).text;
            pos++;
        }
        if (title == null || title.isBlank()) {
            problems.add(ImportProblem.error(source, lines.get(0).number, "regulation.import.noTitle"));
            return Optional.empty();
        }

        // body
        List<Line> body = lines.subList(pos, lines.size());
        long articleLines = body.stream().filter(l -> Texts.ARTICLE.matcher(l.simplified).matches()).count();
        boolean articleMode = articleLines >= 2;
        DocumentBuilder builder = new DocumentBuilder(source, problems).numberedItems(!articleMode);
        for (Line l : body) {
            Matcher inForce = IN_FORCE.matcher(l.simplified);
            if (inForce.find()) {
                Texts.date(inForce.group(1), inForce.group(2), inForce.group(3)).ifPresent(d ->
                        history.add(new HistoryEvent(d, HistoryEvent.Kind.IN_FORCE, inForce.group())));
            }
            if (ANNEX.matcher(l.simplified.strip()).matches()) {
                builder.heading(1, l.text.strip());
                continue;
            }
            if (articleMode) {
                if (CHAPTER.matcher(l.simplified).matches()) {
                    builder.heading(1, l.text);
                } else if (!LawRefBookParser.startArticle(builder, l.text, source, l.number, problems)) {
                    builder.paragraph(l.text);
                }
                continue;
            }
            Matcher section = SECTION.matcher(l.text);
            Matcher item = DocumentBuilder.ITEM.matcher(l.text);
            if (section.matches()) {
                String rest = section.group(2);
                int stop = firstSentenceEnd(rest);
                if (stop < 0 || stop == rest.length() - 1) {
                    builder.heading(1, l.text);
                } else {
                    builder.heading(1, l.text.substring(0, l.text.length() - rest.length() + stop));
                    builder.paragraph(rest.substring(stop + 1));
                }
            } else if (item.matches()) {
                builder.article(item.group(1), new ArticleNumber(ChineseNumerals.parse(item.group(2)), 0),
                        item.group(3), l.number);
            } else {
                builder.paragraph(l.text);
            }
        }
        List<Article> articles = builder.build();
        if (articles.isEmpty()) {
            problems.add(ImportProblem.error(source, 0, "regulation.import.noText"));
            return Optional.empty();
        }
        String simplifiedTitle = ChineseScript.toSimplified(title).strip();
        if (level == LegalLevel.NORMATIVE_DOCUMENT) {
            level = levelNamed(simplifiedTitle).orElse(level);
        }
        if (level == LegalLevel.NORMATIVE_DOCUMENT && !covered && documentNumber.isEmpty()
                && !DOCUMENT_KIND.matcher(simplifiedTitle).find()) {
            // a report about a document or about enforcement, not a document itself: shown as such, ranked last
            level = LegalLevel.OTHER_MATERIAL;
        }
        String region = regionOf(title).orElse(regionOf(issuer).orElse(""));
        history.sort(Comparator.comparing(HistoryEvent::date));
        LocalDate versionDate = history.stream().filter(e -> e.kind() == HistoryEvent.Kind.PROMULGATED)
                .map(HistoryEvent::date).findFirst()
                .or(() -> history.stream().map(HistoryEvent::date).max(Comparator.naturalOrder())).orElse(null);
        return Optional.of(new LegalDocument(title, "", level, issuer, region, documentNumber, history, versionDate,
                null, articles, source, null));
    }

    private static int firstSentenceEnd(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '。' || c == '；' || c == ';') {
                return i;
            }
        }
        return -1;
    }

    private static String stripBookQuotes(String s) {
        String t = s.strip();
        if (t.startsWith("《") && t.endsWith("》")) {
            t = t.substring(1, t.length() - 1);
        }
        return t.replace(" ", "");
    }

    /** Index of the first of consecutive lines (from {@code from}) whose concatenation is the title, or -1. */
    private static int findRepeatedTitle(List<Line> lines, int from, String title) {
        for (int i = from; i < lines.size() && i < from + 12; i++) {
            if (titleLineCount(lines, i, title) > 0) {
                return i;
            }
        }
        return -1;
    }

    private static int titleLineCount(List<Line> lines, int start, String title) {
        String wanted = title.replace(" ", "");
        StringBuilder joined = new StringBuilder();
        for (int i = start; i < lines.size() && i < start + 4; i++) {
            joined.append(lines.get(i).text.replace(" ", ""));
            if (joined.toString().equals(wanted)) {
                return i - start + 1;
            }
            if (!wanted.startsWith(joined.toString())) {
                return 0;
            }
        }
        return 0;
    }

    private static Optional<LegalLevel> levelNamed(String simplified) {
        if (simplified.contains("地方政府规章")) {
            return Optional.of(LegalLevel.LOCAL_GOVERNMENT_RULE);
        }
        if (simplified.contains("地方性法规")) {
            return Optional.of(LegalLevel.LOCAL_REGULATION);
        }
        if (simplified.contains("部门规章")) {
            return Optional.of(LegalLevel.DEPARTMENTAL_RULE);
        }
        if (simplified.contains("行政法规")) {
            return Optional.of(LegalLevel.ADMINISTRATIVE_REGULATION);
        }
        return Optional.empty();
    }

    private static Optional<String> regionOf(String simplified) {
        Matcher m = REGION.matcher(simplified);
        return m.find() ? Optional.of(Regions.normalize(m.group(1))) : Optional.empty();
    }

    private record Line(int number, String text, String simplified) {
    }
}
