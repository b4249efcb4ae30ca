package cn.gov.enforcement.portal.regulation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Public read side of the regulation module: article search and documents with their articles.
 * Regulations are public information; no access checks.
 */
@Service
public class RegulationCatalog {

    /** Longest query kept, in characters; longer input is cut. */
    public static final int MAX_QUERY = 200;

    /** Results per search when the caller does not say. */
    public static final int DEFAULT_SIZE = 10;

    private static final Logger log = LoggerFactory.getLogger(RegulationCatalog.class);

    private final RegulationIndex index;
    private final RegulationStore store;
    private final RegulationSettings settings;

    RegulationCatalog(RegulationIndex index, RegulationStore store, RegulationSettings settings) {
        this.index = index;
        this.store = store;
        this.settings = settings;
    }

    /** What to search for; null filters mean "any". */
    public record Query(String text, Integer size, LegalLevel level, String region, DocumentStatus status) {}

    /** One matching article; {@code snippet} is HTML-escaped text with {@code <em>} around matches. */
    public record ArticleHit(long documentId, String title, String article, String snippet, String url,
                             double score) {}

    public record Results(long total, List<ArticleHit> results) {

        public static final Results EMPTY = new Results(0, List.of());
    }

    /** A document with its articles, for the document page. */
    public record DocumentPage(long id, String title, String displayTitle, LegalLevel level, String issuer,
                               String region, String documentNumber, LocalDate versionDate, DocumentStatus status,
                               List<ArticleView> articles) {}

    /** One article on the document page; {@code anchor} is its permalink fragment. */
    public record ArticleView(int sequence, String number, String headingPath, String text, String anchor) {}

    /**
     * Searches articles. Never fails on odd input: blank, very long, query-syntax characters, emoji or mixed
     * scripts give results or none; a search service that cannot answer gives none (and a log line).
     */
    public Results search(Query query) {
        String text = normalize(query.text());
        if (text.isEmpty()) {
            return Results.EMPTY;
        }
        int size = query.size() == null || query.size() < 1 ? DEFAULT_SIZE : Math.min(query.size(), settings.maxResults());
        String region = query.region() == null || query.region().isBlank() ? null : query.region().strip();
        try {
            RegulationIndex.Found found = index.search(ChineseScript.toSimplified(text), size, query.level(), region,
                    query.status());
            return new Results(found.total(), found.hits().stream().map(h -> new ArticleHit(h.documentId(),
                    h.title(), h.article(), h.snippet(), url(h.documentId(), h.article(), h.sequence()), h.score()))
                    .toList());
        } catch (Exception e) {
            log.warn("Regulation search for [{}] failed: {}", text, e.toString());
            return Results.EMPTY;
        }
    }

    /** The document with this id, or empty. */
    public Optional<DocumentPage> document(long id) {
        return store.document(id).map(d -> new DocumentPage(d.id(), d.title(), d.displayTitle(), d.level(),
                d.issuer(), d.region(), d.documentNumber(), d.versionDate(), d.status(),
                store.articles(id).stream().map(a -> new ArticleView(a.sequence(), a.number(), a.headingPath(),
                        a.text(), anchor(a.number(), a.sequence()))).toList()));
    }

    private static final String PRC = "中华人民共和国";

    /**
     * The permalink of a cited article, when it is imported: the CURRENT document whose title equals
     * {@code title} (a leading 中华人民共和国 and white space are ignored on both sides) and its article
     * numbered {@code article} (e.g. {@code 第三十三条}). Empty when the document or article is not imported.
     */
    public Optional<String> articleUrl(String title, String article) {
        if (title == null || article == null) {
            return Optional.empty();
        }
        String bare = title.replaceAll("\\s+", "");
        if (bare.startsWith(PRC)) {
            bare = bare.substring(PRC.length());
        }
        String number = article.replaceAll("\\s+", "");
        if (bare.isEmpty() || number.isEmpty()) {
            return Optional.empty();
        }
        try {
            return store.currentArticle(List.of(bare, PRC + bare), number)
                    .map(a -> url(a.documentId(), a.number(), a.sequence()));
        } catch (RuntimeException e) {
            log.warn("Cannot look up the article {} of {}: {}", number, bare, e.toString());
            return Optional.empty();
        }
    }

    /** Number of stored documents. */
    public long documentCount() {
        return store.documentCount();
    }

    /** Permalink of an article: {@code /regulations/12#第三十三条}. */
    public static String url(long documentId, String number, int sequence) {
        return "/regulations/" + documentId + "#" + anchor(number, sequence);
    }

    /** The fragment of an article: its number as written, or {@code p<sequence>} for unnumbered text. */
    public static String anchor(String number, int sequence) {
        return number == null || number.isBlank() ? "p" + sequence : number.replaceAll("\\s+", "");
    }

    /** Removes control characters and lone surrogates, collapses white space and cuts to {@link #MAX_QUERY}. */
    static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        raw.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE
                    || Character.getType(cp) == Character.UNASSIGNED) {
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        });
        String s = out.toString().replaceAll("\\s+", " ").strip();
        if (s.codePointCount(0, s.length()) > MAX_QUERY) {
            s = s.substring(0, s.offsetByCodePoints(0, MAX_QUERY)).strip();
        }
        return s;
    }
}
