package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.agency.AgencyDetails;
import cn.gov.enforcement.portal.agency.AgencyDirectory;
import cn.gov.enforcement.portal.regulation.ChineseScript;
import cn.gov.enforcement.portal.regulation.LayTerms;
import cn.gov.enforcement.portal.regulation.MissingLicence;
import cn.gov.enforcement.portal.regulation.RegulationCatalog;
import cn.gov.enforcement.portal.search.IdPage;
import cn.gov.enforcement.portal.search.QueryText;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public lists: search and filter risk points and exemption items, details, discretion
 * benchmarks and the eligibility check. Everything here is public content; nothing needs a sign-in.
 *
 * <p>Only entries in force today (the injected clock) are public: an entry whose {@code effective_to}
 * lies before today, or whose {@code effective_from} lies after today, is not listed, searched,
 * downloaded, shown or checked (its detail page and API answer not found).
 *
 * <p>The entries come from {@link PublishedLists}, the lists parsed once and held in memory until they change; the
 * search index only ranks and pages the ids of a search.
 */
@Service
@Transactional(readOnly = true)
public class ListsCatalog {

    public static final int MAX_QUERY = 100;
    public static final int MAX_PAGE_SIZE = 100;
    /** At most this many wordings of a question in legal terms are searched besides the question itself. */
    private static final int MAX_ALTERNATIVES = 12;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final PublishedLists lists;
    private final ListIndex index;
    private final ListsSettings settings;
    private final AgencyDirectory agencies;
    private final Clock clock;
    private final RegulationCatalog regulations;

    ListsCatalog(PublishedLists lists, ListIndex index, ListsSettings settings, AgencyDirectory agencies,
            Clock clock, RegulationCatalog regulations) {
        this.lists = lists;
        this.index = index;
        this.settings = settings;
        this.agencies = agencies;
        this.clock = clock;
        this.regulations = regulations;
    }

    /**
     * The permalink of a cited article when the regulation is imported (see
     * {@link RegulationCatalog#articleUrl}); empty otherwise, and the citation is shown as plain text.
     */
    public Optional<String> citationUrl(Citation citation) {
        return regulations.articleUrl(citation.law(), citation.article());
    }

    /**
     * A citation the public pages would show as plain text, and why ({@code kind}, never
     * {@link RegulationCatalog.Resolution#FOUND}): no text of its law is imported, its law has no current version, the
     * law's current text has no article with its number, or only an older (or pending) version has it. {@code version}
     * names the version concerned for the last two kinds ({@link RegulationCatalog.CitationResolution}); null
     * otherwise.
     */
    public record UnresolvedCitation(Citation citation, RegulationCatalog.Resolution kind,
            RegulationCatalog.NamedVersion version) implements java.io.Serializable {

        public UnresolvedCitation(Citation citation, RegulationCatalog.Resolution kind) {
            this(citation, kind, null);
        }
    }

    /**
     * The citations among these that do not resolve to an article of the current version of an imported document (as
     * {@link #citationUrl} looks them up, in the database: at most three queries for all of them), in their order;
     * empty when the regulation store cannot be read, so that the caller does not warn about what it could not check.
     */
    public Optional<List<UnresolvedCitation>> unresolvedCitations(java.util.Collection<Citation> citations) {
        List<RegulationCatalog.CitedArticle> cited = citations.stream()
                .map(c -> new RegulationCatalog.CitedArticle(c.law(), c.article())).distinct().toList();
        return regulations.resolve(cited).map(resolved -> {
            List<UnresolvedCitation> unresolved = new ArrayList<>();
            for (Citation c : citations) {
                RegulationCatalog.CitationResolution r = resolved.get(
                        new RegulationCatalog.CitedArticle(c.law(), c.article()));
                if (r == null) {
                    unresolved.add(new UnresolvedCitation(c, RegulationCatalog.Resolution.NO_LAW));
                } else if (r.resolution() != RegulationCatalog.Resolution.FOUND) {
                    unresolved.add(new UnresolvedCitation(c, r.resolution(), r.version()));
                }
            }
            return List.copyOf(unresolved);
        });
    }

    /** A memoising {@link #citationUrl} for one page or one answer that shows many citations. */
    public Function<Citation, Optional<String>> citationLinks() {
        Map<String, Optional<String>> memo = new java.util.HashMap<>();
        return c -> memo.computeIfAbsent(c.law() + "\n" + c.article(), k -> citationUrl(c));
    }

    /** True when the entry is in force on the given day (from ≤ day ≤ to). */
    static boolean inForce(LocalDate from, LocalDate to, LocalDate day) {
        return (from == null || !from.isAfter(day)) && (to == null || !to.isBefore(day));
    }

    /** The entries of a list in force today, in id order. */
    private List<PublishedLists.Cached> publicEntries(ListKind kind) {
        return lists.of(kind).on(today()).inForce();
    }

    private <T> List<T> publicEntries(ListKind kind, Class<T> type) {
        return publicEntries(kind).stream().map(e -> type.cast(e.entry())).toList();
    }

    /**
     * Every risk point in force, as the database holds it (not the index, which follows it a moment later), for
     * callers that rank the entries themselves. The list is shared and unmodifiable.
     */
    public List<RiskPoint> publicRiskPoints() {
        return publicEntries(ListKind.RISK_POINTS, RiskPoint.class);
    }

    /** Every exemption item in force, as the database holds it; see {@link #publicRiskPoints()}. */
    public List<ExemptionItem> publicExemptions() {
        return publicEntries(ListKind.EXEMPTIONS, ExemptionItem.class);
    }

    /** The default page size of the list pages ({@code portal.lists.page-size}). */
    public int defaultPageSize() {
        return settings.pageSize();
    }

    /**
     * Risk points matching a free text and filters (each filter may be null).
     *
     * @throws ListsInputException for a bad page, size, agency or level
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public ListPage<RiskPoint> searchRiskPoints(String query, String agency, String sector, String level, int page,
            int size) {
        checkPaging(page, size);
        checkAgency(agency);
        if (level != null && !ListsFormat.LEVELS.contains(level)) {
            // the API also takes the codes: the message names both (an English caller reads the codes first)
            throw new ListsInputException("lists.error.level", String.join(" ", ListsFormat.LEVELS), "high medium low");
        }
        String cleanSector = checkSector(sector);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("agency", agency);
        filters.put("sector", cleanSector);
        filters.put("level", level);
        return search(ListKind.RISK_POINTS, searchText(query), filters, page, size, RiskPoint.class);
    }

    /**
     * Exemption items matching a free text and filters (each filter may be null).
     *
     * @param kind 不予处罚, 从轻处罚 or 减轻处罚
     * @throws ListsInputException for a bad page, size, agency or kind
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public ListPage<ExemptionItem> searchExemptions(String query, String agency, String kind, int page, int size) {
        return searchExemptions(query, agency, null, kind, page, size);
    }

    /**
     * {@link #searchExemptions(String, String, String, int, int)} in one sector (行业领域) too.
     *
     * @throws ListsInputException for a bad page, size, agency, sector or kind
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public ListPage<ExemptionItem> searchExemptions(String query, String agency, String sector, String kind, int page,
            int size) {
        checkPaging(page, size);
        checkAgency(agency);
        if (kind != null && !ListsFormat.KINDS.contains(kind)) {
            throw new ListsInputException("lists.error.kind", String.join(" ", ListsFormat.KINDS),
                    "no_penalty lighter reduced");
        }
        String cleanSector = checkSector(sector);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("agency", agency);
        filters.put("sector", cleanSector);
        filters.put("kind", kind);
        return search(ListKind.EXEMPTIONS, searchText(query), filters, page, size, ExemptionItem.class);
    }

    /**
     * Every entry of the search (no paging), for downloads and printing; at most 10,000. With the titles of those left
     * out, as on a page.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public ListResults<RiskPoint> allRiskPoints(String query, String agency, String sector, String level) {
        return collect(p -> searchRiskPoints(query, agency, sector, level, p, MAX_PAGE_SIZE));
    }

    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public ListResults<ExemptionItem> allExemptions(String query, String agency, String kind) {
        return allExemptions(query, agency, null, kind);
    }

    /** Every entry of the search in one sector too (no paging), for downloads and printing; at most 10,000. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public ListResults<ExemptionItem> allExemptions(String query, String agency, String sector, String kind) {
        return collect(p -> searchExemptions(query, agency, sector, kind, p, MAX_PAGE_SIZE));
    }

    /** The pages of a search until its end; what was left out is the same on every page (the first one's). */
    private static <T> ListResults<T> collect(Function<Integer, ListPage<T>> pages) {
        List<T> all = new ArrayList<>();
        List<String> leftOut = List.of();
        for (int p = 0; p < 100; p++) {
            ListPage<T> page = pages.apply(p);
            if (p == 0) {
                leftOut = page.leftOut();
            }
            all.addAll(page.items());
            if (page.items().isEmpty() || all.size() >= page.total()) {
                break;
            }
        }
        return new ListResults<>(List.copyOf(all), List.copyOf(leftOut));
    }

    /**
     * The free text as the index holds it: cleaned, in Simplified characters (a zh-TW reader types Traditional),
     * folded ({@link ChineseScript#fold}).
     */
    private static String searchText(String query) {
        return ChineseScript.fold(ChineseScript.toSimplified(QueryText.clean(query, MAX_QUERY)));
    }

    /**
     * The alternatives that still say what was asked: those that fewer than a quarter of the entries in force match,
     * counted by the search that answers (the index, or the entries' text while the index is not there). The everyday
     * words' terms were written to rank regulations, where a broad term only adds weight; here an alternative is a
     * search of its own, and one that most entries match (罚单 said as 罚款 or 行政处罚, which most entries name) would
     * answer a question the list knew no word of with much of the list.
     */
    private List<String> telling(ListKind kind, List<String> alternatives, PublishedLists.Day day) {
        if (alternatives.isEmpty()) {
            return alternatives;
        }
        int entries = Math.max(day.inForce().size(), 1);
        List<String> haystacks = null;
        List<String> kept = new ArrayList<>();
        for (String alternative : alternatives) {
            List<QueryText.Word> words = QueryText.words(alternative);
            if (words.isEmpty()) {
                continue;
            }
            Optional<IdPage> counted = index.search(kind, alternative, List.of(), Map.of(), day.notInForce(), 0, 1);
            long matching;
            if (counted.isPresent()) {
                matching = counted.get().total();
            } else {
                if (haystacks == null) {
                    haystacks = day.inForce().stream().map(ListsCatalog::haystack).toList();
                }
                matching = haystacks.stream().filter(h -> QueryText.holdsEnough(h, words)).count();
            }
            if (matching * 4 < entries) {
                kept.add(alternative);
            }
        }
        return kept;
    }

    /** What a search matches an entry against: its searchable text, lower case, folded as the index holds it. */
    private static String haystack(PublishedLists.Cached e) {
        return ChineseScript.fold(ListIndex.searchableText(e.listKind(), e.title(), e.entry()).toLowerCase(Locale.ROOT));
    }

    /**
     * Runs outside any transaction (the public search methods say so): the entries come from memory and the index
     * only ranks, so a slow search node holds no database connection while it answers.
     */
    private <T> ListPage<T> search(ListKind kind, String text, Map<String, String> filters, int page, int size,
            Class<T> type) {
        int from = page * size;
        PublishedLists.Snapshot snapshot = lists.of(kind);
        PublishedLists.Day day = snapshot.on(today());
        // everyday words also find the entries that use their legal terms (饭店 → 餐饮), as the regulation search does
        List<String> alternatives = text == null ? List.of()
                : telling(kind, LayTerms.bundled().alternatives(text, MAX_ALTERNATIVES), day);
        // a question that says the business has no licence does not list the entries about that licence held
        // (displaying, carrying, reporting under it): the assistant's rule (MissingLicence), for the index and the
        // fallback alike; one walk over the day's entries gives the ids left out and the titles of those within the
        // filters, which the pages and the API name
        Set<String> lacked = text == null ? Set.of() : MissingLicence.lacked(text);
        Set<String> held = new LinkedHashSet<>();
        List<String> leftOut = new ArrayList<>();
        if (!lacked.isEmpty()) {
            for (PublishedLists.Cached e : day.inForce()) {
                if (MissingLicence.aboutOneHeld(lacked, e.title())) {
                    held.add(e.id());
                    if (matchesFilters(e, filters)) {
                        leftOut.add(e.title());
                    }
                }
            }
        }
        List<String> excluded = held.isEmpty() ? day.notInForce()
                : java.util.stream.Stream.concat(day.notInForce().stream(), held.stream()).toList();
        Optional<IdPage> hits = index.search(kind, text, alternatives, filters, excluded, from, size);
        if (hits.isPresent()) {
            List<T> items = hits.get().ids().stream().map(snapshot::find).filter(e -> e != null)
                    .map(e -> type.cast(e.entry())).toList();
            return new ListPage<>(hits.get().total(), page, size, items, leftOut);
        }
        // the index is not there: the same matching on the entries' text, ranked as the index ranks (title words 3×)
        List<List<QueryText.Word>> wordings = QueryText.wordings(text, alternatives);
        List<QueryText.Word> allWords = wordings.stream().flatMap(List::stream).distinct().toList();
        record Scored(PublishedLists.Cached entry, long score) {}
        List<Scored> scored = new ArrayList<>();
        for (PublishedLists.Cached e : day.inForce()) {
            if (!matchesFilters(e, filters) || held.contains(e.id())) {
                continue;
            }
            String haystack = haystack(e);
            if (text == null) {
                scored.add(new Scored(e, 0));
            } else if (wordings.stream().anyMatch(w -> QueryText.holdsEnough(haystack, w))) {
                String title = ChineseScript.fold(e.title().toLowerCase(Locale.ROOT));
                long score = QueryText.wordsIn(haystack, allWords) + 3 * QueryText.wordsIn(title, allWords);
                scored.add(new Scored(e, score));
            }
        }
        // a stable sort: entries of one score stay in the day's order, as without text
        scored.sort(java.util.Comparator.comparingLong(Scored::score).reversed());
        List<PublishedLists.Cached> matches = scored.stream().map(Scored::entry).toList();
        List<T> items = matches.stream().skip(from).limit(size).map(e -> type.cast(e.entry())).toList();
        return new ListPage<>(matches.size(), page, size, items, leftOut);
    }

    private static boolean matchesFilters(PublishedLists.Cached e, Map<String, String> filters) {
        for (var f : filters.entrySet()) {
            if (f.getValue() == null) {
                continue;
            }
            String actual = switch (f.getKey()) {
                case "agency" -> e.agency();
                case "sector" -> e.sector();
                case "level" -> e.level();
                case "kind" -> e.kind();
                default -> null;
            };
            if (!f.getValue().equals(actual)) {
                return false;
            }
        }
        return true;
    }

    /** One risk point; empty for an unknown id. */
    public Optional<RiskPoint> findRiskPoint(String id) {
        return find(ListKind.RISK_POINTS, id, RiskPoint.class);
    }

    /** One exemption item; empty for an unknown id. */
    public Optional<ExemptionItem> findExemption(String id) {
        return find(ListKind.EXEMPTIONS, id, ExemptionItem.class);
    }

    /**
     * The exemption and lighter-penalty items in force of the risk point's own agency for the same violation: those
     * whose violated provision ({@code basis_violation}) cites an article the risk point names as the rule that is
     * broken ({@code basis_obligation}; the same law and article, and the same paragraph where both name one). Only
     * this link in the data counts: sharing a penalty article alone (one article often punishes many violations) or
     * similar words do not. Sorted by id.
     */
    public List<ExemptionItem> exemptionsFor(RiskPoint risk) {
        return publicExemptions().stream()
                .filter(e -> e.agency().equals(risk.agency()))
                .filter(e -> e.basisViolation().stream().anyMatch(v -> risk.basisObligation().stream()
                        .anyMatch(o -> sameProvision(o, v))))
                .sorted(java.util.Comparator.comparing(ExemptionItem::id))
                .toList();
    }

    /** The same law and article; the same paragraph when both citations name one (a whole article holds them all). */
    static boolean sameProvision(Citation a, Citation b) {
        return a.law().equals(b.law()) && a.article().equals(b.article())
                && (a.paragraph() == null || b.paragraph() == null || a.paragraph().equals(b.paragraph()));
    }

    /** The discretion benchmarks of one agency (or of every agency when null), sorted by id. */
    public List<DiscretionBenchmark> discretion(String agency) {
        return publicEntries(ListKind.DISCRETION).stream()
                .filter(e -> agency == null || agency.equals(e.agency()))
                .map(e -> (DiscretionBenchmark) e.entry()).toList();
    }

    /**
     * Like {@link #discretion} for input from outside: checks the agency id first.
     *
     * @throws ListsInputException for a malformed agency id
     */
    public List<DiscretionBenchmark> discretionOf(String agency) {
        checkAgency(agency);
        return discretion(agency);
    }

    private <T> Optional<T> find(ListKind kind, String id, Class<T> type) {
        if (id == null || id.length() > 80 || !SLUG.matcher(id).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(lists.of(kind).find(id)).filter(e -> e.inForce(today()))
                .map(e -> type.cast(e.entry()));
    }

    /** The agencies that have entries in a list, sorted by id. */
    public List<String> agencies(ListKind kind) {
        return publicEntries(kind).stream().map(PublishedLists.Cached::agency)
                .distinct().sorted().toList();
    }

    /** The sectors of the risk points, sorted. */
    public List<String> riskSectors() {
        return sectors(ListKind.RISK_POINTS);
    }

    /** The sectors of the exemption items that name one, sorted. */
    public List<String> exemptionSectors() {
        return sectors(ListKind.EXEMPTIONS);
    }

    private List<String> sectors(ListKind kind) {
        return publicEntries(kind).stream()
                .map(PublishedLists.Cached::sector).filter(s -> s != null).distinct().sorted().toList();
    }

    /** An agency's public name, or its id when the directory does not know it. */
    public String agencyName(String agencyId) {
        return agencies.find(agencyId).map(AgencyDetails::name).orElse(agencyId);
    }

    /**
     * An agency's public name in the given language (its English name for English when it has one, Traditional
     * characters for Taiwan), or its id when the directory does not know it; for a download, which has no page.
     */
    public String agencyName(String agencyId, Locale locale) {
        return agencies.find(agencyId).map(d -> d.name(locale)).orElse(agencyId);
    }

    /** True when the agency directory marks the agency as sample content (the demonstration agencies). */
    public boolean sampleAgency(String agencyId) {
        return agencyId != null && agencies.find(agencyId).map(d -> d.summary().sample()).orElse(false);
    }

    /** True when the agency directory knows the agency. */
    public boolean knownAgency(String agencyId) {
        return agencyId != null && agencyId.length() <= 80 && SLUG.matcher(agencyId).matches()
                && agencies.find(agencyId).isPresent();
    }

    /** An agency's supervision phone, when the agency directory knows the agency. */
    public Optional<String> supervisionPhone(String agencyId) {
        return agencies.find(agencyId).map(d -> d.summary().supervisionPhone());
    }

    /**
     * Checks an item's conditions against a person's answers (see {@link EligibilityChecker}).
     *
     * @throws ListsInputException for an unknown item or a missing / unreadable answer
     */
    public EligibilityResult check(String itemId, Map<String, String> answers) {
        ExemptionItem item = findExemption(itemId).orElseThrow(() -> new ListsInputException("lists.check.error.item"));
        if (answers != null && answers.size() > 50) {
            throw new ListsInputException("lists.check.error.tooMany");
        }
        return EligibilityChecker.check(item, answers);
    }

    /** Today, from the injected clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private static void checkPaging(int page, int size) {
        if (page < 0 || page > 10_000) {
            throw new ListsInputException("lists.error.page");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ListsInputException("lists.error.size", MAX_PAGE_SIZE);
        }
    }

    /** The sector filter stripped, null for none; refuses one longer than any sector. */
    private static String checkSector(String sector) {
        String clean = sector == null || sector.isBlank() ? null : sector.strip();
        if (clean != null && clean.length() > 100) {
            throw new ListsInputException("lists.error.sector");
        }
        return clean;
    }

    private static void checkAgency(String agency) {
        if (agency != null && (agency.length() > 80 || !SLUG.matcher(agency).matches())) {
            throw new ListsInputException("lists.error.agency");
        }
    }



}
