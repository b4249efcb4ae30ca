package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.platform.JsonApi;
import cn.gov.enforcement.portal.platform.JsonApiErrors;
import cn.gov.enforcement.portal.platform.LanguagePreference;
import cn.gov.enforcement.portal.platform.ReaderScript;
import cn.gov.enforcement.portal.platform.Translations;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public read-only JSON API of the agency directory. Messages follow {@code ?lang=} or the
 * request's Accept-Language (zh-CN by default), and so does the script of the agencies' own words as on the pages
 * (name, region, address, office hours, legal representative, powers, legal basis, officers' masked names; the
 * certificate check's agency and officer): Traditional characters for zh-TW ({@link ReaderScript#forLocale}), as
 * written otherwise (the English name, address and office hours are {@code nameEn}, {@code addressEn},
 * {@code officeHoursEn}). Ids, codes, numbers, phones, e-mail addresses and URLs never
 * change. Officer names are always masked. Refused input, bad parameters and failures are answered by
 * {@link JsonApiErrors}.
 */
@RestController
@JsonApi(badParameterKey = "agency.api.badParameter", failureKey = "agency.api.failure")
@RequestMapping(path = "/api/v1", produces = "application/json")
class AgencyApiController {

    private final AgencyDirectory directory;
    private final Translations translations;

    AgencyApiController(AgencyDirectory directory, Translations translations) {
        this.directory = directory;
        this.translations = translations;
    }

    record ItemJson(String id, String name, String nameEn, String category, String region, String address,
            String addressEn, String supervisionPhone, String supervisionEmail, String officeHours,
            String officeHoursEn, boolean sample, String url) {

        static ItemJson of(AgencySummary s, Locale locale) {
            return new ItemJson(s.id(), ReaderScript.forLocale(locale, s.name()), s.nameEn(), s.category().code(),
                    ReaderScript.forLocale(locale, s.region()), ReaderScript.forLocale(locale, s.address()),
                    s.addressEn(), s.supervisionPhone(), s.supervisionEmail(),
                    ReaderScript.forLocale(locale, s.officeHours()), s.officeHoursEn(), s.sample(),
                    "/agencies/" + s.id());
        }
    }

    record ListJson(long total, int page, int size, List<ItemJson> items) {}

    record PowerJson(String name, String kind) {}

    record OfficerJson(String name, String certificate, String status) {}

    record DetailJson(String id, String name, String nameEn, String category, String region,
            String legalRepresentative, String address, String addressEn, String supervisionPhone,
            String supervisionEmail, String mediationEmail, String officeHours, String officeHoursEn, boolean sample, List<PowerJson> powers, List<String> legalBasis,
            List<OfficerJson> officers, Instant updatedAt, String url) {}

    record AgencyRef(String id, String name, String supervisionPhone, String url) {}

    record CertificateJson(String status, String certificate, AgencyRef agency, String officer, String message) {}

    @GetMapping("/agencies")
    ListJson list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            HttpServletRequest request) {
        // the first value of a repeated parameter, as the search page reads its address: bound as a String,
        // Spring would join repeated values with commas (?q=a&q=b searching "a,b")
        String q = request.getParameter("q");
        String category = request.getParameter("category");
        AgencyCategory cat = null;
        if (category != null && !category.isBlank()) {
            cat = AgencyCategory.fromCode(category).orElseThrow(() -> new AgencyInputException("agency.error.category"));
        }
        AgencySearchResult result = directory.search(q, cat, page, size);
        Locale locale = locale(request);
        return new ListJson(result.total(), page, size, result.items().stream().map(s -> ItemJson.of(s, locale)).toList());
    }

    @GetMapping("/agencies/{id}")
    ResponseEntity<?> detail(@PathVariable String id, HttpServletRequest request) {
        return directory.find(id).<ResponseEntity<?>>map(d -> ResponseEntity.ok(detailJson(d, locale(request))))
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "not_found", message(request, "agency.api.notFound")));
    }

    @GetMapping("/certificates/{number}")
    ResponseEntity<?> certificate(@PathVariable String number, HttpServletRequest request) {
        CertificateAnswer answer = directory.checkCertificate(number, "ip:" + cn.gov.enforcement.portal.platform.ClientAddress.key(request.getRemoteAddr()));
        return switch (answer.outcome()) {
            case INVALID_INPUT -> error(HttpStatus.BAD_REQUEST, "bad_request",
                    message(request, answer.problemKey(), answer.problemArgument()));
            case THROTTLED -> cn.gov.enforcement.portal.platform.JsonApiErrors.rateLimited(answer.retryAfterSeconds(),
                    message(request, answer.problemKey(), answer.retryAfterSeconds()));
            case UNKNOWN -> ResponseEntity.ok(new CertificateJson("unknown", answer.certificate(), null, null,
                    message(request, "agency.certificate.unknown.title")));
            case VALID, REVOKED -> ResponseEntity.ok(new CertificateJson(
                    answer.outcome() == CertificateAnswer.Outcome.VALID ? "valid" : "revoked", answer.certificate(),
                    new AgencyRef(answer.agencyId(), ReaderScript.forLocale(locale(request), answer.agencyName()),
                            answer.supervisionPhone(), "/agencies/" + answer.agencyId()),
                    ReaderScript.forLocale(locale(request), answer.officer()), message(request, answer.outcome() == CertificateAnswer.Outcome.VALID
                            ? "agency.certificate.valid.title" : "agency.certificate.revoked.title")));
        };
    }

    /** The agency as its page shows it to a reader of {@code locale} (see the class comment). */
    private static DetailJson detailJson(AgencyDetails d, Locale locale) {
        AgencySummary s = d.summary();
        java.util.function.UnaryOperator<String> content = text -> ReaderScript.forLocale(locale, text);
        return new DetailJson(s.id(), content.apply(s.name()), s.nameEn(), s.category().code(), content.apply(s.region()),
                content.apply(d.legalRepresentative()), content.apply(s.address()), s.addressEn(),
                s.supervisionPhone(), s.supervisionEmail(), s.mediationEmail(), content.apply(s.officeHours()),
                s.officeHoursEn(), s.sample(),
                d.powers().stream().map(p -> new PowerJson(content.apply(p.name()), p.kind().code())).toList(),
                d.legalBasis().stream().map(content).toList(),
                d.officers().stream().map(o -> new OfficerJson(content.apply(o.name()), o.certificate(),
                        o.status().code())).toList(),
                d.updatedAt(), "/agencies/" + s.id());
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String message) {
        return JsonApiErrors.response(status, code, message);
    }

    private String message(HttpServletRequest request, String key, Object... args) {
        return translations.get(locale(request), key, args);
    }

    private static Locale locale(HttpServletRequest request) {
        return LanguagePreference.forApiRequest(request);
    }
}
