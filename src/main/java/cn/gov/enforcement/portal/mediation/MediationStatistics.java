package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.account.CurrentUser;
import cn.gov.enforcement.portal.mediation.internal.CaseTransition;
import cn.gov.enforcement.portal.mediation.internal.MediationCase;
import cn.gov.enforcement.portal.mediation.internal.MediationCaseRepository;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statistics per agency over a period of submission dates: applications, acceptance rate, agreement rate, average
 * days from submission to the outcome of mediation (agreement or failure) and the number of cases overdue now.
 * Officers see their own agency, administrators every agency.
 */
@Service
@RolesAllowed({"OFFICER", "ADMIN"})
public class MediationStatistics {

    /** The longest period one query may cover. */
    public static final int MAX_DAYS = 3660;

    private final MediationCaseRepository cases;
    private final MediationSettings settings;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final WorkingCalendar calendar;

    MediationStatistics(MediationCaseRepository cases, MediationSettings settings, CurrentUser currentUser, Clock clock,
            WorkingCalendar calendar) {
        this.calendar = calendar;
        this.cases = cases;
        this.settings = settings;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * The figures of one agency.
     *
     * @param applications cases submitted in the period
     * @param decided of these, decided on acceptance (accepted or not)
     * @param accepted of these, accepted
     * @param acceptanceRate accepted / decided, {@code null} when nothing was decided
     * @param concluded accepted cases with an outcome (agreement, failure, declined by the other party)
     * @param agreements of these, with an agreement
     * @param agreementRate agreements / concluded, {@code null} when nothing was concluded
     * @param averageDaysToOutcome mean calendar days from submission to the outcome (agreement reached or mediation
     *     failed) of the cases that reached one, {@code null} when none did; cases not accepted, declined by the other
     *     party or withdrawn have no outcome of mediation and do not count
     * @param overdue cases of the period that are overdue now
     */
    public record AgencyFigures(String agencyId, int applications, int decided, int accepted, Double acceptanceRate,
            int concluded, int agreements, Double agreementRate, Double averageDaysToOutcome, int overdue) {}

    /**
     * The figures of the period {@code from}..{@code to} (both inclusive, in the mediation time zone):
     * one row for the officer's agency, or one per agency for an administrator.
     *
     * @throws ValidationFailure when the period is missing, reversed or too long
     */
    @Transactional(readOnly = true)
    public List<AgencyFigures> figures(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw ValidationFailure.of("period", "mediation.error.period");
        }
        if (Duration.between(from.atStartOfDay(), to.atStartOfDay()).toDays() > MAX_DAYS) {
            throw ValidationFailure.of("period", "mediation.error.periodTooLong", MAX_DAYS);
        }
        Instant start = from.atStartOfDay(settings.zone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(settings.zone()).toInstant().minusNanos(1);
        // one row per case with what its history reached, aggregated by the database: no case is loaded as an entity
        // and no history is read case by case
        List<Object[]> rows;
        String own = null;
        if (currentUser.isAdmin()) {
            rows = cases.allFigureRows(start, end, CaseStatus.ACCEPTED, CaseStatus.NOT_ACCEPTED,
                    CaseStatus.AGREEMENT_REACHED, CaseStatus.FAILED, CaseStatus.OTHER_PARTY_DECLINED);
        } else {
            own = currentUser.agencyId().orElseThrow(() -> new CaseNotFoundException());
            rows = cases.figureRows(own, start, end, CaseStatus.ACCEPTED, CaseStatus.NOT_ACCEPTED,
                    CaseStatus.AGREEMENT_REACHED, CaseStatus.FAILED, CaseStatus.OTHER_PARTY_DECLINED);
        }
        Instant now = clock.instant();
        WorkingDayCalendar days = calendar.current();
        Map<String, Tally> byAgency = new TreeMap<>();
        if (own != null) {
            byAgency.put(own, new Tally());
        } else {
            for (String agency : settings.routing().values()) {
                byAgency.putIfAbsent(agency, new Tally());
            }
        }
        for (Object[] row : rows) {
            CaseStatus status = (CaseStatus) row[1];
            Instant submittedAt = (Instant) row[2];
            boolean overdue = MediationCase.currentDue(status, submittedAt, (Instant) row[3], (Boolean) row[4], settings,
                    days)
                    .map(LocalDate.ofInstant(now, settings.zone())::isAfter).orElse(false);
            byAgency.computeIfAbsent((String) row[0], a -> new Tally()).add(new CaseFacts(submittedAt,
                    positive(row[5]), positive(row[6]), positive(row[7]), positive(row[8]), positive(row[9]),
                    (Instant) row[10], overdue));
        }
        List<AgencyFigures> figures = new ArrayList<>();
        byAgency.forEach((agency, tally) -> figures.add(tally.figures(agency)));
        return figures;
    }

    private static boolean positive(Object count) {
        return count != null && ((Number) count).longValue() > 0;
    }

    /** What the figures need of one case: which statuses its history reached, its outcome time, overdue now. */
    private record CaseFacts(Instant submittedAt, boolean accepted, boolean notAccepted, boolean agreement,
            boolean failed, boolean declined, Instant outcomeAt, boolean overdue) {

        static CaseFacts of(MediationCase c, MediationSettings settings, WorkingDayCalendar days, Instant now) {
            return new CaseFacts(c.submittedAt(), reached(c, CaseStatus.ACCEPTED), reached(c, CaseStatus.NOT_ACCEPTED),
                    reached(c, CaseStatus.AGREEMENT_REACHED), reached(c, CaseStatus.FAILED),
                    reached(c, CaseStatus.OTHER_PARTY_DECLINED), c.outcomeAt().orElse(null), c.overdue(settings, days, now));
        }
    }

    /** The running counts of one agency. */
    private static final class Tally {
        private int applications;
        private int accepted;
        private int notAccepted;
        private int agreements;
        private int concluded;
        private double outcomeDays;
        private int withOutcome;
        private int overdue;

        void add(CaseFacts c) {
            applications++;
            if (c.accepted()) {
                accepted++;
                if (c.agreement()) {
                    agreements++;
                    concluded++;
                } else if (c.failed() || c.declined()) {
                    concluded++;
                }
            } else if (c.notAccepted()) {
                notAccepted++;
            }
            if (c.outcomeAt() != null) {
                withOutcome++;
                outcomeDays += Duration.between(c.submittedAt(), c.outcomeAt()).toMinutes() / 1440.0;
            }
            if (c.overdue()) {
                overdue++;
            }
        }

        AgencyFigures figures(String agency) {
            int decided = accepted + notAccepted;
            return new AgencyFigures(agency, applications, decided, accepted,
                    decided == 0 ? null : (double) accepted / decided, concluded, agreements,
                    concluded == 0 ? null : (double) agreements / concluded,
                    withOutcome == 0 ? null : outcomeDays / withOutcome, overdue);
        }
    }

    /** The figures of the given cases, as {@link #figures(LocalDate, LocalDate)} counts them from the database. */
    AgencyFigures figures(String agency, List<MediationCase> list, WorkingDayCalendar days, Instant now) {
        Tally tally = new Tally();
        list.forEach(c -> tally.add(CaseFacts.of(c, settings, days, now)));
        return tally.figures(agency);
    }

    private static boolean reached(MediationCase c, CaseStatus status) {
        return c.history().stream().map(CaseTransition::to).anyMatch(status::equals);
    }
}
