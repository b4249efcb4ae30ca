package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.agency.data.AgencyEntity;
import cn.gov.enforcement.portal.agency.data.AgencyRepository;
import cn.gov.enforcement.portal.regulation.ChineseScript;
import cn.gov.enforcement.portal.regulation.RegulationCatalog;
import cn.gov.enforcement.portal.search.IdPage;
import cn.gov.enforcement.portal.search.QueryText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public agency directory: search, details (officer names masked) and the certificate check.
 * Nothing here needs a sign-in; nothing here reveals an officer's full name.
 */
@Service
@Transactional(readOnly = true)
public class AgencyDirectory {

    /** Longer queries are cut to this length (nobody types more; the index need not see more). */
    public static final int MAX_QUERY = 100;
    public static final int MAX_PAGE_SIZE = 100;

    private final AgencyRepository repository;
    private final AgencyIndex index;
    private final CertificateThrottle throttle;
    private final AgencySettings settings;
    private final RegulationCatalog regulations;
    private final TransactionTemplate readOnly;

    AgencyDirectory(AgencyRepository repository, AgencyIndex index, CertificateThrottle throttle, AgencySettings settings,
            RegulationCatalog regulations, PlatformTransactionManager transactions) {
        this.regulations = regulations;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.repository = repository;
        this.index = index;
        this.throttle = throttle;
        this.settings = settings;
    }

    /** The default page size of the search page ({@code portal.agency.page-size}). */
    public int defaultPageSize() {
        return settings.pageSize();
    }

    /**
     * Searches name, powers, legal basis and address. Any text is accepted: control characters are
     * dropped and long texts cut; the query is never parsed as search syntax. Traditional characters are read as
     * Simplified, and the few a character table keeps (瞭解, 著, 答覆) are folded as the searchable text is
     * ({@link ChineseScript#fold}).
     *
     * @param page 0-based
     * @param size 1 to {@value #MAX_PAGE_SIZE}
     * @throws AgencyInputException for a negative page or a size out of range
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public AgencySearchResult search(String query, AgencyCategory category, int page, int size) {
        if (page < 0 || page > 10_000) {
            throw new AgencyInputException("agency.error.page");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new AgencyInputException("agency.error.size", MAX_PAGE_SIZE);
        }
        String text = ChineseScript.fold(ChineseScript.toSimplified(QueryText.clean(query, MAX_QUERY)));
        int from = page * size;
        // the search runs outside any transaction: a slow search node must not hold one of the few database
        // connections while it answers (a dozen slow searches took them all, and pages that never search with them)
        Optional<IdPage> hits = index.search(text, category, from, size);
        return readOnly.execute(tx -> {
            if (hits.isPresent()) {
                // the summaries only, in one query: a page of hits needs no powers, legal basis or officers
                Map<String, AgencySummary> byId = hits.get().ids().isEmpty() ? Map.of()
                        : repository.findSummariesByIdIn(hits.get().ids()).stream()
                                .collect(Collectors.toMap(AgencySummary::id, AgencyDirectory::tidy));
                List<AgencySummary> items = hits.get().ids().stream().map(byId::get).filter(e -> e != null).toList();
                return new AgencySearchResult(hits.get().total(), items);
            }
            return searchDatabase(text, category, from, size);
        });
    }

    /** Fallback when the index cannot answer: every character / word of the query must occur. */
    private AgencySearchResult searchDatabase(String text, AgencyCategory category, int from, int size) {
        List<String> terms = QueryText.terms(text);
        List<AgencyEntity> matches = new ArrayList<>();
        for (AgencyEntity agency : repository.findAllByOrderByIdAsc()) {
            if (category != null && agency.getCategory() != category) {
                continue;
            }
            String haystack = ChineseScript.fold(AgencyIndex.searchableText(agency).toLowerCase(Locale.ROOT));
            if (terms.stream().allMatch(haystack::contains)) {
                matches.add(agency);
            }
        }
        if (text != null && !text.isBlank() && terms.isEmpty()) {
            matches.clear(); // only punctuation or symbols: nothing to look for
        }
        List<AgencySummary> items = matches.stream().skip(from).limit(size).map(AgencyDirectory::summary).toList();
        return new AgencySearchResult(matches.size(), items);
    }




    /**
     * The permalink of an article an agency cites as its legal basis, when the portal holds that law (see
     * {@link RegulationCatalog#articleUrl}); empty otherwise.
     */
    public Optional<String> articleUrl(String law, String article) {
        return regulations.articleUrl(law, article);
    }

    /** The permalinks of many cited articles the portal holds, looked up in one query (see {@link RegulationCatalog#articleUrls}). */
    public Map<RegulationCatalog.CitedArticle, String> articleUrls(java.util.Collection<RegulationCatalog.CitedArticle> cited) {
        return regulations.articleUrls(cited);
    }

    /** Every agency, sorted by id; read in one query, without the powers, legal basis and officers. */
    public List<AgencySummary> all() {
        return repository.findSummariesByOrderByIdAsc().stream().map(AgencyDirectory::tidy).toList();
    }

    /** An agency's public details with officer names masked; empty for an unknown id. */
    public Optional<AgencyDetails> find(String id) {
        if (id == null || id.length() > 80) {
            return Optional.empty();
        }
        return repository.findById(id).map(a -> details(a, true));
    }

    /**
     * Checks a certificate number as typed by a reader. Invalid input and throttling are answers
     * too (with a translation key), never exceptions.
     *
     * @param clientKey who is asking (session id or IP address), for throttling
     */
    public CertificateAnswer checkCertificate(String input, String clientKey) {
        String problem = Certificates.problemKey(input);
        if (problem != null) {
            return CertificateAnswer.invalid(input, problem);
        }
        java.time.Duration wait = throttle.acquire(clientKey);
        if (!wait.isZero()) {
            return CertificateAnswer.throttled(input, cn.gov.enforcement.portal.platform.PerClientRate.seconds(wait));
        }
        String number = Certificates.normalize(input);
        Optional<AgencyEntity> agency = Certificates.isWellFormed(number) ? repository.findByCertificate(number) : Optional.empty();
        if (agency.isEmpty()) {
            return new CertificateAnswer(CertificateAnswer.Outcome.UNKNOWN, number, null, null, null, null, null, 0);
        }
        AgencyEntity a = agency.get();
        var officer = a.getOfficers().stream().filter(o -> o.getCertificate().equals(number)).findFirst().orElseThrow();
        CertificateAnswer.Outcome outcome = officer.getStatus() == OfficerStatus.VALID
                ? CertificateAnswer.Outcome.VALID : CertificateAnswer.Outcome.REVOKED;
        return new CertificateAnswer(outcome, number, a.getId(), summary(a), Names.mask(officer.getName()),
                a.getSupervisionPhone(), null, 0);
    }

    static AgencySummary summary(AgencyEntity a) {
        return tidy(new AgencySummary(a.getId(), a.getName(), a.getNameEn(), a.getCategory(), a.getRegion(),
                a.getAddress(), a.getAddressEn(), a.getSupervisionPhone(), a.getSupervisionEmail(),
                a.getMediationEmail(), a.getOfficeHours(), a.getOfficeHoursEn(), a.isSample()));
    }

    /**
     * The summary as stored, with no English name, address or office hours (null) where the agency file gives none
     * (stored empty).
     */
    private static AgencySummary tidy(AgencySummary s) {
        if (!blank(s.nameEn()) && !blank(s.addressEn()) && !blank(s.officeHoursEn())) {
            return s;
        }
        return new AgencySummary(s.id(), s.name(), AgencyStore.noneWhenBlank(s.nameEn()), s.category(), s.region(),
                s.address(), AgencyStore.noneWhenBlank(s.addressEn()), s.supervisionPhone(), s.supervisionEmail(),
                s.mediationEmail(), s.officeHours(), AgencyStore.noneWhenBlank(s.officeHoursEn()), s.sample());
    }

    private static boolean blank(String text) {
        return text != null && text.isBlank();
    }

    static AgencyDetails details(AgencyEntity a, boolean mask) {
        List<Power> powers = a.getPowers().stream().map(p -> new Power(p.getName(), p.getKind()))
                .sorted(Comparator.comparing(Power::kind)).toList();
        List<Officer> officers = a.getOfficers().stream()
                .map(o -> new Officer(mask ? Names.mask(o.getName()) : o.getName(), o.getCertificate(), o.getStatus()))
                .toList();
        return new AgencyDetails(summary(a), a.getLegalRepresentative(), powers, List.copyOf(a.getLegalBasis()),
                officers, a.getUpdatedAt());
    }
}
