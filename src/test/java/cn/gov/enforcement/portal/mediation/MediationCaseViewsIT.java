package cn.gov.enforcement.portal.mediation;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.KaribuViewTest;
import cn.gov.enforcement.portal.account.AccountService;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.TestingLifecycleHookKt;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kotlin.Unit;
import kotlin.jvm.functions.Function1;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import cn.gov.enforcement.portal.account.PortalUserDetailsService;

/** Browserless tests of the officer's case page, the applicant's messages and documents, and drafts in the wizard. */
class MediationCaseViewsIT extends KaribuViewTest {

    @Autowired
    MediationService service;

    @Autowired
    AccountService accounts;

    @Autowired
    PortalUserDetailsService users;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private void signInOfficer(String username, String agencyId) {
        MediationTestSupport.signInOfficer(accounts, users, username, agencyId);
        signIn(SecurityContextHolder.getContext().getAuthentication().getPrincipal(), "OFFICER");
    }

    private static void click(String id) {
        _click(_get(Button.class, spec -> spec.withId(id)));
    }

    private static TextArea area(String id) {
        return _get(TextArea.class, spec -> spec.withId(id));
    }

    private static String status() {
        return _get(MediationCaseView.class).getElement().getAttribute("data-status");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_case_page_labels_the_application_for_staff_and_names_the_mediator_as_people_know_them() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, "staff-labels@example.cn"),
                Locale.SIMPLIFIED_CHINESE);
        signInOfficer("med-view-labels", "sample-market-regulation");
        UI.getCurrent().navigate("staff/mediation/case/" + r.caseNumber());
        String details = _get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("mediation-case-details"))
                .getElement().getTextRecursively();
        assertThat(details).contains("申请人希望怎样解决：请求商家退货", "申请人电子邮箱：staff-labels@example.cn",
                "对方当事人联系方式：0990-1234567", "申请人联系电话：138****8000", "申请人陈述的事实：我在示例电器商店",
                        "张三（个人）")
                .doesNotContain("您希望", "（选填）", "张三 (个人)");

        _setValue(_get(Select.class, spec -> spec.withId("mediation-mediator-select")), "med-view-labels");
        click("mediation-mediator-assign");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("mediation-case-mediator-current"))
                .getText()).isEqualTo("调解员：测试调解员");
        // who did what: the timeline and the agency's messages name the officer too
        _setValue(_get(TextArea.class, spec -> spec.withId("mediation-message-body")), "请补充购物凭证。");
        click("mediation-message-send");
        click("mediation-accept");
        assertThat(_get(com.vaadin.flow.component.html.OrderedList.class, spec -> spec.withId("mediation-case-timeline"))
                .getElement().getTextRecursively()).contains("— 测试调解员", "（申请人）", "（办理机关）")
                .doesNotContain("— med-view-labels", "(申请人)", "(办理机关)");
        assertThat(_get(com.vaadin.flow.component.html.OrderedList.class, spec -> spec.withId("mediation-message-list"))
                .getElement().getTextRecursively()).contains("测试调解员：请补充购物凭证。").doesNotContain("med-view-labels");
        // the queue names the mediator as the case page does, not by the user name
        UI.getCurrent().navigate("staff/mediation");
        assertThat(queueRow(r.caseNumber()).getElement().getTextRecursively()).contains("调解员：测试调解员")
                .doesNotContain("med-view-labels");

        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("staff/mediation");
        UI.getCurrent().navigate("staff/mediation/case/" + r.caseNumber());
        assertThat(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("mediation-case-details"))
                .getElement().getTextRecursively()).contains("What the applicant asks for: ", "Applicant’s e-mail: staff-labels@example.cn")
                .doesNotContain("(optional)", "What you ask for");
        // the applicant's and the officer's own words are marked as Chinese on the English page, the labels are not
        var englishDetails = _get(com.vaadin.flow.component.html.UnorderedList.class,
                spec -> spec.withId("mediation-case-details"));
        assertThat(englishDetails.getElement().getAttribute("lang")).isNull();
        assertThat(_find(englishDetails, Span.class)).filteredOn(span -> span.getText().startsWith("我在示例电器商店"))
                .singleElement().satisfies(facts -> assertThat(facts.getElement().getAttribute("lang")).isEqualTo("zh-CN"));
        assertThat(_find(_get(com.vaadin.flow.component.html.OrderedList.class, spec -> spec.withId("mediation-message-list")),
                Span.class)).filteredOn(span -> span.getText().equals("请补充购物凭证。")).singleElement()
                .satisfies(body -> assertThat(body.getElement().getAttribute("lang")).isEqualTo("zh-CN"));
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("mediation-case-mediator-current"))
                .getText()).isEqualTo("Mediator: 测试调解员");
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_officer_takes_a_case_through_every_step_on_the_case_page() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, "page@example.cn"),
                Locale.SIMPLIFIED_CHINESE);
        signInOfficer("med-view-officer", "sample-market-regulation");
        UI.getCurrent().navigate("staff/mediation/case/" + r.caseNumber());
        assertThat(status()).isEqualTo("SUBMITTED");
        String details = _get(Div.class, spec -> spec.withId("mediation-case")).getElement().getOuterHTML();
        assertThat(details).contains("138****8000", "110***********002X").doesNotContain("13800138000");
        // the deadline is put into its label, not shown beside a placeholder
        assertThat(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("mediation-case-details"))
                .getElement().getTextRecursively()).contains("受理决定期限：20").doesNotContain("{0}");

        Select<String> mediator = _get(Select.class, spec -> spec.withId("mediation-mediator-select"));
        _setValue(mediator, "med-view-officer");
        click("mediation-mediator-assign");
        assertThat(_get(Div.class, spec -> spec.withId("mediation-case")).getElement().getOuterHTML())
                .as("the assigned mediator sees the numbers in full").contains("13800138000", MediationTestSupport.VALID_ID);

        click("mediation-not-accept");
        assertThat(area("mediation-step-reason").isInvalid()).as("not accepting needs a reason").isTrue();
        assertThat(status()).isEqualTo("SUBMITTED");
        _setValue(area("mediation-step-reason"), "材料齐全");
        click("mediation-accept");
        assertThat(status()).isEqualTo("ACCEPTED");
        _setValue(_get(TextField.class, spec -> spec.withId("mediation-other-party-email")), "shop@example.cn");
        click("mediation-invite");
        assertThat(status()).isEqualTo("OTHER_PARTY_INVITED");
        click("mediation-agreed");
        assertThat(status()).isEqualTo("OTHER_PARTY_AGREED");
        click("mediation-schedule");
        assertThat(_get(DateTimePicker.class, spec -> spec.withId("mediation-session-at")).isInvalid()).isTrue();
        // its calendar speaks the page's language
        assertThat(_get(DateTimePicker.class, spec -> spec.withId("mediation-session-at")).getDatePickerI18n()
                .getMonthNames()).startsWith("1月");
        _setValue(_get(DateTimePicker.class, spec -> spec.withId("mediation-session-at")), LocalDateTime.now().plusDays(5).withNano(0));
        _setValue(_get(TextField.class, spec -> spec.withId("mediation-session-place")), "三楼调解室");
        click("mediation-schedule");
        assertThat(status()).isEqualTo("SESSION_SCHEDULED");
        _setValue(area("mediation-extend-reason"), "需要补充鉴定");
        click("mediation-extend");
        assertThat(_find(Button.class, spec -> spec.withId("mediation-extend"))).as("only one extension").isEmpty();
        // the session lies ahead: no outcome is offered, the page says why
        assertThat(_find(Button.class, spec -> spec.withId("mediation-agreement"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("mediation-fail"))).isEmpty();
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("mediation-outcome-after-session"))
                .getText()).startsWith("调解会议定于" + LocalDateTime.now().plusDays(5)
                        .toLocalDate() + "举行：会议当天或之后才能记录调解结果");
        // held: the outcome is offered
        jdbc.update("update mediation_case set session_at = ? where case_number = ?",
                java.time.OffsetDateTime.now().minusHours(1), r.caseNumber());
        UI.getCurrent().navigate("staff/mediation");
        UI.getCurrent().navigate("staff/mediation/case/" + r.caseNumber());
        assertThat(_find(com.vaadin.flow.component.html.Paragraph.class,
                spec -> spec.withId("mediation-outcome-after-session"))).isEmpty();
        _setValue(area("mediation-terms"), "商家退款 2999 元");
        click("mediation-agreement");
        assertThat(status()).isEqualTo("AGREEMENT_REACHED");
        _setValue(area("mediation-message-body"), "协议已生效，请按时履行。");
        click("mediation-message-send");
        assertThat(_get(Div.class, spec -> spec.withId("mediation-case-messages")).getElement().getOuterHTML())
                .contains("协议已生效");
        click("mediation-close");
        assertThat(status()).isEqualTo("CLOSED");
        assertThat(_find(TextArea.class, spec -> spec.withId("mediation-message-body")))
                .as("the applicant cannot answer a closed case, so nobody writes to them").isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("mediation-message-send"))).isEmpty();
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("mediation-message-closed")).getText())
                .contains("已终结");
        assertThat(_find(Anchor.class, spec -> spec.withClasses("mediation-document-link"))).extracting(Anchor::getHref)
                .contains("staff/mediation/document/" + r.caseNumber() + "/AGREEMENT");

        UI.getCurrent().navigate("staff/mediation/document/" + r.caseNumber() + "/AGREEMENT");
        String document = _get(Div.class, spec -> spec.withId("mediation-document")).getElement().getOuterHTML();
        assertThat(document).contains("调解协议书", "示例市市场监督管理局", "商家退款 2999 元", r.caseNumber(), "样例数据", "@media print");
        // each party and the mediator sign on a line of their own (on one line the third ran onto a second on A4)
        assertThat(_find(com.vaadin.flow.component.html.Paragraph.class,
                spec -> spec.withClasses("document-signature-line"))).extracting(p -> p.getText())
                .containsExactly("申请人（签名）：", "对方当事人（签名）：", "调解员（签名）：");
    }

    @Test
    void the_case_page_lets_mediation_fail_before_a_session_and_moves_a_scheduled_session() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null),
                Locale.SIMPLIFIED_CHINESE);
        signInOfficer("med-view-moved", "sample-market-regulation");
        MediationBackOffice backOffice = context.getBean(MediationBackOffice.class);
        backOffice.accept(r.caseNumber(), null);
        backOffice.inviteOtherParty(r.caseNumber(), null);
        backOffice.otherPartyAgreed(r.caseNumber(), null);
        UI.getCurrent().navigate("staff/mediation/case/" + r.caseNumber());
        assertThat(_find(Button.class, spec -> spec.withId("mediation-fail"))).as("failing is offered before a session").hasSize(1);

        _setValue(_get(DateTimePicker.class, spec -> spec.withId("mediation-session-at")), LocalDateTime.now().plusDays(5).withNano(0));
        _setValue(_get(TextField.class, spec -> spec.withId("mediation-session-place")), "三楼调解室");
        click("mediation-schedule");
        assertThat(status()).isEqualTo("SESSION_SCHEDULED");
        assertThat(_get(TextField.class, spec -> spec.withId("mediation-reschedule-place")).getValue())
                .as("the form starts from the place set").isEqualTo("三楼调解室");
        click("mediation-reschedule");
        assertThat(_get(DateTimePicker.class, spec -> spec.withId("mediation-reschedule-at")).isInvalid())
                .as("the same time and place is refused").isTrue();
        LocalDateTime later = LocalDateTime.now().plusDays(7).withSecond(0).withNano(0);
        _setValue(_get(DateTimePicker.class, spec -> spec.withId("mediation-reschedule-at")), later);
        _setValue(_get(TextField.class, spec -> spec.withId("mediation-reschedule-place")), "四楼调解室");
        click("mediation-reschedule");
        assertThat(status()).isEqualTo("SESSION_SCHEDULED");
        assertThat(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("mediation-case-details"))
                .getElement().getTextRecursively()).contains("四楼调解室");
        assertThat(_get(com.vaadin.flow.component.html.OrderedList.class, spec -> spec.withId("mediation-case-timeline"))
                .getElement().getTextRecursively()).contains("调解时间已变更");
    }

    /** The back office as it answers when another officer changed the case between loading and writing it. */
    private MediationBackOffice racingBackOffice() {
        MediationBackOffice real = context.getBean(MediationBackOffice.class);
        MediationBackOffice racing = org.mockito.Mockito.mock(MediationBackOffice.class,
                org.mockito.AdditionalAnswers.delegatesTo(real));
        org.mockito.Mockito.doThrow(new org.springframework.orm.ObjectOptimisticLockingFailureException(
                        cn.gov.enforcement.portal.mediation.internal.MediationCase.class, 1L))
                .when(racing).accept(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.any());
        return racing;
    }

    @Test
    void a_case_changed_by_another_officer_meanwhile_is_said_so_on_the_case_page_and_what_was_typed_stays() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null),
                Locale.SIMPLIFIED_CHINESE);
        signInOfficer("med-view-race", "sample-market-regulation");
        MediationCaseView page = new MediationCaseView(racingBackOffice(), service);
        UI.getCurrent().add(page);
        page.setParameter(null, r.caseNumber());
        _setValue(area("mediation-step-reason"), "材料齐全，准予受理");
        click("mediation-accept");

        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("mediation-case-changed")).getText())
                .contains("刚刚被其他人修改过");
        TextArea reason = area("mediation-step-reason");
        assertThat(reason.getValue()).isEqualTo("材料齐全，准予受理");
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).contains("刚刚被其他人修改过");
        assertThat(status()).isEqualTo("SUBMITTED");
    }

    /** A case of the agency whose other party agreed, with a session scheduled three days ahead at 三楼调解室. */
    private String scheduledCase(String officer, java.time.Instant at) {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null),
                Locale.SIMPLIFIED_CHINESE);
        signInOfficer(officer, "sample-market-regulation");
        MediationBackOffice backOffice = context.getBean(MediationBackOffice.class);
        backOffice.accept(r.caseNumber(), null);
        backOffice.inviteOtherParty(r.caseNumber(), null);
        backOffice.otherPartyAgreed(r.caseNumber(), null);
        if (at != null) {
            backOffice.scheduleSession(r.caseNumber(), at, "三楼调解室");
        }
        return r.caseNumber();
    }

    private static String changedNotice() {
        return _get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("mediation-case-changed")).getText();
    }

    private int mails(String n) {
        return jdbc.queryForObject("select count(*) from notification_outbox where dedup_key like ?", Integer.class,
                "mediation-%:" + n + ":%");
    }

    @Test
    void a_page_built_before_another_officer_moved_the_session_does_not_move_it_back() {
        java.time.ZoneId zone = service.settings().zone();
        java.time.Instant first = context.getBean(java.time.Clock.class).instant().plus(java.time.Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        String n = scheduledCase("med-view-stale-move", first);
        UI.getCurrent().navigate("staff/mediation/case/" + n);
        // officer X moves the session while officer Y's page still shows the first time
        java.time.Instant moved = first.plus(java.time.Duration.ofDays(1));
        context.getBean(MediationBackOffice.class).rescheduleSession(n, moved, "三楼调解室");
        int mailed = mails(n);

        _setValue(_get(TextField.class, spec -> spec.withId("mediation-reschedule-place")), "五楼调解室");
        click("mediation-reschedule");

        assertThat(changedNotice()).contains("刚刚被其他人修改过");
        assertThat(_get(TextField.class, spec -> spec.withId("mediation-reschedule-place")).getValue())
                .as("the place typed stays").isEqualTo("五楼调解室");
        assertThat(_get(DateTimePicker.class, spec -> spec.withId("mediation-reschedule-at")).getValue())
                .as("the time shown is the other officer's").isEqualTo(LocalDateTime.ofInstant(moved, zone));
        CaseTracking stored = context.getBean(MediationBackOffice.class).caseFile(n).tracking();
        assertThat(stored.sessionAt()).isEqualTo(moved);
        assertThat(stored.sessionPlace()).isEqualTo("三楼调解室");
        assertThat(mails(n)).as("nobody is mailed again").isEqualTo(mailed);
        assertThat(_get(com.vaadin.flow.component.html.OrderedList.class, spec -> spec.withId("mediation-case-timeline"))
                .getElement().getTextRecursively()).as("the timeline names the time of every move")
                .contains("已安排调解（办理机关）：" + MediationService.DATE_TIME.format(first.atZone(zone)) + "，地点或链接：三楼调解室")
                .contains("调解时间已变更（办理机关）：" + MediationService.DATE_TIME.format(moved.atZone(zone)) + "，地点或链接：三楼调解室");
    }

    @Test
    void a_step_sent_from_a_page_built_before_another_officers_step_says_so_and_keeps_what_was_typed() {
        String n = scheduledCase("med-view-stale-step", null);
        UI.getCurrent().navigate("staff/mediation/case/" + n);
        context.getBean(MediationBackOffice.class).extend(n, "另一位执法人员延长了期限");
        _setValue(area("mediation-step-reason"), "双方分歧过大");
        click("mediation-fail");

        assertThat(changedNotice()).contains("刚刚被其他人修改过");
        assertThat(area("mediation-step-reason").getValue()).isEqualTo("双方分歧过大");
        assertThat(status()).isEqualTo("OTHER_PARTY_AGREED");

        // the other officer records the failure first: the page built before it does not record it again
        context.getBean(MediationBackOffice.class).fail(n, "当事人不再到场");
        _setValue(area("mediation-step-reason"), "双方分歧过大");
        click("mediation-fail");
        assertThat(changedNotice()).contains("刚刚被其他人修改过");
        assertThat(status()).isEqualTo("FAILED");
        assertThat(context.getBean(MediationBackOffice.class).caseFile(n).tracking().history())
                .filteredOn(s -> s.to() == CaseStatus.FAILED).as("recorded once, by the other officer").hasSize(1);
    }

    @Test
    void a_step_the_case_no_longer_allows_says_so_instead_of_redrawing_silently() {
        String n = scheduledCase("med-view-stale-transition", null);
        MediationBackOffice real = context.getBean(MediationBackOffice.class);
        MediationBackOffice stale = org.mockito.Mockito.mock(MediationBackOffice.class, org.mockito.AdditionalAnswers.delegatesTo(real));
        org.mockito.Mockito.doThrow(new IllegalTransitionException(CaseStatus.OTHER_PARTY_AGREED, CaseStatus.FAILED))
                .when(stale).fail(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.any());
        MediationCaseView page = new MediationCaseView(stale, service);
        UI.getCurrent().add(page);
        page.setParameter(null, n);
        _setValue(area("mediation-step-reason"), "双方分歧过大");
        click("mediation-fail");

        assertThat(changedNotice()).contains("刚刚被其他人修改过");
        assertThat(area("mediation-step-reason").getValue()).isEqualTo("双方分歧过大");
    }

    @Test
    void the_session_picker_ends_on_the_mediation_deadline() {
        String n = scheduledCase("med-view-picker-max", null);
        UI.getCurrent().navigate("staff/mediation/case/" + n);
        LocalDate due = context.getBean(MediationBackOffice.class).caseFile(n).tracking().mediationDue();
        assertThat(_get(DateTimePicker.class, spec -> spec.withId("mediation-session-at")).getMax()).isEqualTo(due.atTime(23, 59));

        _setValue(_get(DateTimePicker.class, spec -> spec.withId("mediation-session-at")), due.plusDays(1).atTime(10, 0));
        _setValue(_get(TextField.class, spec -> spec.withId("mediation-session-place")), "三楼调解室");
        click("mediation-schedule");
        DateTimePicker at = _get(DateTimePicker.class, spec -> spec.withId("mediation-session-at"));
        assertThat(at.isInvalid()).isTrue();
        assertThat(at.getErrorMessage()).contains(due.toString(), "请先延长调解期限");
        assertThat(status()).isEqualTo("OTHER_PARTY_AGREED");
    }

    @Test
    void opening_the_case_page_is_one_view_in_the_audit_log_however_often_it_is_redrawn_after_a_step() {
        String n = scheduledCase("med-view-audit-once", null);
        java.util.function.IntSupplier views = () -> jdbc.queryForObject(
                "select count(*) from mediation_audit where case_number = ? and action = 'VIEW'", Integer.class, n);
        UI.getCurrent().navigate("staff/mediation/case/" + n);
        assertThat(views.getAsInt()).isEqualTo(1);
        _setValue(area("mediation-extend-reason"), "当事人需要更多时间");
        click("mediation-extend");
        _setValue(area("mediation-message-body"), "请准备好相关材料");
        click("mediation-message-send");
        assertThat(views.getAsInt()).as("redrawn after the officer's own steps").isEqualTo(1);
        UI.getCurrent().navigate("staff/mediation");
        UI.getCurrent().navigate("staff/mediation/case/" + n);
        assertThat(views.getAsInt()).as("opened again").isEqualTo(2);
    }

    /** The queue's row of a case. */
    private static Div queueRow(String caseNumber) {
        return _get(Div.class, spec -> spec.withClasses("mediation-queue-row").withAttribute("data-case", caseNumber));
    }

    /** The reason field of a pending row of the queue. */
    private static TextField queueReason(Div row) {
        return LocatorJ._get(row, TextField.class, spec -> spec.withClasses("mediation-queue-reason"));
    }

    @Test
    void a_case_changed_by_another_officer_meanwhile_is_said_so_on_the_queue_and_the_reason_typed_stays() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null),
                Locale.SIMPLIFIED_CHINESE);
        signInOfficer("med-view-race-queue", "sample-market-regulation");
        MediationQueueView queue = new MediationQueueView(racingBackOffice(), service);
        UI.getCurrent().add(queue);
        Div row = queueRow(r.caseNumber());
        _setValue(queueReason(row), "材料齐全");
        _click(com.github.mvysny.kaributesting.v10.LocatorJ._get(row, Button.class, spec -> spec.withClasses("mediation-accept")));

        Div fresh = queueRow(r.caseNumber());
        TextField reason = queueReason(fresh);
        assertThat(reason.getValue()).isEqualTo("材料齐全");
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).contains("刚刚被其他人修改过");
    }

    @Test
    void a_decision_from_a_queue_shown_before_another_officer_decided_is_said_so_not_silently_dropped() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null),
                Locale.SIMPLIFIED_CHINESE);
        signInOfficer("med-view-stale-queue", "sample-market-regulation");
        UI.getCurrent().navigate("staff/mediation");
        Div row = queueRow(r.caseNumber());
        _setValue(queueReason(row), "不属于本机关职责");
        // another officer accepts the case while this queue is on the screen
        context.getBean(MediationBackOffice.class).accept(r.caseNumber(), null);
        _click(com.github.mvysny.kaributesting.v10.LocatorJ._get(row, Button.class,
                spec -> spec.withClasses("mediation-not-accept")));

        assertThat(jdbc.queryForObject("select status from mediation_case where case_number = ?", String.class,
                r.caseNumber())).as("the earlier acceptance stands").isEqualTo(CaseStatus.ACCEPTED.name());
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("mediation-queue-changed"))
                .getText())
                .contains("刚刚被其他人修改过");
    }

    @Test
    void after_a_step_the_case_page_moves_the_focus_to_its_heading_which_names_the_new_status() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null),
                Locale.SIMPLIFIED_CHINESE);
        signInOfficer("med-view-focus", "sample-market-regulation");
        UI.getCurrent().navigate("staff/mediation/case/" + r.caseNumber());
        MockVaadin.clientRoundtrip();
        List<String> focused = new ArrayList<>();
        var handlers = TestingLifecycleHookKt.getPendingJavascriptInvocationHandlers();
        List<Function1<PendingJavaScriptInvocation, Unit>> recording = new ArrayList<>(handlers);
        recording.add(invocation -> {
            if (invocation.getInvocation().getExpression().contains("focus()")) {
                focused.add(Element.get(invocation.getOwner()).getAttribute("id"));
            }
            return Unit.INSTANCE;
        });
        TestingLifecycleHookKt.setPendingJavascriptInvocationHandlers(recording);
        try {
            click("mediation-not-accept"); // without the reason it needs: refused, the focus stays on the field
            MockVaadin.clientRoundtrip();
            assertThat(area("mediation-step-reason").isInvalid()).isTrue();
            assertThat(focused).isEmpty();

            click("mediation-accept");
            MockVaadin.clientRoundtrip();
        } finally {
            TestingLifecycleHookKt.setPendingJavascriptInvocationHandlers(handlers);
        }
        H1 title = _get(H1.class, spec -> spec.withId("mediation-case-title"));
        assertThat(title.getText()).contains(r.caseNumber(), "已受理");
        assertThat(title.getElement().getAttribute("tabindex")).as("focusable by script, not a tab stop").isEqualTo("-1");
        assertThat(focused).containsExactly("mediation-case-title");
    }

    @Test
    void every_pending_row_of_the_queue_names_its_case_in_the_reason_field_and_the_decision_buttons() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null),
                Locale.SIMPLIFIED_CHINESE);
        signInOfficer("med-view-queue-names", "sample-market-regulation");
        UI.getCurrent().navigate("staff/mediation");
        Div row = queueRow(r.caseNumber());
        String n = r.caseNumber();
        assertThat(queueReason(row).getAriaLabel())
                .contains("案件 " + n + " 的理由或备注");
        assertThat(LocatorJ._get(row, Button.class, spec -> spec.withClasses("mediation-accept")).getAriaLabel())
                .contains("受理案件 " + n);
        assertThat(LocatorJ._get(row, Button.class, spec -> spec.withClasses("mediation-not-accept")).getAriaLabel())
                .contains("不予受理案件 " + n);
        // on a phone the field and both buttons do not fit one line: they wrap (the page scrolled sideways before)
        assertThat(LocatorJ._get(row, com.vaadin.flow.component.orderedlayout.HorizontalLayout.class,
                spec -> spec.withClasses("mediation-queue-actions")).isWrap()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_administrator_who_has_chosen_no_agency_is_asked_to_choose_one_not_told_there_are_no_cases() {
        service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null), Locale.SIMPLIFIED_CHINESE);
        signIn("admin", "ADMIN");
        UI.getCurrent().navigate("staff/mediation");
        Select<String> agency = _get(Select.class, spec -> spec.withId("mediation-queue-agency"));
        assertThat(agency.getValue()).isNull();
        assertThat(agency.getPlaceholder()).isEqualTo("请选择机关");
        assertThat(_get(Paragraph.class, spec -> spec.withId("mediation-queue-empty")).getText())
                .isEqualTo("请先选择机关，再查看它的调解案件。");
        assertThat(_find(Div.class, spec -> spec.withClasses("mediation-queue-row"))).isEmpty();

        // the agency chosen, its cases
        agency.setValue("sample-market-regulation");
        assertThat(_find(Div.class, spec -> spec.withClasses("mediation-queue-row"))).isNotEmpty();
        assertThat(_find(Paragraph.class, spec -> spec.withId("mediation-queue-empty"))).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_administrator_opens_the_queue_of_an_agency_no_category_is_routed_to_any_more_and_an_officer_does_not() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null),
                Locale.SIMPLIFIED_CHINESE);
        // handled by an office that the routing no longer names (nor the directory): its cases are still to be worked on
        String former = "sample-former-mediation-office";
        jdbc.update("update mediation_case set agency_id = ? where case_number = ?", former, r.caseNumber());
        try {
            signIn("admin", "ADMIN");
            UI.getCurrent().navigate("staff/mediation",
                    com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("agency", former)));
            Select<String> agency = _get(Select.class, spec -> spec.withId("mediation-queue-agency"));
            assertThat(agency.getValue()).isEqualTo(former);
            assertThat(agency.getListDataView().getItems()).as("every agency of the directory, and those with cases")
                    .contains(former, "sample-market-regulation", "sample-traffic-police", "sample-urban-management",
                            "sample-ecology-environment", "sample-human-resources-social-security");
            assertThat(_find(Div.class, spec -> spec.withClasses("mediation-queue-row")
                    .withAttribute("data-case", r.caseNumber()))).hasSize(1);

            signInOfficer("med-view-queue-former", "sample-market-regulation");
            UI.getCurrent().navigate("staff");
            UI.getCurrent().navigate("staff/mediation",
                    com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("agency", former)));
            _get(MediationQueueView.class);
            assertThat(_find(Select.class, spec -> spec.withId("mediation-queue-agency"))).as("no agency to choose").isEmpty();
            assertThat(_find(Div.class, spec -> spec.withClasses("mediation-queue-row")
                    .withAttribute("data-case", r.caseNumber()))).as("an officer sees their own agency only").isEmpty();
        } finally {
            jdbc.update("update mediation_case set agency_id = ? where case_number = ?", "sample-market-regulation",
                    r.caseNumber());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void on_a_narrow_window_the_audit_page_shows_each_opening_as_a_card() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null),
                Locale.SIMPLIFIED_CHINESE);
        signInOfficer("med-view-audited", "sample-market-regulation");
        UI.getCurrent().navigate("staff/mediation/case/" + r.caseNumber());
        signIn("admin", "ADMIN");
        UI.getCurrent().navigate("staff/mediation/audit");
        _setValue(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("mediation-audit-case")),
                r.caseNumber());
        click("mediation-audit-show");
        Grid<AuditRecord> grid = _get(Grid.class, spec -> spec.withId("mediation-audit-grid"));
        assertThat(grid.getColumns()).hasSize(5);
        MediationAuditView page = _get(MediationAuditView.class);
        cn.gov.enforcement.portal.platform.NarrowWindowEvents.tell(page, true);
        assertThat(cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(grid)).containsExactly("entry");
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid, 0, "entry").getElement()
                .getTextRecursively()).contains(r.caseNumber(), "工作人员：med-view-audited", "示例市市场监督管理局");
        cn.gov.enforcement.portal.platform.NarrowWindowEvents.tell(page, false);
        assertThat(cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(grid))
                .containsExactly("at", "user", "case", "agency", "action");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_refused_statistics_period_is_announced_and_marks_both_dates_invalid_until_it_is_corrected() {
        // a case of this year, so that the agency has a row of figures
        service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null), Locale.SIMPLIFIED_CHINESE);
        signInOfficer("med-view-stats", "sample-market-regulation");
        UI.getCurrent().navigate("staff/mediation/statistics");
        Span error = _get(Span.class, spec -> spec.withId("mediation-stats-error"));
        assertThat(error.getElement().getAttribute("role")).isEqualTo("alert");
        DatePicker from = _get(DatePicker.class, spec -> spec.withId("mediation-stats-from"));
        DatePicker to = _get(DatePicker.class, spec -> spec.withId("mediation-stats-to"));
        Grid<MediationStatistics.AgencyFigures> grid = _get(Grid.class, spec -> spec.withId("mediation-stats-grid"));
        assertThat(grid.getColumns()).extracting(Grid.Column::getHeaderText).contains("从申请到调解结果的平均天数");
        // on a narrow window each agency is a card of its figures
        MediationStatisticsView page = _get(MediationStatisticsView.class);
        assertThat(grid.getColumns()).hasSize(6);
        cn.gov.enforcement.portal.platform.NarrowWindowEvents.tell(page, true);
        assertThat(cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(grid)).containsExactly("figures");
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid, 0, "figures").getElement().getTextRecursively())
                .contains("示例市", "从申请到调解结果的平均天数：");
        cn.gov.enforcement.portal.platform.NarrowWindowEvents.tell(page, false);
        assertThat(grid.getColumns()).extracting(Grid.Column::getHeaderText).contains("从申请到调解结果的平均天数")
                .hasSize(6);

        LocalDate today = LocalDate.now(service.settings().zone());
        _setValue(from, today);
        _setValue(to, today.minusDays(1));
        click("mediation-stats-show");
        assertThat(error.getText()).contains("结束日期不能早于开始日期");
        assertThat(from.isInvalid()).isTrue();
        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).isEqualTo(error.getText());

        _setValue(to, today);
        click("mediation-stats-show");
        assertThat(error.getText()).isEmpty();
        assertThat(from.isInvalid()).isFalse();
        assertThat(to.isInvalid()).isFalse();
    }

    @Test
    void the_reason_field_says_that_the_parties_read_what_the_officer_writes() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null),
                Locale.SIMPLIFIED_CHINESE);
        signInOfficer("med-view-helper", "sample-market-regulation");
        UI.getCurrent().navigate("staff/mediation/case/" + r.caseNumber());
        assertThat(area("mediation-step-reason").getHelperText()).contains("申请人", "查询页面", "对方当事人");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_guidance_letter_is_created_and_mailed_once_however_often_the_button_is_clicked() {
        signInOfficer("med-view-letters", "sample-market-regulation");
        UI.getCurrent().navigate("staff/mediation/letters");
        Button send = _get(Button.class, spec -> spec.withId("mediation-letter-send"));
        assertThat(send.isDisableOnClick()).as("the browser disables the button at the first click").isTrue();

        _setValue(_get(Select.class, spec -> spec.withId("mediation-letter-situation")), LetterInput.Situation.COMPLAINT);
        _setValue(_get(Select.class, spec -> spec.withId("mediation-letter-category")), DisputeCategory.CONSUMER);
        _setValue(_get(TextField.class, spec -> spec.withId("mediation-letter-party")), "赵六");
        _setValue(_get(TextField.class, spec -> spec.withId("mediation-letter-email")), "zhaoliu-once@example.cn");
        _setValue(_get(TextField.class, spec -> spec.withId("mediation-letter-other")), "示例健身房");
        _setValue(area("mediation-letter-facts"), "赵六投诉示例健身房拒绝退还预付卡余额。");
        click("mediation-letter-send");
        assertThat(_find(Anchor.class, spec -> spec.withId("mediation-letter-print"))).hasSize(1);

        click("mediation-letter-send");
        assertThat(jdbc.queryForObject("select count(*) from mediation_letter where party_email = ?", Integer.class,
                "zhaoliu-once@example.cn")).as("one letter").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from notification_outbox where recipient = ?", Integer.class,
                "zhaoliu-once@example.cn")).as("one mail").isEqualTo(1);
        assertThat(_get(TextField.class, spec -> spec.withId("mediation-letter-party")).getValue())
                .as("the form is empty for the next party").isEmpty();
        assertThat(_get(TextField.class, spec -> spec.withId("mediation-letter-party")).isInvalid())
                .as("the second click only found an empty form").isTrue();
        assertThat(send.isEnabled()).as("enabled again for the next letter").isTrue();
    }

    @Test
    void the_case_page_names_an_organisations_other_document_as_a_registration_document() {
        MediationApplication p = MediationTestSupport.application(DisputeCategory.CONSUMER, null);
        MediationApplication organisation = new MediationApplication(p.category(),
                MediationApplication.ApplicantKind.ORGANISATION, "示例境外商会", MediationApplication.IdType.OTHER,
                "HK-REG-0012345", p.phone(), p.email(), p.address(), p.otherPartyName(), p.otherPartyContact(), p.facts(),
                p.request(), p.preferredTimes(), p.preferOnline(), p.consent(), java.util.UUID.randomUUID().toString());
        SubmissionReceipt r = service.submit(organisation, Locale.SIMPLIFIED_CHINESE);
        signInOfficer("med-view-org", "sample-market-regulation");
        UI.getCurrent().navigate("staff/mediation/case/" + r.caseNumber());
        assertThat(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("mediation-case-details"))
                .getElement().getTextRecursively()).contains("其他登记证件（境外组织等）").doesNotContain("护照");
    }

    @Test
    void another_agencys_officer_sees_not_found_for_the_case_page_and_its_documents() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.LABOUR, null), Locale.SIMPLIFIED_CHINESE);
        signInOfficer("med-view-market", "sample-market-regulation");
        UI.getCurrent().navigate("staff/mediation/case/" + r.caseNumber());
        MediationCaseView page = _get(MediationCaseView.class);
        assertThat(page.getElement().getAttribute("data-outcome")).isEqualTo("not-found");
        assertThat(page.getElement().getOuterHTML()).doesNotContain("张三", "劳动");
        UI.getCurrent().navigate("staff/mediation/case/TJ-2001-000001");
        assertThat(_get(MediationCaseView.class).getElement().getOuterHTML()).isEqualTo(
                page.getElement().getOuterHTML().replace(r.caseNumber(), "TJ-2001-000001"));
        UI.getCurrent().navigate("staff/mediation/document/" + r.caseNumber() + "/ACCEPTANCE_NOTICE");
        assertThat(_get(MediationDocumentView.class).getElement().getAttribute("data-outcome")).isEqualTo("not-found");
    }

    private static String heading(com.vaadin.flow.component.Component view) {
        return _get(view, H1.class, spec -> { }).getText();
    }

    @Test
    void a_printed_notice_closes_with_the_agency_and_under_it_the_date_written_as_a_document_writes_it() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null), Locale.SIMPLIFIED_CHINESE);
        signInOfficer("med-view-closing", "sample-market-regulation");
        CaseTracking accepted = context.getBean(MediationBackOffice.class).accept(r.caseNumber(), null);
        java.time.LocalDate today = java.time.LocalDate.now(context.getBean(java.time.Clock.class).withZone(service.settings().zone()));
        String day = today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日";
        java.time.LocalDate due = accepted.mediationDue();

        UI.getCurrent().navigate("staff/mediation/document/" + r.caseNumber() + "/ACCEPTANCE_NOTICE");
        Div document = _get(Div.class, spec -> spec.withId("mediation-document"));
        // 落款: the agency's name, then the date on a line of its own (they ran on one line, the date as 2026-12-07)
        Div closing = _get(document, Div.class, spec -> spec.withClasses("document-signature"));
        assertThat(_get(closing, Div.class, spec -> spec.withClasses("document-signature-agency")).getText())
                .isEqualTo("示例市市场监督管理局");
        assertThat(_get(closing, Div.class, spec -> spec.withClasses("document-signature-date")).getText()).isEqualTo(day);
        assertThat(document.getElement().getTextRecursively())
                .contains("本机关已于" + day + "决定受理。调解一般在" + due.getYear() + "年" + due.getMonthValue() + "月"
                        + due.getDayOfMonth() + "日前终结。")
                .doesNotContain(today.toString());
    }

    @Test
    void the_invitation_tells_the_other_party_how_to_reach_the_agency_it_asks_them_to_answer() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null), Locale.SIMPLIFIED_CHINESE);
        signInOfficer("med-view-invitation", "sample-market-regulation");
        MediationBackOffice backOffice = context.getBean(MediationBackOffice.class);
        backOffice.accept(r.caseNumber(), null);
        backOffice.inviteOtherParty(r.caseNumber(), null);

        // it said 请与本机关联系 and named no phone or address: the party had to look them up
        UI.getCurrent().navigate("staff/mediation/document/" + r.caseNumber() + "/INVITATION");
        Div document = _get(Div.class, spec -> spec.withId("mediation-document"));
        assertThat(document.getElement().getTextRecursively()).contains("请与本机关联系，告知是否同意。");
        assertThat(_get(document, Div.class, spec -> spec.withId("mediation-document-contact")).getElement().getTextRecursively())
                .isEqualTo("监督电话：0999-12315001（工作日 9:00-12:00，13:30-17:30）地址：示例市新城区和平路88号市场监管大楼");

        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("staff/mediation/document/" + r.caseNumber() + "/INVITATION");
        assertThat(_get(Div.class, spec -> spec.withId("mediation-document-contact")).getElement().getTextRecursively())
                .contains("Supervision phone: 0999-12315001 (Working days 9:00-12:00 and 13:30-17:30)",
                        "Market Regulation Building, No. 88 Heping Road");
        UI.getCurrent().setLocale(Locale.TRADITIONAL_CHINESE);
        UI.getCurrent().navigate("staff/mediation/document/" + r.caseNumber() + "/INVITATION");
        assertThat(_get(Div.class, spec -> spec.withId("mediation-document-contact")).getElement().getTextRecursively())
                .contains("監督電話：0999-12315001", "示例市新城區和平路88號");
    }

    @Test
    void a_document_that_does_not_apply_and_an_unknown_document_or_letter_say_so_in_their_heading() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null), Locale.SIMPLIFIED_CHINESE);
        signInOfficer("med-view-documents", "sample-market-regulation");
        context.getBean(MediationBackOffice.class).accept(r.caseNumber(), null);

        UI.getCurrent().navigate("staff/mediation/document/" + r.caseNumber() + "/NON_ACCEPTANCE_NOTICE");
        MediationDocumentView document = _get(MediationDocumentView.class);
        assertThat(document.getElement().getAttribute("data-outcome")).isEqualTo("not-applicable");
        assertThat(heading(document)).isEqualTo("这个案件没有这份文书");
        assertThat(document.getPageTitle()).isEqualTo("这个案件没有这份文书");
        assertThat(document.getElement().getTextRecursively()).contains("案件" + r.caseNumber() + "存在")
                .doesNotContain("没有找到这个案件");
        assertThat(_get(document, Anchor.class, spec -> { }).getHref()).isEqualTo("staff/mediation/case/" + r.caseNumber());

        UI.getCurrent().navigate("staff/mediation/document/" + r.caseNumber() + "/NO_SUCH_DOCUMENT");
        document = _get(MediationDocumentView.class);
        assertThat(document.getElement().getAttribute("data-outcome")).isEqualTo("not-found");
        assertThat(heading(document)).isEqualTo("没有找到这份文书");

        UI.getCurrent().navigate("staff/mediation/letter/XXXX");
        MediationLetterPrintView letter = _get(MediationLetterPrintView.class);
        assertThat(heading(letter)).isEqualTo("没有找到这份告知引导书");
        assertThat(letter.getElement().getTextRecursively()).contains("没有找到这份告知引导书，或者您无权查看。");

        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("staff/mediation/letter/YYYY");
        assertThat(heading(_get(MediationLetterPrintView.class))).isEqualTo("Letter not found");
        UI.getCurrent().navigate("staff/mediation/document/" + r.caseNumber() + "/NON_ACCEPTANCE_NOTICE");
        assertThat(heading(_get(MediationDocumentView.class))).isEqualTo("This case has no such document");
        UI.getCurrent().setLocale(Locale.TRADITIONAL_CHINESE);
        UI.getCurrent().navigate("staff/mediation/letter/ZZZZ");
        assertThat(heading(_get(MediationLetterPrintView.class))).isEqualTo("沒有找到這份告知引導書");
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void the_applicant_reads_and_answers_messages_and_opens_the_acceptance_notice_on_the_tracking_page() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null), Locale.SIMPLIFIED_CHINESE);
        signInOfficer("med-view-officer", "sample-market-regulation");
        MediationBackOffice backOffice = context.getBean(MediationBackOffice.class);
        backOffice.accept(r.caseNumber(), "请于下周一前提交购物凭证");
        backOffice.sendMessage(r.caseNumber(), "请提交购物凭证。");
        SecurityContextHolder.clearContext();

        UI.getCurrent().navigate("mediation/track");
        _setValue(_get(TextField.class, spec -> spec.withId("mediation-track-number")), r.caseNumber());
        _setValue(_get(PasswordField.class, spec -> spec.withId("mediation-track-code")), r.accessCode());
        click("mediation-track-submit");
        Div result = _get(Div.class, spec -> spec.withId("mediation-track-result"));
        assertThat(result.getElement().getOuterHTML()).contains("请提交购物凭证。");
        _setValue(area("mediation-reply-body"), "凭证已上传。");
        click("mediation-reply-send");
        assertThat(result.getElement().getOuterHTML()).contains("凭证已上传。");
        assertThat(_find(Anchor.class, spec -> spec.withClasses("mediation-document-link"))).extracting(Anchor::getHref)
                .containsExactly("mediation/track/document/ACCEPTANCE_NOTICE");

        UI.getCurrent().navigate("mediation/track/document/ACCEPTANCE_NOTICE");
        assertThat(_get(Div.class, spec -> spec.withId("mediation-document")).getElement().getOuterHTML())
                .contains("受理通知书", "张三", r.caseNumber(), "请于下周一前提交购物凭证");
        UI.getCurrent().navigate("mediation/track/document/INVITATION");
        assertThat(_get(MediationApplicantDocumentView.class).getElement().getAttribute("data-outcome")).isEqualTo("not-found");
    }

    @Test
    void a_message_beyond_the_cases_limit_is_refused_at_its_field_and_what_was_typed_stays() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null), Locale.SIMPLIFIED_CHINESE);
        int allowed = service.settings().messagesPerWindow();
        for (int i = 0; i < allowed; i++) {
            service.reply(r.caseNumber(), r.accessCode(), "补充说明第" + i + "条。", null);
        }
        UI.getCurrent().navigate("mediation/track");
        _setValue(_get(TextField.class, spec -> spec.withId("mediation-track-number")), r.caseNumber());
        _setValue(_get(PasswordField.class, spec -> spec.withId("mediation-track-code")), r.accessCode());
        click("mediation-track-submit");
        _setValue(area("mediation-reply-body"), "还有一张发票。");
        click("mediation-reply-send");
        TextArea reply = area("mediation-reply-body");
        assertThat(reply.isInvalid()).isTrue();
        assertThat(reply.getErrorMessage()).contains(allowed + "条留言", "已保留").doesNotContain("{");
        assertThat(reply.getValue()).isEqualTo("还有一张发票。");
        assertThat(_get(com.vaadin.flow.component.html.OrderedList.class, spec -> spec.withId("mediation-track-messages"))
                .getElement().getTextRecursively()).contains("补充说明第0条。").doesNotContain("还有一张发票。");
        assertThat(jdbc.queryForObject("select count(*) from mediation_message m join mediation_case c on c.id = m.case_id"
                + " where c.case_number = ? and m.from_applicant", Integer.class, r.caseNumber())).isEqualTo(allowed);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_saved_draft_is_resumed_with_its_code_and_every_field_is_back() {
        UI.getCurrent().navigate("mediation/apply");
        RadioButtonGroup<DisputeCategory> category = _get(RadioButtonGroup.class, spec -> spec.withId("mediation-category"));
        _setValue(category, DisputeCategory.LABOUR);
        click("mediation-next");
        _setValue(_get(TextField.class, spec -> spec.withId("mediation-applicant-name")), "赵六");
        _setValue(_get(TextField.class, spec -> spec.withId("mediation-id-number")), "123");
        _setValue(_get(TextField.class, spec -> spec.withId("mediation-phone")), "13700137000");
        click("mediation-next");
        assertThat(_get(TextField.class, spec -> spec.withId("mediation-id-number")).isInvalid()).isTrue();
        click("mediation-save-draft");
        String code = _get(Span.class, spec -> spec.withId("mediation-resume-code")).getText();
        assertThat(code).hasSize(12);

        UI.getCurrent().navigate("mediation");
        UI.getCurrent().navigate("mediation/apply");
        assertThat(_get(MediationApplyView.class).application().applicantName()).as("a fresh form").isEmpty();
        _setValue(_get(TextField.class, spec -> spec.withId("mediation-resume-input")), "WRONGCODE234");
        click("mediation-resume");
        assertThat(_get(TextField.class, spec -> spec.withId("mediation-resume-input")).isInvalid()).isTrue();
        _setValue(_get(TextField.class, spec -> spec.withId("mediation-resume-input")), code);
        click("mediation-resume");
        assertThat(_get(RadioButtonGroup.class, spec -> spec.withId("mediation-category")).getValue()).isEqualTo(DisputeCategory.LABOUR);
        MediationApplication restored = _get(MediationApplyView.class).application();
        assertThat(restored.applicantName()).isEqualTo("赵六");
        assertThat(restored.idNumber()).isEqualTo("123");
        assertThat(restored.phone()).isEqualTo("13700137000");
        assertThat(restored.category()).isEqualTo(DisputeCategory.LABOUR);
        assertThat(_get(MediationApplyView.class).getElement().getOuterHTML()).as("the privacy notice names the retention period")
                .contains("1095");
    }

    private static TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private static String step() {
        return _get(MediationApplyView.class).getElement().getAttribute("data-step");
    }

    /** Throws the Vaadin session away and opens a new one, as a session timeout or a new browser would. */
    private void newSession() {
        MockVaadin.tearDown();
        MockVaadin.setup(UI::new, new MockSpringServlet(new Routes().autoDiscoverViews("cn.gov.enforcement.portal"), context, UI::new));
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    @SuppressWarnings("unchecked")
    void switching_the_language_keeps_the_application_and_the_opened_case() {
        UI.getCurrent().navigate("mediation/apply");
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("mediation-category")), DisputeCategory.CONSUMER);
        click("mediation-next");
        assertThat(step()).isEqualTo("1");
        _setValue(field("mediation-applicant-name"), "孙八");
        _setValue(field("mediation-phone"), "13700137000");
        // the header's switch reloads the page (Karibu builds a new UI and view, as the browser would)
        MediationApplyView before = _get(MediationApplyView.class);
        cn.gov.enforcement.portal.ui.MainLayout.switchLanguage(UI.getCurrent(), Locale.TRADITIONAL_CHINESE);
        assertThat(_get(MediationApplyView.class)).isNotSameAs(before);
        // (the new UI's language comes from the cookie the browser sends back, which the mock does not)
        assertThat(step()).isEqualTo("1");
        assertThat(field("mediation-applicant-name").getValue()).isEqualTo("孙八");
        assertThat(field("mediation-phone").getValue()).isEqualTo("13700137000");
        assertThat(_get(Span.class, spec -> spec.withId("mediation-draft-info")).getText())
                .isEqualTo(UI.getCurrent().getTranslation("mediation.draft.keptAcrossLanguage"));
        // once only: opening the page again later starts afresh
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("mediation/apply");
        assertThat(step()).isEqualTo("0");

        // an opened case is opened again
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, "lang@example.cn"),
                Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("mediation/track");
        _setValue(field("mediation-track-number"), r.caseNumber());
        _setValue(_get(com.vaadin.flow.component.textfield.PasswordField.class,
                spec -> spec.withId("mediation-track-code")), r.accessCode());
        click("mediation-track-submit");
        assertThat(_get(Div.class, spec -> spec.withId("mediation-track-result")).getElement().getAttribute("data-outcome"))
                .isEqualTo("found");
        cn.gov.enforcement.portal.ui.MainLayout.switchLanguage(UI.getCurrent(), Locale.ENGLISH);
        assertThat(_get(Div.class, spec -> spec.withId("mediation-track-result")).getElement().getAttribute("data-outcome"))
                .isEqualTo("found");
        assertThat(field("mediation-track-number").getValue()).isEqualTo(r.caseNumber());
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_draft_starts_after_the_first_step_keeps_every_typed_value_and_survives_a_new_session() {
        UI.getCurrent().navigate("mediation/apply");
        assertThat(_find(Span.class, spec -> spec.withId("mediation-resume-code"))).as("no draft before step 1 is done").isEmpty();
        RadioButtonGroup<DisputeCategory> category = _get(RadioButtonGroup.class, spec -> spec.withId("mediation-category"));
        click("mediation-next");
        assertThat(_find(Span.class, spec -> spec.withId("mediation-resume-code"))).as("an incomplete first step starts nothing").isEmpty();
        _setValue(category, DisputeCategory.TRAFFIC_ACCIDENT);
        click("mediation-next");
        assertThat(step()).isEqualTo("1");
        String code = _get(Span.class, spec -> spec.withId("mediation-resume-code")).getText();
        assertThat(code).as("the code is shown without pressing save").hasSize(12);
        assertThat(_get(Div.class, spec -> spec.withId("mediation-draft-code")).getElement().getOuterHTML())
                .contains("请记下这个续填码", "保留" + service.settings().draftDays() + "天");

        // A validation error keeps every typed value on the screen and in the draft.
        RadioButtonGroup<MediationApplication.ApplicantKind> kind =
                _get(RadioButtonGroup.class, spec -> spec.withId("mediation-applicant-kind"));
        Select<MediationApplication.IdType> idType = _get(Select.class, spec -> spec.withId("mediation-id-type"));
        _setValue(kind, MediationApplication.ApplicantKind.PERSON);
        _setValue(idType, MediationApplication.IdType.RESIDENT_ID);
        _setValue(field("mediation-applicant-name"), "钱七");
        _setValue(field("mediation-id-number"), "110105194912310021");
        _setValue(field("mediation-phone"), "13900139000");
        _setValue(field("mediation-email"), "qian@");
        _setValue(field("mediation-address"), "示例市示例区示例路1号");
        click("mediation-next");
        assertThat(step()).isEqualTo("1");
        assertThat(field("mediation-id-number").isInvalid()).isTrue();
        assertThat(field("mediation-email").isInvalid()).isTrue();
        assertThat(kind.getValue()).isEqualTo(MediationApplication.ApplicantKind.PERSON);
        assertThat(idType.getValue()).isEqualTo(MediationApplication.IdType.RESIDENT_ID);
        assertThat(field("mediation-applicant-name").getValue()).isEqualTo("钱七");
        assertThat(field("mediation-id-number").getValue()).isEqualTo("110105194912310021");
        assertThat(field("mediation-phone").getValue()).isEqualTo("13900139000");
        assertThat(field("mediation-email").getValue()).isEqualTo("qian@");
        assertThat(field("mediation-address").getValue()).isEqualTo("示例市示例区示例路1号");
        assertThat(service.resumeDraft(code, null)).as("the draft holds what was typed, errors included")
                .hasValueSatisfying(d -> assertThat(d.email()).isEqualTo("qian@"));

        _setValue(field("mediation-id-number"), MediationTestSupport.VALID_ID);
        _setValue(field("mediation-email"), "qian@example.cn");
        click("mediation-next");
        assertThat(step()).isEqualTo("2");
        assertThat(_get(Span.class, spec -> spec.withId("mediation-resume-code")).getText()).as("one draft, one code").isEqualTo(code);
        // Typed on step 3 but "next" never pressed: the changed field alone updates the draft.
        _setValue(field("mediation-other-party-name"), "示例运输公司");
        String token = _get(MediationApplyView.class).application().submissionToken();

        newSession();
        UI.getCurrent().navigate("mediation/apply");
        assertThat(_get(MediationApplyView.class).application().applicantName()).as("a fresh form").isEmpty();
        assertThat(_find(Span.class, spec -> spec.withId("mediation-resume-code"))).isEmpty();
        _setValue(field("mediation-resume-input"), code.toLowerCase(Locale.ROOT));
        click("mediation-resume");
        MediationApplication restored = _get(MediationApplyView.class).application();
        assertThat(restored.category()).isEqualTo(DisputeCategory.TRAFFIC_ACCIDENT);
        assertThat(restored.applicantKind()).isEqualTo(MediationApplication.ApplicantKind.PERSON);
        assertThat(restored.applicantName()).isEqualTo("钱七");
        assertThat(restored.idType()).isEqualTo(MediationApplication.IdType.RESIDENT_ID);
        assertThat(restored.idNumber()).isEqualTo(MediationTestSupport.VALID_ID);
        assertThat(restored.phone()).isEqualTo("13900139000");
        assertThat(restored.email()).isEqualTo("qian@example.cn");
        assertThat(restored.address()).isEqualTo("示例市示例区示例路1号");
        assertThat(restored.otherPartyName()).isEqualTo("示例运输公司");
        assertThat(restored.submissionToken()).as("uploaded evidence stays linked").isEqualTo(token);
        assertThat(_get(Span.class, spec -> spec.withId("mediation-resume-code")).getText())
                .as("the resumed draft keeps its code on screen").isEqualTo(code);

        // The explicit button still saves, under the same code.
        assertThat(step()).as("a resumed draft opens at the first step").isEqualTo("0");
        click("mediation-next");
        click("mediation-next");
        assertThat(step()).isEqualTo("2");
        _setValue(field("mediation-other-party-contact"), "0000-1234567");
        click("mediation-save-draft");
        assertThat(_get(Span.class, spec -> spec.withId("mediation-draft-info")).getText())
                .contains("草稿已保存", String.valueOf(service.settings().draftDays()));
        assertThat(_get(Span.class, spec -> spec.withId("mediation-resume-code")).getText()).isEqualTo(code);
        assertThat(service.resumeDraft(code, null))
                .hasValueSatisfying(d -> assertThat(d.otherPartyContact()).isEqualTo("0000-1234567"));
    }
}
