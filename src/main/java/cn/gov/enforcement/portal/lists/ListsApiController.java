package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.JsonApi;
import cn.gov.enforcement.portal.platform.JsonApiErrors;
import cn.gov.enforcement.portal.platform.LanguagePreference;
import cn.gov.enforcement.portal.platform.ReaderScript;
import cn.gov.enforcement.portal.platform.Translations;
import cn.gov.enforcement.portal.regulation.ChineseScript;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public JSON API of the lists: risk points, exemption items, CSV downloads and the eligibility
 * check. Messages follow {@code ?lang=} or Accept-Language (zh-CN by default), and so does the script of the entries'
 * own words, as on the pages: Traditional characters for zh-TW ({@link ReaderScript#forLocale}), as written otherwise;
 * ids, codes ({@code level}, {@code kind}, {@code type}), dates and addresses never change. Refused input, bad
 * parameters and failures are answered by {@link JsonApiErrors}.
 */
@RestController
@JsonApi(badParameterKey = "lists.api.badParameter", failureKey = "lists.api.failure")
@RequestMapping(path = "/api/v1")
class ListsApiController {

    private final ListsCatalog catalog;
    private final Translations translations;

    private final DownloadThrottle downloads;

    ListsApiController(ListsCatalog catalog, Translations translations, DownloadThrottle downloads) {
        this.catalog = catalog;
        this.translations = translations;
        this.downloads = downloads;
    }

    /**
     * A citation; {@code url} is the permalink of the article text when it is imported, else null. Its title, article
     * and text in the reader's script, as the pages show a citation ({@code content}); the link is found from the
     * citation as written.
     */
    record CitationJson(String title, String article, Integer paragraph, String text, String url) {
        static List<CitationJson> of(List<Citation> citations, Function<Citation, Optional<String>> links,
                UnaryOperator<String> content) {
            return citations.stream().map(c -> new CitationJson(content.apply(c.law()), content.apply(c.article()),
                    c.paragraph(), content.apply(c.display()), links.apply(c).orElse(null))).toList();
        }
    }

    record RiskJson(String id, String agency, String sector, String appliesTo, String title, String risk, String level,
            String levelReason, List<CitationJson> basisObligation, List<CitationJson> basisPenalty, String consequence,
            List<String> prevention, List<String> guidance, LocalDate effectiveFrom, LocalDate effectiveTo,
            boolean sample, String url) {
        static RiskJson of(RiskPoint r, Function<Citation, Optional<String>> links, UnaryOperator<String> content) {
            return new RiskJson(r.id(), r.agency(), content.apply(r.sector()), content.apply(r.appliesTo()),
                    content.apply(r.title()), content.apply(r.risk()), r.level(), content.apply(r.levelReason()),
                    CitationJson.of(r.basisObligation(), links, content), CitationJson.of(r.basisPenalty(), links, content),
                    content.apply(r.consequence()), each(r.prevention(), content), r.guidance(), r.effectiveFrom(),
                    r.effectiveTo(), r.sample(), "/risks/" + r.id());
        }
    }

    /**
     * A condition of an item. {@code answer} is how it is answered ({@code yes_no} or {@code number}); {@code metWhen}
     * is the answer to the question as written that meets a yes/no condition ({@code yes}, or {@code no} for a
     * condition marked {@code met_when: 否}), null for a number condition (met below {@code threshold}).
     */
    record ConditionJson(int index, String type, String question, String answer, String metWhen,
            java.math.BigDecimal threshold, String unit, String what) {}

    /** The answer that meets a yes/no condition, as the API names it; null for a number condition. */
    static String metWhen(Condition c) {
        return c.type().numericAnswer() ? null : c.metWhenNo() ? "no" : "yes";
    }

    record ExemptionJson(String id, String agency, String kind, String subkind, String sector, String violation,
            String scope, List<CitationJson> basisViolation, List<CitationJson> basisPenalty,
            List<CitationJson> basisExemption, List<ConditionJson> conditions, List<String> measure,
            LocalDate effectiveFrom, LocalDate effectiveTo, boolean sample, String url) {
        static ExemptionJson of(ExemptionItem e, Function<Citation, Optional<String>> links,
                UnaryOperator<String> content) {
            List<ConditionJson> conditions = new java.util.ArrayList<>();
            for (int i = 0; i < e.conditions().size(); i++) {
                Condition c = e.conditions().get(i);
                conditions.add(new ConditionJson(i, c.type().code(), content.apply(c.question()),
                        c.type().numericAnswer() ? "number" : "yes_no", metWhen(c), c.threshold(),
                        content.apply(c.unit()), content.apply(c.what())));
            }
            return new ExemptionJson(e.id(), e.agency(), e.kind(), e.subkind(), content.apply(e.sector()),
                    content.apply(e.violation()), content.apply(e.scope()),
                    CitationJson.of(e.basisViolation(), links, content), CitationJson.of(e.basisPenalty(), links, content),
                    CitationJson.of(e.basisExemption(), links, content), conditions, each(e.measure(), content),
                    e.effectiveFrom(), e.effectiveTo(), e.sample(), "/exemptions/" + e.id());
        }
    }

    /**
     * A page of a list search and what the search left out on purpose ({@code leftOut}: always there, with count 0
     * when nothing was left out).
     */
    record PageJson<T>(long total, int page, int size, List<T> items, LeftOutJson leftOut) {}

    /**
     * The entries of the filters chosen that the search does not list because its text says the business lacks a
     * licence they are about holding ({@code MissingLicence}: 没有营业执照 leaves out 营业执照未置于醒目位置):
     * {@code reason} {@code licence_held}, their {@code titles} in the reader's script and the page's sentence saying
     * so in the reader's language ({@code message}). For any other search count 0, reason and message null, no titles.
     */
    record LeftOutJson(int count, String reason, List<String> titles, String message) {
        static final String LICENCE_HELD = "licence_held";

        static LeftOutJson of(List<String> leftOut, UnaryOperator<String> content, EligibilityTexts.Messages m) {
            if (leftOut.isEmpty()) {
                return new LeftOutJson(0, null, List.of(), null);
            }
            return new LeftOutJson(leftOut.size(), LICENCE_HELD, each(leftOut, content),
                    m.get("lists.leftOutHeld", leftOut.size(), content.apply(leftOut.get(0))));
        }
    }

    record CircumstanceJson(String level, String description, String penalty) {}

    record DiscretionJson(String id, String agency, String violation, List<CitationJson> basisViolation,
            List<CitationJson> basisPenalty, List<CircumstanceJson> circumstances, LocalDate effectiveFrom,
            LocalDate effectiveTo, boolean sample, String url) {
        static DiscretionJson of(DiscretionBenchmark d, Function<Citation, Optional<String>> links,
                UnaryOperator<String> content) {
            return new DiscretionJson(d.id(), d.agency(), content.apply(d.violation()),
                    CitationJson.of(d.basisViolation(), links, content), CitationJson.of(d.basisPenalty(), links, content),
                    d.circumstances().stream().map(c -> new CircumstanceJson(c.level(), content.apply(c.description()),
                            content.apply(c.penalty()))).toList(),
                    d.effectiveFrom(), d.effectiveTo(), d.sample(), "/discretion/" + d.agency() + "#" + d.id());
        }
    }

    record DiscretionListJson(long total, List<DiscretionJson> items) {}

    record CheckRequest(String itemId, Map<String, Object> answers) {}

    /**
     * A condition of a check: {@code answer} is the reader's literal {@code yes} or {@code no} to the question as
     * written (or the number), {@code metWhen} as in {@link ConditionJson}, {@code met} whether the answer meets it.
     */
    record ConditionResultJson(int index, String type, String question, String answer, String metWhen, boolean met) {}

    record ContactJson(String agency, String name, String supervisionPhone) {}

    record CheckJson(String itemId, String outcome, boolean applies, String message, List<String> reasons,
            List<ConditionResultJson> conditions, Integer correctionDays, boolean commitmentRequired,
            List<CitationJson> articles, List<String> nextSteps, ContactJson contact) {}

    /**
     * The search filters of the address: {@code q}, {@code agency}, {@code sector}, {@code level}, {@code kind}. A
     * repeated parameter counts with its first value, as on the list pages: bound as a String, Spring would join
     * repeated values with commas ({@code ?level=high&level=high} reading high,high). A sector or kind in
     * Traditional characters is read in Simplified, as the entries hold them and as the searches read the free text.
     */
    private record Filters(String q, String agency, String sector, String level, String kind) {
        static Filters of(HttpServletRequest request) {
            return new Filters(request.getParameter("q"), blank(request.getParameter("agency")),
                    simplified(request.getParameter("sector")), ListsApiController.level(request.getParameter("level")),
                    ListsApiController.kind(simplified(request.getParameter("kind"))));
        }

        private static String simplified(String value) {
            String v = blank(value);
            return v == null ? null : ChineseScript.toSimplified(v);
        }
    }

    @GetMapping(path = "/risk-points", produces = MediaType.APPLICATION_JSON_VALUE)
    PageJson<RiskJson> riskPoints(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            HttpServletRequest request) {
        Filters f = Filters.of(request);
        ListPage<RiskPoint> result = catalog.searchRiskPoints(f.q(), f.agency(), f.sector(), f.level(), page, size);
        var links = catalog.citationLinks();
        UnaryOperator<String> content = content(locale(request));
        return new PageJson<>(result.total(), page, size,
                result.items().stream().map(r -> RiskJson.of(r, links, content)).toList(),
                LeftOutJson.of(result.leftOut(), content, messages(request)));
    }

    @GetMapping(path = "/risk-points/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> riskPoint(@PathVariable String id, HttpServletRequest request) {
        return catalog.findRiskPoint(id).<ResponseEntity<?>>map(r -> ResponseEntity.ok(RiskJson.of(r,
                        catalog.citationLinks(), content(locale(request)))))
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "not_found", message(request, "lists.api.notFound")));
    }

    /** Discretion benchmarks in force, of one agency or of all; 400 for a malformed agency id. */
    @GetMapping(path = "/discretion", produces = MediaType.APPLICATION_JSON_VALUE)
    DiscretionListJson discretion(HttpServletRequest request) {
        List<DiscretionBenchmark> items = catalog.discretionOf(Filters.of(request).agency());
        var links = catalog.citationLinks();
        UnaryOperator<String> content = content(locale(request));
        return new DiscretionListJson(items.size(), items.stream().map(d -> DiscretionJson.of(d, links, content)).toList());
    }

    @GetMapping(path = "/exemptions", produces = MediaType.APPLICATION_JSON_VALUE)
    PageJson<ExemptionJson> exemptions(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, HttpServletRequest request) {
        Filters f = Filters.of(request);
        ListPage<ExemptionItem> result = catalog.searchExemptions(f.q(), f.agency(), f.sector(), f.kind(), page, size);
        var links = catalog.citationLinks();
        UnaryOperator<String> content = content(locale(request));
        return new PageJson<>(result.total(), page, size,
                result.items().stream().map(e -> ExemptionJson.of(e, links, content)).toList(),
                LeftOutJson.of(result.leftOut(), content, messages(request)));
    }

    @GetMapping(path = "/exemptions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> exemption(@PathVariable String id, HttpServletRequest request) {
        return catalog.findExemption(id).<ResponseEntity<?>>map(e -> ResponseEntity.ok(ExemptionJson.of(e,
                        catalog.citationLinks(), content(locale(request)))))
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "not_found", message(request, "lists.api.notFound")));
    }

    @PostMapping(path = "/exemptions/check", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> check(@RequestBody CheckRequest body, HttpServletRequest request) {
        if (body == null || body.itemId() == null || body.itemId().isBlank()) {
            throw new ListsInputException("lists.check.error.item");
        }
        ExemptionItem item = catalog.findExemption(body.itemId().strip()).orElse(null);
        if (item == null) {
            return error(HttpStatus.NOT_FOUND, "not_found", message(request, "lists.check.error.item"));
        }
        Map<String, String> answers = new LinkedHashMap<>();
        if (body.answers() != null) {
            body.answers().forEach((k, v) -> answers.put(k, answerText(v)));
        }
        EligibilityResult result = catalog.check(item.id(), answers);
        EligibilityTexts.Messages m = messages(request);
        UnaryOperator<String> content = content(locale(request));
        String agencyName = catalog.agencyName(item.agency());
        var phone = catalog.supervisionPhone(item.agency());
        return ResponseEntity.ok(new CheckJson(item.id(), result.outcome().code(), result.applies(),
                EligibilityTexts.headline(result, m), EligibilityTexts.reasons(item, result, m, content),
                result.conditions().stream().map(c -> new ConditionResultJson(c.index(), c.type().code(),
                        content.apply(c.question()), c.answer(), metWhen(item.conditions().get(c.index())), c.met()))
                        .toList(),
                result.correctionDays(), result.commitmentRequired(),
                CitationJson.of(result.articles(), catalog.citationLinks(), content),
                EligibilityTexts.nextSteps(item, result, agencyName, phone, m, content),
                new ContactJson(item.agency(), content.apply(agencyName), phone.orElse(null))));
    }

    /**
     * An answer as the checker reads it: a JSON boolean as yes/no, a JSON number as a plain decimal. Jackson reads
     * 12345678.5 as a Double whose text is "1.23456785E7", which the checker refuses as not a number.
     */
    static String answerText(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (v instanceof Number) {
            try {
                return new java.math.BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return v.toString(); // NaN or Infinity (not JSON): refused by the checker as not a number
            }
        }
        return v.toString();
    }

    /**
     * The downloads list the entries of the search; when it left entries out on purpose (its text says the business
     * lacks a licence they are about holding), the CSV says so in one last row and the XLSX on a second sheet (说明),
     * so that the list itself stays a plain table.
     */
    @GetMapping(path = "/risk-points.csv")
    ResponseEntity<?> riskPointsCsv(HttpServletRequest request) {
        Locale locale = locale(request);
        return download(request, locale, () -> {
            ListResults<RiskPoint> all = allRiskPoints(request);
            return csv("risk-points.csv", ListsCsv.riskPoints(all.items(), all.leftOut(), messages(request),
                    id -> catalog.agencyName(id, locale), content(locale)));
        });
    }

    @GetMapping(path = "/exemptions.csv")
    ResponseEntity<?> exemptionsCsv(HttpServletRequest request) {
        Locale locale = locale(request);
        return download(request, locale, () -> {
            ListResults<ExemptionItem> all = allExemptions(request);
            return csv("exemptions.csv", ListsCsv.exemptions(all.items(), all.leftOut(), messages(request),
                    id -> catalog.agencyName(id, locale), content(locale)));
        });
    }

    @GetMapping(path = "/risk-points.xlsx")
    ResponseEntity<?> riskPointsXlsx(HttpServletRequest request) {
        Locale locale = locale(request);
        EligibilityTexts.Messages m = messages(request);
        return download(request, locale, () -> {
            ListResults<RiskPoint> all = allRiskPoints(request);
            return xlsx("risk-points.xlsx", workbook(m.get("lists.risks.title"), ListsCsv.riskPointRows(all.items(), m,
                    id -> catalog.agencyName(id, locale), content(locale)), all.leftOut(), m, content(locale)));
        });
    }

    @GetMapping(path = "/exemptions.xlsx")
    ResponseEntity<?> exemptionsXlsx(HttpServletRequest request) {
        Locale locale = locale(request);
        EligibilityTexts.Messages m = messages(request);
        return download(request, locale, () -> {
            ListResults<ExemptionItem> all = allExemptions(request);
            return xlsx("exemptions.xlsx", workbook(m.get("lists.exemptions.title"), ListsCsv.exemptionRows(all.items(),
                    m, id -> catalog.agencyName(id, locale), content(locale)), all.leftOut(), m, content(locale)));
        });
    }

    /** The list's sheet, then the note sheet (说明) when the search left entries out. */
    private static byte[] workbook(String title, List<List<String>> rows, List<String> leftOut,
            EligibilityTexts.Messages m, UnaryOperator<String> content) {
        List<List<String>> note = ListsCsv.leftOutRows(leftOut, m, content);
        return note.isEmpty() ? ListsXlsx.workbook(title, rows) : ListsXlsx.workbook(List.of(
                new ListsXlsx.Sheet(title, rows), new ListsXlsx.Sheet(m.get("lists.download.noteSheet"), note)));
    }

    /** The messages of the request's language. */
    private EligibilityTexts.Messages messages(HttpServletRequest request) {
        Locale locale = locale(request);
        return (key, args) -> translations.get(locale, key, args);
    }

    /**
     * The entries' own texts in an answer or a download for {@code locale}: in Traditional characters for zh-TW, as
     * the pages; as written otherwise (null stays null).
     */
    private static UnaryOperator<String> content(Locale locale) {
        return text -> ReaderScript.forLocale(locale, text);
    }

    /** Each of {@code texts} through {@code content}. */
    private static List<String> each(List<String> texts, UnaryOperator<String> content) {
        return texts == null ? null : texts.stream().map(content).toList();
    }

    /**
     * Writes a download when the client may ask for one now (counted; a refused filter gives the count back and is
     * answered 400 as usual); else 429 rate_limited with Retry-After.
     */
    private ResponseEntity<?> download(HttpServletRequest request, Locale locale,
            java.util.function.Supplier<ResponseEntity<byte[]>> write) {
        cn.gov.enforcement.portal.platform.SlidingWindowLimiter.Reservation slot =
                downloads.reserve(cn.gov.enforcement.portal.platform.ClientAddress.key(request.getRemoteAddr()));
        if (!slot.granted()) {
            long seconds = cn.gov.enforcement.portal.platform.PerClientRate.seconds(slot.retryAfter());
            return cn.gov.enforcement.portal.platform.JsonApiErrors.rateLimited(seconds,
                    translations.get(locale, "lists.error.tooManyDownloads", seconds));
        }
        try {
            return write.get();
        } catch (ListsInputException refused) {
            slot.release();
            throw refused;
        }
    }

    private ListResults<RiskPoint> allRiskPoints(HttpServletRequest request) {
        Filters f = Filters.of(request);
        return catalog.allRiskPoints(f.q(), f.agency(), f.sector(), f.level());
    }

    private ListResults<ExemptionItem> allExemptions(HttpServletRequest request) {
        Filters f = Filters.of(request);
        return catalog.allExemptions(f.q(), f.agency(), f.sector(), f.kind());
    }

    private static ResponseEntity<byte[]> xlsx(String name, byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(MediaType.parseMediaType(ListsXlsx.CONTENT_TYPE))
                .body(body);
    }

    private static ResponseEntity<byte[]> csv(String name, String text) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(ListsCsv.withBom(text));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** 高/中/低 or high/medium/low. */
    static String level(String value) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "high" -> "高";
            case "medium" -> "中";
            case "low" -> "低";
            default -> v;
        };
    }

    /** 不予处罚/从轻处罚/减轻处罚 or no_penalty/lighter/reduced. */
    static String kind(String value) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "no_penalty" -> ListsFormat.NO_PENALTY;
            case "lighter" -> ListsFormat.LIGHTER;
            case "reduced" -> ListsFormat.REDUCED;
            default -> v;
        };
    }

    /**
     * Refused answers of the eligibility check: the usual error body (the first problem's message) plus
     * {@code problems}, one per refused answer in question order, so a client can mark every question at once.
     */
    @ExceptionHandler(EligibilityAnswersException.class)
    ResponseEntity<Map<String, Object>> refusedAnswers(EligibilityAnswersException e, HttpServletRequest request) {
        Map<String, Object> body = JsonApiErrors.body(JsonApiErrors.BAD_REQUEST, message(request, e.messageKey(), e.args()));
        body.put("problems", e.problems().stream().map(p -> new ProblemJson(p.index(),
                message(request, p.messageKey(), p.args()))).toList());
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** One refused answer: the question's 0-based index, as in {@code answers}, and what is wrong with it. */
    record ProblemJson(int question, String message) {}

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
