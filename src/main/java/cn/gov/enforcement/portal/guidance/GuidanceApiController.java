package cn.gov.enforcement.portal.guidance;

import cn.gov.enforcement.portal.platform.JsonApi;
import cn.gov.enforcement.portal.platform.LanguagePreference;
import cn.gov.enforcement.portal.platform.Translations;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open data on administrative guidance: how much guidance each agency gave in the last {@link
 * GuidanceService#FIGURES_DAYS} days, by means, as on the public page. No party, no document. Failures are answered by
 * the platform's JSON error advice.
 */
@RestController
@JsonApi
@RequestMapping(path = "/api/v1/guidance", produces = "application/json")
class GuidanceApiController {

    private final GuidanceService service;
    private final Translations translations;

    GuidanceApiController(GuidanceService service, Translations translations) {
        this.service = service;
        this.translations = translations;
    }

    record KindJson(String kind, String name, long count) {}

    record AgencyJson(String agency, String name, boolean sample, long total, List<KindJson> byKind) {}

    record FiguresJson(LocalDate from, LocalDate to, List<AgencyJson> agencies) {}

    @GetMapping("/figures")
    FiguresJson figures(HttpServletRequest request) {
        Locale locale = LanguagePreference.forApiRequest(request);
        LocalDate today = service.today();
        List<AgencyJson> agencies = service.figures().stream().map(f -> new AgencyJson(f.agencyId(),
                f.agency() == null ? f.agencyId() : f.agency().displayName(locale), f.agency() != null && f.agency().sample(),
                f.total(), f.byKind().entrySet().stream()
                        .map(e -> new KindJson(e.getKey().name(), translations.get(locale, e.getKey().messageKey()),
                                e.getValue()))
                        .toList()))
                .toList();
        return new FiguresJson(today.minusDays(GuidanceService.FIGURES_DAYS - 1L), today, agencies);
    }
}
