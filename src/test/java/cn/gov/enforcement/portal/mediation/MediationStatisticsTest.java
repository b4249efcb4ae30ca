package cn.gov.enforcement.portal.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.gov.enforcement.portal.mediation.internal.MediationCase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediationStatisticsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant MONDAY = ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, SHANGHAI).toInstant();

    private static Instant days(int n) {
        return MONDAY.plusSeconds(86_400L * n);
    }

    private static MediationCase newCase() {
        return MediationCase.submit(new MediationCase.Applicant("PERSON", "张三", "RESIDENT_ID", "enc", "110***********002X",
                "13800138000", null, null, "某商店", null, "买到的电器三天就坏了，商家拒绝退货。", "退货退款", null, true),
                DisputeCategory.CONSUMER, "sample-market-regulation", "token-0123456789abcdef", "hash", "zh-CN", MONDAY);
    }

    @Test
    void rates_and_days_to_an_outcome_are_counted_from_the_recorded_steps() {
        MediationCase agreed = newCase();
        agreed.accept("o", null, days(1));
        agreed.inviteOtherParty("o", null, days(1));
        agreed.otherPartyAgreed("o", null, days(2));
        agreed.scheduleSession("o", days(3), "调解室", days(2));
        agreed.agreementReached("o", "退款", days(3));
        agreed.close("o", null, days(4));

        MediationCase failed = newCase();
        failed.accept("o", null, days(1));
        failed.inviteOtherParty("o", null, days(1));
        failed.otherPartyDeclined("o", "对方不同意", days(2));

        MediationCase refused = newCase();
        refused.notAccept("o", "已起诉", days(1));

        MediationCase waiting = newCase();

        MediationStatistics statistics = new MediationStatistics(null, MediationSettings.defaults(), null, Clock.systemUTC(), null);
        MediationStatistics.AgencyFigures f = statistics.figures("sample-market-regulation",
                List.of(agreed, failed, refused, waiting), WorkingDayCalendar.WEEKDAYS, days(30));

        assertThat(f.applications()).isEqualTo(4);
        assertThat(f.decided()).isEqualTo(3);
        assertThat(f.accepted()).isEqualTo(2);
        assertThat(f.acceptanceRate()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(f.concluded()).isEqualTo(2);
        assertThat(f.agreements()).isEqualTo(1);
        assertThat(f.agreementRate()).isCloseTo(0.5, within(1e-9));
        // only the agreement counts, reached 3 days after submission (closed a day later); declined and not accepted do not
        assertThat(f.averageDaysToOutcome()).isCloseTo(3.0, within(1e-6));
        assertThat(f.overdue()).as("the case still waiting for a decision after 30 days").isEqualTo(1);
    }

    @Test
    void the_average_days_to_an_outcome_run_from_submission_to_the_agreement_or_failure_and_leave_out_other_ends() {
        MediationCase failedUnclosed = newCase();
        failedUnclosed.accept("o", null, days(1));
        failedUnclosed.inviteOtherParty("o", null, days(1));
        failedUnclosed.otherPartyAgreed("o", null, days(2));
        failedUnclosed.fail("o", "对方不再参加", days(6));

        MediationCase agreedClosedLate = newCase();
        agreedClosedLate.accept("o", null, days(1));
        agreedClosedLate.inviteOtherParty("o", null, days(1));
        agreedClosedLate.otherPartyAgreed("o", null, days(2));
        agreedClosedLate.scheduleSession("o", days(3), "调解室", days(2));
        agreedClosedLate.agreementReached("o", "退款", days(4));
        agreedClosedLate.close("o", null, days(40));

        MediationCase withdrawn = newCase();
        withdrawn.withdraw("已和解", days(20));
        MediationCase notAccepted = newCase();
        notAccepted.notAccept("o", "已起诉", days(30));

        MediationStatistics statistics = new MediationStatistics(null, MediationSettings.defaults(), null, Clock.systemUTC(), null);
        MediationStatistics.AgencyFigures f = statistics.figures("sample-market-regulation",
                List.of(failedUnclosed, agreedClosedLate, withdrawn, notAccepted), WorkingDayCalendar.WEEKDAYS, days(50));
        // the failure after 6 days, not yet closed, and the agreement after 4 days, however late it was closed
        assertThat(f.averageDaysToOutcome()).isCloseTo(5.0, within(1e-6));
    }

    @Test
    void an_agency_without_cases_has_no_rates() {
        MediationStatistics statistics = new MediationStatistics(null, MediationSettings.defaults(), null, Clock.systemUTC(), null);
        MediationStatistics.AgencyFigures f = statistics.figures("sample-traffic-police", List.of(), WorkingDayCalendar.WEEKDAYS, MONDAY);
        assertThat(f.applications()).isZero();
        assertThat(f.acceptanceRate()).isNull();
        assertThat(f.agreementRate()).isNull();
        assertThat(f.averageDaysToOutcome()).isNull();
    }
}
