package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.platform.JsonApi;
import cn.gov.enforcement.portal.platform.JsonApiErrors;
import cn.gov.enforcement.portal.platform.LanguagePreference;
import cn.gov.enforcement.portal.platform.Translations;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Status of a mediation case for integrations (for example a 12345 hotline): the status and the
 * dates of its history, no personal data. An unknown number and a wrong code get the same 404;
 * too many failed look-ups from one client get 429 with {@code Retry-After}. A missing number or code, or a
 * number that cannot be a case number, is refused before it counts as a failed look-up (400 {@code bad_request}
 * with a message per field, from the service's {@code ValidationFailure}); that, bad parameters and failures are
 * answered by {@link JsonApiErrors}.
 */
@RestController
@JsonApi
@RequestMapping(path = "/api/v1/mediation", produces = "application/json")
class MediationStatusApiController {

    private final MediationService service;
    private final Translations translations;

    MediationStatusApiController(MediationService service, Translations translations) {
        this.service = service;
        this.translations = translations;
    }

    /** The request header that may carry the access code instead of {@code ?code=}. */
    static final String ACCESS_CODE_HEADER = "X-Access-Code";

    record EntryJson(String status, Instant at) {}

    record StatusJson(String number, String status, String statusText, boolean overdue, List<EntryJson> history) {}

    @GetMapping("/status")
    ResponseEntity<?> status(@RequestParam(required = false) String number, @RequestParam(required = false) String code,
            @RequestHeader(name = ACCESS_CODE_HEADER, required = false) String headerCode, HttpServletRequest request) {
        Locale locale = locale(request);
        Optional<StatusAnswer> answer;
        try {
            // the header keeps the code out of access logs and browser histories; the query parameter still works
            answer = service.status(number, headerCode != null && !headerCode.isBlank() ? headerCode : code,
                    cn.gov.enforcement.portal.platform.ClientAddress.key(request.getRemoteAddr()));
        } catch (RateLimitedException limited) {
            return JsonApiErrors.rateLimited(cn.gov.enforcement.portal.platform.PerClientRate.seconds(limited.retryAfter()),
                    translations.get(locale, "mediation.error.rateLimited", limited.retryAfterMinutes()));
        }
        return answer
                .<ResponseEntity<?>>map(s -> ResponseEntity.ok(new StatusJson(s.caseNumber(), s.status().name(),
                        translations.get(locale, s.status().messageKey()), s.overdue(),
                        s.history().stream().map(e -> new EntryJson(e.status().name(), e.at())).toList())))
                .orElseGet(() -> JsonApiErrors.response(HttpStatus.NOT_FOUND, JsonApiErrors.NOT_FOUND,
                        translations.get(locale, "mediation.api.notFound")));
    }

    private static Locale locale(HttpServletRequest request) {
        return LanguagePreference.forApiRequest(request);
    }
}
