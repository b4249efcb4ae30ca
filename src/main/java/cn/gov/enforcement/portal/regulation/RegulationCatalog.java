package cn.gov.enforcement.portal.regulation;

import cn.gov.enforcement.portal.platform.TextChecks;
import cn.gov.enforcement.portal.platform.ShortTermCache;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

    /**
     * How long the filter options, the guides and the number of documents (asked by every visit of the search page)
     * are kept; an import, a guide load or a status change on this instance clears them at once.
     */
    static final java.time.Duration OPTIONS_CACHE_TIME = java.time.Duration.ofSeconds(60);

    private final ShortTermCache<Boolean, FilterOptions> filterOptions = new ShortTermCache<>(OPTIONS_CACHE_TIME);
    private final ShortTermCache<Boolean, List<GuideLink>> guides = new ShortTermCache<>(OPTIONS_CACHE_TIME);
    private final ShortTermCache<Boolean, Long> documentCount = new ShortTermCache<>(OPTIONS_CACHE_TIME);

    RegulationCatalog(RegulationIndex index, RegulationStore store, RegulationSettings settings) {
        this.index = index;
        this.store = store;
        this.settings = settings;
        store.onChange(() -> {
            filterOptions.invalidate();
            guides.invalidate();
            documentCount.invalidate();
            forgetArticleUrls();
        });
    }

    /**
     * How long looked-up citation links are kept: the lists, agency pages, self-check and assistant cite the same few
     * hundred articles on every visit; a change of documents on this instance forgets them at once, another
     * instance's import is seen after this time.
     */
    static final java.time.Duration ARTICLE_URLS_TIME = java.time.Duration.ofMinutes(10);

    /** At most this many citation links are kept; more (a flood of made-up citations) start the memory afresh. */
    static final int ARTICLE_URLS_MAX = 10_000;

    private final java.util.concurrent.ConcurrentHashMap<String, Optional<String>> articleUrls =
            new java.util.concurrent.ConcurrentHashMap<>();
    private long articleUrlsGeneration;
    private volatile long articleUrlsSince = System.nanoTime();

    private synchronized void forgetArticleUrls() {
        articleUrlsGeneration++;
        articleUrls.clear();
        articleUrlsSince = System.nanoTime();
    }

    /** The deepest result a search may reach: page × size never goes beyond this many results. */
    public static final int MAX_WINDOW = 1000;

    /**
     * What to search for; null filters mean "any".
     *
     * @param page 1-based page number; null means the first page
     * @param size results per page, cut to 1 … {@code portal.regulation.max-results}
     * @param effectiveFrom earliest in-force date of the version (inclusive), or null
     * @param effectiveTo latest in-force date of the version (inclusive), or null
     */
    public record Query(String text, Integer page, Integer size, LegalLevel level, String region, String issuer,
                        DocumentStatus status, LocalDate effectiveFrom, LocalDate effectiveTo) {

        /** The first page, without issuer and date filters. */
        public Query(String text, Integer size, LegalLevel level, String region, DocumentStatus status) {
            this(text, null, size, level, region, null, status, null, null);
        }
    }

    /**
     * One matching article; {@code snippet} is HTML-escaped text with {@code <em>} around matches. {@code title} is
     * the title as shown, with the part when the corpus splits a code into parts ({@code 中华人民共和国民法典 合同编});
     * {@code documentTitle} is the document's full title alone ({@code 中华人民共和国民法典}), which the API returns.
     * {@code section} names an unnumbered part (a section of one of our guides) by its heading; empty otherwise.
     * {@code status}, {@code versionDate} and {@code inForceDate} tell the versions of one title apart (null when
     * the index does not say).
     */
    public record ArticleHit(long documentId, String title, String documentTitle, String article, String section,
                             LegalLevel level, DocumentStatus status, LocalDate versionDate, LocalDate inForceDate,
                             String snippet, String url, double score) {

        /** True for our own plain-language guides (not law). */
        public boolean guide() {
            return level == LegalLevel.GUIDE;
        }

        /**
         * The {@code lang} to mark {@code shown}, a text of this hit (its title, its snippet) on a page in
         * {@code page}'s language, with; null where the text is in the page's language and script. A guide's text is
         * shown in the reader's script, so it is marked on a page in another language than Chinese only
         * ({@link cn.gov.enforcement.portal.platform.ReaderScript#contentLanguage}); a law's is shown as published and
         * is also marked where its script is not the page's ({@link RegulationDocumentView#lawLanguage}).
         */
        public String language(java.util.Locale page, String shown) {
            return guide() ? cn.gov.enforcement.portal.platform.ReaderScript.contentLanguage(page)
                    : RegulationDocumentView.lawLanguage(page, shown);
        }
    }

    /**
     * One page of results.
     *
     * @param total matching articles (all pages)
     * @param page the 1-based page shown
     * @param size the page size used
     * @param tooDeep true when the page asked for lies beyond the first {@link #MAX_WINDOW} results of a search that has
     *     more than that (no results then); a page beyond them of a search with fewer is merely past its end
     * @param legalTerms the legal terms searched for besides the words typed, because the question used everyday
     *     words for them (e.g. 用人单位 for 老板); empty when none
     */
    public record Results(long total, int page, int size, boolean tooDeep, List<ArticleHit> results,
                          List<String> legalTerms, boolean unavailable) {

        public static final Results EMPTY = new Results(0, 1, DEFAULT_SIZE, false, List.of());

        /** The search service did not answer: not "nothing found", which would send the reader to other words. */
        public static final Results UNAVAILABLE = new Results(0, 1, DEFAULT_SIZE, false, List.of(), List.of(), true);

        public Results(long total, int page, int size, boolean tooDeep, List<ArticleHit> results,
                List<String> legalTerms) {
            this(total, page, size, tooDeep, results, legalTerms, false);
        }

        public Results(long total, int page, int size, boolean tooDeep, List<ArticleHit> results) {
            this(total, page, size, tooDeep, results, List.of());
        }

        public Results(long total, List<ArticleHit> results) {
            this(total, 1, DEFAULT_SIZE, false, results);
        }

        /** Pages that can be shown: enough for {@code total}, but never beyond {@link #MAX_WINDOW} results. */
        public int pages() {
            long reachable = Math.min(total, MAX_WINDOW);
            return (int) Math.max(1, (reachable + size - 1) / size);
        }
    }

    /** The filter values present in the data, for the search page's select boxes. */
    public record FilterOptions(List<LegalLevel> levels, List<String> regions, List<String> issuers) {}

    /**
     * A document with its articles and all versions of its title, for the document page; {@code inForceDate} is the
     * date it applies from (its version date when the text names none), as the search API gives it.
     */
    public record DocumentPage(long id, String title, String displayTitle, LegalLevel level, String issuer,
                               String region, String documentNumber, LocalDate versionDate, LocalDate inForceDate,
                               DocumentStatus status, String source, List<VersionView> versions,
                               List<ArticleView> articles) {

        /** The current version of the title when this page shows another version. */
        public Optional<VersionView> currentVersion() {
            return versions.stream().filter(v -> v.status() == DocumentStatus.CURRENT && v.id() != id).findFirst();
        }

        /**
         * The newest version of the title dated after this one, whatever its status: where no version is in force
         * (the law was repealed), the reader of an older version learns of it from there.
         */
        public Optional<VersionView> newerVersion() {
            return versions.stream().filter(v -> v.id() != id && v.versionDate() != null
                    && (versionDate == null || v.versionDate().isAfter(versionDate)))
                    .max(java.util.Comparator.comparing(VersionView::versionDate));
        }

        public boolean guide() {
            return level == LegalLevel.GUIDE;
        }
    }

    /**
     * One version of a title: its page, dates and status; {@code shown} marks the version on screen. {@code inForceDate}
     * is the date it applies from, its version date when the text names none, as in the search API.
     */
    public record VersionView(long id, LocalDate versionDate, LocalDate inForceDate, DocumentStatus status,
                              boolean shown) {

        public String url() {
            return "/regulations/" + id;
        }
    }

    /** One article on the document page; {@code anchor} is its permalink fragment. */
    public record ArticleView(int sequence, String number, String headingPath, String text, String anchor) {}

    /**
     * Searches articles. Never fails on odd input: blank, very long, query-syntax characters, emoji or mixed
     * scripts give results or none; a search service that cannot answer gives {@link Results#UNAVAILABLE} (and a
     * log line).
     */
    public Results search(Query query) {
        String text = normalize(query.text());
        if (text.isEmpty()) {
            return Results.EMPTY;
        }
        int size = query.size() == null || query.size() < 1 ? DEFAULT_SIZE : Math.min(query.size(), settings.maxResults());
        int page = query.page() == null || query.page() < 1 ? 1 : query.page();
        // a page past the first MAX_WINDOW results: the search runs for its total only (one hit fetched), since only a
        // search with more results than that is too deep to page through; one with fewer simply has no such page
        // (page 51 of 488 results lies past its end, like page 26)
        boolean beyondWindow = (long) page * size > MAX_WINDOW;
        // a province by its short name or its full one (河南, 河南省) filters on the full name, as stored
        String region = blankToNull(Regions.normalize(query.region()));
        String issuer = blankToNull(query.issuer());
        try {
            String simplified = ChineseScript.toSimplified(text);
            RegulationIndex.Found found = index.search(new RegulationIndex.Search(simplified,
                    beyondWindow ? 0 : (page - 1) * size, beyondWindow ? 1 : size, query.level(), region, issuer,
                    query.status(), query.effectiveFrom(), query.effectiveTo(), namedArticles(simplified)));
            if (beyondWindow) {
                return new Results(found.total(), page, size, found.total() > MAX_WINDOW, List.of(),
                        found.legalTerms());
            }
            java.util.Map<String, Integer> first = firstOfRepeatedNumbers(found.hits());
            return new Results(found.total(), page, size, false, found.hits().stream().map(h -> new ArticleHit(
                    h.documentId(), h.title(), h.documentTitle(), h.article(), h.section(), h.level(), h.status(),
                    h.versionDate(), h.inForceDate(), h.snippet(), hitUrl(h, first), h.score())).toList(),
                    found.legalTerms());
        } catch (Exception e) {
            // the length, not the words: they may be a person's question to the assistant
            log.warn("Regulation search ({} characters) failed: {}", text.length(), e.toString());
            return Results.UNAVAILABLE;
        }
    }

    /** The most articles a query's references by law and number pin to the top (versions of each). */
    private static final int MAX_NAMED = 20;

    /**
     * The index ids of the articles a query names by law and number ({@link ArticleReferences}): for each reference the
     * longest of its titles that a document has (with or without 中华人民共和国), the current versions first; a number
     * without a title before it ({@code 和第三十三条}) takes the previous reference's law.
     */
    List<String> namedArticles(String simplifiedQuery) {
        List<ArticleReferences.Reference> references = ArticleReferences.of(simplifiedQuery);
        if (references.isEmpty()) {
            return List.of();
        }
        java.util.Set<String> titles = new java.util.LinkedHashSet<>();
        java.util.Set<String> numbers = new java.util.LinkedHashSet<>();
        for (ArticleReferences.Reference r : references) {
            for (String t : r.titles()) {
                titles.add(t);
                titles.add(t.startsWith(PRC) ? t.substring(PRC.length()) : PRC + t);
            }
            numbers.add(r.number());
        }
        titles.removeIf(String::isEmpty);
        List<RegulationStore.TitledArticle> found;
        try {
            found = store.articlesTitled(titles, numbers, 200);
        } catch (RuntimeException e) {
            log.warn("Cannot look up the articles a search names: {}", e.toString());
            return List.of();
        }
        List<String> ids = new java.util.ArrayList<>();
        String law = null;
        for (ArticleReferences.Reference r : references) {
            if (!r.titles().isEmpty()) {
                law = null;
                for (String t : r.titles()) {
                    String bare = bareTitle(t);
                    if (found.stream().anyMatch(a -> bare.equals(bareTitle(a.title())))) {
                        law = bare;
                        break;
                    }
                }
            }
            if (law == null) {
                continue;
            }
            String title = law;
            found.stream().filter(a -> title.equals(bareTitle(a.title())) && r.number().equals(a.article().number()))
                    .map(a -> RegulationIndex.articleId(a.article().documentId(), a.article().sequence()))
                    .filter(id -> !ids.contains(id)).forEach(ids::add);
        }
        return ids.size() > MAX_NAMED ? List.copyOf(ids.subList(0, MAX_NAMED)) : ids;
    }

    private static String bareTitle(String title) {
        return title.startsWith(PRC) ? title.substring(PRC.length()) : title;
    }

    /**
     * The first sequence of every article number the hits carry in their documents, so that a hit repeating an
     * earlier number of its document links to its own place ({@code #p<n>}), as the document page names it.
     */
    private java.util.Map<String, Integer> firstOfRepeatedNumbers(List<RegulationIndex.FoundArticle> hits) {
        java.util.Set<Long> documents = new java.util.HashSet<>();
        java.util.Set<String> numbers = new java.util.HashSet<>();
        for (RegulationIndex.FoundArticle h : hits) {
            String anchor = anchor(h.article(), h.sequence());
            if (!anchor.startsWith("p")) {
                documents.add(h.documentId());
                numbers.add(h.article());
            }
        }
        return store.firstSequences(documents, numbers);
    }

    private static String hitUrl(RegulationIndex.FoundArticle h, java.util.Map<String, Integer> first) {
        Integer firstSequence = first.get(h.documentId() + "|" + h.article());
        return firstSequence != null && h.sequence() > firstSequence ? "/regulations/" + h.documentId() + "#p" + h.sequence()
                : url(h.documentId(), h.article(), h.sequence());
    }

    /** Whether a document with this id exists (its page shows it), without reading its articles. */
    public boolean exists(long id) {
        return store.document(id).isPresent();
    }

    /** The document with this id, or empty. */
    public Optional<DocumentPage> document(long id) {
        return store.document(id).map(d -> new DocumentPage(d.id(), d.title(), d.displayTitle(), d.level(),
                d.issuer(), d.region(), d.documentNumber(), d.versionDate(), d.effectiveDate(), d.status(),
                d.sourcePath(), versions(d),
                pageArticles(id)));
    }

    /**
     * The articles of a document page, each with an anchor of its own: an article number the text repeats (the
     * importer warns of it) gives its later articles {@code p<sequence>}, since one page cannot hold an id twice.
     */
    private List<ArticleView> pageArticles(long id) {
        java.util.Set<String> used = new java.util.HashSet<>();
        List<ArticleView> articles = new java.util.ArrayList<>();
        for (RegulationStore.StoredArticle a : store.articles(id)) {
            String anchor = anchor(a.number(), a.sequence());
            if (!used.add(anchor)) {
                anchor = "p" + a.sequence();
            }
            articles.add(new ArticleView(a.sequence(), a.number(), a.headingPath(), a.text(), anchor));
        }
        return articles;
    }

    private List<VersionView> versions(RegulationStore.StoredDocument d) {
        return store.documentsByVersionKey(d.versionKey()).stream().map(v -> new VersionView(v.id(),
                v.versionDate(), v.effectiveDate(), v.status(), v.id() == d.id())).toList();
    }

    /**
     * The levels, regions and issuers present in the stored documents, for filter boxes. Regions and issuers
     * are given in Simplified characters (the search matches both scripts), without duplicates. Kept for
     * {@link #OPTIONS_CACHE_TIME}; cleared when documents change on this instance.
     */
    public FilterOptions filterOptions() {
        return filterOptions.get(Boolean.TRUE, this::readFilterOptions);
    }

    private FilterOptions readFilterOptions() {
        List<LegalLevel> levels = store.distinct("level").stream().map(l -> {
            try {
                return LegalLevel.valueOf(l);
            } catch (IllegalArgumentException unknown) {
                return null;
            }
        }).filter(java.util.Objects::nonNull).sorted().toList();
        // a province once stored by its short name (河南, before regions were normalised) is one choice with 河南省
        return new FilterOptions(levels, simplifiedSorted(store.distinct("region").stream().map(Regions::normalize).toList()),
                simplifiedSorted(store.distinct("issuer")));
    }

    private static List<String> simplifiedSorted(List<String> values) {
        return values.stream().map(ChineseScript::toSimplified).map(String::strip).filter(v -> !v.isEmpty())
                .distinct().sorted(java.text.Collator.getInstance(java.util.Locale.SIMPLIFIED_CHINESE)).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final String PRC = "中华人民共和国";

    /**
     * The permalink of a cited article, when it is imported: the CURRENT document whose title equals
     * {@code title} (a leading 中华人民共和国 and white space are ignored on both sides) and its article
     * numbered {@code article} (e.g. {@code 第三十三条}). Empty when the document or article is not imported.
     */
    public Optional<String> articleUrl(String title, String article) {
        CitedArticle cited = normalized(title, article);
        if (cited == null) {
            return Optional.empty();
        }
        String bare = cited.law();
        String number = cited.article();
        if (System.nanoTime() - articleUrlsSince > ARTICLE_URLS_TIME.toNanos() || articleUrls.size() > ARTICLE_URLS_MAX) {
            forgetArticleUrls();
        }
        String key = bare + "\n" + number;
        Optional<String> known = articleUrls.get(key);
        if (known != null) {
            return known;
        }
        long generation;
        synchronized (this) {
            generation = articleUrlsGeneration;
        }
        Optional<String> url;
        try {
            url = store.currentArticle(List.of(bare, PRC + bare), number)
                    .map(a -> url(a.documentId(), a.number(), a.sequence()));
        } catch (RuntimeException e) {
            log.warn("Cannot look up the article {} of {}: {}", number, bare, e.toString());
            return Optional.empty();
        }
        synchronized (this) {
            // not kept when documents changed while it was looked up: it may be the old link
            if (generation == articleUrlsGeneration) {
                articleUrls.put(key, url);
            }
        }
        return url;
    }

    /** A cited article: a law's title as cited and an article number such as 第三十三条. */
    public record CitedArticle(String law, String article) {}

    /**
     * A citation as looked up: the title without white space and without a leading 中华人民共和国, the number without
     * white space; null when either is missing or empty.
     */
    private static CitedArticle normalized(String title, String article) {
        if (title == null || article == null) {
            return null;
        }
        String bare = title.replaceAll("\\s+", "");
        if (bare.startsWith(PRC)) {
            bare = bare.substring(PRC.length());
        }
        String number = article.replaceAll("\\s+", "");
        return bare.isEmpty() || number.isEmpty() ? null : new CitedArticle(bare, number);
    }

    /**
     * The permalinks of many cited articles, as {@link #articleUrl} gives them one by one, looked up together in one
     * query (a page or an answer citing many articles); articles not imported are left out.
     */
    public Map<CitedArticle, String> articleUrls(java.util.Collection<CitedArticle> cited) {
        Map<CitedArticle, CitedArticle> keys = normalizedKeys(cited);
        Map<CitedArticle, String> urls = new java.util.LinkedHashMap<>();
        if (keys.isEmpty()) {
            return urls;
        }
        try {
            found(keys).forEach((c, a) -> urls.put(c, url(a.documentId(), a.number(), a.sequence())));
        } catch (RuntimeException e) {
            log.warn("Cannot look up {} cited articles: {}", keys.size(), e.toString());
        }
        return urls;
    }

    /** How a cited article resolves in the regulation store, as {@link #articleUrl} looks it up. */
    public enum Resolution {
        /** The article of the law's CURRENT document: the citation links to it. */
        FOUND,
        /** A CURRENT document has the law's title, but no version of the law has an article with this number. */
        NO_ARTICLE,
        /**
         * A CURRENT document has the law's title without an article with this number, but an older (superseded or
         * repealed) or a pending version has it: the usual case after an amendment renumbered the articles.
         */
        OLDER_VERSION_ONLY,
        /** The library holds the law's title, but no version of it is CURRENT (repealed, superseded or pending only). */
        NO_CURRENT_VERSION,
        /** No document has the law's title (either spelling, with or without 中华人民共和国). */
        NO_LAW
    }

    /** A stored version of a law, as a citation check names it: its version date (null when unknown) and status. */
    public record NamedVersion(LocalDate versionDate, DocumentStatus status) implements java.io.Serializable {}

    /**
     * How one cited article resolves, with the version to name: for {@link Resolution#OLDER_VERSION_ONLY} the newest
     * version that is not CURRENT and holds the article; for {@link Resolution#NO_CURRENT_VERSION} the newest version
     * of the law; null otherwise.
     */
    public record CitationResolution(Resolution resolution, NamedVersion version) implements java.io.Serializable {}

    /** Newest first: by version date, undated last. */
    private static final java.util.Comparator<NamedVersion> NEWEST_FIRST = java.util.Comparator.comparing(
            NamedVersion::versionDate, java.util.Comparator.nullsFirst(java.util.Comparator.<LocalDate>naturalOrder()))
            .reversed();

    /**
     * How a citation resolves, from what the store holds: {@code foundInCurrent} its article in a CURRENT document,
     * {@code versionsOfLaw} every version of its law (any status), {@code holdingArticle} the versions of its law that
     * are not CURRENT and hold its article.
     */
    static CitationResolution decide(boolean foundInCurrent, java.util.Collection<NamedVersion> versionsOfLaw,
            java.util.Collection<NamedVersion> holdingArticle) {
        if (foundInCurrent) {
            return new CitationResolution(Resolution.FOUND, null);
        }
        if (versionsOfLaw.isEmpty()) {
            return new CitationResolution(Resolution.NO_LAW, null);
        }
        if (versionsOfLaw.stream().noneMatch(v -> v.status() == DocumentStatus.CURRENT)) {
            return new CitationResolution(Resolution.NO_CURRENT_VERSION,
                    versionsOfLaw.stream().min(NEWEST_FIRST).orElseThrow());
        }
        return holdingArticle.stream().filter(v -> v.status() != DocumentStatus.CURRENT).min(NEWEST_FIRST)
                .map(v -> new CitationResolution(Resolution.OLDER_VERSION_ONLY, v))
                .orElseGet(() -> new CitationResolution(Resolution.NO_ARTICLE, null));
    }

    /**
     * How each cited article resolves ({@link #resolve}), without the version named. Empty when the store cannot be
     * read.
     */
    public Optional<Map<CitedArticle, Resolution>> resolutions(java.util.Collection<CitedArticle> cited) {
        return resolve(cited).map(resolved -> {
            Map<CitedArticle, Resolution> result = new java.util.LinkedHashMap<>();
            resolved.forEach((c, r) -> result.put(c, r.resolution()));
            return result;
        });
    }

    /**
     * How each cited article resolves, read from the database alone (not the search index), so that an editor can be
     * told before saving which citations the public pages would show as plain text, and why: in at most three
     * queries whatever the number of citations (the articles of the CURRENT documents; the versions of the laws not
     * found there; the articles of those laws' other versions). Empty when the store cannot be read; a citation with
     * an empty title or number is {@link Resolution#NO_LAW}.
     */
    public Optional<Map<CitedArticle, CitationResolution>> resolve(java.util.Collection<CitedArticle> cited) {
        Map<CitedArticle, CitedArticle> keys = normalizedKeys(cited);
        Map<CitedArticle, CitationResolution> result = new java.util.LinkedHashMap<>();
        try {
            Map<CitedArticle, RegulationStore.ArticleRef> found = keys.isEmpty() ? Map.of() : found(keys);
            java.util.Set<String> missingTitles = new java.util.LinkedHashSet<>();
            java.util.Set<String> missingNumbers = new java.util.LinkedHashSet<>();
            keys.forEach((c, key) -> {
                if (!found.containsKey(c)) {
                    missingTitles.add(key.law());
                    missingTitles.add(PRC + key.law());
                    missingNumbers.add(key.article());
                }
            });
            Map<String, List<NamedVersion>> versions = new java.util.HashMap<>();
            for (RegulationStore.TitledVersion v : store.versionsTitled(missingTitles)) {
                versions.computeIfAbsent(bareTitle(v.title()), t -> new java.util.ArrayList<>())
                        .add(new NamedVersion(v.versionDate(), v.status()));
            }
            // the other versions' articles are asked only for the laws that have a CURRENT version without them
            java.util.Set<String> amended = new java.util.LinkedHashSet<>();
            versions.forEach((law, list) -> {
                if (list.stream().anyMatch(v -> v.status() == DocumentStatus.CURRENT)
                        && list.stream().anyMatch(v -> v.status() != DocumentStatus.CURRENT)) {
                    amended.add(law);
                    amended.add(PRC + law);
                }
            });
            Map<String, List<NamedVersion>> holding = new java.util.HashMap<>();
            for (RegulationStore.ArticleInVersion a : amended.isEmpty() ? List.<RegulationStore.ArticleInVersion>of()
                    : store.articlesOutsideCurrent(amended, missingNumbers)) {
                holding.computeIfAbsent(bareTitle(a.version().title()) + "\n" + a.number(),
                        k -> new java.util.ArrayList<>()).add(new NamedVersion(a.version().versionDate(),
                                a.version().status()));
            }
            for (CitedArticle c : cited) {
                CitedArticle key = keys.get(c);
                result.put(c, key == null ? new CitationResolution(Resolution.NO_LAW, null)
                        : decide(found.containsKey(c), versions.getOrDefault(key.law(), List.of()),
                                holding.getOrDefault(key.law() + "\n" + key.article(), List.of())));
            }
        } catch (RuntimeException e) {
            log.warn("Cannot resolve {} cited articles: {}", keys.size(), e.toString());
            return Optional.empty();
        }
        return Optional.of(result);
    }

    /** Each citation that has a title and a number, with its normalised form ({@link #normalized}). */
    private static Map<CitedArticle, CitedArticle> normalizedKeys(java.util.Collection<CitedArticle> cited) {
        Map<CitedArticle, CitedArticle> keys = new java.util.LinkedHashMap<>();
        for (CitedArticle c : cited) {
            CitedArticle key = c == null ? null : normalized(c.law(), c.article());
            if (key != null) {
                keys.put(c, key);
            }
        }
        return keys;
    }

    /**
     * The imported article of each citation, in one query: the first of each title (either spelling) and number, the
     * newest CURRENT document's, as {@link #articleUrl} finds it; citations not imported are left out.
     */
    private Map<CitedArticle, RegulationStore.ArticleRef> found(Map<CitedArticle, CitedArticle> keys) {
        java.util.Set<String> titles = new java.util.LinkedHashSet<>();
        java.util.Set<String> numbers = new java.util.LinkedHashSet<>();
        keys.values().forEach(key -> {
            titles.add(key.law());
            titles.add(PRC + key.law());
            numbers.add(key.article());
        });
        Map<String, RegulationStore.ArticleRef> byKey = new java.util.HashMap<>();
        for (RegulationStore.TitledArticle t : store.currentArticles(titles, numbers)) {
            byKey.putIfAbsent(bareTitle(t.title()) + "\n" + t.article().number(), t.article());
        }
        Map<CitedArticle, RegulationStore.ArticleRef> found = new java.util.LinkedHashMap<>();
        keys.forEach((c, key) -> {
            RegulationStore.ArticleRef a = byKey.get(key.law() + "\n" + key.article());
            if (a != null) {
                found.put(c, a);
            }
        });
        return found;
    }

    /** A document page offered to search engines: its id and the day it was last imported. */
    public record ListedDocument(long id, LocalDate imported) {
        public String url() {
            return "/regulations/" + id;
        }
    }

    /**
     * The documents in force (the current version of each title, our guides included), by id, for the sitemap.
     * Superseded and repealed versions are reached from their current version's page.
     */
    /** The documents in force by id (the sitemap lists them): from the offset on, at most limit documents, read by the database. */
    public List<ListedDocument> currentDocuments(long offset, int limit) {
        return store.currentDocuments(offset, limit);
    }

    /** How many documents are in force, counted by the database. */
    public long currentDocumentCount() {
        return store.currentDocumentCount();
    }

    /** A link to one of the portal's own plain-language guides. */
    public record GuideLink(long id, String title) {
        public String url() {
            return "/regulations/" + id;
        }
    }

    /**
     * The portal's own guides in force, in the order they were loaded (empty when the store cannot answer). Kept
     * for {@link #OPTIONS_CACHE_TIME}; cleared when documents change on this instance.
     */
    public List<GuideLink> guides() {
        try {
            return guides.get(Boolean.TRUE, () -> store.documentsByLevel(LegalLevel.GUIDE).stream()
                    .filter(d -> d.status() == DocumentStatus.CURRENT)
                    .map(d -> new GuideLink(d.id(), d.displayTitle())).toList());
        } catch (RuntimeException e) {
            log.warn("Cannot list the guides: {}", e.toString());
            return List.of();
        }
    }

    /** Number of stored documents; kept for {@link #OPTIONS_CACHE_TIME}, cleared when documents change on this instance. */
    public long documentCount() {
        return documentCount.get(Boolean.TRUE, store::documentCount);
    }

    /** Permalink of an article: {@code /regulations/12#第三十三条}. */
    public static String url(long documentId, String number, int sequence) {
        return "/regulations/" + documentId + "#" + anchor(number, sequence);
    }

    /**
     * The fragment of an article: an article number as written ({@code 第三十三条}, {@code 第十条之一}, {@code 第十一條}),
     * or {@code p<sequence>} for anything else. Sections and items of plain-text documents ({@code 一、},
     * {@code （一）}, {@code 1.}) start again in every part of a document, so their numbers do not name one place;
     * the sequence does.
     */
    public static String anchor(String number, int sequence) {
        if (number == null) {
            return "p" + sequence;
        }
        String n = number.replaceAll("\\s+", "");
        return ARTICLE_NUMBER.matcher(n).matches() ? n : "p" + sequence;
    }

    private static final java.util.regex.Pattern ARTICLE_NUMBER = java.util.regex.Pattern.compile("第[^第]+[条條](之.+)?");

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
        if (TextChecks.characters(s) > MAX_QUERY) {
            s = s.substring(0, s.offsetByCodePoints(0, MAX_QUERY)).strip();
        }
        return s;
    }
}
