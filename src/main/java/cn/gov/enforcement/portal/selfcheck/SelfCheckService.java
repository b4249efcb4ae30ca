package cn.gov.enforcement.portal.selfcheck;

import cn.gov.enforcement.portal.lists.Citation;
import cn.gov.enforcement.portal.lists.ExemptionItem;
import cn.gov.enforcement.portal.lists.ListsCatalog;
import cn.gov.enforcement.portal.lists.RiskPoint;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem;
import cn.gov.enforcement.portal.regulation.VehicleKinds;
import cn.gov.enforcement.portal.selfcheck.SelfCheckAnswer.Status;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The guided self-check over the legal-risk list (自查自纠): the sectors a business can choose, the checklist of
 * their risk points in force, and the report of its answers. Public and stateless: nothing is stored, every input
 * is checked here.
 */
@Service
public class SelfCheckService {

    /** More sectors than the lists have are refused rather than read. */
    public static final int MAX_SECTORS = 60;
    /** The risk levels from the most to the least serious, as the list files write them. */
    static final List<String> LEVELS = List.of("高", "中", "低");
    /** No- or lighter-penalty items shown per finding. */
    static final int MAX_RELATED = 3;
    /** Character pairs that say nothing about which violation is meant. */
    private static final Set<String> GENERIC_PAIRS = Set.of("未按", "按规", "规定", "首次", "发现", "未经", "擅自", "行为",
            "机动", "动车");

    /**
     * Subjects that exclude each other: an item about goods vehicles (货运机动车超过核定载质量) is not about passenger
     * transport (公路客运车辆超员), though both cite the same penalty article and share 超过, 核定.
     */
    private static final List<List<String>> SUBJECTS = List.of(List.of("客运", "客车", "载客", "乘员"),
            List.of("货运", "货车", "载货", "货物"));

    private final ListsCatalog catalog;

    SelfCheckService(ListsCatalog catalog) {
        this.catalog = catalog;
    }

    /** One sector a business can choose, with the number of its risk points in force. */
    public record Sector(String name, int riskPoints) {}

    /** The sectors whose risk points come mostly from one agency, under that agency's name. */
    public record AgencySectors(String agencyId, String agencyName, List<Sector> sectors) {}

    /** The risk points of the chosen sectors, the most serious first. */
    public record Checklist(List<String> sectors, List<RiskPoint> points) {

        public Optional<RiskPoint> point(String id) {
            return points.stream().filter(p -> p.id().equals(id)).findFirst();
        }
    }

    /**
     * Answers read from an address, how many of its entries were left out (unreadable, or not in the checklist), and
     * the risk points whose answer was left out because their measures changed since it was given.
     */
    public record ReadAnswers(Map<String, SelfCheckAnswer> answers, int leftOut, List<RiskPoint> changed) {}

    /**
     * The answers of an address ({@link SelfCheckState}) that belong to the checklist; the others are left out and
     * counted, so an old link or a link for other sectors still opens. An answer about the measures ("all in place",
     * "some") given for another list of measures than the risk point has now is left out too, to be given again.
     * "Some" for a risk point with a single measure ({@link #offersPartly}) reads as "all in place" when that measure
     * is ticked ({@code <id>.P1}), and is left out and counted when none is ({@code <id>.P}).
     */
    public ReadAnswers readAnswers(Checklist checklist, String encoded) {
        SelfCheckState.Parsed parsed = SelfCheckState.parse(encoded);
        Map<String, SelfCheckAnswer> kept = new LinkedHashMap<>();
        int leftOut = parsed.unreadable();
        List<RiskPoint> changed = new ArrayList<>();
        for (Map.Entry<String, SelfCheckAnswer> e : parsed.answers().entrySet()) {
            Optional<RiskPoint> point = checklist.point(e.getKey());
            SelfCheckAnswer a = e.getValue();
            if (point.isEmpty()) {
                leftOut++;
            } else if (a.aboutMeasures() && a.measures() != null
                    && !a.measures().equals(SelfCheckAnswer.fingerprint(point.get().prevention()))) {
                changed.add(point.get());
            } else if (a.measuresDone().stream().anyMatch(i -> i >= point.get().prevention().size())) {
                // a measure the risk point does not have (an edited address): the page could not show it ticked,
                // and the report would refuse it, so the answer is left out and counted, to be given again
                leftOut++;
            } else if (a.status() == Status.PARTLY && !offersPartly(point.get())) {
                // "some in place" is not offered for a single measure (an address from before, or an edited one):
                // its one measure ticked is done, as the report reads it; none ticked says nothing and is left out
                if (a.measuresDone().isEmpty()) {
                    leftOut++;
                } else {
                    kept.put(e.getKey(), new SelfCheckAnswer(Status.DONE, Set.of(), a.measures()));
                }
            } else {
                kept.put(e.getKey(), e.getValue());
            }
        }
        return new ReadAnswers(kept, leftOut, changed);
    }

    /**
     * Whether "some measures are in place" is an answer for this risk point: only when it lists more than one
     * measure (with one, ticking it is "all", and ticking none is "not yet").
     */
    public static boolean offersPartly(RiskPoint point) {
        return point.prevention().size() > 1;
    }

    /** The answers the page offers for a risk point, in their order. */
    public static List<Status> answersFor(RiskPoint point) {
        return java.util.Arrays.stream(Status.values()).filter(s -> s != Status.PARTLY || offersPartly(point)).toList();
    }

    /** An agency a report names: whom to ask, and whether it publishes discretion benchmarks. */
    public record AgencyContact(String id, String name, Optional<String> supervisionPhone, boolean discretion) {}

    /**
     * A risk whose prevention measures are not (all) in place: what is still to do, what is in place, and the no-
     * or lighter-penalty items that may apply should it already have happened.
     */
    public record Finding(RiskPoint point, Status status, List<String> todo, List<String> inPlace,
            List<ExemptionItem> related) {}

    /** The report of one self-check. */
    public record Report(LocalDate date, List<String> sectors, List<Finding> findings, List<RiskPoint> done,
            List<RiskPoint> notApplicable, List<RiskPoint> unanswered, Map<String, AgencyContact> agencies,
            boolean sample) {

        /** The findings of one risk level (高, 中 or 低). */
        public long findingsAt(String level) {
            return findings.stream().filter(f -> f.point().level().equals(level)).count();
        }
    }

    /** Links to the text of cited articles for one page (see {@link ListsCatalog#citationLinks()}). */
    public java.util.function.Function<Citation, Optional<String>> citationLinks() {
        return catalog.citationLinks();
    }

    /** Every sector with risk points in force, grouped under the agency most of its points come from. */
    public List<AgencySectors> sectors() {
        Map<String, List<RiskPoint>> bySector = catalog.publicRiskPoints().stream()
                .filter(p -> p.sector() != null)
                .collect(Collectors.groupingBy(RiskPoint::sector, TreeMap::new, Collectors.toList()));
        Map<String, List<Sector>> byAgency = new TreeMap<>();
        bySector.forEach((sector, points) -> {
            String agency = points.stream().collect(Collectors.groupingBy(RiskPoint::agency, TreeMap::new,
                    Collectors.counting())).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            byAgency.computeIfAbsent(agency, a -> new ArrayList<>()).add(new Sector(sector, points.size()));
        });
        Collator chinese = Collator.getInstance(Locale.CHINA);
        List<AgencySectors> out = new ArrayList<>();
        byAgency.forEach((agency, sectors) -> {
            sectors.sort(Comparator.comparing(Sector::name, chinese));
            out.add(new AgencySectors(agency, catalog.agencyName(agency), List.copyOf(sectors)));
        });
        return out;
    }

    /**
     * The risk points in force of the chosen sectors, the most serious first, then by agency and as listed. A sector
     * may be named in Traditional characters as a zh-TW reader sees it; the checklist names it as written.
     *
     * @throws ValidationFailure (field {@code sectors}) when none, too many or an unknown sector is chosen
     */
    public Checklist checklist(Collection<String> sectors) {
        Set<String> given = new LinkedHashSet<>();
        if (sectors != null) {
            sectors.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).forEach(given::add);
        }
        if (given.isEmpty()) {
            throw ValidationFailure.of("sectors", "selfcheck.error.noSector");
        }
        if (given.size() > MAX_SECTORS) {
            throw ValidationFailure.of("sectors", "selfcheck.error.tooManySectors", MAX_SECTORS);
        }
        List<RiskPoint> all = catalog.publicRiskPoints();
        Set<String> known = all.stream().map(RiskPoint::sector).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Set<String> chosen = new LinkedHashSet<>();
        for (String s : given) {
            String sector = known.contains(s) ? s : inTraditional(known, s);
            if (sector == null) {
                throw ValidationFailure.of("sectors", "selfcheck.error.unknownSector", s.length() > 30 ? s.substring(0, 30) + "…" : s);
            }
            chosen.add(sector);
        }
        List<RiskPoint> points = all.stream().filter(p -> chosen.contains(p.sector()))
                .sorted(Comparator.comparingInt((RiskPoint p) -> levelRank(p.level())).thenComparing(RiskPoint::agency))
                .toList();
        Collator chinese = Collator.getInstance(Locale.CHINA);
        return new Checklist(chosen.stream().sorted(chinese).toList(), points);
    }

    /**
     * The sector of {@code known} that a zh-TW reader sees as {@code name} (the JSON API gives the sectors in the
     * reader's script, and they come back so); null when none.
     */
    private static String inTraditional(Set<String> known, String name) {
        return cn.gov.enforcement.portal.platform.ReaderScript.holdsChinese(name) ? known.stream()
                .filter(k -> name.equals(cn.gov.enforcement.portal.platform.ReaderScript.toTaiwan(k))).findFirst()
                .orElse(null) : null;
    }

    /**
     * The report of a business's answers for the checklist of the chosen sectors. An answer "partly" with every
     * measure ticked counts as "done".
     *
     * @throws ValidationFailure for the sectors as {@link #checklist}; {@code answers} when there is no answer or
     *     one for a risk point outside the checklist; the risk point's id when an answer "partly" ticks no measure
     *     or one the risk point does not have
     */
    public Report report(Collection<String> sectors, Map<String, SelfCheckAnswer> answers) {
        Checklist checklist = checklist(sectors);
        if (answers == null || answers.values().stream().noneMatch(a -> a != null && a.status() != null)) {
            throw ValidationFailure.of("answers", "selfcheck.error.noAnswer");
        }
        List<FieldProblem> problems = new ArrayList<>();
        boolean outside = false;
        for (Map.Entry<String, SelfCheckAnswer> e : answers.entrySet()) {
            Optional<RiskPoint> point = checklist.point(e.getKey());
            SelfCheckAnswer a = e.getValue();
            if (point.isEmpty()) {
                outside = true;
            } else if (a != null && a.status() == Status.PARTLY) {
                int measures = point.get().prevention().size();
                if (a.measuresDone().isEmpty()) {
                    problems.add(new FieldProblem(e.getKey(), "selfcheck.error.partlyNone"));
                } else if (a.measuresDone().stream().anyMatch(i -> i < 0 || i >= measures)) {
                    problems.add(new FieldProblem(e.getKey(), "selfcheck.error.measure"));
                }
            }
        }
        if (outside) {
            problems.add(0, new FieldProblem("answers", "selfcheck.error.notInChecklist"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailure(problems);
        }
        List<ExemptionItem> exemptions = catalog.publicExemptions();
        List<Finding> findings = new ArrayList<>();
        List<RiskPoint> done = new ArrayList<>();
        List<RiskPoint> notApplicable = new ArrayList<>();
        List<RiskPoint> unanswered = new ArrayList<>();
        for (RiskPoint p : checklist.points()) {
            SelfCheckAnswer a = answers.get(p.id());
            Status status = a == null ? null : a.status();
            if (status == Status.PARTLY && a.measuresDone().size() == p.prevention().size()) {
                status = Status.DONE;
            }
            if (status == null) {
                unanswered.add(p);
            } else if (status == Status.DONE) {
                done.add(p);
            } else if (status == Status.NOT_APPLICABLE) {
                notApplicable.add(p);
            } else {
                List<String> todo = new ArrayList<>();
                List<String> inPlace = new ArrayList<>();
                for (int i = 0; i < p.prevention().size(); i++) {
                    (status == Status.PARTLY && a.measuresDone().contains(i) ? inPlace : todo).add(p.prevention().get(i));
                }
                findings.add(new Finding(p, status, todo, inPlace, related(p, exemptions)));
            }
        }
        // not yet before partly within a level: the first lines of the report are what to do first
        findings.sort(Comparator.comparingInt((Finding f) -> levelRank(f.point().level()))
                .thenComparing(f -> f.status() == Status.PARTLY));
        Map<String, AgencyContact> agencies = new LinkedHashMap<>();
        Set<String> withDiscretion = new HashSet<>();
        catalog.discretion(null).forEach(b -> withDiscretion.add(b.agency()));
        findings.forEach(f -> agencies.computeIfAbsent(f.point().agency(), id -> new AgencyContact(id,
                catalog.agencyName(id), catalog.supervisionPhone(id), withDiscretion.contains(id))));
        boolean sample = checklist.points().stream().anyMatch(RiskPoint::sample);
        return new Report(catalog.today(), checklist.sectors(), List.copyOf(findings), List.copyOf(done),
                List.copyOf(notApplicable), List.copyOf(unanswered), agencies, sample);
    }

    /**
     * The no- or lighter-penalty items of the risk point's agency that may apply should the violation already have
     * happened: an item that cites one of the risk point's articles and whose violation shares at least two
     * meaningful character pairs with the risk point's title (or three with its title and description), the
     * closest first; never an item about another subject ({@link #SUBJECTS}: goods vehicles for a risk about passenger
     * transport; {@link VehicleKinds}: a non-motor vehicle for a risk about a motor vehicle). The reader checks the
     * item's conditions with its self-test.
     */
    static List<ExemptionItem> related(RiskPoint p, List<ExemptionItem> exemptions) {
        Set<String> articles = new HashSet<>();
        p.basisObligation().forEach(c -> articles.add(key(c)));
        p.basisPenalty().forEach(c -> articles.add(key(c)));
        Set<String> title = pairs(p.title());
        Set<String> titleAndRisk = pairs(p.title() + "|" + p.risk());
        record Scored(ExemptionItem item, int shared) {}
        List<Scored> scored = new ArrayList<>();
        for (ExemptionItem e : exemptions) {
            if (!e.agency().equals(p.agency())) {
                continue;
            }
            boolean sameArticle = e.basisViolation().stream().anyMatch(c -> articles.contains(key(c)))
                    || e.basisPenalty().stream().anyMatch(c -> articles.contains(key(c)));
            if (!sameArticle || otherSubject(p, e)) {
                continue;
            }
            Set<String> violation = pairs(e.violation());
            int byTitle = shared(title, violation);
            int byBoth = shared(titleAndRisk, violation);
            if (byTitle >= 2 || byBoth >= 3) {
                scored.add(new Scored(e, byTitle * 10 + byBoth));
            }
        }
        return scored.stream().sorted(Comparator.comparingInt(Scored::shared).reversed()).limit(MAX_RELATED)
                .map(Scored::item).toList();
    }

    /**
     * True when the item names one of {@link #SUBJECTS} and the risk point (its title, description and whom it
     * concerns) names only others, or when the item names one kind of vehicle and the risk point only the other
     * ({@link VehicleKinds}: an e-bike rider's item for a car driver's risk, and the reverse).
     */
    static boolean otherSubject(RiskPoint p, ExemptionItem e) {
        String riskText = p.title() + "|" + p.risk() + "|" + (p.appliesTo() == null ? "" : p.appliesTo());
        Set<Integer> item = subjects(e.violation());
        Set<Integer> risk = subjects(riskText);
        return (!item.isEmpty() && !risk.isEmpty() && java.util.Collections.disjoint(item, risk))
                || VehicleKinds.otherKindOnly(VehicleKinds.named(riskText), e.violation());
    }

    private static Set<Integer> subjects(String text) {
        Set<Integer> found = new HashSet<>();
        for (int i = 0; i < SUBJECTS.size(); i++) {
            if (SUBJECTS.get(i).stream().anyMatch(text::contains)) {
                found.add(i);
            }
        }
        return found;
    }

    private static String key(Citation c) {
        return c.law() + "\n" + c.article();
    }

    private static int shared(Set<String> a, Set<String> b) {
        return (int) a.stream().filter(b::contains).count();
    }

    /** The pairs of adjacent Chinese characters of a text, without the generic ones. */
    static Set<String> pairs(String text) {
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i + 1 < text.length(); i++) {
            char a = text.charAt(i);
            char b = text.charAt(i + 1);
            if (Character.UnicodeScript.of(a) == Character.UnicodeScript.HAN
                    && Character.UnicodeScript.of(b) == Character.UnicodeScript.HAN) {
                pairs.add(text.substring(i, i + 2));
            }
        }
        pairs.removeAll(GENERIC_PAIRS);
        return pairs;
    }

    static int levelRank(String level) {
        int rank = LEVELS.indexOf(level);
        return rank < 0 ? LEVELS.size() : rank;
    }
}
