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
import java.util.stream.Collectors;
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

    MediationStatistics(MediationCaseRepository cases, MediationSettings settings, CurrentUser currentUser, Clock clock) {
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
        Map<String, List<MediationCase>> byAgency;
        if (currentUser.isAdmin()) {
            byAgency = cases.findBySubmittedAtBetween(start, end).stream()
                    .collect(Collectors.groupingBy(MediationCase::agencyId, TreeMap::new, Collectors.toList()));
            for (String agency : settings.routing().values()) {
                byAgency.putIfAbsent(agency, List.of());
            }
        } else {
            String agency = currentUser.agencyId().orElseThrow(() -> new CaseNotFoundException());
            byAgency = new TreeMap<>(Map.of(agency, cases.findByAgencyIdAndSubmittedAtBetween(agency, start, end)));
        }
        Instant now = clock.instant();
        List<AgencyFigures> rows = new ArrayList<>();
        byAgency.forEach((agency, list) -> rows.add(figures(agency, list, now)));
        return rows;
    }

    AgencyFigures figures(String agency, List<MediationCase> list, Instant now) {
        int accepted = 0;
        int notAccepted = 0;
        int agreements = 0;
        int concluded = 0;
        double outcomeDays = 0;
        int withOutcome = 0;
        int overdue = 0;
        for (MediationCase c : list) {
            if (reached(c, CaseStatus.ACCEPTED)) {
                accepted++;
                if (reached(c, CaseStatus.AGREEMENT_REACHED)) {
                    agreements++;
                    concluded++;
                } else if (reached(c, CaseStatus.FAILED) || reached(c, CaseStatus.OTHER_PARTY_DECLINED)) {
                    concluded++;
                }
            } else if (reached(c, CaseStatus.NOT_ACCEPTED)) {
                notAccepted++;
            }
            var outcome = c.outcomeAt();
            if (outcome.isPresent()) {
                withOutcome++;
                outcomeDays += Duration.between(c.submittedAt(), outcome.get()).toMinutes() / 1440.0;
            }
            if (c.overdue(settings, now)) {
                overdue++;
            }
        }
        int decided = accepted + notAccepted;
        return new AgencyFigures(agency, list.size(), decided, accepted,
                decided == 0 ? null : (double) accepted / decided, concluded, agreements,
                concluded == 0 ? null : (double) agreements / concluded,
                withOutcome == 0 ? null : outcomeDays / withOutcome, overdue);
    }

    private static boolean reached(MediationCase c, CaseStatus status) {
        return c.history().stream().map(CaseTransition::to).anyMatch(status::equals);
    }
}
