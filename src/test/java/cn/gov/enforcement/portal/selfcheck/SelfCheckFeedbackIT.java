package cn.gov.enforcement.portal.selfcheck;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.KaribuViewTest;
import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.account.Role;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.selfcheck.SelfCheckAnswer.Status;
import cn.gov.enforcement.portal.selfcheck.SelfCheckFeedback.AgencyFigures;
import cn.gov.enforcement.portal.selfcheck.SelfCheckFeedback.RiskFigures;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/** Self-check results sent anonymously, and the agency's page that reads them. */
class SelfCheckFeedbackIT extends KaribuViewTest {

    static final String MARKET = "sample-market-regulation";

    @Autowired SelfCheckFeedback feedback;
    @Autowired AccountService accounts;
    @Autowired cn.gov.enforcement.portal.account.PortalUserDetailsService users;
    @Autowired cn.gov.enforcement.portal.knowledge.KnowledgeBase knowledgeBase;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    @BeforeEach
    void prepare() {
        // test classes with their own knowledge base share the database: load ours again
        knowledgeBase.loadAll();
        feedback.resetLimits();
    }

    private void signInStaff(String username, Role role, String agency) {
        SecurityContextHolder.setContext(new SecurityContextImpl(new UsernamePasswordAuthenticationToken("test-admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))));
        try {
            accounts.create(new AccountService.NewUser(username, "测试人员", role, agency));
        } catch (ValidationFailure alreadyThere) {
            // created by an earlier test of this run
        }
        signIn(users.loadUserByUsername(username), role.name());
    }

    private static Map<String, SelfCheckAnswer> retailAnswers() {
        Map<String, SelfCheckAnswer> answers = new LinkedHashMap<>();
        answers.put("mr-rp-price-tag", SelfCheckAnswer.of(Status.NOT_YET));
        answers.put("mr-rp-price-fraud", SelfCheckAnswer.of(Status.DONE));
        answers.put("mr-rp-measuring-instrument", new SelfCheckAnswer(Status.PARTLY, Set.of(0)));
        return answers;
    }

    private RiskFigures risk(AgencyFigures figures, String id) {
        return figures.risks().stream().filter(r -> r.riskPointId().equals(id)).findFirst()
                .orElseGet(() -> new RiskFigures(id, java.util.Optional.empty(), Map.of()));
    }

    @Test
    void a_submission_stores_the_answers_without_anything_that_identifies_the_business() {
        signInStaff("selfcheck-market-officer", Role.OFFICER, MARKET);
        AgencyFigures before = feedback.figures(MARKET);
        SecurityContextHolder.clearContext();

        assertThat(feedback.submit(List.of("商品零售"), retailAnswers(), "203.0.113.7")).isEqualTo(3);
        assertThat(jdbc.queryForList("select column_name from information_schema.columns where lower(table_name) in "
                + "('selfcheck_submission', 'selfcheck_answer')", String.class))
                .map(String::toLowerCase).containsExactlyInAnyOrder("id", "submitted_on", "submission_id", "agency_id",
                        "risk_point_id", "status");

        signInStaff("selfcheck-market-officer", Role.OFFICER, MARKET);
        AgencyFigures after = feedback.figures(MARKET);
        assertThat(after.submissions()).isEqualTo(before.submissions() + 1);
        assertThat(after.to()).isEqualTo(LocalDate.now(clock));
        assertThat(risk(after, "mr-rp-price-tag").answers(Status.NOT_YET))
                .isEqualTo(risk(before, "mr-rp-price-tag").answers(Status.NOT_YET) + 1);
        assertThat(risk(after, "mr-rp-price-fraud").answers(Status.DONE))
                .isEqualTo(risk(before, "mr-rp-price-fraud").answers(Status.DONE) + 1);
        assertThat(risk(after, "mr-rp-measuring-instrument").answers(Status.PARTLY))
                .isEqualTo(risk(before, "mr-rp-measuring-instrument").answers(Status.PARTLY) + 1);
        // unanswered risks are not sent
        assertThat(risk(after, "mr-rp-substandard-product").concerned()).isEqualTo(risk(before, "mr-rp-substandard-product").concerned());
        // the risks least in place come first
        assertThat(after.risks()).extracting(RiskFigures::notInPlace).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void refused_answers_store_nothing_and_an_address_sends_ten_an_hour() {
        Integer rows = jdbc.queryForObject("select count(*) from selfcheck_answer", Integer.class);
        assertThatThrownBy(() -> feedback.submit(List.of("商品零售"), Map.of("mr-rp-price-tag",
                new SelfCheckAnswer(Status.PARTLY, Set.of())), "203.0.113.8"))
                .isInstanceOf(ValidationFailure.class);
        assertThatThrownBy(() -> feedback.submit(List.of(), retailAnswers(), "203.0.113.8")).isInstanceOf(ValidationFailure.class);
        assertThat(jdbc.queryForObject("select count(*) from selfcheck_answer", Integer.class)).isEqualTo(rows);
        for (int i = 0; i < SelfCheckFeedback.PER_HOUR; i++) {
            feedback.submit(List.of("商品零售"), retailAnswers(), "203.0.113.9");
        }
        assertThatThrownBy(() -> feedback.submit(List.of("商品零售"), retailAnswers(), "203.0.113.9"))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems().get(0).messageKey())
                        .isEqualTo("selfcheck.feedback.error.tooMany"));
        // another address is not held back
        assertThat(feedback.submit(List.of("商品零售"), retailAnswers(), "203.0.113.10")).isEqualTo(3);
    }

    @Test
    void staff_read_only_their_own_agency_and_the_public_reads_nothing() {
        assertThatThrownBy(() -> feedback.figures(MARKET)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        signInStaff("selfcheck-traffic-officer", Role.OFFICER, "sample-traffic-police");
        assertThatThrownBy(() -> feedback.figures(MARKET)).isInstanceOf(AccessDeniedException.class);
        assertThat(feedback.staffAgency(MARKET)).contains("sample-traffic-police");
        signInStaff("selfcheck-market-editor", Role.EDITOR, MARKET);
        assertThat(feedback.figures(MARKET).agencyId()).isEqualTo(MARKET);
        assertThat(feedback.mayWriteGuidance()).isFalse();
        signIn("test-admin", "ADMIN");
        assertThat(feedback.figures("sample-traffic-police").agencyId()).isEqualTo("sample-traffic-police");
        assertThat(feedback.staffAgency(" " + MARKET + " ")).contains(MARKET);
    }

    @Test
    void submissions_older_than_two_years_are_deleted_with_their_answers() {
        LocalDate old = LocalDate.now(clock).minusDays(SelfCheckFeedback.KEEP_DAYS + 1L);
        jdbc.update("insert into selfcheck_submission (id, submitted_on) values ('old-submission', ?)", old);
        jdbc.update("insert into selfcheck_answer (submission_id, agency_id, risk_point_id, status) values "
                + "('old-submission', ?, 'mr-rp-price-tag', 'NOT_YET')", MARKET);
        assertThat(feedback.purge()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from selfcheck_answer where submission_id = 'old-submission'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from selfcheck_submission where submitted_on < ?", Integer.class,
                LocalDate.now(clock).minusDays(SelfCheckFeedback.KEEP_DAYS))).isZero();
    }

    @Test
    void the_intro_says_nothing_is_stored_unless_the_reader_sends_the_answers_with_the_report_s_button() {
        assertThat(SelfCheckFeedback.KEEP_DAYS).as("the intro says two years").isEqualTo(730);
        for (java.util.Locale locale : List.of(java.util.Locale.SIMPLIFIED_CHINESE, java.util.Locale.TRADITIONAL_CHINESE,
                java.util.Locale.ENGLISH)) {
            UI.getCurrent().setLocale(locale);
            UI.getCurrent().navigate("self-check", new QueryParameters(Map.of("sector", List.of("商品零售"),
                    "a", List.of("mr-rp-price-tag.N"), "report", List.of("1"))));
            String button = _get(Button.class, spec -> spec.withId("selfcheck-feedback-submit")).getText();
            UI.getCurrent().navigate("self-check");
            String intro = _get(Paragraph.class, spec -> spec.withId("selfcheck-privacy")).getText();
            // the exception is named by the label of the button that makes it, and what is then kept and how long
            assertThat(intro).as(locale.toString()).contains(button)
                    .containsAnyOf("两年后删除", "兩年後刪除", "deletes them after two years");
        }
        UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("self-check");
        assertThat(_get(Paragraph.class, spec -> spec.withId("selfcheck-privacy")).getText())
                .contains("平台也不保存，除非您在最后选择“匿名提交自查结果”");
    }

    @Test
    void the_report_sends_its_answers_once_and_the_officer_reads_them_with_a_link_to_write_guidance() {
        UI.getCurrent().navigate("self-check", new QueryParameters(Map.of("sector", List.of("商品零售"),
                "a", List.of("mr-rp-price-tag.N_mr-rp-price-fraud.D"), "report", List.of("1"))));
        _click(_get(Button.class, spec -> spec.withId("selfcheck-feedback-submit")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("selfcheck-feedback-result")).getText())
                .isEqualTo("已匿名提交 2 个风险点的回答，谢谢。");
        assertThat(_find(Button.class, spec -> spec.withId("selfcheck-feedback-submit"))).isEmpty();
        // the same report opened again in this session offers no second submission
        UI.getCurrent().navigate("self-check", new QueryParameters(Map.of("sector", List.of("商品零售"),
                "a", List.of("mr-rp-price-tag.N_mr-rp-price-fraud.D"), "report", List.of("1"))));
        assertThat(_find(Button.class, spec -> spec.withId("selfcheck-feedback-submit"))).isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withId("selfcheck-feedback-result")).getText())
                .isEqualTo("这份自查结果已经匿名提交过，谢谢。");
        // other answers may be sent
        UI.getCurrent().navigate("self-check", new QueryParameters(Map.of("sector", List.of("商品零售"),
                "a", List.of("mr-rp-price-tag.D"), "report", List.of("1"))));
        assertThat(_find(Button.class, spec -> spec.withId("selfcheck-feedback-submit"))).hasSize(1);

        signInStaff("selfcheck-market-officer", Role.OFFICER, MARKET);
        UI.getCurrent().navigate("staff/self-checks");
        // an officer has no agency to choose (Karibu finds visible components only)
        assertThat(_find(Select.class, spec -> spec.withId("selfcheck-staff-agency"))).isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withId("selfcheck-staff-summary")).getText()).contains("份匿名自查结果");
        @SuppressWarnings("unchecked")
        Grid<RiskFigures> grid = _get(Grid.class, spec -> spec.withId("selfcheck-staff-risks"));
        List<RiskFigures> rows = GridKt._findAll(grid);
        assertThat(rows).extracting(RiskFigures::riskPointId).contains("mr-rp-price-tag", "mr-rp-price-fraud")
                .allMatch(id -> id.startsWith("mr-"));
        int priceTag = rows.stream().map(RiskFigures::riskPointId).toList().indexOf("mr-rp-price-tag");
        assertThat(((Anchor) GridKt._getCellComponent(grid, priceTag, "guidance")).getHref())
                .isEqualTo("staff/guidance/new?risk=mr-rp-price-tag");
        assertThat(((Anchor) GridKt._getCellComponent(grid, priceTag, "risk")).getHref()).isEqualTo("risks/mr-rp-price-tag");
        // on a narrow window each risk point is a card with its figures and both links
        SelfCheckFeedbackView view = _get(SelfCheckFeedbackView.class);
        List<String> wide = cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(grid);
        assertThat(wide).as("wide until the browser says otherwise").hasSize(8).contains("share", "guidance");
        cn.gov.enforcement.portal.platform.NarrowWindowEvents.tell(view, true);
        assertThat(cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(grid)).containsExactly("figures");
        com.vaadin.flow.component.Component card = GridKt._getCellComponent(grid, priceTag, "figures");
        assertThat(card.getElement().getTextRecursively()).contains("还没有做到：", "以上措施都已做到：", "未到位比例：");
        assertThat(_find(card, Anchor.class)).extracting(Anchor::getHref)
                .containsExactly("risks/mr-rp-price-tag", "staff/guidance/new?risk=mr-rp-price-tag");
        cn.gov.enforcement.portal.platform.NarrowWindowEvents.tell(view, false);
        assertThat(cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(grid)).isEqualTo(wide);
        // the risk point's title is the list's Chinese content: marked on an English page
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("staff/self-checks");
        @SuppressWarnings("unchecked")
        Grid<RiskFigures> english = _get(Grid.class, spec -> spec.withId("selfcheck-staff-risks"));
        assertThat(GridKt._getCellComponent(english, priceTag, "risk").getElement().getAttribute("lang")).isEqualTo("zh-CN");
        UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);

        // an administrator chooses the agency
        signIn("test-admin", "ADMIN");
        UI.getCurrent().navigate("staff/self-checks");
        @SuppressWarnings("unchecked")
        Select<String> agency = _get(Select.class, spec -> spec.withId("selfcheck-staff-agency"));
        agency.setValue("sample-traffic-police");
        // no business sent answers about traffic risks: no table, a sentence saying so
        assertThat(_get(Paragraph.class, spec -> spec.withId("selfcheck-staff-summary")).getText()).contains("没有企业匿名提交")
                .contains("所选机关").doesNotContain("本机关");
        // the lead speaks of the agency chosen, not of an agency of the administrator's own
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText)).anyMatch(t -> t.contains("企业对所选机关各法律风险点的回答"))
                .noneMatch(t -> t.contains("本机关"));
        assertThat(_find(Grid.class, spec -> spec.withId("selfcheck-staff-risks"))).isEmpty();
        agency.setValue(MARKET);
        assertThat(_find(Grid.class, spec -> spec.withId("selfcheck-staff-risks"))).hasSize(1);

        // the address chooses it too; an agency that is not offered chooses none, saying so, not the first one
        UI.getCurrent().navigate("staff/self-checks", QueryParameters.simple(Map.of("agency", MARKET)));
        agency = _get(Select.class, spec -> spec.withId("selfcheck-staff-agency"));
        assertThat(agency.getValue()).isEqualTo(MARKET);
        assertThat(agency.isInvalid()).isFalse();
        UI.getCurrent().navigate("staff/self-checks", QueryParameters.simple(Map.of("agency", "no-such-agency")));
        agency = _get(Select.class, spec -> spec.withId("selfcheck-staff-agency"));
        assertThat(agency.getValue()).isNull();
        assertThat(agency.isInvalid()).isTrue();
        assertThat(agency.getErrorMessage()).isEqualTo("链接中的“no-such-agency”不在可选范围内，请在这里选择。");
        assertThat(_get(Paragraph.class, spec -> spec.withId("selfcheck-staff-summary")).getText()).isEqualTo("请选择执法机关。");
        assertThat(_find(Grid.class, spec -> spec.withId("selfcheck-staff-risks"))).isEmpty();
    }
}
