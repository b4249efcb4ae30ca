package cn.gov.enforcement.portal.workbench;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.KaribuViewTest;
import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.account.Role;
import cn.gov.enforcement.portal.lists.ListEntryForms;
import cn.gov.enforcement.portal.lists.ListsBackOffice;
import cn.gov.enforcement.portal.mediation.CaseStatus;
import cn.gov.enforcement.portal.mediation.DisputeCategory;
import cn.gov.enforcement.portal.mediation.MediationApplication;
import cn.gov.enforcement.portal.mediation.MediationBackOffice;
import cn.gov.enforcement.portal.mediation.MediationQueueView;
import cn.gov.enforcement.portal.mediation.MediationService;
import cn.gov.enforcement.portal.mediation.SubmissionReceipt;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetails;
import cn.gov.enforcement.portal.account.PortalUserDetailsService;

/** The staff workbench: each role sees its own agency's work, an administrator every agency's, and the links work. */
class StaffHomeViewIT extends KaribuViewTest {

    private static final String MARKET = "sample-market-regulation";

    @Autowired AccountService accounts;
    @Autowired PortalUserDetailsService users;
    @Autowired MediationService mediation;
    @Autowired cn.gov.enforcement.portal.mediation.WorkingCalendar workingCalendar;
    @Autowired MediationBackOffice backOffice;
    @Autowired JdbcTemplate jdbc;
    @Autowired ListsBackOffice lists;
    @Autowired cn.gov.enforcement.portal.rating.RatingService ratings;
    @Autowired cn.gov.enforcement.portal.guidance.GuidanceService guidance;
    @Autowired java.time.Clock clock;
    @Autowired cn.gov.enforcement.portal.account.CurrentUser currentUser;
    @Autowired cn.gov.enforcement.portal.agency.AgencyDirectory agencies;
    @Autowired cn.gov.enforcement.portal.notification.OutboxAdministration outbox;
    @Autowired cn.gov.enforcement.portal.knowledge.ContentAdministration content;
    @Autowired cn.gov.enforcement.portal.backup.Backups backups;

    private UserDetails staff(String username, Role role, String agency) {
        SecurityContextHolder.setContext(new SecurityContextImpl(new UsernamePasswordAuthenticationToken("test-admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))));
        try {
            accounts.create(new AccountService.NewUser(username, "测试工作人员", role, agency));
        } catch (ValidationFailure alreadyThere) {
            // created by an earlier test of this run
        }
        UserDetails user = users.loadUserByUsername(username);
        signIn(user, role.name());
        return user;
    }

    private static MediationApplication application() {
        return new MediationApplication(DisputeCategory.CONSUMER, MediationApplication.ApplicantKind.PERSON, "李四",
                MediationApplication.IdType.RESIDENT_ID, "11010519491231002X", "13800138000", null, null, "示例商店", null,
                "在示例商店买的手机有质量问题，商家不给修。", "请求商家免费维修。", null, true, true, UUID.randomUUID().toString());
    }

    private static List<String> sections() {
        return _find(Section.class).stream().filter(s -> s.getClassNames().contains("staff-home-agency"))
                .map(s -> s.getElement().getAttribute("data-agency")).toList();
    }

    private static ListItem item(String agency, String key) {
        Section section = _find(Section.class).stream()
                .filter(s -> agency.equals(s.getElement().getAttribute("data-agency"))).findFirst().orElseThrow();
        return _get(section, ListItem.class, spec -> spec.withAttribute("data-item", key));
    }

    private static List<String> items(String agency) {
        Section section = _find(Section.class).stream()
                .filter(s -> agency.equals(s.getElement().getAttribute("data-agency"))).findFirst().orElseThrow();
        return _find(section, ListItem.class).stream().map(i -> i.getElement().getAttribute("data-item")).toList();
    }

    @Test
    void an_officer_sees_the_mediation_cases_and_ratings_of_their_own_agency_with_what_is_overdue() {
        staff("workbench-officer", Role.OFFICER, MARKET);
        MediationBackOffice.Workload before = backOffice.workload(MARKET);
        SubmissionReceipt late = mediation.submit(application(), Locale.SIMPLIFIED_CHINESE);
        LocalDate longAgo = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).minusDays(30);
        assertThat(jdbc.update("update mediation_case set submitted_at = ? where case_number = ?",
                longAgo.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime(), late.caseNumber())).isEqualTo(1);
        MediationBackOffice.Workload after = backOffice.workload(MARKET);
        assertThat(after.awaitingDecision()).isEqualTo(before.awaitingDecision() + 1);
        assertThat(after.decisionsOverdue()).isEqualTo(before.decisionsOverdue() + 1);

        UI.getCurrent().navigate("staff");
        assertThat(sections()).containsExactly(MARKET);
        assertThat(_get(_get(com.vaadin.flow.component.html.H2.class), com.vaadin.flow.component.html.Span.class,
                spec -> spec.withClasses("lists-sample-badge")).getText()).as("sample agencies are labelled").isEqualTo("示例");
        assertThat(items(MARKET)).contains("mediation-decisions", "mediation-running", "ratings")
                .doesNotContain("lists-review", "lists-drafts");
        ListItem decisions = item(MARKET, "mediation-decisions");
        assertThat(decisions.getElement().getTextRecursively())
                .contains("待作出受理决定的调解申请：" + after.awaitingDecision() + " 件")
                .contains("其中 " + after.decisionsOverdue() + " 件已超期");
        assertThat(_get(decisions, Anchor.class, spec -> spec.withoutClasses("overdue")).getHref())
                .isEqualTo("staff/mediation?status=SUBMITTED");
        assertThat(_get(decisions, Anchor.class, spec -> spec.withClasses("overdue")).getHref())
                .as("the overdue note opens the overdue ones").isEqualTo("staff/mediation?status=SUBMITTED&overdue=true");
        int waiting = backOffice.workload(MARKET).applicantsWaiting();
        SecurityContextHolder.clearContext();
        mediation.reply(late.caseNumber(), late.accessCode(), "请问什么时候能受理？", null);
        staff("workbench-officer", Role.OFFICER, MARKET);
        // the overdue decisions, where this case is near the top however many newer cases other tests submitted
        UI.getCurrent().navigate("staff/mediation", com.vaadin.flow.router.QueryParameters.simple(
                java.util.Map.of("status", "SUBMITTED", "overdue", "true")));
        com.vaadin.flow.component.html.Div row = _find(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withAttribute("data-case", late.caseNumber())).get(0);
        assertThat(_get(row, com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("mediation-applicant-waiting"))
                .getText()).isEqualTo("申请人留言待回复");
        UI.getCurrent().navigate("staff");
        assertThat(item(MARKET, "mediation-messages").getElement().getTextRecursively())
                .contains("申请人留言待回复的案件：" + (waiting + 1) + " 件");
        assertThat(_find(Section.class).stream().noneMatch(s -> s.getClassNames().contains("staff-home-system")))
                .as("mail and content problems are for administrators").isTrue();

        // a written guidance whose follow-up visit day has passed without a recorded visit
        var issued = guidance.issue(new cn.gov.enforcement.portal.guidance.GuidanceInput(
                cn.gov.enforcement.portal.guidance.GuidanceKind.REMINDER, "SJ-990100-2021-0003", "某某商店", null, "zh-CN",
                "明码标价", "部分商品的价签缺失或与售价不一致。", "请为所有商品标明价格，价签与实际售价一致。", null, null,
                guidance.today()));
        jdbc.update("update guidance_document set visit_due = ? where number = ?", guidance.today().minusDays(1),
                issued.guidance().number());
        cn.gov.enforcement.portal.guidance.GuidanceService.Workload visits = guidance.workload(MARKET);
        assertThat(visits.visitsOverdue()).isPositive();
        UI.getCurrent().navigate("staff");
        ListItem visitItem = item(MARKET, "guidance-visits");
        assertThat(visitItem.getElement().getTextRecursively())
                .contains("待回访的行政指导书：" + visits.visitsPending() + " 份")
                .contains("其中 " + visits.visitsOverdue() + " 份已过计划回访日期");
        assertThat(_get(visitItem, Anchor.class).getHref()).isEqualTo("staff/guidance?visits=true");
    }

    @Test
    void the_overdue_notes_open_the_queue_with_just_the_overdue_cases() {
        staff("workbench-officer", Role.OFFICER, MARKET);
        SubmissionReceipt lateDecision = mediation.submit(application(), Locale.SIMPLIFIED_CHINESE);
        SubmissionReceipt lateMediation = mediation.submit(application(), Locale.SIMPLIFIED_CHINESE);
        SubmissionReceipt inTime = mediation.submit(application(), Locale.SIMPLIFIED_CHINESE);
        backOffice.accept(lateMediation.caseNumber(), "材料齐全");
        java.time.OffsetDateTime longAgo = java.time.OffsetDateTime.ofInstant(
                clock.instant().minus(java.time.Duration.ofDays(60)), java.time.ZoneOffset.UTC);
        jdbc.update("update mediation_case set submitted_at = ? where case_number = ?", longAgo, lateDecision.caseNumber());
        jdbc.update("update mediation_case set submitted_at = ?, accepted_at = ? where case_number = ?", longAgo, longAgo,
                lateMediation.caseNumber());
        MediationBackOffice.Workload workload = backOffice.workload(MARKET);
        assertThat(workload.decisionsOverdue()).isPositive();
        assertThat(workload.mediationsOverdue()).isPositive();

        UI.getCurrent().navigate("staff");
        Anchor decisions = _get(item(MARKET, "mediation-decisions"), Anchor.class, spec -> spec.withClasses("overdue"));
        assertThat(decisions.getText()).isEqualTo("其中 " + workload.decisionsOverdue() + " 件已超期");
        follow(decisions.getHref());
        assertThat(queue()).as("as many as the note counts").hasSize(workload.decisionsOverdue())
                .contains(lateDecision.caseNumber()).doesNotContain(lateMediation.caseNumber(), inTime.caseNumber());

        UI.getCurrent().navigate("staff");
        Anchor running = _get(item(MARKET, "mediation-running"), Anchor.class, spec -> spec.withClasses("overdue"));
        assertThat(running.getText()).isEqualTo("其中 " + workload.mediationsOverdue() + " 件已超期");
        // the cases in mediation, whatever their status, and of those the overdue ones: as many as the note counts
        assertThat(running.getHref()).isEqualTo("staff/mediation?stage=mediation&overdue=true");
        follow(running.getHref());
        assertThat(queue()).hasSize(workload.mediationsOverdue())
                .contains(lateMediation.caseNumber()).doesNotContain(lateDecision.caseNumber(), inTime.caseNumber());
        assertThat(_get(com.vaadin.flow.component.checkbox.Checkbox.class,
                spec -> spec.withId("mediation-queue-in-mediation")).getValue()).as("the filter is shown set").isTrue();
        // the line itself opens every case in mediation
        UI.getCurrent().navigate("staff");
        Anchor line = _find(item(MARKET, "mediation-running"), Anchor.class).get(0);
        assertThat(line.getHref()).isEqualTo("staff/mediation?stage=mediation");
        follow(line.getHref());
        assertThat(queue()).hasSize(workload.inMediation()).contains(lateMediation.caseNumber())
                .doesNotContain(lateDecision.caseNumber());
    }

    /** Opens a link of the workbench as the browser would, its query included. */
    private static void follow(String href) {
        int query = href.indexOf('?');
        UI.getCurrent().navigate(href.substring(0, query), QueryParameters.fromString(href.substring(query + 1)));
    }

    /** The case numbers the mediation queue shows. */
    private static List<String> queue() {
        return _find(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("mediation-queue-row")).stream()
                .map(row -> row.getElement().getAttribute("data-case")).toList();
    }

    @Test
    void today_is_the_portals_today_from_the_clock_not_always_chinas() {
        staff("workbench-editor", Role.EDITOR, "sample-urban-management");
        // 02:00 in Beijing is still the day before in UTC: a portal set to UTC (portal.zone) is on that day
        ZoneId china = ZoneId.of("Asia/Shanghai");
        LocalDate chinaToday = LocalDate.ofInstant(clock.instant(), china);
        java.time.Clock utc = java.time.Clock.fixed(chinaToday.atTime(2, 0).atZone(china).toInstant(),
                java.time.ZoneOffset.UTC);
        StaffHomeView view = new StaffHomeView(currentUser, agencies, backOffice, ratings, guidance, lists, outbox, content,
                backups, utc, workingCalendar);
        assertThat(_find(view, com.vaadin.flow.component.html.Paragraph.class).get(0).getText())
                .isEqualTo("今天是 " + chinaToday.minusDays(1) + "。以下是需要处理的事项，点击进入办理页面；超期事项以红字标出。");
    }

    @Test
    void an_editor_sees_the_list_entries_of_their_agency_and_no_cases() {
        String um = "sample-urban-management";
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        staff("workbench-editor", Role.EDITOR, um);
        lists.saveRiskPoint(null, 0, null, new ListEntryForms.RiskPointInput("um-rp-wb-expiring", um, "户外广告与店招", "沿街商户",
                "后台样例：临时店招到期", "临时店招超过批准期限仍未拆除。", "中", "影响市容。", "城市市容和环境卫生管理条例 第十一条",
                "城市市容和环境卫生管理条例 第三十六条", "责令限期改正，可以罚款。", "到期前拆除", java.util.Set.of("提示"),
                today.minusDays(100), today.plusDays(10), true));
        var draft = lists.entry("um-rp-wb-expiring");
        lists.submit("um-rp-wb-expiring", draft.version(), draft.status());
        staff("workbench-admin", Role.ADMIN, null);
        var inReview = lists.entry("um-rp-wb-expiring");
        lists.publish("um-rp-wb-expiring", inReview.version(), inReview.status());

        staff("workbench-editor", Role.EDITOR, um);
        UI.getCurrent().navigate("staff");
        assertThat(item(um, "lists-expiring").getElement().getTextRecursively()).contains("30 天内到期失效的已发布清单条目：");
        assertThat(sections()).containsExactly("sample-urban-management");
        assertThat(items("sample-urban-management")).containsExactly("lists-review", "lists-drafts", "lists-expiring");
        assertThat(_get(item("sample-urban-management", "lists-review"), Anchor.class).getHref())
                .isEqualTo("staff/lists?agency=sample-urban-management");
    }

    @Test
    void an_administrator_sees_every_agency_and_the_system_and_the_links_open_the_filtered_queue() {
        staff("workbench-admin", Role.ADMIN, null);
        // an agency where nothing waits is named on the one idle line, not given a block of zeros
        String ecology = "sample-ecology-environment";
        jdbc.update("update mediation_case set status = 'CLOSED' where agency_id = ?", ecology);
        jdbc.update("update enforcement_rating set status = 'FOLLOWED_UP' where agency_id = ? and status = 'AWAITING_FOLLOW_UP'",
                ecology);
        jdbc.update("update guidance_document set visit_outcome = 'CORRECTED' where agency_id = ? and visit_due is not null"
                + " and visit_outcome is null", ecology);
        MediationBackOffice.Workload quiet = backOffice.workload(ecology);
        assertThat(quiet.awaitingDecision() + quiet.inMediation() + ratings.workload(ecology).awaitingFollowUp())
                .as("nothing waits at the ecology bureau now").isZero();
        assertThat(lists.entries(ecology)).as("its list entries are all published and not expiring")
                .allMatch(e -> e.status() == cn.gov.enforcement.portal.lists.EntryStatus.PUBLISHED
                        && (e.effectiveTo() == null || e.effectiveTo().isAfter(
                                LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).plusDays(StaffHomeView.EXPIRY_DAYS))));
        UI.getCurrent().navigate("staff");
        List<String> idle = _find(Anchor.class).stream().filter(a -> a.getElement().hasAttribute("data-agency"))
                .map(a -> a.getElement().getAttribute("data-agency")).toList();
        assertThat(idle).contains(ecology).doesNotContain(MARKET);
        assertThat(sections()).doesNotContain(ecology).doesNotContainAnyElementsOf(idle);
        assertThat(java.util.stream.Stream.concat(sections().stream(), idle.stream())).contains(MARKET,
                "sample-traffic-police", "sample-urban-management", ecology, "sample-human-resources-social-security");
        assertThat(_find(Anchor.class, spec -> spec.withAttribute("data-agency", ecology)).get(0).getHref())
                .isEqualTo("staff/agency/" + ecology);
        assertThat(items(MARKET)).contains("mediation-decisions", "ratings", "lists-review");
        assertThat(_find(ListItem.class, spec -> spec.withAttribute("data-item", "mail-pending"))).hasSize(1);
        assertThat(_find(ListItem.class, spec -> spec.withAttribute("data-item", "content-problems"))).hasSize(1);
        assertThat(_find(ListItem.class, spec -> spec.withAttribute("data-item", "backup"))).hasSize(1);
        // no test enters this year's working-day calendar: the administrator is reminded of it
        ListItem workingDays = _get(ListItem.class, spec -> spec.withAttribute("data-item", "working-days"));
        // (from December on next year's too: 调解工作日历：2026、2027年尚未录入)
        assertThat(workingDays.getElement().getTextRecursively()).contains("调解工作日历："
                + LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).getYear(), "年尚未录入", "请录入节假日和调休安排");
        assertThat(_get(workingDays, Anchor.class, spec -> spec.withoutClasses("overdue")).getHref())
                .isEqualTo("admin/working-days");
        String href = _get(item(MARKET, "mediation-decisions"), Anchor.class, spec -> spec.withoutClasses("overdue")).getHref();
        assertThat(href).isEqualTo("staff/mediation?agency=" + MARKET + "&status=SUBMITTED");
        assertThat(_get(item(MARKET, "ratings"), Anchor.class).getHref())
                .isEqualTo("staff/ratings?agency=" + MARKET + "&awaiting=true");

        UI.getCurrent().navigate("staff/mediation", QueryParameters.simple(Map.of("agency", MARKET, "status", "SUBMITTED",
                "overdue", "true")));
        assertThat(_get(MediationQueueView.class)).isNotNull();
        @SuppressWarnings("unchecked")
        Select<String> agency = _get(Select.class, spec -> spec.withId("mediation-queue-agency"));
        assertThat(agency.getValue()).isEqualTo(MARKET);
        @SuppressWarnings("unchecked")
        Select<CaseStatus> status = _get(Select.class, spec -> spec.withId("mediation-queue-status"));
        assertThat(status.getValue()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(_get(Checkbox.class, spec -> spec.withId("mediation-queue-overdue")).getValue()).isTrue();

        UI.getCurrent().navigate("staff/ratings", QueryParameters.simple(Map.of("agency", "sample-traffic-police",
                "awaiting", "true")));
        @SuppressWarnings("unchecked")
        Select<String> ratingAgency = _get(Select.class, spec -> spec.withId("rating-queue-agency"));
        assertThat(ratingAgency.getValue()).isEqualTo("sample-traffic-police");
        assertThat(_get(Checkbox.class, spec -> spec.withId("rating-queue-awaiting")).getValue()).isTrue();
    }

    @Test
    void an_officer_cannot_choose_another_agency_through_the_queue_links() {
        staff("workbench-officer-traffic", Role.OFFICER, "sample-traffic-police");
        UI.getCurrent().navigate("staff");
        assertThat(sections()).containsExactly("sample-traffic-police");
        UI.getCurrent().navigate("staff/ratings", QueryParameters.simple(Map.of("agency", MARKET)));
        assertThat(_find(Select.class, spec -> spec.withId("rating-queue-agency"))).as("no agency chooser for officers").isEmpty();
        UI.getCurrent().navigate("staff/mediation", QueryParameters.simple(Map.of("agency", MARKET)));
        assertThat(_find(Select.class, spec -> spec.withId("mediation-queue-agency"))).isEmpty();
    }
    @Test
    void an_administrator_sees_the_newest_backup_and_a_red_note_when_it_is_old() throws Exception {
        staff("workbench-admin", Role.ADMIN, null);
        // an archive newer by name than any real one, written three days before the portal's today
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(
                cn.gov.enforcement.portal.IntegrationTest.RUN_DATA_DIR.resolve("backups"));
        java.nio.file.Path old = dir.resolve("portal-backup-20991231-000000.zip");
        java.nio.file.Files.writeString(old, "old");
        try {
            java.nio.file.Files.setLastModifiedTime(old,
                    java.nio.file.attribute.FileTime.from(clock.instant().minus(java.time.Duration.ofDays(3))));
            UI.getCurrent().navigate("staff");
            ListItem backup = _get(ListItem.class, spec -> spec.withAttribute("data-item", "backup"));
            assertThat(_get(backup, Anchor.class).getHref()).isEqualTo("admin/backups");
            assertThat(backup.getElement().getTextRecursively()).startsWith("最近一次备份：")
                    .contains("已超过 2 天没有新的备份");

            java.nio.file.Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(clock.instant()));
            UI.getCurrent().navigate("staff/mediation");
            UI.getCurrent().navigate("staff");
            assertThat(_get(ListItem.class, spec -> spec.withAttribute("data-item", "backup")).getElement()
                    .getTextRecursively()).as("a fresh one is not flagged").doesNotContain("需要处理");
        } finally {
            java.nio.file.Files.delete(old);
        }
    }
}
