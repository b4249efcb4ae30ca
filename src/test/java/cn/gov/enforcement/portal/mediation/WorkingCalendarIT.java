package cn.gov.enforcement.portal.mediation;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.KaribuViewTest;
import cn.gov.enforcement.portal.account.AccountService;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import cn.gov.enforcement.portal.account.PortalUserDetailsService;

/**
 * The administrators' working-day calendar page (validation in Chinese and English, denied to officers) and a deadline
 * counted with the holidays entered. The dates entered here are invented, in years no other test counts in, and removed
 * again at the end of each test.
 */
class WorkingCalendarIT extends KaribuViewTest {

    @Autowired WorkingCalendar calendar;
    @Autowired MediationService service;
    @Autowired AccountService accounts;
    @Autowired PortalUserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    private static void click(String id) {
        _click(_get(Button.class, spec -> spec.withId(id)));
    }

    private static TextArea area(String id) {
        return _get(TextArea.class, spec -> spec.withId(id));
    }

    private static TextField source() {
        return _get(TextField.class, spec -> spec.withId("calendar-source"));
    }

    private static String text(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getText();
    }

    /** Saves the year over whatever is entered now (the version read just before). */
    private Optional<WorkingCalendar.Year> saveOver(int year, String holidays, String makeUp, String source) {
        return calendar.save(year, calendar.year(year).map(WorkingCalendar.Year::version).orElse(null), holidays,
                makeUp, source);
    }

    private static void actAsAdministrator() {
        SecurityContextHolder.setContext(new SecurityContextImpl(new UsernamePasswordAuthenticationToken("test-admin",
                null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_administrator_enters_a_years_holidays_and_make_up_days_checked_on_the_server() {
        int thisYear = LocalDate.now(clock.withZone(service.settings().zone())).getYear();
        int year = thisYear + 2;
        signIn(users.loadUserByUsername("admin"), "ADMIN");
        UI.getCurrent().navigate("admin/working-days");
        try {
            assertThat(text("calendar-status")).contains(String.valueOf(thisYear + 1) + "年的工作日历尚未录入");
            Select<Integer> years = _get(Select.class, spec -> spec.withId("calendar-year"));
            _setValue(years, year);
            assertThat(text("calendar-saved")).isEqualTo(year + "年的工作日历尚未录入，该年按星期一至星期五计算工作日。");

            // not a real date: refused, what was typed stays
            _setValue(area("calendar-holidays"), year + "-02-30");
            _setValue(source(), "测试用通知");
            click("calendar-save");
            assertThat(area("calendar-holidays").isInvalid()).isTrue();
            assertThat(area("calendar-holidays").getErrorMessage()).isEqualTo("“" + year + "-02-30”不是真实存在的日期，请检查月份和日期。");
            assertThat(area("calendar-holidays").getValue()).isEqualTo(year + "-02-30");
            assertThat(text("calendar-result")).isEqualTo("没有保存，请按提示修改后再保存。");

            // a make-up day on a weekday, a day both off and worked, a date of another year, no source
            LocalDate monday = LocalDate.of(year, 10, 1);
            while (monday.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
                monday = monday.plusDays(1);
            }
            LocalDate saturday = monday.plusDays(5);
            _setValue(area("calendar-holidays"), monday + " ~ " + monday.plusDays(4));
            _setValue(area("calendar-makeup"), monday.toString());
            click("calendar-save");
            assertThat(area("calendar-makeup").getErrorMessage())
                    .isEqualTo(monday + "不是星期六或星期日：调休上班日只能是周末，工作日本来就要上班。");
            assertThat(area("calendar-holidays").isInvalid()).isFalse();
            _setValue(area("calendar-holidays"), monday + " 至 " + saturday);
            _setValue(area("calendar-makeup"), saturday.toString());
            click("calendar-save");
            assertThat(area("calendar-makeup").getErrorMessage())
                    .isEqualTo(saturday + "同时填在放假日期和调休上班日期中，一天只能是其中一种。");
            _setValue(area("calendar-holidays"), (year + 1) + "-01-01");
            _setValue(area("calendar-makeup"), "");
            _setValue(source(), "");
            click("calendar-save");
            assertThat(area("calendar-holidays").getErrorMessage())
                    .isEqualTo("“" + (year + 1) + "-01-01”不在" + year + "年内：每年的日期请在该年份下录入。");
            _setValue(area("calendar-holidays"), monday + "~" + monday.plusDays(4) + "，" + year + "年1月1日");
            click("calendar-save");
            assertThat(source().isInvalid()).isTrue();
            assertThat(source().getErrorMessage()).isEqualTo("请填写这些日期的来源，例如通知的标题。");
            _setValue(source(), "测试用通知\u0007（虚构日期）");
            click("calendar-save");
            assertThat(source().getErrorMessage()).isEqualTo("请写在一行内，不要包含换行符或其他控制字符。");
            assertThat(source().getValue()).isEqualTo("测试用通知\u0007（虚构日期）");
            assertThat(calendar.year(year)).as("nothing saved so far").isEmpty();

            // the same in English
            UI.getCurrent().setLocale(Locale.ENGLISH);
            UI.getCurrent().navigate("staff");
            UI.getCurrent().navigate("admin/working-days");
            _setValue(_get(Select.class, spec -> spec.withId("calendar-year")), year);
            _setValue(area("calendar-holidays"), year + "-13-01");
            _setValue(area("calendar-makeup"), "next monday");
            _setValue(source(), "Test notice");
            click("calendar-save");
            assertThat(area("calendar-holidays").getErrorMessage())
                    .isEqualTo("\"" + year + "-13-01\" is not a real date; please check the month and the day.");
            assertThat(area("calendar-makeup").getErrorMessage())
                    .isEqualTo("\"next\" is not a date or a range of dates; write 2027-10-01 or 2027-10-01 ~ 2027-10-07.");
            _setValue(area("calendar-holidays"), monday.toString());
            _setValue(area("calendar-makeup"), monday.plusDays(2).toString());
            click("calendar-save");
            assertThat(area("calendar-makeup").getErrorMessage()).isEqualTo(monday.plusDays(2)
                    + " is not a Saturday or Sunday: a make-up working day is a weekend day, weekdays are worked anyway.");
            _setValue(area("calendar-makeup"), "");
            _setValue(source(), "");
            click("calendar-save");
            assertThat(source().getErrorMessage()).isEqualTo("Please name the source of these dates, e.g. the notice’s title.");
            UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
            UI.getCurrent().navigate("staff");
            UI.getCurrent().navigate("admin/working-days");
            _setValue(_get(Select.class, spec -> spec.withId("calendar-year")), year);

            // saved: ranges kept as ranges, the change logged with the administrator's name
            _setValue(area("calendar-holidays"), monday + " 至 " + monday.plusDays(4) + "\n" + year + "-01-01");
            _setValue(area("calendar-makeup"), saturday.toString());
            _setValue(source(), "测试用通知（虚构日期）");
            click("calendar-save");
            assertThat(text("calendar-result")).isEqualTo("已保存" + year + "年的工作日历：放假6天，调休上班1天。");
            assertThat(area("calendar-holidays").getValue()).isEqualTo(year + "-01-01\n" + monday + " ~ " + monday.plusDays(4));
            assertThat(area("calendar-makeup").getValue()).isEqualTo(saturday.toString());
            assertThat(text("calendar-saved")).startsWith("最后由 admin 于 ");
            Grid<WorkingCalendar.Change> log = _get(Grid.class, spec -> spec.withId("calendar-log"));
            assertThat(GridKt._getFormattedRow(log, 0)).contains("admin", String.valueOf(year), "6", "1", "测试用通知（虚构日期）");
            // on a narrow window each change is a card of its facts
            WorkingCalendarView page = _get(WorkingCalendarView.class);
            List<String> wide = cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(log);
            assertThat(wide).hasSize(6);
            cn.gov.enforcement.portal.platform.NarrowWindowEvents.tell(page, true);
            assertThat(cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(log)).containsExactly("change");
            assertThat(GridKt._getCellComponent(log, 0, "change").getElement().getTextRecursively())
                    .contains("年份：" + year, "管理员：admin", "测试用通知（虚构日期）");
            cn.gov.enforcement.portal.platform.NarrowWindowEvents.tell(page, false);
            assertThat(cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(log)).isEqualTo(wide);
            assertThat(calendar.current().isWorkingDay(saturday)).isTrue();
            assertThat(calendar.current().isWorkingDay(monday.plusDays(2))).isFalse();

            // cleared: the year counts Monday to Friday again
            _setValue(area("calendar-holidays"), "");
            _setValue(area("calendar-makeup"), "");
            _setValue(source(), "");
            click("calendar-save");
            assertThat(text("calendar-result")).isEqualTo(year + "年的工作日历已清空，该年按星期一至星期五计算工作日。");
            assertThat(calendar.year(year)).isEmpty();
            assertThat(GridKt._getFormattedRow(log, 0)).contains("admin", "（已清空）");
        } finally {
            actAsAdministrator();
            saveOver(year, "", "", "");
        }
    }

    @Test
    void this_years_calendar_is_asked_for_all_year_and_the_next_years_from_december_on() {
        org.springframework.jdbc.core.simple.JdbcClient client = context.getBean(
                org.springframework.jdbc.core.simple.JdbcClient.class);
        java.time.ZoneId china = service.settings().zone();
        WorkingCalendar november = new WorkingCalendar(client, context.getBean(
                cn.gov.enforcement.portal.account.CurrentUser.class),
                Clock.fixed(LocalDate.of(2070, 11, 30).atTime(12, 0).atZone(china).toInstant(), china));
        WorkingCalendar december = new WorkingCalendar(client, context.getBean(
                cn.gov.enforcement.portal.account.CurrentUser.class),
                Clock.fixed(LocalDate.of(2070, 12, 1).atTime(12, 0).atZone(china).toInstant(), china));
        assertThat(november.missingYears()).containsExactly(2070);
        assertThat(december.missingYears()).containsExactly(2070, 2071);
        actAsAdministrator();
        try {
            saveOver(2070, "2070-01-01", "", "测试用通知（虚构日期）");
            assertThat(november.missingYears()).isEmpty();
            assertThat(december.missingYears()).containsExactly(2071);
            saveOver(2071, "2071-01-01", "", "测试用通知（虚构日期）");
            assertThat(december.missingYears()).isEmpty();
        } finally {
            saveOver(2070, "", "", "");
            saveOver(2071, "", "", "");
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void a_save_over_another_administrators_save_of_the_same_year_is_refused_and_keeps_what_was_typed() {
        int year = LocalDate.now(clock.withZone(service.settings().zone())).getYear() + 2;
        signIn(users.loadUserByUsername("admin"), "ADMIN");
        UI.getCurrent().navigate("admin/working-days");
        try {
            @SuppressWarnings("unchecked")
            Select<Integer> years = _get(Select.class, spec -> spec.withId("calendar-year"));
            _setValue(years, year);
            _setValue(area("calendar-holidays"), year + "-01-01");
            _setValue(source(), "测试用通知（虚构日期，本页）");
            // meanwhile another administrator enters the year
            assertThat(calendar.save(year, null, year + "-10-01 ~ " + year + "-10-03", "", "测试用通知（虚构日期，另一位）"))
                    .isPresent();
            click("calendar-save");
            assertThat(text("calendar-result")).isEqualTo("没有保存：在您编辑期间，另一位管理员保存了" + year + "年的工作日历（见上方的保存人和时间及下方的修改记录）。"
                    + "您填写的内容仍在表单中；核对后再次点击“保存”，将以您填写的内容替换对方保存的内容。");
            assertThat(area("calendar-holidays").getValue()).isEqualTo(year + "-01-01");
            assertThat(source().getValue()).isEqualTo("测试用通知（虚构日期，本页）");
            assertThat(text("calendar-saved")).startsWith("最后由 admin 于 ");
            assertThat(calendar.year(year).orElseThrow().holidays()).hasSize(3);
            // pressed again, knowingly: the page's entry replaces the other one
            click("calendar-save");
            assertThat(text("calendar-result")).isEqualTo("已保存" + year + "年的工作日历：放假1天，调休上班0天。");
            assertThat(calendar.year(year).orElseThrow().holidays()).containsExactly(LocalDate.of(year, 1, 1));

            // removed elsewhere while the page shows it: the page's save is refused too
            int seen = calendar.year(year).orElseThrow().version();
            assertThat(calendar.save(year, seen, "", "", "")).isEmpty();
            _setValue(area("calendar-holidays"), year + "-01-02");
            click("calendar-save");
            assertThat(text("calendar-result")).startsWith("没有保存：在您编辑期间");
            assertThat(calendar.year(year)).isEmpty();
            // entered again elsewhere: versions are never reused, so the old version still counts as stale
            calendar.save(year, null, year + "-01-05", "", "测试用通知（虚构日期，另一位）");
            assertThatThrownBy(() -> calendar.save(year, seen, year + "-01-06", "", "测试用通知（虚构日期）"))
                    .isInstanceOf(WorkingCalendar.ChangedMeanwhile.class);
            assertThat(calendar.year(year).orElseThrow().holidays()).containsExactly(LocalDate.of(year, 1, 5));
        } finally {
            actAsAdministrator();
            saveOver(year, "", "", "");
        }
    }

    @Test
    void two_saves_of_the_same_year_at_the_same_moment_write_one_and_refuse_the_other() throws Exception {
        int year = 2064;
        org.springframework.transaction.support.TransactionTemplate transaction =
                new org.springframework.transaction.support.TransactionTemplate(
                        context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        var authentication = new UsernamePasswordAuthenticationToken("test-admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        actAsAdministrator();
        try {
            for (Integer seen : new Integer[] {null, 0}) {
                Integer version = seen == null ? null : calendar.year(year).orElseThrow().version();
                java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
                java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
                // the first save writes and holds its transaction open until the second has started
                var first = other.submit(() -> {
                    SecurityContextHolder.setContext(new SecurityContextImpl(authentication));
                    return transaction.execute(status -> {
                        calendar.save(year, version, "2064-01-0" + (seen == null ? 1 : 2), "", "测试用通知（虚构日期，一）");
                        written.countDown();
                        try {
                            finish.await(20, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return true;
                    });
                });
                assertThat(written.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                new Thread(() -> {
                    sleep(1000);
                    finish.countDown();
                }).start();
                assertThatThrownBy(() -> calendar.save(year, version, "2064-02-03", "", "测试用通知（虚构日期，二）"))
                        .isInstanceOf(WorkingCalendar.ChangedMeanwhile.class);
                finish.countDown();
                assertThat(first.get(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                assertThat(calendar.year(year).orElseThrow().holidays())
                        .containsExactly(LocalDate.of(year, 1, seen == null ? 1 : 2));
            }
        } finally {
            other.shutdownNow();
            saveOver(year, "", "", "");
            SecurityContextHolder.clearContext();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void officers_can_neither_open_the_page_nor_save_a_calendar() {
        MediationTestSupport.signInOfficer(accounts, users, "calendar-officer", "sample-market-regulation");
        signIn(SecurityContextHolder.getContext().getAuthentication().getPrincipal(), "OFFICER");
        UI.getCurrent().navigate("admin/working-days");
        assertThatThrownBy(() -> _find(WorkingCalendarView.class)).hasMessageContaining("AccessDeniedException");
        assertThatThrownBy(() -> calendar.save(2062, null, "2062-01-02", "", "x")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(calendar::changes).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_case_submitted_before_a_holiday_week_is_due_after_it_on_the_tracking_page() {
        SubmissionReceipt r = service.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null),
                Locale.SIMPLIFIED_CHINESE);
        // Friday 30 September 2061, noon China time; without holidays the decision is due Friday 7 October
        LocalDate friday = LocalDate.of(2061, 9, 30);
        jdbc.update("update mediation_case set submitted_at = ? where case_number = ?",
                friday.atTime(12, 0).atZone(service.settings().zone()).toOffsetDateTime(), r.caseNumber());
        assertThat(service.track(r.caseNumber(), r.accessCode()).orElseThrow().acceptanceDue())
                .isEqualTo(LocalDate.of(2061, 10, 7));
        actAsAdministrator();
        try {
            // invented: 1 to 7 October off, Saturday 8 October worked
            saveOver(2061, "2061-10-01 ~ 2061-10-07", "2061-10-08", "测试用通知（虚构日期）");
            SecurityContextHolder.clearContext();
            // Saturday 8, Monday 10, Tuesday 11, Wednesday 12, Thursday 13 October
            assertThat(service.track(r.caseNumber(), r.accessCode()).orElseThrow().acceptanceDue())
                    .isEqualTo(LocalDate.of(2061, 10, 13));
            UI.getCurrent().navigate("mediation/track");
            _setValue(_get(TextField.class, spec -> spec.withId("mediation-track-number")), r.caseNumber());
            _setValue(_get(PasswordField.class, spec -> spec.withId("mediation-track-code")), r.accessCode());
            click("mediation-track-submit");
            assertThat(_get(com.vaadin.flow.component.Component.class, spec -> spec.withId("mediation-track-deadlines"))
                    .getElement().getTextRecursively()).contains("受理决定期限：2061-10-13");
        } finally {
            actAsAdministrator();
            saveOver(2061, "", "", "");
            SecurityContextHolder.clearContext();
        }
    }
}
