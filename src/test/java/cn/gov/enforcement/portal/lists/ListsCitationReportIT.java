package cn.gov.enforcement.portal.lists;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.account.PortalUserDetailsService;
import cn.gov.enforcement.portal.regulation.ImportService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The citation check tells an article held only by an older version, and a law without a version in force, from the
 * other kinds, in the form's warning and on the citation report ({@code /staff/lists/citations}), with a real law
 * imported in two versions (废旧金属收购业治安管理办法 1994 and 2023, from the shared corpus); each editor sees only their
 * agency's entries on the report.
 */
class ListsCitationReportIT extends ListsTestSupport {

    @Autowired AccountService accounts;
    @Autowired PortalUserDetailsService users;
    @Autowired ListsBackOffice backOffice;
    @Autowired ListsCatalog catalog;
    @Autowired ImportService importService;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    private static final String ID = "um-rp-citation-report";
    /** The entry of the test of the warning, saved by it. */
    private static final String WARNED = "um-rp-citation-warning";

    private void signInAs(String username, String agency) {
        var user = signInStaff(accounts, users, username, agency);
        signIn(user, agency == null ? "ADMIN" : "EDITOR");
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(Class<?> type, String id, T value) {
        _setValue((com.vaadin.flow.component.HasValue<?, T>) _get((Class<com.vaadin.flow.component.Component>) type,
                spec -> spec.withId(id)), value);
    }

    private static String path() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    /** A new risk point of the sample urban management agency, citing an article the 2023 version no longer has. */
    private void saveRiskPointCitingTheOlderVersion(String id) {
        UI.getCurrent().navigate("staff/lists/edit/risk-points");
        set(TextField.class, "entry-id", id);
        set(TextField.class, "entry-sector", "再生资源回收");
        set(TextField.class, "entry-appliesTo", "废旧金属收购企业");
        set(TextField.class, "entry-title", "后台样例：引用核对报告");
        set(Select.class, "entry-level", "低");
        set(TextArea.class, "entry-risk", "收购生产性废旧金属未如实登记。");
        set(TextArea.class, "entry-levelReason", "登记不全影响追溯。");
        // 第十六条 is in the version of 1994 only (the 2023 text has 14 articles); 第一条 is in both
        set(TextArea.class, "entry-basisObligation", "废旧金属收购业治安管理办法 第一条\n废旧金属收购业治安管理办法 第十六条");
        set(TextArea.class, "entry-basisPenalty", "废旧金属收购业治安管理办法 第十三条");
        set(TextArea.class, "entry-consequence", "责令改正。");
        set(TextArea.class, "entry-prevention", "如实登记");
        set(CheckboxGroup.class, "entry-guidance", Set.of("提示"));
        set(DatePicker.class, "entry-effectiveFrom", LocalDate.of(2026, 1, 1));
        _click(_get(Button.class, spec -> spec.withId("entry-save")));
        assertThat(path()).as("held back once").isEqualTo("staff/lists/edit/risk-points");
        assertThat(_get(TextArea.class, spec -> spec.withId("entry-basisObligation")).getErrorMessage()).isEqualTo(
                "以下引用的条文只见于本平台法规库中该法规的其他版本，其现行文本没有这一条（法规修订后条文序号常有变化，请对照现行文本改引）："
                        + "《废旧金属收购业治安管理办法》第十六条（见于 1994-01-25 版，已被修订）。"
                        + "请核对；确认无误请再次点击“保存为草稿”。");
        assertThat(_get(TextArea.class, spec -> spec.withId("entry-basisPenalty")).isInvalid()).isFalse();
        // confirmed as an editor does: saved as it is
        _click(_get(Button.class, spec -> spec.withId("entry-save")));
        assertThat(path()).isEqualTo("staff/lists");
    }

    /** The risk point {@link #ID}, saved once for the tests that read the report (in whatever order they run). */
    private void ensureSaved() {
        if (jdbc.queryForObject("select count(*) from lists_entry_version where entry_id = ?", Integer.class, ID) == 0) {
            saveRiskPointCitingTheOlderVersion(ID);
        }
    }

    private static List<Div> lines() {
        return _find(Div.class, spec -> spec.withClasses("lists-citations-line"));
    }

    private static Div line(String id) {
        return lines().stream().filter(d -> id.equals(d.getElement().getAttribute("data-id"))).findFirst().orElseThrow();
    }

    private static List<ListItem> citations(Div line) {
        return _find(line, ListItem.class, spec -> spec.withClasses("lists-citations-citation"));
    }

    private static String text(com.vaadin.flow.component.Component c) {
        return c.getElement().getTextRecursively();
    }

    @Test
    void an_article_only_the_older_version_holds_is_named_with_that_version_in_the_warning_and_on_the_report()
            throws Exception {
        ListsTestImports.importScrapMetalRulesInTwoVersions(importService, RUN_DATA_DIR);
        signInAs("citation-report-um", "sample-urban-management");
        saveRiskPointCitingTheOlderVersion(WARNED);
        assertThat(_get(Anchor.class, spec -> spec.withId("lists-admin-citations")).getHref())
                .isEqualTo("staff/lists/citations?agency=sample-urban-management");

        UI.getCurrent().navigate("staff/lists/citations");
        assertThat(_get(Paragraph.class, spec -> spec.withId("lists-citations-count")).getText()).startsWith("已核对 ");
        Div draft = line(WARNED);
        assertThat(draft.getElement().getTextRecursively()).contains("后台样例：引用核对报告").contains("草稿");
        assertThat(citations(draft)).singleElement().satisfies(item -> {
            assertThat(item.getElement().getAttribute("data-kind")).isEqualTo("OLDER_VERSION_ONLY");
            assertThat(text(item)).isEqualTo("《废旧金属收购业治安管理办法》第十六条（见于 1994-01-25 版，已被修订）："
                    + "只有其他版本有这一条，现行文本没有（条文序号可能已因修订变化）");
        });
        assertThat(_get(draft, Anchor.class, spec -> spec.withClasses("lists-citations-edit")).getHref())
                .isEqualTo("staff/lists/edit/risk-points/" + WARNED);
        // the sample agency's own entries also cite laws no test imports (城市道路管理条例, 城市绿化条例): not in the library
        assertThat(lines()).allSatisfy(l -> assertThat(l.getElement().getAttribute("data-id")).startsWith("um-"));
        assertThat(lines().stream().flatMap(l -> citations(l).stream()))
                .anySatisfy(item -> assertThat(item.getElement().getAttribute("data-kind")).isEqualTo("NO_LAW"));
        // one agency on the editor's page: no agency named on the lines
        assertThat(_find(Span.class, spec -> spec.withClasses("lists-citations-agency"))).isEmpty();

        // as if the law had been repealed: no version is in force, the newest one is named
        jdbc.update("update regulation_document set status = 'REPEALED' where title = ? and version_date = ?",
                "废旧金属收购业治安管理办法", java.sql.Date.valueOf("2023-07-20"));
        try {
            UI.getCurrent().navigate("staff/lists/citations");
            assertThat(citations(line(WARNED))).extracting(item -> item.getElement().getAttribute("data-kind"))
                    .containsExactly("NO_CURRENT_VERSION", "NO_CURRENT_VERSION", "NO_CURRENT_VERSION");
            assertThat(text(citations(line(WARNED)).get(1))).isEqualTo(
                    "《废旧金属收购业治安管理办法》第十六条（最新为 2023-07-20 版，已废止）：本平台法规库中该法规没有现行有效的版本");
            // the form's warning says the same
            UI.getCurrent().navigate("staff/lists/edit/risk-points/" + WARNED);
            _click(_get(Button.class, spec -> spec.withId("entry-save")));
            assertThat(_get(TextArea.class, spec -> spec.withId("entry-basisPenalty")).getErrorMessage())
                    .startsWith("以下引用的法规在本平台法规库中只有已失效或尚未施行的版本")
                    .contains("《废旧金属收购业治安管理办法》第十三条（最新为 2023-07-20 版，已废止）");
        } finally {
            jdbc.update("update regulation_document set status = 'CURRENT' where title = ? and version_date = ?",
                    "废旧金属收购业治安管理办法", java.sql.Date.valueOf("2023-07-20"));
        }
    }

    @Test
    void the_report_speaks_english_and_traditional_chinese_showing_the_content_as_written() throws Exception {
        ListsTestImports.importScrapMetalRulesInTwoVersions(importService, RUN_DATA_DIR);
        signInAs("citation-report-um", "sample-urban-management");
        ensureSaved();
        try {
            UI.getCurrent().setLocale(Locale.ENGLISH);
            UI.getCurrent().navigate("staff/lists/citations");
            assertThat(_get(Paragraph.class, spec -> spec.withId("lists-citations-count")).getText()).contains("entries checked");
            ListItem item = citations(line(ID)).get(0);
            assertThat(text(item)).isEqualTo("《废旧金属收购业治安管理办法》第十六条 (in the version of 1994-01-25, superseded): "
                    + "only another version has this article, the current text does not (an amendment may have renumbered it)");
            // the citation and the title are Chinese content, marked as such on an English page
            assertThat(_get(item, Span.class).getElement().getAttribute("lang")).isEqualTo("zh-CN");
            assertThat(_get(line(ID), H2.class).getElement().getAttribute("lang")).isEqualTo("zh-CN");
            assertThat(_get(line(ID), Anchor.class, spec -> spec.withClasses("lists-citations-edit")).getText())
                    .isEqualTo("Edit this entry");

            UI.getCurrent().setLocale(Locale.TRADITIONAL_CHINESE);
            UI.getCurrent().navigate("staff/lists/citations");
            // the entry's own words as the back office shows them (as written); the page's words in Traditional
            assertThat(text(citations(line(ID)).get(0))).isEqualTo("《废旧金属收购业治安管理办法》第十六条（見於 1994-01-25 版，已被修訂）："
                    + "只有其他版本有這一條，現行條文沒有（條文序號可能已因修訂變化）");
            assertThat(_get(line(ID), H2.class).getText()).isEqualTo("后台样例：引用核对报告");
        } finally {
            UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        }
    }

    @Test
    void an_editor_of_another_agency_sees_none_of_the_first_agencys_entries_whatever_the_address_says() throws Exception {
        ListsTestImports.importScrapMetalRulesInTwoVersions(importService, RUN_DATA_DIR);
        signInAs("citation-report-um", "sample-urban-management");
        ensureSaved();

        signInAs("citation-report-mr", "sample-market-regulation");
        for (var query : List.of(com.vaadin.flow.router.QueryParameters.empty(),
                com.vaadin.flow.router.QueryParameters.of("agency", "sample-urban-management"))) {
            UI.getCurrent().navigate("staff/lists/citations", query);
            String url = "staff/lists/citations?" + query.getQueryString();
            assertThat(lines()).as(url).noneSatisfy(l -> assertThat(l.getElement().getAttribute("data-id")).startsWith("um-"));
            // the agency's own entries are listed (its sample entries cite laws no test imports)
            assertThat(lines()).as(url).isNotEmpty()
                    .allSatisfy(l -> assertThat(l.getElement().getAttribute("data-id")).startsWith("mr-"));
            assertThat(_get(Div.class, spec -> spec.withId("lists-citations-report")).getElement().getTextRecursively())
                    .as(url).doesNotContain("废旧金属收购业治安管理办法").doesNotContain("后台样例：引用核对报告");
        }
        // the service refuses another agency as it refuses an unknown one, and every agency to an editor
        assertThatThrownBy(() -> backOffice.citationReport("sample-urban-management"))
                .isInstanceOf(ListEntryNotFoundException.class);
        assertThatThrownBy(() -> backOffice.citationReport(null)).isInstanceOf(ListEntryNotFoundException.class);
        // the entry's id in the report's edit address: the same not-found page as for an unknown id
        UI.getCurrent().navigate("staff/lists/edit/risk-points/" + ID);
        assertThat(_find(Div.class, spec -> spec.withId("lists-not-found"))).hasSize(1);

        // an officer does not edit lists: refused by the view access control, as on the other pages of the back office
        var officer = cn.gov.enforcement.portal.testsupport.StaffAccounts.signInAs(accounts, users, "citation-report-officer",
                cn.gov.enforcement.portal.account.Role.OFFICER, "sample-urban-management");
        signIn(officer, "OFFICER");
        UI.getCurrent().navigate("staff/lists/citations");
        assertThatThrownBy(() -> _find(ListsCitationReportView.class)).hasMessageContaining("AccessDeniedException");

        // an administrator sees every agency's entries, each line naming its agency (at most 200 lines: the whole
        // suite's entries may be more, so one agency is looked at on its own page)
        signInAs("citation-report-admin", null);
        UI.getCurrent().navigate("staff/lists/citations");
        assertThat(lines()).isNotEmpty().allSatisfy(l -> assertThat(
                _get(l, Span.class, spec -> spec.withClasses("lists-citations-agency")).getText()).isNotBlank());
        assertThat(lines().stream().map(l -> _get(l, Span.class, spec -> spec.withClasses("lists-citations-agency"))
                .getText()).distinct().count()).as("agencies named").isGreaterThan(1);
        UI.getCurrent().navigate("staff/lists/citations",
                com.vaadin.flow.router.QueryParameters.of("agency", "sample-urban-management"));
        assertThat(lines()).anySatisfy(l -> assertThat(l.getElement().getAttribute("data-id")).isEqualTo(ID));
        // a discretion benchmark is checked too: it cites 道路交通安全法, which other tests of the suite may import, so
        // the law is out of the library's reach while this looks (its title changed, as the repeal above changes its
        // status); the back office does not edit a benchmark: its file is named instead of a form
        String traffic = "中华人民共和国道路交通安全法";
        jdbc.update("update regulation_document set title = ? where title = ?", traffic + "（测试暂改）", traffic);
        try {
            UI.getCurrent().navigate("staff/lists/citations",
                    com.vaadin.flow.router.QueryParameters.of("agency", "sample-traffic-police"));
            Div benchmark = line("tp-db-illegal-parking");
            assertThat(citations(benchmark)).extracting(item -> item.getElement().getAttribute("data-kind"))
                    .containsOnly("NO_LAW");
            assertThat(_find(benchmark, Anchor.class, spec -> spec.withClasses("lists-citations-edit"))).isEmpty();
            assertThat(_get(benchmark, Paragraph.class, spec -> spec.withClasses("lists-citations-file")).getText())
                    .contains("sample-traffic-police.yaml");
        } finally {
            jdbc.update("update regulation_document set title = ? where title = ?", traffic, traffic + "（测试暂改）");
        }
    }

    @Test
    void a_regulation_library_that_cannot_be_read_is_said_instead_of_every_citation_listed() {
        signInAs("citation-report-um", "sample-urban-management");
        jdbc.execute("alter table regulation_article rename to regulation_article_away");
        try {
            UI.getCurrent().navigate("staff/lists/citations");
            assertThat(_get(Paragraph.class, spec -> spec.withId("lists-citations-unavailable")).getText())
                    .isEqualTo("暂时无法读取本平台法规库，未能核对引用。请稍后再试。");
            assertThat(lines()).isEmpty();
        } finally {
            jdbc.execute("alter table regulation_article_away rename to regulation_article");
        }
    }
}
