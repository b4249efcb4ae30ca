package cn.gov.enforcement.portal.agency;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.account.Role;
import cn.gov.enforcement.portal.agency.AgencyBackOffice.AuditRecord;
import cn.gov.enforcement.portal.platform.NarrowWindowEvents;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;

/** Karibu tests of the agency audit log page ({@link AgencyAuditView}) and the links to it. */
class AgencyAuditViewIT extends AgencyBackOfficeTestSupport {

    private static final String MARCH = "staff/agency/audit?from=2001-03-01&to=2001-03-31";

    /** Navigates to an address with its query, as a link or the address bar does. */
    private static void go(String address) {
        int query = address.indexOf('?');
        UI.getCurrent().navigate(query < 0 ? address : address.substring(0, query),
                query < 0 ? com.vaadin.flow.router.QueryParameters.empty()
                        : com.vaadin.flow.router.QueryParameters.fromString(address.substring(query + 1)));
    }

    private static String location() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }

    @SuppressWarnings("unchecked")
    private static Grid<AuditRecord> grid() {
        return _get(Grid.class, spec -> spec.withId("agency-audit-grid"));
    }

    private static List<String> agencies() {
        return grid().getGenericDataView().getItems().map(AuditRecord::agencyId).toList();
    }

    private static String error() {
        return _get(Span.class, spec -> spec.withId("agency-audit-error")).getText();
    }

    @SuppressWarnings("unchecked")
    private static Select<String> select(String id) {
        return _get(Select.class, spec -> spec.withId(id));
    }

    private static DatePicker picker(String id) {
        return _get(DatePicker.class, spec -> spec.withId(id));
    }

    @Test
    void an_administrator_sees_every_agencys_records_and_narrows_them_to_one_in_the_address() {
        AgencyAuditLogIT.fourMarchRecords(jdbc);
        admin();
        go(MARCH);
        assertThat(_get(AgencyAuditView.class).getPageTitle()).isEqualTo("执法主体公示操作记录");
        assertThat(agencies()).containsExactly(BETA, ALPHA, BETA, ALPHA);
        assertThat(_get(Paragraph.class, spec -> spec.withId("agency-audit-count")).getText()).isEqualTo("共 4 条操作记录。");
        Grid<AuditRecord> grid = grid();
        assertThat(NarrowWindowEvents.columnKeys(grid)).containsExactly("at", "actor", "agency", "version", "changes");
        // the form's wording; the time in Beijing; the agency's name linking to its form
        assertThat(GridKt._getFormattedRow(grid, 1)).contains("2001-03-03 00:30", "audit-editor-a", "3",
                "新增证件已注销的执法人员（证号 TA-990100-2026-0070）；修改地址");
        Anchor beta = (Anchor) GridKt._getCellComponent(grid, 0, "agency");
        assertThat(beta.getText()).isEqualTo("测试市后台示例局");
        assertThat(beta.getHref()).isEqualTo("staff/agency/edit/" + BETA);

        Select<String> agency = select("agency-audit-agency");
        assertThat(agency.isVisible()).isTrue();
        assertThat(agency.getValue()).as("all by default").isEmpty();
        assertThat(agency.getItemLabelGenerator().apply("")).isEqualTo("全部执法主体");
        assertThat(agency.getItemLabelGenerator().apply(ALPHA)).isEqualTo("测试市后台编辑局");
        _setValue(agency, BETA);
        _click(_get(Button.class, spec -> spec.withId("agency-audit-show")));
        assertThat(location()).isEqualTo("staff/agency/audit?agency=" + BETA + "&from=2001-03-01&to=2001-03-31");
        assertThat(agencies()).containsExactly(BETA, BETA);

        // a kind of change, kept in the address with the rest
        _setValue(select("agency-audit-change"), "revoked");
        _click(_get(Button.class, spec -> spec.withId("agency-audit-show")));
        assertThat(location()).contains("agency=" + BETA).contains("change=revoked");
        assertThat(grid().getGenericDataView().getItems().map(AuditRecord::actor).toList()).containsExactly("audit-admin");
        assertThat(select("agency-audit-change").getValue()).isEqualTo("revoked");

        // on an English page (the language switch reloads the same address) the names and changes are English
        UI.getCurrent().setLocale(Locale.ENGLISH);
        go(MARCH + "&agency=" + ALPHA);
        assertThat(select("agency-audit-agency").getValue()).isEqualTo(ALPHA);
        assertThat(((Anchor) GridKt._getCellComponent(grid(), 0, "agency")).getText())
                .isEqualTo("Test City Back Office Bureau");
        assertThat(GridKt._getFormattedRow(grid(), 1)).contains("revoked certificate TA-990100-2026-0004");
    }

    @Test
    void an_editor_sees_their_own_agency_only_whatever_agency_the_address_names() {
        AgencyAuditLogIT.fourMarchRecords(jdbc);
        editorOfAlpha();
        go(MARCH + "&agency=" + BETA);
        assertThat(agencies()).containsExactly(ALPHA, ALPHA);
        assertThat(_find(Select.class, spec -> spec.withId("agency-audit-agency"))).as("nothing to choose (hidden)").isEmpty();
        assertThat(error()).isEmpty();
        assertThat(((Anchor) GridKt._getCellComponent(grid(), 0, "agency")).getHref())
                .isEqualTo("staff/agency/edit/" + ALPHA);
        _click(_get(Button.class, spec -> spec.withId("agency-audit-show")));
        assertThat(location()).as("an editor's filters name no agency").doesNotContain("agency=");
        assertThat(agencies()).containsExactly(ALPHA, ALPHA);
    }

    @Test
    void officers_and_signed_out_visitors_get_what_the_other_staff_only_pages_give_them() {
        signIn("agency-audit-officer-alpha", Role.OFFICER, ALPHA);
        assertThat(outcome("staff/agency/audit")).isEqualTo(outcome("staff/lists/audit")).doesNotContain("AgencyAuditView");
        go("staff/agency/audit");
        // the view access control's refusal, as on the administrators' pages (WorkingCalendarIT)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> _find(AgencyAuditView.class))
                .hasMessageContaining("AccessDeniedException");
        signOut();
        assertThat(outcome("staff/agency/audit?agency=" + ALPHA)).isEqualTo(outcome("staff/lists/audit")).as("to the sign-in").startsWith("LoginView at login");
    }

    /** What navigating to {@code route} shows: the view reached and its address, or the error raised. */
    private static String outcome(String route) {
        String outcome;
        try {
            go(route);
            outcome = UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0).getClass().getSimpleName()
                    + " at " + UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        } catch (RuntimeException e) {
            outcome = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        // the same answer, whichever page was asked for
        return outcome.replaceAll("staff/(agency|lists)/audit(\\?agency=[a-z-]+)?", "PAGE");
    }

    /** Nobody signed in any more, for method security and for Vaadin's view access control. */
    private static void signOut() {
        SecurityContextHolder.clearContext();
        com.github.mvysny.fakeservlet.FakeRequest request = (com.github.mvysny.fakeservlet.FakeRequest)
                com.vaadin.flow.server.VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(null);
        request.setUserInRole((principal, role) -> false);
    }

    @Test
    void a_first_day_after_the_last_is_refused_in_the_readers_language_and_the_dates_stay() {
        AgencyAuditLogIT.fourMarchRecords(jdbc);
        admin();
        go(MARCH);
        _setValue(picker("agency-audit-from"), LocalDate.of(2001, 3, 20));
        _setValue(picker("agency-audit-to"), LocalDate.of(2001, 3, 2));
        _click(_get(Button.class, spec -> spec.withId("agency-audit-show")));
        assertThat(error()).isEqualTo("起始日期不能晚于截止日期，请修改后再查询。");
        assertThat(_get(Span.class, spec -> spec.withId("agency-audit-error")).getElement().getAttribute("role"))
                .isEqualTo("alert");
        assertThat(picker("agency-audit-from").getValue()).as("kept").isEqualTo(LocalDate.of(2001, 3, 20));
        assertThat(picker("agency-audit-to").getValue()).isEqualTo(LocalDate.of(2001, 3, 2));
        assertThat(picker("agency-audit-from").isInvalid()).isTrue();
        assertThat(picker("agency-audit-to").getErrorMessage()).isEqualTo("起始日期不能晚于截止日期，请修改后再查询。");
        assertThat(_find(Grid.class, spec -> spec.withId("agency-audit-grid"))).as("no records beside the refusal (hidden)")
                .isEmpty();
        assertThat(location()).as("a link keeps it too").contains("from=2001-03-20&to=2001-03-02");

        // corrected, the records come back and the dates are valid again
        _setValue(picker("agency-audit-from"), LocalDate.of(2001, 3, 2));
        _setValue(picker("agency-audit-to"), LocalDate.of(2001, 3, 31));
        _click(_get(Button.class, spec -> spec.withId("agency-audit-show")));
        assertThat(error()).isEmpty();
        assertThat(picker("agency-audit-from").isInvalid()).isFalse();
        assertThat(agencies()).containsExactly(BETA, ALPHA, BETA);

        // an address naming no day says what it holds
        go("staff/agency/audit?from=2001-02-30");
        assertThat(error()).isEqualTo("无法识别日期“2001-02-30”，请按 2026-01-31 的格式填写，或在日历中选择。");
        assertThat(picker("agency-audit-from").isInvalid()).isTrue();
        UI.getCurrent().setLocale(Locale.ENGLISH);
        go("staff/agency/audit?from=2001-03-20&to=2001-03-02");
        assertThat(error()).isEqualTo("The first day must not be after the last day. Please correct the dates.");
    }

    @Test
    void on_a_narrow_window_each_record_is_a_card() {
        AgencyAuditLogIT.fourMarchRecords(jdbc);
        admin();
        go(MARCH);
        AgencyAuditView page = _get(AgencyAuditView.class);
        NarrowWindowEvents.tell(page, true);
        Grid<AuditRecord> grid = grid();
        assertThat(NarrowWindowEvents.columnKeys(grid)).as("one column, no sideways scrolling").containsExactly("record");
        com.vaadin.flow.component.Component card = GridKt._getCellComponent(grid, 3, "record");
        assertThat(card.getElement().getTextRecursively()).contains("注销执法证 TA-990100-2026-0004",
                "执法主体：测试市后台编辑局", "操作人：audit-editor-a", "时间：2001-03-01 10:00", "版本：2");
        assertThat(_get(card, Anchor.class).getHref()).isEqualTo("staff/agency/edit/" + ALPHA);
        NarrowWindowEvents.tell(page, false);
        assertThat(NarrowWindowEvents.columnKeys(grid)).containsExactly("at", "actor", "agency", "version", "changes");
    }

    @Test
    void the_staff_page_and_the_form_link_to_the_log_for_editors_and_administrators() {
        editorOfAlpha();
        UI.getCurrent().navigate("staff/agency");
        assertThat(_get(Anchor.class, spec -> spec.withId("staff-agency-audit")).getHref()).isEqualTo("staff/agency/audit");
        UI.getCurrent().navigate("staff/agency/edit/" + ALPHA);
        Anchor all = _get(Anchor.class, spec -> spec.withId("agency-edit-audit-all"));
        assertThat(all.getHref()).isEqualTo("staff/agency/audit?agency=" + ALPHA);
        assertThat(all.getText()).startsWith("查看全部操作记录");

        admin();
        UI.getCurrent().navigate("staff/agency");
        assertThat(_get(Anchor.class, spec -> spec.withId("staff-agency-audit")).getHref()).isEqualTo("staff/agency/audit");
        UI.getCurrent().navigate("staff/agency/" + BETA);
        assertThat(_get(Anchor.class, spec -> spec.withId("staff-agency-audit")).getHref())
                .isEqualTo("staff/agency/audit?agency=" + BETA);

        signIn("agency-audit-officer-alpha", Role.OFFICER, ALPHA);
        UI.getCurrent().navigate("staff/agency");
        assertThat(_find(Anchor.class, spec -> spec.withId("staff-agency-audit"))).isEmpty();
    }
}
