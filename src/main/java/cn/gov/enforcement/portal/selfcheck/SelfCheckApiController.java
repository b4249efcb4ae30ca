package cn.gov.enforcement.portal.selfcheck;

import cn.gov.enforcement.portal.lists.Citation;
import cn.gov.enforcement.portal.lists.ExemptionItem;
import cn.gov.enforcement.portal.lists.RiskPoint;
import cn.gov.enforcement.portal.platform.JsonApi;
import cn.gov.enforcement.portal.platform.LanguagePreference;
import cn.gov.enforcement.portal.platform.ReaderScript;
import jakarta.servlet.http.HttpServletRequest;
import cn.gov.enforcement.portal.selfcheck.SelfCheckService.Finding;
import cn.gov.enforcement.portal.selfcheck.SelfCheckService.Report;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The self-check for integrations (a mini-program, a service hall's kiosk): the sectors, the checklist of chosen
 * sectors, and the report of answers given in the page's own address format ({@code a=<id>.<letter>_…}), so a link
 * and a call carry the same thing. Nothing is stored. The content (sectors, risk points, measures, citations, exemption
 * items, agency names) is in the script of the request's language as on the page: Traditional characters for zh-TW
 * ({@code ?lang=} or Accept-Language, {@link LanguagePreference#forApiRequest}), as written otherwise; a sector named
 * in Traditional characters is read back. Ids, levels, statuses, kinds, answer letters and the measures' fingerprint
 * (of the text as written) never change.
 */
@RestController
@JsonApi
@RequestMapping(path = "/api/v1/self-check", produces = "application/json")
class SelfCheckApiController {

    private final SelfCheckService service;

    SelfCheckApiController(SelfCheckService service) {
        this.service = service;
    }

    record SectorJson(String name, int riskPoints) {}

    record AgencySectorsJson(String agency, String agencyName, List<SectorJson> sectors) {}

    record RiskJson(String id, String title, String level, String risk, List<String> prevention,
            String preventionFingerprint, List<String> answers, boolean sample, String url) {}

    record ChecklistJson(List<String> sectors, List<RiskJson> riskPoints) {}

    record CitationJson(String title, String article) {}

    record RelatedJson(String id, String violation, String kind, String checkUrl) {}

    record FindingJson(String id, String title, String level, String status, List<String> todo, List<String> inPlace,
            String consequence, List<CitationJson> basis, List<RelatedJson> related, String agency, String agencyName,
            String supervisionPhone) {}

    record SummaryJson(int toCorrect, long high, long medium, long low, int done, int notConcerned, int unanswered) {}

    record ReportJson(LocalDate date, List<String> sectors, boolean sample, SummaryJson summary, List<FindingJson> findings,
            List<String> done, List<String> notConcerned, List<String> unanswered, int ignoredAnswers,
            List<String> changedAnswers) {}

    @GetMapping("/sectors")
    List<AgencySectorsJson> sectors(HttpServletRequest request) {
        UnaryOperator<String> content = content(request);
        return service.sectors().stream().map(a -> new AgencySectorsJson(a.agencyId(), content.apply(a.agencyName()),
                a.sectors().stream().map(s -> new SectorJson(content.apply(s.name()), s.riskPoints())).toList())).toList();
    }

    @GetMapping("/checklist")
    ResponseEntity<?> checklist(@RequestParam(name = "sector", required = false) List<String> sectors,
            HttpServletRequest request) {
        // a refused choice (ValidationFailure) is answered 400 with its problems by JsonApiErrors, as in report()
        var checklist = service.checklist(limited(sectors));
        UnaryOperator<String> content = content(request);
        return ResponseEntity.ok(new ChecklistJson(each(checklist.sectors(), content), checklist.points().stream()
                .map(p -> new RiskJson(p.id(), content.apply(p.title()), p.level(), content.apply(p.risk()),
                        each(p.prevention(), content), SelfCheckAnswer.fingerprint(p.prevention()),
                        SelfCheckService.answersFor(p).stream().map(a -> String.valueOf(a.code())).toList(),
                        p.sample(), "/risks/" + p.id()))
                .toList()));
    }

    /**
     * The report of answers in the page's format; answers for risks outside the checklist or unreadable ones are
     * left out and counted ({@code ignoredAnswers}), as the page does.
     */
    @GetMapping("/report")
    ResponseEntity<?> report(@RequestParam(name = "sector", required = false) List<String> sectors,
            @RequestParam(name = "a", required = false) String answers, HttpServletRequest request) {
        List<String> chosen = limited(sectors);
        var checklist = service.checklist(chosen);
        SelfCheckService.ReadAnswers read = service.readAnswers(checklist, answers);
        Report r = service.report(chosen, read.answers());
        UnaryOperator<String> content = content(request);
        return ResponseEntity.ok(new ReportJson(r.date(), each(r.sectors(), content), r.sample(),
                new SummaryJson(r.findings().size(), r.findingsAt("高"), r.findingsAt("中"), r.findingsAt("低"),
                        r.done().size(), r.notApplicable().size(), r.unanswered().size()),
                r.findings().stream().map(f -> finding(f, r, content)).toList(), ids(r.done()), ids(r.notApplicable()),
                ids(r.unanswered()), read.leftOut(), ids(read.changed())));
    }

    private static FindingJson finding(Finding f, Report r, UnaryOperator<String> content) {
        RiskPoint p = f.point();
        var agency = r.agencies().get(p.agency());
        List<CitationJson> basis = new java.util.ArrayList<>();
        for (Citation c : p.basisObligation()) {
            basis.add(new CitationJson(content.apply(c.law()), content.apply(c.articleDisplay())));
        }
        for (Citation c : p.basisPenalty()) {
            basis.add(new CitationJson(content.apply(c.law()), content.apply(c.articleDisplay())));
        }
        List<RelatedJson> related = f.related().stream().map((ExemptionItem e) -> new RelatedJson(e.id(),
                content.apply(e.violation()), e.kind(), "/exemptions/" + e.id() + "/check")).toList();
        return new FindingJson(p.id(), content.apply(p.title()), p.level(), f.status().name(), each(f.todo(), content),
                each(f.inPlace(), content), content.apply(p.consequence()), basis, related, p.agency(),
                content.apply(agency == null ? p.agency() : agency.name()),
                agency == null ? null : agency.supervisionPhone().orElse(null));
    }

    /** The content of an answer in the script of the request's language (Traditional characters for zh-TW). */
    private static UnaryOperator<String> content(HttpServletRequest request) {
        java.util.Locale locale = LanguagePreference.forApiRequest(request);
        return text -> ReaderScript.forLocale(locale, text);
    }

    private static List<String> each(List<String> texts, UnaryOperator<String> content) {
        return texts.stream().map(content).toList();
    }

    private static List<String> ids(List<RiskPoint> points) {
        return points.stream().map(RiskPoint::id).toList();
    }

    /** More sectors than the service takes are cut, so that the service refuses them without reading thousands. */
    private static List<String> limited(List<String> sectors) {
        return sectors == null ? List.of() : sectors.stream().limit(SelfCheckService.MAX_SECTORS + 1L).toList();
    }
}
