package cn.gov.enforcement.portal.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.IntegrationTest;
import cn.gov.enforcement.portal.mediation.internal.MediationCase;
import cn.gov.enforcement.portal.mediation.internal.MediationCaseRepository;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statements the bulk readers of cases send do not grow with the number of cases: statistics, the daily reminder
 * and the retention purge read no history case by case (Hibernate's statistics count the statements). The cases of
 * these tests belong to an agency of their own and lie decades back, so the other tests' cases do not count.
 */
class MediationQueryCountIT extends IntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired MediationCaseRepository caseRepository;
    @Autowired MediationStatistics statistics;
    @Autowired MediationAgencyMail agencyMail;
    @Autowired MediationRetention retention;
    @Autowired MediationSettings settings;
    @Autowired EntityManagerFactory entityManagerFactory;
    @Autowired PlatformTransactionManager transactionManager;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void admin() {
        MediationTestSupport.signIn(new UsernamePasswordAuthenticationToken("test-admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    }

    /** The statements the action sends (Hibernate's statistics switched on just for it). */
    private long statements(Runnable action) {
        Statistics stats = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        boolean was = stats.isStatisticsEnabled();
        stats.setStatisticsEnabled(true);
        stats.clear();
        try {
            action.run();
            return stats.getPrepareStatementCount();
        } finally {
            stats.setStatisticsEnabled(was);
        }
    }

    /** Stores cases of the given agency submitted on the given day, each taken through the steps given. */
    private List<String> cases(String agency, int count, Instant submitted, Consumer<MediationCase> steps) {
        List<String> numbers = new ArrayList<>();
        new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
            for (int i = 0; i < count; i++) {
                numbers.add(MediationTestSupport.storeCase(caseRepository, agency, submitted, "QC-", steps));
            }
        });
        return numbers;
    }

    private static String agency() {
        return "query-count-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Instant day(int year) {
        return ZonedDateTime.of(year, 3, 2, 10, 0, 0, 0, SHANGHAI).toInstant();
    }

    private static void agreed(MediationCase c, Instant at) {
        c.accept("o", null, at);
        c.inviteOtherParty("o", null, at);
        c.otherPartyAgreed("o", null, at);
        c.scheduleSession("o", at, "调解室", at);
        c.agreementReached("o", "退款", at.plusSeconds(86_400));
    }

    @Test
    void statistics_read_the_history_of_every_case_of_the_period_in_a_fixed_number_of_statements() {
        String agency = agency();
        Instant submitted = day(1991);
        cases(agency, 40, submitted, c -> agreed(c, submitted));
        cases(agency, 20, submitted, c -> c.notAccept("o", "已起诉", submitted.plusSeconds(3600)));
        admin();
        LocalDate from = LocalDate.ofInstant(submitted, SHANGHAI).minusDays(1);
        List<MediationStatistics.AgencyFigures> figures = new ArrayList<>();
        long statements = statements(() -> figures.addAll(statistics.figures(from, from.plusDays(2))));

        assertThat(figures).filteredOn(f -> f.agencyId().equals(agency)).singleElement().satisfies(f -> {
            assertThat(f.applications()).isEqualTo(60);
            assertThat(f.decided()).isEqualTo(60);
            assertThat(f.accepted()).isEqualTo(40);
            assertThat(f.agreements()).isEqualTo(40);
            assertThat(f.concluded()).isEqualTo(40);
            assertThat(f.averageDaysToOutcome()).isEqualTo(1.0);
        });
        assertThat(statements).as("one query for the cases and their histories, not one per case").isLessThan(10);
    }

    @Test
    void the_daily_reminder_reads_the_histories_of_the_cases_awaiting_closing_with_the_cases() {
        agencyMail.remind();
        long before = statements(agencyMail::remind);
        // left at their outcome decades ago: due to be closed, for an agency without an address (no mail, a warning)
        String agency = agency();
        cases(agency, 60, day(1992), c -> agreed(c, day(1992)));
        long after = statements(agencyMail::remind);
        assertThat(after - before).as("60 more cases awaiting closing: no more statements").isLessThan(5);
    }

    @Test
    void the_retention_purge_deletes_expired_cases_in_chunks_not_one_by_one() {
        String agency = agency();
        Instant longAgo = day(1993);
        List<String> withdrawn = cases(agency, 230, longAgo, c -> c.withdraw("已和解", longAgo.plusSeconds(60)));
        List<String> awaitingClosing = cases(agency, 20, longAgo, c -> agreed(c, longAgo));
        List<String> open = cases(agency, 5, longAgo, c -> { });
        // the other tests' cases due for the purge go first, so that only these count
        retention.purge();
        List<String> again = new ArrayList<>(cases(agency, 230, longAgo, c -> c.withdraw("已和解", longAgo.plusSeconds(60))));
        again.addAll(cases(agency, 20, longAgo, c -> agreed(c, longAgo)));
        MediationRetention.Purged[] purged = new MediationRetention.Purged[1];
        long statements = statements(() -> purged[0] = retention.purge());

        assertThat(purged[0].cases()).isEqualTo(250);
        assertThat(statements).as("250 cases in two chunks").isLessThan(40);
        for (String n : withdrawn) {
            assertThat(caseRepository.findByCaseNumber(n)).isEmpty();
        }
        for (String n : awaitingClosing) {
            assertThat(caseRepository.findByCaseNumber(n)).isEmpty();
        }
        for (String n : again) {
            assertThat(caseRepository.findByCaseNumber(n)).isEmpty();
        }
        for (String n : open) {
            assertThat(caseRepository.findByCaseNumber(n)).as("open cases stay").isPresent();
        }
    }
}
