package cn.gov.enforcement.portal.regulation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One version of a legal document as read by an importer.
 *
 * @param title          full title, e.g. 中华人民共和国行政处罚法
 * @param subtitle       part name when a code is split into files (民法典 → 合同编), otherwise empty
 * @param level          rank in the hierarchy of norms
 * @param issuer         issuing body (全国人民代表大会常务委员会, 国务院, 公安部 …), empty when unknown
 * @param region         全国 for national documents, otherwise the province / city / county, empty when unknown
 * @param documentNumber 文号 such as 丰法府建办字〔2021〕4号, empty when none
 * @param history        dated events (passed, amended, in force …) in the order written
 * @param versionDate    date of this version (from the file name, else the newest history date), may be null
 * @param status         validity; importers produce CURRENT, {@link DocumentVersions#group} decides
 * @param articles       articles and pseudo-articles in document order
 * @param source         where the text came from (path relative to the corpus, file name), for reports
 * @param contentHash    SHA-256 (hex) of the normalized text, see {@link #computeHash}
 */
public record LegalDocument(String title, String subtitle, LegalLevel level, String issuer, String region,
                            String documentNumber, List<HistoryEvent> history, LocalDate versionDate,
                            DocumentStatus status, List<Article> articles, String source, String contentHash) {

    /** Region value of national documents. */
    public static final String NATIONAL = "全国";

    public LegalDocument {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(level, "level");
        subtitle = subtitle == null ? "" : subtitle;
        issuer = issuer == null ? "" : issuer;
        region = region == null ? "" : region;
        documentNumber = documentNumber == null ? "" : documentNumber;
        history = List.copyOf(history == null ? List.of() : history);
        status = status == null ? DocumentStatus.CURRENT : status;
        articles = List.copyOf(articles == null ? List.of() : articles);
        source = source == null ? "" : source;
        if (contentHash == null || contentHash.isEmpty()) {
            contentHash = computeHash(title, subtitle, articles);
        }
    }

    /** Title and subtitle, e.g. {@code 中华人民共和国民法典 合同编}. */
    public String displayTitle() {
        return subtitle.isEmpty() ? title : title + " " + subtitle;
    }

    /** What versions of the same document share: title and subtitle, whitespace removed. */
    public String versionKey() {
        return (title + "|" + subtitle).replaceAll("\\s+", "");
    }

    /** The whole text for display or indexing: each article's number and text, articles separated by blank lines. */
    public String fullText() {
        StringBuilder out = new StringBuilder();
        for (Article a : articles) {
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            out.append(a.numbered() ? a.number() + " " : "").append(a.text());
        }
        return out.toString();
    }

    /** The numbered articles only. */
    public List<Article> numberedArticles() {
        return articles.stream().filter(Article::numbered).toList();
    }

    /** The article written as {@code number} (第三十三条; 第三十三條 and 第33条 match too). */
    public Optional<Article> article(String number) {
        Optional<Article> exact = articles.stream().filter(a -> a.number().equals(number)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        ArticleNumber wanted;
        try {
            wanted = ArticleNumber.parse(number);
        } catch (IllegalArgumentException notAnArticleNumber) {
            return Optional.empty();
        }
        return articles.stream().filter(Article::numbered).filter(a -> a.ordinal().equals(wanted)).findFirst();
    }

    public LegalDocument withStatus(DocumentStatus newStatus) {
        return new LegalDocument(title, subtitle, level, issuer, region, documentNumber, history, versionDate,
                newStatus, articles, source, contentHash);
    }

    /**
     * Applies {@code f} to every text (title, subtitle, issuer, region, history descriptions, article numbers,
     * headings, paragraphs, items), e.g. {@code doc.mapText(ChineseScript::toSimplified)}. The hash is
     * recomputed.
     */
    public LegalDocument mapText(UnaryOperator<String> f) {
        List<HistoryEvent> h = history.stream()
                .map(e -> new HistoryEvent(e.date(), e.kind(), f.apply(e.description()))).toList();
        List<Article> a = articles.stream().map(article -> new Article(article.sequence(),
                f.apply(article.number()), article.ordinal(),
                article.headingPath().stream().map(f).toList(),
                article.paragraphs().stream().map(p -> new Paragraph(f.apply(p.text()),
                        p.items().stream().map(i -> new Item(f.apply(i.number()), i.ordinal(), f.apply(i.text())))
                                .toList())).toList())).toList();
        return new LegalDocument(f.apply(title), f.apply(subtitle), level, f.apply(issuer), f.apply(region),
                f.apply(documentNumber), h, versionDate, status, a, source, null);
    }

    /**
     * SHA-256 of the normalized text: title, subtitle, then for each article its headings, number and
     * paragraphs, one per line, after Unicode NFKC normalization and with runs of white space collapsed.
     */
    public static String computeHash(String title, String subtitle, List<Article> articles) {
        StringBuilder text = new StringBuilder();
        line(text, title);
        line(text, subtitle);
        for (Article article : articles) {
            line(text, String.join("/", article.headingPath()));
            line(text, article.number());
            for (Paragraph p : article.paragraphs()) {
                line(text, p.fullText());
            }
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static void line(StringBuilder out, String s) {
        String normalized = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC)
                .replaceAll("\\s+", " ").strip();
        out.append(normalized).append('\n');
    }
}
