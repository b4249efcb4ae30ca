package cn.gov.enforcement.portal.selfcheck;

import cn.gov.enforcement.portal.account.CurrentUser;
import cn.gov.enforcement.portal.agency.AgencyDirectory;
import cn.gov.enforcement.portal.agency.AgencySummary;
import cn.gov.enforcement.portal.lists.ListsCatalog;
import cn.gov.enforcement.portal.lists.RiskPoint;
import cn.gov.enforcement.portal.platform.SlidingWindowLimiter;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.selfcheck.SelfCheckAnswer.Status;
import cn.gov.enforcement.portal.selfcheck.SelfCheckService.Report;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The self-check results businesses chose to send anonymously (匿名反馈), and what an agency reads from them: for each
 * of its risk points, how many businesses said its prevention measures are in place, partly, not yet, or do not
 * concern them. Nothing identifies a business: no name, no network address (the hourly limit per address is kept in
 * memory only), no time of day.
 */
@Service
public class SelfCheckFeedback {

    private static final Logger log = LoggerFactory.getLogger(SelfCheckFeedback.class);

    /** Submissions one network address may send per hour. */
    static final int PER_HOUR = 10;
    /** The agency's figures cover this many days up to today. */
    public static final int FIGURE_DAYS = 365;
    /** Submissions older than this are deleted every night. */
    static final int KEEP_DAYS = 2 * FIGURE_DAYS;

    private final SelfCheckService checks;
    private final ListsCatalog lists;
    private final AgencyDirectory agencies;
    private final CurrentUser currentUser;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SlidingWindowLimiter limiter;

    SelfCheckFeedback(SelfCheckService checks, ListsCatalog lists, AgencyDirectory agencies, CurrentUser currentUser,
            JdbcClient jdbc, Clock clock) {
        this.checks = checks;
        this.lists = lists;
        this.agencies = agencies;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.clock = clock;
        this.limiter = new SlidingWindowLimiter(PER_HOUR, Duration.ofHours(1), clock);
    }

    /**
     * Stores the answers of one self-check anonymously, checked as for its report (every answer to a risk point of
     * the chosen sectors). Unanswered risks are not sent.
     *
     * @return the number of risk points whose answer was stored
     * @throws ValidationFailure as {@link SelfCheckService#report}, or (field {@code feedback}) when the address has
     *     sent {@link #PER_HOUR} results in the last hour
     */
    @Transactional
    public int submit(Collection<String> sectors, Map<String, SelfCheckAnswer> answers, String client) {
        Report report = checks.report(sectors, answers);
        if (!limiter.tryAcquire(client == null ? "" : client)) {
            throw ValidationFailure.of("feedback", "selfcheck.feedback.error.tooMany");
        }
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into selfcheck_submission (id, submitted_on) values (?, ?)")
                .params(id, LocalDate.now(clock)).update();
        Map<RiskPoint, Status> stored = new LinkedHashMap<>();
        report.findings().forEach(f -> stored.put(f.point(), f.status()));
        report.done().forEach(p -> stored.put(p, Status.DONE));
        report.notApplicable().forEach(p -> stored.put(p, Status.NOT_APPLICABLE));
        stored.forEach((p, status) -> jdbc.sql(
                "insert into selfcheck_answer (submission_id, agency_id, risk_point_id, status) values (?, ?, ?, ?)")
                .params(id, p.agency(), p.id(), status.name()).update());
        return stored.size();
    }

    /** The answers to one risk point, by status, in the last {@link #FIGURE_DAYS} days. */
    public record RiskFigures(String riskPointId, Optional<RiskPoint> point, Map<Status, Integer> answers) {

        public int answers(Status status) {
            return answers.getOrDefault(status, 0);
        }

        /** Answers other than "does not concern us". */
        public int concerned() {
            return answers(Status.DONE) + answers(Status.PARTLY) + answers(Status.NOT_YET);
        }

        /** Of the businesses concerned, the share whose measures are not (all) in place; 0 when none is concerned. */
        public double notInPlace() {
            int concerned = concerned();
            return concerned == 0 ? 0 : (answers(Status.PARTLY) + answers(Status.NOT_YET)) / (double) concerned;
        }
    }

    /** An agency's figures: the submissions that answered one of its risks, and each risk's answers. */
    public record AgencyFigures(String agencyId, LocalDate from, LocalDate to, int submissions, List<RiskFigures> risks) {}

    /**
     * What businesses answered about the agency's risk points in the last {@link #FIGURE_DAYS} days, the risks least in
     * place first (a risk no business was concerned by last).
     *
     * @throws AccessDeniedException unless an administrator, or an officer or editor of that agency, asks
     */
    @RolesAllowed({"OFFICER", "EDITOR", "ADMIN"})
    @Transactional(readOnly = true)
    public AgencyFigures figures(String agencyId) {
        currentUser.requireAgency(agencyId);
        LocalDate to = LocalDate.now(clock);
        LocalDate from = to.minusDays(FIGURE_DAYS - 1L);
        int submissions = jdbc.sql("""
                select count(distinct a.submission_id) from selfcheck_answer a
                join selfcheck_submission s on s.id = a.submission_id
                where a.agency_id = ? and s.submitted_on >= ?""").params(agencyId, from).query(Integer.class).single();
        Map<String, Map<Status, Integer>> byRisk = new LinkedHashMap<>();
        jdbc.sql("""
                select a.risk_point_id, a.status, count(*) as answers from selfcheck_answer a
                join selfcheck_submission s on s.id = a.submission_id
                where a.agency_id = ? and s.submitted_on >= ?
                group by a.risk_point_id, a.status""").params(agencyId, from).query((rs, n) -> {
                    Status status = Status.valueOf(rs.getString("status"));
                    byRisk.computeIfAbsent(rs.getString("risk_point_id"), k -> new EnumMap<>(Status.class))
                            .put(status, rs.getInt("answers"));
                    return null;
                }).list();
        Map<String, RiskPoint> points = lists.publicRiskPoints().stream().filter(p -> p.agency().equals(agencyId))
                .collect(Collectors.toMap(RiskPoint::id, Function.identity()));
        List<RiskFigures> risks = new ArrayList<>();
        byRisk.forEach((id, answers) -> risks.add(new RiskFigures(id, Optional.ofNullable(points.get(id)), answers)));
        risks.sort(Comparator.comparing((RiskFigures r) -> r.concerned() == 0)
                .thenComparing(Comparator.comparingDouble(RiskFigures::notInPlace).reversed())
                .thenComparing(Comparator.comparingInt(RiskFigures::concerned).reversed())
                .thenComparing(RiskFigures::riskPointId));
        return new AgencyFigures(agencyId, from, to, submissions, List.copyOf(risks));
    }

    /**
     * The agency whose figures the signed-in staff member reads: an officer's or editor's own agency (whatever is
     * asked), or for an administrator the one asked for (empty when none is).
     *
     * @throws AccessDeniedException for anyone else
     */
    @RolesAllowed({"OFFICER", "EDITOR", "ADMIN"})
    public Optional<String> staffAgency(String requested) {
        Optional<String> shown = currentUser.shownAgency(requested);
        if (shown.isEmpty() && !currentUser.isAdmin()) {
            throw new AccessDeniedException("No agency");
        }
        return shown;
    }

    /** The agencies an administrator chooses from. */
    @RolesAllowed("ADMIN")
    public List<AgencySummary> agencies() {
        return agencies.all();
    }

    /** True when the signed-in user may write guidance from a risk point (an officer bound to an agency). */
    public boolean mayWriteGuidance() {
        return currentUser.hasRole("OFFICER") && currentUser.agencyId().isPresent();
    }

    /** Deletes the submissions older than {@link #KEEP_DAYS} days, every night. */
    @Scheduled(cron = "${portal.selfcheck.feedback-purge-cron:0 50 3 * * *}", zone = "Asia/Shanghai")
    @Transactional
    public int purge() {
        int deleted = jdbc.sql("delete from selfcheck_submission where submitted_on < ?")
                .params(LocalDate.now(clock).minusDays(KEEP_DAYS)).update();
        if (deleted > 0) {
            log.info("Deleted {} anonymous self-check submissions older than {} days", deleted, KEEP_DAYS);
        }
        return deleted;
    }

    /** Forgets the hourly counts (for tests). */
    void resetLimits() {
        limiter.clear();
    }
}
