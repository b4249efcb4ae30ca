package cn.gov.enforcement.portal.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.mediation.internal.CaseTransition;
import cn.gov.enforcement.portal.mediation.internal.MediationCase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MediationWorkflowTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final MediationSettings SETTINGS = MediationSettings.defaults();
    /** Monday 2 March 2026, 10:00 in Shanghai. */
    private static final Instant MONDAY = ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, SHANGHAI).toInstant();

    private final Clock clock = Clock.fixed(MONDAY, SHANGHAI);

    private static MediationCase newCase(Instant at) {
        return MediationCase.submit(new MediationCase.Applicant("PERSON", "张三", "RESIDENT_ID", "enc", "110***********002X",
                "13800138000", "zhang@example.cn", null, "某商店", null, "买到的电器三天就坏了，商家拒绝退货。", "退货退款", null, true),
                DisputeCategory.CONSUMER, "sample-market-regulation", "token-0123456789abcdef", "hash", "zh-CN", at);
    }

    private static Instant days(Instant start, int days) {
        return start.plusSeconds(86_400L * days);
    }

    @Test
    void a_case_runs_from_submission_through_agreement_to_closing_and_records_every_step() {
        MediationCase c = newCase(clock.instant());
        c.accept("officer-market", null, days(MONDAY, 1));
        c.inviteOtherParty("officer-market", "电话邀请", days(MONDAY, 2));
        c.otherPartyAgreed("officer-market", null, days(MONDAY, 3));
        c.scheduleSession("officer-market", days(MONDAY, 7), "示例市市场监管局调解室", days(MONDAY, 3));
        c.agreementReached("officer-market", "商家退款 1200 元", days(MONDAY, 7));
        c.close("officer-market", null, days(MONDAY, 8));

        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.agreementTerms()).isEqualTo("商家退款 1200 元");
        assertThat(c.sessionPlace()).isEqualTo("示例市市场监管局调解室");
        assertThat(c.history()).extracting(CaseTransition::to).containsExactly(CaseStatus.SUBMITTED, CaseStatus.ACCEPTED,
                CaseStatus.OTHER_PARTY_INVITED, CaseStatus.OTHER_PARTY_AGREED, CaseStatus.SESSION_SCHEDULED,
                CaseStatus.AGREEMENT_REACHED, CaseStatus.CLOSED);
        CaseTransition invited = c.history().get(2);
        assertThat(invited.from()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(invited.actor()).isEqualTo("officer-market");
        assertThat(invited.occurredAt()).isEqualTo(days(MONDAY, 2));
        assertThat(invited.reason()).isEqualTo("电话邀请");
        assertThat(c.history().get(0).actor()).isEqualTo(MediationCase.APPLICANT);
    }

    @Test
    void illegal_transitions_are_rejected_and_change_nothing() {
        MediationCase c = newCase(MONDAY);
        assertThatThrownBy(() -> c.scheduleSession("officer", days(MONDAY, 3), "room", MONDAY))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> c.agreementReached("officer", "terms", MONDAY)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> c.close("officer", null, MONDAY)).isInstanceOf(IllegalTransitionException.class);
        assertThat(c.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(c.history()).hasSize(1);

        c.withdraw("已和解", days(MONDAY, 1));
        assertThatThrownBy(() -> c.accept("officer", null, days(MONDAY, 2))).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> c.withdraw(null, days(MONDAY, 2))).isInstanceOf(IllegalTransitionException.class);
        assertThat(c.status()).isEqualTo(CaseStatus.WITHDRAWN);
    }

    @Test
    void refusals_need_a_reason() {
        MediationCase c = newCase(MONDAY);
        assertThatThrownBy(() -> c.notAccept("officer", " ", MONDAY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(c.status()).isEqualTo(CaseStatus.SUBMITTED);
        c.notAccept("officer", "已进入诉讼程序", MONDAY);
        assertThat(c.status()).isEqualTo(CaseStatus.NOT_ACCEPTED);
        assertThat(c.status().isFinal()).isTrue();
    }

    @Test
    void declining_other_party_and_failed_mediation_end_the_case() {
        MediationCase declined = newCase(MONDAY);
        declined.accept("o", null, MONDAY);
        declined.inviteOtherParty("o", null, MONDAY);
        declined.otherPartyDeclined("o", "对方不同意调解", MONDAY);
        assertThat(declined.status().isFinal()).isTrue();
        assertThat(declined.status().isOpen()).isFalse();

        MediationCase failed = newCase(MONDAY);
        failed.accept("o", null, MONDAY);
        failed.inviteOtherParty("o", null, MONDAY);
        failed.otherPartyAgreed("o", null, MONDAY);
        failed.scheduleSession("o", days(MONDAY, 2), "https://meeting.example.cn/123", MONDAY);
        assertThatThrownBy(() -> failed.fail("o", null, MONDAY)).isInstanceOf(IllegalArgumentException.class);
        failed.fail("o", "双方分歧过大", days(MONDAY, 2));
        assertThatThrownBy(() -> failed.withdraw(null, days(MONDAY, 3))).isInstanceOf(IllegalTransitionException.class);
        failed.close("o", null, days(MONDAY, 3));
        assertThat(failed.status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void mediation_can_fail_with_a_reason_after_the_other_party_agreed_before_any_session() {
        assertThat(CaseStatus.OTHER_PARTY_AGREED.next()).containsExactlyInAnyOrder(CaseStatus.SESSION_SCHEDULED,
                CaseStatus.FAILED, CaseStatus.WITHDRAWN);
        MediationCase c = newCase(MONDAY);
        c.accept("o", null, MONDAY);
        c.inviteOtherParty("o", null, MONDAY);
        c.otherPartyAgreed("o", null, MONDAY);
        assertThatThrownBy(() -> c.agreementReached("o", "terms", MONDAY)).as("still no skipping the session")
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> c.fail("o", " ", MONDAY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(c.status()).isEqualTo(CaseStatus.OTHER_PARTY_AGREED);
        c.fail("o", "对方事后拒绝参加调解", days(MONDAY, 1));
        assertThat(c.status()).isEqualTo(CaseStatus.FAILED);
        assertThat(c.history().get(c.history().size() - 1).from()).isEqualTo(CaseStatus.OTHER_PARTY_AGREED);
        c.close("o", null, days(MONDAY, 2));
        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void a_scheduled_session_moves_to_a_new_time_and_place_with_a_history_entry_and_the_same_state() {
        MediationCase c = newCase(MONDAY);
        c.accept("o", null, MONDAY);
        c.inviteOtherParty("o", null, MONDAY);
        c.otherPartyAgreed("o", null, MONDAY);
        assertThatThrownBy(() -> c.rescheduleSession("o", days(MONDAY, 4), "room", MONDAY))
                .as("nothing to move before a session is scheduled").isInstanceOf(IllegalTransitionException.class);
        c.scheduleSession("o", days(MONDAY, 3), "调解室一", MONDAY);
        assertThatThrownBy(() -> c.rescheduleSession("o", null, "room", MONDAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.rescheduleSession("o", days(MONDAY, 4), " ", MONDAY)).isInstanceOf(IllegalArgumentException.class);
        int steps = c.history().size();
        c.rescheduleSession("o", days(MONDAY, 5), " 调解室二 ", days(MONDAY, 1));
        assertThat(c.status()).isEqualTo(CaseStatus.SESSION_SCHEDULED);
        assertThat(c.sessionAt()).isEqualTo(days(MONDAY, 5));
        assertThat(c.sessionPlace()).isEqualTo("调解室二");
        assertThat(c.history()).hasSize(steps + 1);
        CaseTransition moved = c.history().get(steps);
        assertThat(moved.kind()).isEqualTo(CaseTransition.RESCHEDULED);
        assertThat(moved.from()).isEqualTo(CaseStatus.SESSION_SCHEDULED);
        assertThat(moved.to()).isEqualTo(CaseStatus.SESSION_SCHEDULED);
        assertThat(moved.reason()).isEqualTo("调解室二");
        c.agreementReached("o", "商家退款", days(MONDAY, 5));
        assertThatThrownBy(() -> c.rescheduleSession("o", days(MONDAY, 6), "room", days(MONDAY, 5)))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void the_applicant_may_withdraw_from_every_open_state_and_from_no_other() {
        for (CaseStatus status : CaseStatus.values()) {
            assertThat(status.canMoveTo(CaseStatus.WITHDRAWN)).as(status.name()).isEqualTo(status.isOpen());
        }
        assertThat(EnumSet.allOf(CaseStatus.class).stream().filter(CaseStatus::isOpen))
                .containsExactlyInAnyOrder(CaseStatus.SUBMITTED, CaseStatus.ACCEPTED, CaseStatus.OTHER_PARTY_INVITED,
                        CaseStatus.OTHER_PARTY_AGREED, CaseStatus.SESSION_SCHEDULED);
    }

    @Test
    void a_session_needs_a_time_and_a_place_or_link() {
        MediationCase c = newCase(MONDAY);
        c.accept("o", null, MONDAY);
        c.inviteOtherParty("o", null, MONDAY);
        c.otherPartyAgreed("o", null, MONDAY);
        assertThatThrownBy(() -> c.scheduleSession("o", null, "room", MONDAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.scheduleSession("o", MONDAY, " ", MONDAY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(c.status()).isEqualTo(CaseStatus.OTHER_PARTY_AGREED);
    }

    @Test
    void working_days_skip_weekends() {
        LocalDate friday = LocalDate.of(2026, 3, 6);
        assertThat(WorkingDayCalendar.WEEKDAYS.plus(friday, 1)).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(WorkingDayCalendar.WEEKDAYS.plus(friday, 5)).isEqualTo(LocalDate.of(2026, 3, 13));
        LocalDate saturday = LocalDate.of(2026, 3, 7);
        assertThat(WorkingDayCalendar.WEEKDAYS.plus(saturday, 1)).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(WorkingDayCalendar.WEEKDAYS.plus(LocalDate.of(2026, 3, 2), 20)).isEqualTo(LocalDate.of(2026, 3, 30));
    }

    @Test
    void an_acceptance_decision_is_overdue_after_five_working_days() {
        MediationCase c = newCase(MONDAY);
        assertThat(c.acceptanceDue(SETTINGS, WorkingDayCalendar.WEEKDAYS)).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(c.overdue(SETTINGS, WorkingDayCalendar.WEEKDAYS, days(MONDAY, 7))).isFalse();
        assertThat(c.overdue(SETTINGS, WorkingDayCalendar.WEEKDAYS, days(MONDAY, 8))).isTrue();
        c.accept("o", null, days(MONDAY, 8));
        assertThat(c.overdue(SETTINGS, WorkingDayCalendar.WEEKDAYS, days(MONDAY, 8))).isFalse();
    }

    @Test
    void mediation_is_due_twenty_working_days_after_acceptance_and_can_be_extended_once_by_ten() {
        MediationCase c = newCase(MONDAY);
        assertThat(c.mediationDue(SETTINGS, WorkingDayCalendar.WEEKDAYS)).isEmpty();
        assertThatThrownBy(() -> c.extend("o", "需要现场勘查", MONDAY)).isInstanceOf(IllegalTransitionException.class);
        c.accept("o", null, MONDAY);
        assertThat(c.mediationDue(SETTINGS, WorkingDayCalendar.WEEKDAYS)).contains(LocalDate.of(2026, 3, 30));
        assertThat(c.overdue(SETTINGS, WorkingDayCalendar.WEEKDAYS, ZonedDateTime.of(2026, 3, 31, 9, 0, 0, 0, SHANGHAI).toInstant())).isTrue();

        c.extend("o", "需要现场勘查", days(MONDAY, 10));
        assertThat(c.mediationDue(SETTINGS, WorkingDayCalendar.WEEKDAYS)).contains(LocalDate.of(2026, 4, 13));
        assertThat(c.overdue(SETTINGS, WorkingDayCalendar.WEEKDAYS, ZonedDateTime.of(2026, 3, 31, 9, 0, 0, 0, SHANGHAI).toInstant())).isFalse();
        assertThat(c.history()).last().satisfies(t -> {
            assertThat(t.from()).isEqualTo(CaseStatus.ACCEPTED);
            assertThat(t.to()).isEqualTo(CaseStatus.ACCEPTED);
            assertThat(t.reason()).isEqualTo("需要现场勘查");
        });
        assertThatThrownBy(() -> c.extend("o", "again", days(MONDAY, 11))).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void deadlines_follow_the_settings() {
        MediationSettings tight = new MediationSettings(2, 3, 1, SHANGHAI, null, null);
        MediationCase c = newCase(MONDAY);
        assertThat(c.acceptanceDue(tight, WorkingDayCalendar.WEEKDAYS)).isEqualTo(LocalDate.of(2026, 3, 4));
        c.accept("o", null, MONDAY);
        assertThat(c.mediationDue(tight, WorkingDayCalendar.WEEKDAYS)).contains(LocalDate.of(2026, 3, 5));
    }

    @Test
    void finished_cases_are_never_overdue() {
        MediationCase c = newCase(MONDAY);
        c.withdraw(null, MONDAY);
        assertThat(c.overdue(SETTINGS, WorkingDayCalendar.WEEKDAYS, days(MONDAY, 100))).isFalse();
    }

    @Test
    void every_category_is_routed_to_an_agency_and_the_routing_can_be_overridden() {
        for (DisputeCategory category : DisputeCategory.values()) {
            assertThat(SETTINGS.agencyFor(category)).as(category.name()).startsWith("sample-");
        }
        assertThat(SETTINGS.agencyFor(DisputeCategory.CONSUMER)).isEqualTo("sample-market-regulation");
        assertThat(SETTINGS.agencyFor(DisputeCategory.LABOUR)).isEqualTo("sample-human-resources-social-security");
        assertThat(SETTINGS.agencyFor(DisputeCategory.TRAFFIC_ACCIDENT)).isEqualTo("sample-traffic-police");
        MediationSettings custom = new MediationSettings(null, null, null, null, null,
                Map.of(DisputeCategory.STUDENT_INJURY, "education-bureau"));
        assertThat(custom.agencyFor(DisputeCategory.STUDENT_INJURY)).isEqualTo("education-bureau");
        assertThat(custom.agencyFor(DisputeCategory.CONSUMER)).isEqualTo("sample-market-regulation");
    }

    @Test
    void a_final_state_records_when_the_case_finished_and_the_retention_period_runs_from_it() {
        MediationCase open = newCase(MONDAY);
        open.accept("o", null, days(MONDAY, 1));
        assertThat(open.finishedAt()).isNull();
        MediationCase declined = newCase(MONDAY);
        declined.notAccept("o", "不属于本机关职责", days(MONDAY, 2));
        assertThat(declined.finishedAt()).isEqualTo(days(MONDAY, 2));
        MediationCase closed = newCase(MONDAY);
        closed.accept("o", null, MONDAY);
        closed.inviteOtherParty("o", null, MONDAY);
        closed.otherPartyAgreed("o", null, MONDAY);
        closed.scheduleSession("o", days(MONDAY, 2), "调解室", MONDAY);
        closed.agreementReached("o", "退款 500 元", days(MONDAY, 2));
        assertThat(closed.finishedAt()).as("an agreement is not yet the end").isNull();
        closed.close("o", null, days(MONDAY, 3));
        assertThat(closed.finishedAt()).isEqualTo(days(MONDAY, 3));
    }

    @Test
    void a_case_left_at_its_outcome_is_due_for_closing_a_few_working_days_after_the_outcome_and_no_longer_once_closed() {
        MediationCase failed = newCase(MONDAY);
        failed.accept("o", null, MONDAY);
        failed.inviteOtherParty("o", null, MONDAY);
        failed.otherPartyAgreed("o", null, MONDAY);
        assertThat(failed.outcomeAt()).isEmpty();
        assertThat(failed.closingDue(SETTINGS, WorkingDayCalendar.WEEKDAYS)).isEmpty();
        failed.fail("o", "对方不再参加", days(MONDAY, 4)); // Friday 6 March
        failed.assignMediator("o", "mediator", days(MONDAY, 7));
        assertThat(failed.outcomeAt()).as("a later step that keeps the state does not move the outcome").contains(days(MONDAY, 4));
        assertThat(failed.closingDue(SETTINGS, WorkingDayCalendar.WEEKDAYS)).as("five working days after the Friday").contains(LocalDate.of(2026, 3, 13));
        assertThat(failed.finishedAt()).isNull();
        failed.close("o", null, days(MONDAY, 9));
        assertThat(failed.outcomeAt()).as("still known after closing").contains(days(MONDAY, 4));
        assertThat(failed.closingDue(SETTINGS, WorkingDayCalendar.WEEKDAYS)).isEmpty();
        MediationSettings quick = new MediationSettings(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, 2, null);
        MediationCase agreed = newCase(MONDAY);
        agreed.accept("o", null, MONDAY);
        agreed.inviteOtherParty("o", null, MONDAY);
        agreed.otherPartyAgreed("o", null, MONDAY);
        agreed.scheduleSession("o", days(MONDAY, 1), "调解室", MONDAY);
        agreed.agreementReached("o", "退款 500 元", days(MONDAY, 1));
        assertThat(agreed.closingDue(quick, WorkingDayCalendar.WEEKDAYS)).contains(LocalDate.of(2026, 3, 5));
        assertThat(SETTINGS.closeReminderDays()).isEqualTo(5);
    }

    @Test
    void assigning_a_mediator_is_recorded_without_changing_the_state_and_not_possible_on_a_finished_case() {
        MediationCase c = newCase(MONDAY);
        c.assignMediator("chief", "officer-li", days(MONDAY, 1));
        assertThat(c.mediator()).isEqualTo("officer-li");
        assertThat(c.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(c.history()).last().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(CaseTransition.MEDIATOR);
            assertThat(t.actor()).isEqualTo("chief");
            assertThat(t.reason()).isEqualTo("officer-li");
        });
        c.accept("o", null, days(MONDAY, 1));
        c.extend("o", "需要现场勘查", days(MONDAY, 2));
        assertThat(c.history()).last().extracting(CaseTransition::kind).isEqualTo(CaseTransition.EXTENDED);
        c.withdraw(null, days(MONDAY, 3));
        assertThatThrownBy(() -> c.assignMediator("chief", "officer-wang", days(MONDAY, 4)))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> newCase(MONDAY).assignMediator("chief", " ", MONDAY)).isInstanceOf(IllegalArgumentException.class);
    }
}
