package cn.gov.enforcement.portal.regulation;

import cn.gov.enforcement.portal.platform.JsonApi;
import cn.gov.enforcement.portal.platform.JsonApiErrors;
import cn.gov.enforcement.portal.platform.LanguagePreference;
import cn.gov.enforcement.portal.platform.Translations;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public article search: {@code GET /api/v1/regulations/search?q=…&page=…&size=…&level=…&region=…&issuer=…
 * &status=…&from=…&to=…}. Any query text is accepted (odd text simply finds nothing); {@code page} is 1-based,
 * {@code size} is cut to 100, and page × size may not exceed {@link RegulationCatalog#MAX_WINDOW} for a search with
 * more results than that (a deeper page of a search with fewer is an empty page past its end); {@code status}
 * is {@code current} by default, {@code any} for every version; {@code from}/{@code to} bound the in-force date
 * ({@code yyyy-MM-dd}). A bad value is a 400 with a message in the caller's language ({@code ?lang=} or
 * Accept-Language); a repeated parameter counts with its first value, as on the search page;
 * failures are answered by {@link JsonApiErrors}. More searches from one client than {@link SearchThrottle} allows
 * are answered 429 {@code rate_limited} with {@code Retry-After}. As on the search page, a hit in one of the portal's
 * own plain-language guides (level {@code guide}) is in the script of the request's language (its title, article and
 * snippet in Traditional characters for zh-TW); the texts of laws are given as published.
 */
@RestController
@JsonApi(failureKey = "regulation.api.failure")
@RequestMapping(path = "/api/v1/regulations", produces = "application/json")
class RegulationApiController {

    private final RegulationCatalog catalog;
    private final Translations translations;
    private final SearchThrottle throttle;

    /** Seconds a caller is asked to wait when the search node does not answer. */
    static final long UNAVAILABLE_RETRY_SECONDS = 30;

    RegulationApiController(RegulationCatalog catalog, Translations translations, SearchThrottle throttle) {
        this.catalog = catalog;
        this.translations = translations;
        this.throttle = throttle;
    }

    /**
     * One article found; {@code level} and {@code status} as the filters spell them, {@code versionDate} and
     * {@code inForceDate} as yyyy-MM-dd (null when the document does not say): they tell versions apart.
     */
    record ResultJson(String title, String article, String snippet, String url, double score, String level,
                      String status, java.time.LocalDate versionDate, java.time.LocalDate inForceDate) {}

    record SearchJson(long total, List<ResultJson> results) {}

    @GetMapping("/search")
    ResponseEntity<?> search(HttpServletRequest request) {
        // the first value of a repeated parameter, as the search page reads its address: bound as a String,
        // Spring would join repeated values with commas (?q=合同&q=借款 searching "合同,借款")
        RegulationFilters.Parsed parsed = RegulationFilters.parse(request.getParameter("q"),
                request.getParameter("page"), request.getParameter("size"), request.getParameter("level"),
                request.getParameter("region"), request.getParameter("issuer"), request.getParameter("status"),
                request.getParameter("from"), request.getParameter("to"), RegulationCatalog.DEFAULT_SIZE);
        if (parsed.errorKey() != null) {
            return badRequest(message(request, parsed.errorKey(), parsed.errorArgs()));
        }
        java.time.Duration wait = throttle.acquire(cn.gov.enforcement.portal.platform.ClientAddress.key(request.getRemoteAddr()));
        if (!wait.isZero()) {
            long seconds = SearchThrottle.seconds(wait);
            return JsonApiErrors.rateLimited(seconds, message(request, "regulation.search.tooMany", seconds));
        }
        RegulationCatalog.Results results = catalog.search(parsed.query());
        if (results.unavailable()) {
            // not an empty list that says nothing matches: 503, to be tried again (a 500 reads as a bug)
            return JsonApiErrors.unavailable(UNAVAILABLE_RETRY_SECONDS, message(request, "regulation.search.unavailable"));
        }
        if (results.tooDeep()) {
            return badRequest(message(request, "regulation.api.tooDeep",
                    RegulationCatalog.MAX_WINDOW));
        }
        java.util.Locale locale = LanguagePreference.forApiRequest(request);
        return ResponseEntity.ok(new SearchJson(results.total(), results.results().stream()
                .map(h -> new ResultJson(shown(h, locale, h.documentTitle()), shown(h, locale, h.article()),
                        shown(h, locale, h.snippet()), h.url(), h.score(), lowerCase(h.level()), lowerCase(h.status()),
                        h.versionDate(), h.inForceDate())).toList()));
    }

    /** A text of {@code hit} as the search page shows it: a guide's in the reader's script, a law's as published. */
    private static String shown(RegulationCatalog.ArticleHit hit, java.util.Locale locale, String text) {
        return hit.guide() ? cn.gov.enforcement.portal.platform.ReaderScript.forLocale(locale, text) : text;
    }

    private static String lowerCase(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static ResponseEntity<Map<String, Object>> badRequest(String message) {
        return JsonApiErrors.response(HttpStatus.BAD_REQUEST, JsonApiErrors.BAD_REQUEST, message);
    }

    private String message(HttpServletRequest request, String key, Object... args) {
        return translations.get(LanguagePreference.forApiRequest(request), key, args);
    }
}
