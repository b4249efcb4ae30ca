package cn.gov.enforcement.portal.agency;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.knowledge.ContentProblem;
import cn.gov.enforcement.portal.knowledge.ContentProblemsView;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinServletRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Browserless tests of the public agency pages with Karibu-Testing on the whole application. */
class AgencyViewsIT extends AgencyTestSupport {

    private static Routes routes;

    @Autowired
    ApplicationContext context;

    @Autowired
    cn.gov.enforcement.portal.knowledge.KnowledgeBase knowledgeBase;

    @Autowired
    AgencyDirectory directory;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("cn.gov.enforcement.portal");
    }

    @BeforeEach
    void setUpVaadin() {
        SecurityContextHolder.clearContext();
        MockVaadin.setup(UI::new, new MockSpringServlet(routes, context, UI::new));
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Signs in for method security (Spring's context) and for Vaadin's view access control (the fake request). */
    private static void signIn(String name, String... roles) {
        List<SimpleGrantedAuthority> authorities =
                Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        Authentication auth = new UsernamePasswordAuthenticationToken(name, null, authorities);
        SecurityContextHolder.getContext().setAuthentication(auth);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((p, role) -> authorities.stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
    }

    @Test
    void an_officer_sees_their_own_agency_with_full_names_on_the_staff_page() {
        signIn("officer-market", "OFFICER");
        UI.getCurrent().navigate("staff/agency");
        String html = _get(Div.class, spec -> spec.withId("agency-details")).getElement().getOuterHTML();
        assertThat(html).contains("示例市市场监督管理局").contains("张晓丰");
        assertThat(_find(Select.class, spec -> spec.withId("staff-agency-picker"))).isEmpty();
        assertThat(_find(com.vaadin.flow.component.html.H1.class).get(0).getText()).isEqualTo("本机关执法主体信息");
    }

    @Test
    void an_officer_asking_for_another_agency_gets_the_not_found_answer_and_no_data() {
        signIn("officer-market", "OFFICER");
        UI.getCurrent().navigate("staff/agency/sample-traffic-police");
        assertThat(_find(Paragraph.class, spec -> spec.withId("staff-agency-not-found"))).hasSize(1);
        assertThat(_find(Div.class, spec -> spec.withId("agency-details"))).isEmpty();
    }

    @Test
    void an_administrator_picks_any_agency_on_the_staff_page() {
        signIn("admin", "ADMIN");
        UI.getCurrent().navigate("staff/agency/sample-traffic-police");
        assertThat(_find(Select.class, spec -> spec.withId("staff-agency-picker"))).hasSize(1);
        assertThat(_get(Div.class, spec -> spec.withId("agency-details")).getElement().getOuterHTML()).contains("马骏");
        // an administrator has no agency of their own: the page is every agency's record
        assertThat(_find(com.vaadin.flow.component.html.H1.class).get(0).getText()).isEqualTo("各机关执法主体信息");
    }

    @Test
    void the_administrators_agency_picker_names_the_agencies_in_the_readers_language() {
        signIn("admin", "ADMIN");
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("staff/agency/sample-market-regulation");
        @SuppressWarnings("unchecked")
        Select<AgencySummary> picker = _get(Select.class, spec -> spec.withId("staff-agency-picker"));
        assertThat(picker.getItemLabelGenerator().apply(picker.getValue()))
                .isEqualTo("Sample City Administration for Market Regulation");

        UI.getCurrent().setLocale(Locale.TRADITIONAL_CHINESE);
        UI.getCurrent().navigate("staff/agency/sample-traffic-police");
        @SuppressWarnings("unchecked")
        Select<AgencySummary> traditional = _get(Select.class, spec -> spec.withId("staff-agency-picker"));
        assertThat(traditional.getItemLabelGenerator().apply(traditional.getValue())).isEqualTo("示例市公安局交通管理支隊");
    }

    @Test
    void the_content_page_is_for_administrators_and_reloads_the_knowledge_base() {
        UI.getCurrent().navigate("admin/content");
        assertThat(_find(ContentProblemsView.class)).as("anonymous visitors do not get the page").isEmpty();
        signIn("admin", "ADMIN");
        UI.getCurrent().navigate("admin/content");
        assertThat(_get(Paragraph.class, spec -> spec.withId("content-summary")).getText())
                .isEqualTo(UI.getCurrent().getTranslation("knowledge.admin.none"));
        _click(_get(Button.class, spec -> spec.withId("content-reload")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("content-reload-result")).getText()).contains("0");
    }

    /** The rows of the content problems grid as shown: file, line, field and message. */
    private static List<List<String>> problemRows() {
        @SuppressWarnings("unchecked")
        Grid<ContentProblem> grid = _get(Grid.class, spec -> spec.withId("content-problems"));
        return java.util.stream.IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormattedRow(grid, i))
                .toList();
    }

    @Test
    void the_content_page_shows_each_problem_in_the_readers_language() throws Exception {
        Path broken = AGENCIES.resolve("sample-broken.yaml");
        String label = "knowledge-base/agencies/sample-broken.yaml";
        Path binary = AGENCIES.resolve("sample-binary.yaml");
        try {
            Files.writeString(broken, "id: sample-broken\nsample: true\ncategory: police\n", StandardCharsets.UTF_8);
            Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
            signIn("admin", "ADMIN");
            UI.getCurrent().navigate("admin/content");
            _click(_get(Button.class, spec -> spec.withId("content-reload")));
            assertThat(_get(Paragraph.class, spec -> spec.withId("content-summary")).getText()).startsWith("发现");
            assertThat(problemRows()).contains(
                    List.of(label, "3", "category", "必须是以下值之一：market, urban, traffic, environment, hrss, other，现为“police”"),
                    List.of(label, "1", "name", "必须填写"));
            // a problem of the whole file has no line: a dash, as in the regulation import's report, not 0
            assertThat(problemRows()).filteredOn(row -> row.get(0).equals("knowledge-base/agencies/sample-binary.yaml"))
                    .isNotEmpty().allSatisfy(row -> assertThat(row.get(1)).isEqualTo("—"));
            // on a narrow window each problem is a card, its message first
            @SuppressWarnings("unchecked")
            Grid<ContentProblem> grid = _get(Grid.class, spec -> spec.withId("content-problems"));
            ContentProblemsView page = _get(ContentProblemsView.class);
            List<String> wide = cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(grid);
            assertThat(wide).containsExactly("file", "line", "field", "message");
            cn.gov.enforcement.portal.platform.NarrowWindowEvents.tell(page, true);
            assertThat(cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(grid)).containsExactly("problem");
            assertThat(java.util.stream.IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getCellComponent(grid,
                    i, "problem").getElement().getTextRecursively()).toList())
                    .contains("必须填写文件：" + label + "行：1字段：name");
            cn.gov.enforcement.portal.platform.NarrowWindowEvents.tell(page, false);
            assertThat(cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(grid)).isEqualTo(wide);

            UI.getCurrent().setLocale(Locale.TRADITIONAL_CHINESE);
            UI.getCurrent().navigate("agencies"); // leave the page so that it is built again
            UI.getCurrent().navigate("admin/content");
            assertThat(problemRows()).contains(
                    List.of(label, "3", "category", "必須是下列值之一：market, urban, traffic, environment, hrss, other，目前為「police」"),
                    List.of(label, "1", "name", "必須填寫"));

            UI.getCurrent().setLocale(Locale.ENGLISH);
            UI.getCurrent().navigate("agencies");
            UI.getCurrent().navigate("admin/content");
            assertThat(problemRows()).contains(
                    List.of(label, "3", "category", "must be one of market, urban, traffic, environment, hrss, other, got \"police\""),
                    List.of(label, "1", "name", "is required"));
            assertThat(knowledgeBase.problems()).filteredOn(p -> p.field().equals("name")).singleElement()
                    .satisfies(p -> assertThat(p.describe()).isEqualTo(label + ":1 field name: is required"));
        } finally {
            Files.deleteIfExists(broken);
            Files.deleteIfExists(binary);
            knowledgeBase.loadAll();
        }
        assertThat(knowledgeBase.problems()).isEmpty();
    }

    private static String resultNames() {
        return String.join("|", _find(Anchor.class, spec -> spec.withClasses("agency-link")).stream().map(Anchor::getText).toList());
    }

    @Test
    void searching_agencies_from_the_url_shows_matching_cards() {
        UI.getCurrent().navigate("agencies", QueryParameters.simple(java.util.Map.of("q", "市场监管")));
        assertThat(_get(TextField.class, spec -> spec.withId("agency-search")).getValue()).isEqualTo("市场监管");
        assertThat(resultNames()).startsWith("示例市市场监督管理局");
        assertThat(_find(Div.class, spec -> spec.withClasses("agency-card"))).isNotEmpty();
    }

    @Test
    void typing_a_query_and_pressing_search_puts_it_into_the_url_and_finds_the_agency() {
        UI.getCurrent().navigate("agencies");
        _setValue(_get(TextField.class, spec -> spec.withId("agency-search")), "道路交通安全法");
        _click(_get(Button.class, spec -> spec.withId("agency-search-submit")));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters())
                .startsWith("agencies?q=");
        assertThat(resultNames()).isEqualTo("示例市公安局交通管理支队");
    }

    @Test
    void a_page_past_the_end_says_so_and_leads_to_the_last_page() {
        UI.getCurrent().navigate("agencies", QueryParameters.simple(java.util.Map.of("page", "5")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("agency-count")).getText())
                .isEqualTo("没有第 6 页：当前结果共 1 页。");
        Anchor last = _get(Anchor.class, spec -> spec.withId("agency-last"));
        assertThat(last.getHref()).isEqualTo("agencies?page=0");
        UI.getCurrent().navigate("agencies", QueryParameters.fromString(last.getHref().substring(last.getHref().indexOf('?') + 1)));
        assertThat(resultNames()).contains("示例市市场监督管理局");
        assertThat(_find(Anchor.class, spec -> spec.withId("agency-last"))).isEmpty();
    }

    @Test
    void a_query_that_matches_nothing_or_is_garbage_shows_a_clear_message_instead_of_an_error() {
        UI.getCurrent().navigate("agencies", QueryParameters.simple(java.util.Map.of("q", "\"(*:\\😀" + "x".repeat(2000))));
        assertThat(_get(Paragraph.class, spec -> spec.withId("agency-count")).getText())
                .isEqualTo(UI.getCurrent().getTranslation("agency.list.empty"));
        assertThat(resultNames()).isEmpty();
    }

    @Test
    void the_detail_page_shows_the_agency_with_masked_officer_names() {
        UI.getCurrent().navigate("agencies/sample-market-regulation");
        assertThat(_get(H1.class, spec -> spec.withId("agency-name")).getElement().getTextRecursively())
                .contains("示例市市场监督管理局").contains("示例");
        String officers = _get(Section.class, spec -> spec.withId("agency-officers")).getElement().getOuterHTML();
        assertThat(officers).contains("张*丰").contains("SJ-990100-2021-0003").doesNotContain("张晓丰");
        assertThat(_get(Anchor.class, spec -> spec.withId("agency-phone")).getHref()).isEqualTo("tel:099912315001");
        assertThat(_get(Anchor.class, spec -> spec.withId("agency-email")).getHref()).startsWith("mailto:");
        assertThat(_get(Anchor.class, spec -> spec.withId("agency-mediation-email")).getHref())
                .isEqualTo("mailto:tiaojie@scjg.sample.gov.cn");
    }

    @Test
    void an_agency_without_a_mediation_address_shows_none() {
        UI.getCurrent().navigate("agencies/sample-ecology-environment");
        assertThat(_get(Anchor.class, spec -> spec.withId("agency-email")).getHref()).isEqualTo("mailto:jiandu@sthj.sample.gov.cn");
        assertThat(_find(Anchor.class, spec -> spec.withId("agency-mediation-email"))).isEmpty();
    }

    @Autowired
    cn.gov.enforcement.portal.regulation.ImportService importService;

    /** Imports 行政处罚法 (2021) from the shared LawRefBook corpus; 道路交通安全法 stays not imported. */
    private void importAdministrativePenaltyLaw() throws java.io.IOException {
        java.nio.file.Path corpus = java.nio.file.Path.of(System.getProperty("portal.shared-dir", "../shared"), "corpus", "lawrefbook");
        if (!java.nio.file.Files.isDirectory(corpus)) {
            corpus = java.nio.file.Path.of("/work/shared/corpus/lawrefbook");
        }
        java.nio.file.Path source = corpus.resolve("行政法/行政处罚法(2021-01-22).md");
        assertThat(source).as("the shared LawRefBook corpus").exists();
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(
                RUN_DATA_DIR.resolve("agency-import-" + System.nanoTime()).resolve("行政法"));
        java.nio.file.Files.copy(source, dir.resolve(source.getFileName()));
        importService.importFolder(dir.getParent(), line -> {});
    }

    @Test
    void legal_basis_articles_the_portal_holds_link_to_their_text_and_certificates_to_their_check() throws Exception {
        importAdministrativePenaltyLaw();
        UI.getCurrent().navigate("agencies/sample-market-regulation");
        Section basis = _get(Section.class, spec -> spec.withId("agency-legal-basis"));
        List<Anchor> links = _find(basis, Anchor.class);
        assertThat(links).extracting(Anchor::getText)
                .contains("《中华人民共和国行政处罚法》第十七条", "《中华人民共和国行政处罚法》第十八条");
        assertThat(links).filteredOn(a -> a.getText().endsWith("第十八条")).singleElement()
                .satisfies(a -> assertThat(a.getHref()).matches("/regulations/\\d+#第十八条"));
        // a law the portal does not hold stays plain text, the citation complete
        assertThat(basis.getElement().getTextRecursively()).contains("《中华人民共和国食品安全法》第一百一十条");
        assertThat(links).noneMatch(a -> a.getText().contains("食品安全法"));

        String officers = _get(Section.class, spec -> spec.withId("agency-officers")).getElement().getOuterHTML();
        assertThat(officers).contains("href=\"certificate-check?number=SJ-990100-2021-0003\"");

        UI.getCurrent().navigate("agencies/sample-traffic-police");
        assertThat(_find(_get(Section.class, spec -> spec.withId("agency-legal-basis")), Anchor.class))
                .extracting(Anchor::getText).containsExactly("《中华人民共和国行政处罚法》第十七条");
    }

    @Test
    void the_certificate_check_takes_the_number_from_the_address_and_checks_it() {
        UI.getCurrent().navigate("certificate-check", QueryParameters.of("number", "SJ-990100-2024-0017"));
        assertThat(_get(TextField.class, spec -> spec.withId("certificate-input")).getValue()).isEqualTo("SJ-990100-2024-0017");
        Div result = _get(Div.class, spec -> spec.withId("certificate-result"));
        assertThat(result.getElement().getAttribute("data-outcome")).isEqualTo("valid");

        UI.getCurrent().navigate("certificate-check", QueryParameters.of("number", "SJ<b>"));
        TextField input = _get(TextField.class, spec -> spec.withId("certificate-input"));
        assertThat(input.getValue()).isEqualTo("SJ<b>");
        assertThat(input.isInvalid()).isTrue();
    }

    @Test
    void the_certificate_check_page_checks_a_real_province_s_number() throws Exception {
        withOfficer(knowledgeBase, "赣0101001234", () -> {
            UI.getCurrent().navigate("certificate-check", QueryParameters.of("number", "贛 0101 001234"));
            TextField input = _get(TextField.class, spec -> spec.withId("certificate-input"));
            assertThat(input.isInvalid()).isFalse();
            Div result = _get(Div.class, spec -> spec.withId("certificate-result"));
            assertThat(result.getElement().getAttribute("data-outcome")).isEqualTo("valid");
            assertThat(result.getElement().getTextRecursively()).contains("赣0101001234", "周*新");
            // the agency page links the officer's number to the check, which finds it
            UI.getCurrent().navigate("agencies/" + AGENCY_WITH_REAL_NUMBER);
            assertThat(_get(Section.class, spec -> spec.withId("agency-officers")).getElement().getOuterHTML())
                    .contains("href=\"" + CertificateCheckView.url("赣0101001234") + "\"", ">赣0101001234</a>");
        });
        UI.getCurrent().navigate("certificate-check", QueryParameters.of("number", "赣0101001234"));
        assertThat(_get(Div.class, spec -> spec.withId("certificate-result")).getElement().getAttribute("data-outcome"))
                .isEqualTo("unknown");
    }

    @Test
    void english_pages_show_the_agencies_english_names() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("agencies/sample-market-regulation");
        assertThat(_get(H1.class, spec -> spec.withId("agency-name")).getElement().getTextRecursively())
                .contains("Sample City Administration for Market Regulation").doesNotContain("示例市市场监督管理局");
        Paragraph chinese = _get(Paragraph.class, spec -> spec.withId("agency-other-name"));
        assertThat(chinese.getText()).isEqualTo("示例市市场监督管理局");
        assertThat(chinese.getElement().getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(UI.getCurrent().getInternals().getTitle()).contains("Sample City Administration for Market Regulation");
        // the agency's own Chinese texts (address, powers, legal basis) are marked, the translated headings are not
        var powers = _get(com.vaadin.flow.component.html.Section.class, spec -> spec.withId("agency-powers"));
        assertThat(powers.getElement().getAttribute("lang")).isNull();
        assertThat(_find(powers, com.vaadin.flow.component.html.UnorderedList.class)).isNotEmpty()
                .allSatisfy(list -> assertThat(list.getElement().getAttribute("lang")).isEqualTo("zh-CN"));
        // the sample file's English address and office hours, not the Chinese ones (and not marked as Chinese)
        String facts = _get(Div.class, spec -> spec.withClasses("agency-facts")).getElement().getTextRecursively();
        assertThat(facts).contains("Market Regulation Building, No. 88 Heping Road, Xincheng District, Sample City",
                "Working days 9:00-12:00 and 13:30-17:30").doesNotContain("和平路", "工作日");
        // each label is followed by a colon and a space (LabelSpacing.label), as before with agency.detail.colon
        assertThat(facts).contains("Office address: Market Regulation Building", "Supervision phone: 0999-12315001");
        assertThat(_find(com.vaadin.flow.component.html.Span.class))
                .filteredOn(span -> span.getText().startsWith("Working days")).singleElement()
                .satisfies(hours -> assertThat(hours.getElement().getAttribute("lang")).isNull());

        UI.getCurrent().navigate("agencies");
        assertThat(_find(Anchor.class, spec -> spec.withClasses("agency-link"))).extracting(Anchor::getText)
                .contains("Sample City Administration for Market Regulation").noneMatch(t -> t.startsWith("示例市"));
        assertThat(_find(Div.class, spec -> spec.withClasses("agency-card"))).extracting(c -> c.getElement().getTextRecursively())
                .anyMatch(t -> t.contains("Office address: Market Regulation Building, No. 88 Heping Road"))
                .anyMatch(t -> t.contains("Supervision phone: 0999-12315001")).noneMatch(t -> t.contains("和平路"));

        Div result = check("SJ-990100-2024-0017");
        assertThat(result.getElement().getTextRecursively()).contains("Sample City Administration for Market Regulation");
    }

    @Test
    void zh_tw_pages_show_agency_details_in_traditional_characters_and_take_traditional_queries() {
        UI.getCurrent().setLocale(Locale.TRADITIONAL_CHINESE);
        UI.getCurrent().navigate("agencies/sample-market-regulation");
        assertThat(_get(H1.class, spec -> spec.withId("agency-name")).getElement().getTextRecursively())
                .contains("示例市市場監督管理局").doesNotContain("市场");
        assertThat(_get(Paragraph.class, spec -> spec.withId("agency-other-name")).getText())
                .isEqualTo("Sample City Administration for Market Regulation");
        assertThat(_get(Section.class, spec -> spec.withId("agency-officers")).getElement().getOuterHTML())
                .contains("張*豐");
        // a Chinese label takes the full-width colon, which carries its own space (LabelSpacing.label)
        assertThat(_get(Div.class, spec -> spec.withClasses("agency-facts")).getElement().getTextRecursively())
                .contains("辦公地址：示例市新城區和平路88號", "監督電話：0999-12315001").doesNotContain("： ");
        UI.getCurrent().navigate("agencies");
        assertThat(_find(Div.class, spec -> spec.withClasses("agency-card"))).extracting(c -> c.getElement().getTextRecursively())
                .anyMatch(t -> t.contains("辦公地址：示例市新城區和平路88號")).noneMatch(t -> t.contains("： "));

        UI.getCurrent().navigate("agencies", QueryParameters.simple(java.util.Map.of("q", "道路交通安全法")));
        assertThat(resultNames()).isEqualTo("示例市公安局交通管理支隊");
        UI.getCurrent().navigate("agencies", QueryParameters.simple(java.util.Map.of("q", "市場監管")));
        assertThat(resultNames()).startsWith("示例市市場監督管理局");
    }

    @Test
    void words_typed_as_a_zh_tw_page_shows_them_find_the_agency_on_the_search_page() throws Exception {
        withPowerWithFoldedCharacter(knowledgeBase, directory, () -> {
            UI.getCurrent().setLocale(Locale.TRADITIONAL_CHINESE);
            UI.getCurrent().navigate("agencies", QueryParameters.simple(java.util.Map.of("q", "受理和答覆")));
            assertThat(resultNames()).isEqualTo(cn.gov.enforcement.portal.platform.ReaderScript.forLocale(
                    Locale.TRADITIONAL_CHINESE, "示例市城市管理综合行政执法局"));
        });
    }

    @Test
    void an_unknown_agency_id_gets_the_friendly_not_found_page() {
        UI.getCurrent().navigate("agencies/no-such-agency");
        assertThat(_find(Div.class, spec -> spec.withId("agency-not-found"))).hasSize(1);
    }

    private Div check(String number) {
        UI.getCurrent().navigate("certificate-check");
        _setValue(_get(TextField.class, spec -> spec.withId("certificate-input")), number);
        _click(_get(Button.class, spec -> spec.withId("certificate-submit")));
        return _get(Div.class, spec -> spec.withId("certificate-result"));
    }

    @Test
    void a_valid_certificate_is_confirmed_with_the_masked_officer_and_agency() {
        Div result = check(" ｓｊ－990100－2024－0017 ");
        assertThat(result.getElement().getAttribute("data-outcome")).isEqualTo("valid");
        assertThat(result.getElement().getTextRecursively()).contains("欧**轩").contains("示例市市场监督管理局");
    }

    @Test
    void a_revoked_certificate_says_not_valid_and_gives_the_supervision_phone() {
        Div result = check("CG-990100-2018-0007");
        assertThat(result.getElement().getAttribute("data-outcome")).isEqualTo("revoked");
        assertThat(result.getElement().getTextRecursively()).contains("已注销").contains("0999-12319002");
    }

    @Test
    void an_unknown_certificate_gets_a_clear_answer_and_what_to_do() {
        Div result = check("CG-990100-2099-0001");
        assertThat(result.getElement().getAttribute("data-outcome")).isEqualTo("unknown");
        assertThat(result.getElement().getTextRecursively()).contains("没有查到").contains("监督电话");
    }

    @Test
    void bad_input_is_explained_and_what_was_typed_is_kept() {
        Div result = check("SJ-990100<script>");
        assertThat(result.getElement().getAttribute("data-outcome")).isEqualTo("invalid_input");
        TextField input = _get(TextField.class, spec -> spec.withId("certificate-input"));
        assertThat(input.isInvalid()).isTrue();
        assertThat(input.getValue()).isEqualTo("SJ-990100<script>");
        assertThat(input.getErrorMessage()).contains("字母、数字和连字符");
    }
}
