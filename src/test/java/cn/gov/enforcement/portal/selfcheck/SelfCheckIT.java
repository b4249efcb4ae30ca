package cn.gov.enforcement.portal.selfcheck;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.enforcement.portal.KaribuViewTest;
import cn.gov.enforcement.portal.lists.ExemptionItem;
import cn.gov.enforcement.portal.lists.RiskPoint;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.selfcheck.SelfCheckAnswer.Status;
import cn.gov.enforcement.portal.selfcheck.SelfCheckService.Finding;
import cn.gov.enforcement.portal.selfcheck.SelfCheckService.Report;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.QueryParameters;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The guided self-check: sectors, checklist, report, and the page that carries it all in its address. */
class SelfCheckIT extends KaribuViewTest {

    @Autowired SelfCheckService service;
    @Autowired cn.gov.enforcement.portal.knowledge.KnowledgeBase knowledgeBase;
    @Autowired Clock clock;

    @BeforeEach
    void loadTheKnowledgeBase() {
        // test classes with their own knowledge base share the database: load ours again
        knowledgeBase.loadAll();
    }

    private static Map<String, SelfCheckAnswer> answers(Object... idsAndAnswers) {
        Map<String, SelfCheckAnswer> out = new LinkedHashMap<>();
        for (int i = 0; i < idsAndAnswers.length; i += 2) {
            out.put((String) idsAndAnswers[i], (SelfCheckAnswer) idsAndAnswers[i + 1]);
        }
        return out;
    }

    private static List<String> keys(ValidationFailure f) {
        return f.problems().stream().map(p -> p.field() + "=" + p.messageKey()).toList();
    }

    @Test
    void sectors_are_grouped_under_the_agency_most_of_their_risks_come_from() {
        var groups = service.sectors();
        var market = groups.stream().filter(g -> g.agencyId().equals("sample-market-regulation")).findFirst().orElseThrow();
        assertThat(market.agencyName()).isEqualTo("示例市市场监督管理局");
        // four of the six restaurant risks are the market regulator's, two the city management's
        assertThat(market.sectors()).contains(new SelfCheckService.Sector("餐饮服务", 6), new SelfCheckService.Sector("商品零售", 4));
        assertThat(groups).flatMap(SelfCheckService.AgencySectors::sectors).extracting(SelfCheckService.Sector::name)
                .doesNotHaveDuplicates().contains("机动车驾驶", "劳动用工", "排污管理");
    }

    @Test
    void the_checklist_puts_the_most_serious_risks_first_and_refuses_what_it_cannot_read() {
        var checklist = service.checklist(List.of("商品零售", " 餐饮服务 ", "商品零售"));
        assertThat(checklist.sectors()).containsExactlyInAnyOrder("商品零售", "餐饮服务");
        assertThat(checklist.points()).hasSize(10).extracting(RiskPoint::level)
                .containsExactly("高", "高", "高", "高", "中", "中", "中", "中", "中", "低");
        assertThat(keys(catchFailure(() -> service.checklist(List.of())))).containsExactly("sectors=selfcheck.error.noSector");
        assertThat(keys(catchFailure(() -> service.checklist(List.of(" "))))).containsExactly("sectors=selfcheck.error.noSector");
        assertThat(keys(catchFailure(() -> service.checklist(List.of("餐饮服务", "挖矿")))))
                .containsExactly("sectors=selfcheck.error.unknownSector");
        List<String> many = java.util.stream.IntStream.range(0, SelfCheckService.MAX_SECTORS + 1).mapToObj(i -> "s" + i).toList();
        assertThat(keys(catchFailure(() -> service.checklist(many)))).containsExactly("sectors=selfcheck.error.tooManySectors");
    }

    private static ValidationFailure catchFailure(Runnable call) {
        try {
            call.run();
        } catch (ValidationFailure f) {
            return f;
        }
        throw new AssertionError("expected a ValidationFailure");
    }

    @Test
    void the_report_lists_what_to_correct_with_the_measures_still_missing_and_the_items_that_may_apply() {
        Report report = service.report(List.of("商品零售"), answers(
                "mr-rp-price-tag", new SelfCheckAnswer(Status.PARTLY, Set.of(1)),
                "mr-rp-price-fraud", SelfCheckAnswer.of(Status.DONE),
                "mr-rp-measuring-instrument", SelfCheckAnswer.of(Status.NOT_YET)));
        assertThat(report.date()).isEqualTo(LocalDate.now(clock));
        assertThat(report.sample()).isTrue();
        // the medium risk not yet addressed before the low one partly addressed
        assertThat(report.findings()).extracting(f -> f.point().id())
                .containsExactly("mr-rp-measuring-instrument", "mr-rp-price-tag");
        Finding priceTag = report.findings().get(1);
        assertThat(priceTag.status()).isEqualTo(Status.PARTLY);
        assertThat(priceTag.todo()).containsExactly("调价时同步更换价签，做到货签对位。");
        assertThat(priceTag.inPlace()).containsExactly("每天营业前巡查一遍价签。");
        assertThat(priceTag.related()).extracting(ExemptionItem::id).contains("mr-ex-first-price-tag");
        assertThat(report.findings().get(0).todo()).hasSize(2);
        assertThat(report.done()).extracting(RiskPoint::id).containsExactly("mr-rp-price-fraud");
        assertThat(report.unanswered()).extracting(RiskPoint::id).containsExactly("mr-rp-substandard-product");
        assertThat(report.findingsAt("中")).isEqualTo(1);
        assertThat(report.findingsAt("低")).isEqualTo(1);
        assertThat(report.agencies().get("sample-market-regulation").supervisionPhone()).contains("0999-12315001");
        assertThat(report.agencies().get("sample-market-regulation").discretion()).isTrue();
        // every measure ticked is every measure in place
        Report all = service.report(List.of("商品零售"), answers("mr-rp-price-tag", new SelfCheckAnswer(Status.PARTLY, Set.of(0, 1))));
        assertThat(all.findings()).isEmpty();
        assertThat(all.done()).extracting(RiskPoint::id).containsExactly("mr-rp-price-tag");
    }

    @Test
    void the_report_refuses_answers_it_cannot_use() {
        assertThat(keys(catchFailure(() -> service.report(List.of("商品零售"), Map.of()))))
                .containsExactly("answers=selfcheck.error.noAnswer");
        assertThat(keys(catchFailure(() -> service.report(List.of("商品零售"),
                answers("tp-rp-drink-driving", SelfCheckAnswer.of(Status.DONE), "mr-rp-price-tag", new SelfCheckAnswer(Status.PARTLY, Set.of()),
                        "mr-rp-price-fraud", new SelfCheckAnswer(Status.PARTLY, Set.of(7)))))))
                .containsExactly("answers=selfcheck.error.notInChecklist", "mr-rp-price-tag=selfcheck.error.partlyNone",
                        "mr-rp-price-fraud=selfcheck.error.measure");
        assertThatThrownBy(() -> service.report(List.of(), answers("mr-rp-price-tag", SelfCheckAnswer.of(Status.DONE))))
                .isInstanceOf(ValidationFailure.class);
    }

    @Test
    void related_items_share_an_article_and_the_violation_and_stay_within_the_agency() {
        Map<String, RiskPoint> points = new LinkedHashMap<>();
        service.checklist(List.of("机动车驾驶", "餐饮服务", "生活垃圾分类")).points().forEach(p -> points.put(p.id(), p));
        var exemptions = context.getBean(cn.gov.enforcement.portal.lists.ListsCatalog.class).publicExemptions();
        // the seat-belt risk finds the passengers' first-violation item, not the other traffic items under the same article
        assertThat(SelfCheckService.related(points.get("tp-rp-seat-belt"), exemptions)).extracting(ExemptionItem::id)
                .containsExactly("tp-ex-first-seat-belt-passenger");
        assertThat(SelfCheckService.related(points.get("tp-rp-phone-while-driving"), exemptions)).isEmpty();
        assertThat(SelfCheckService.related(points.get("um-rp-household-waste-sorting"), exemptions)).extracting(ExemptionItem::id)
                .containsExactly("um-ex-first-waste-sorting");
        assertThat(SelfCheckService.related(points.get("mr-rp-food-licence"), exemptions)).isEmpty();
        // the goods trucks' overload item for the goods-truck risk, never for the bus risk under the same article
        var all = context.getBean(cn.gov.enforcement.portal.lists.ListsCatalog.class).publicRiskPoints();
        RiskPoint bus = all.stream().filter(p -> p.id().equals("tp-rp-bus-over-capacity")).findFirst().orElseThrow();
        RiskPoint truck = all.stream().filter(p -> p.id().equals("tp-rp-truck-overload")).findFirst().orElseThrow();
        assertThat(SelfCheckService.related(bus, exemptions)).extracting(ExemptionItem::id)
                .doesNotContain("tp-ex-lighter-self-mitigated");
        assertThat(SelfCheckService.related(truck, exemptions)).extracting(ExemptionItem::id)
                .contains("tp-ex-lighter-self-mitigated");
    }

    @Test
    void the_page_walks_from_sectors_to_checklist_to_report_keeping_everything_in_the_address() {
        UI.getCurrent().navigate("self-check");
        assertThat(_get(H1.class).getText()).isEqualTo("法律风险自查自纠");
        _click(_get(Button.class, spec -> spec.withId("selfcheck-start")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("selfcheck-sectors-error")).getText()).isEqualTo("请至少选择一个经营领域。");
        @SuppressWarnings("unchecked")
        CheckboxGroup<String> market = _get(CheckboxGroup.class, spec -> spec.withId("selfcheck-sectors-sample-market-regulation"));
        market.setValue(Set.of("商品零售"));
        _click(_get(Button.class, spec -> spec.withId("selfcheck-start")));
        assertThat(location()).isEqualTo("self-check?sector=%E5%95%86%E5%93%81%E9%9B%B6%E5%94%AE");
        assertThat(_find(Div.class, spec -> spec.withClasses("selfcheck-item"))).hasSize(4);
        assertThat(text("selfcheck-progress-text")).isEqualTo("已回答 0 / 4 项");

        answer("mr-rp-price-fraud", Status.DONE);
        answer("mr-rp-price-tag", Status.PARTLY);
        assertThat(text("selfcheck-progress-text")).isEqualTo("已回答 2 / 4 项");
        // "partly" with nothing ticked: refused on its field, named under the checklist, the focus goes to the
        // measures of the risk in error; the answers stay
        List<com.vaadin.flow.dom.Element> focused = cn.gov.enforcement.portal.testsupport.ScriptCalls.ranOn("focus()",
                () -> _click(_get(Button.class, spec -> spec.withId("selfcheck-make-report"))));
        CheckboxGroup<Integer> measures = measures("mr-rp-price-tag");
        assertThat(measures.isVisible()).isTrue();
        assertThat(measures.isInvalid()).isTrue();
        assertThat(measures.getErrorMessage()).isEqualTo("选择“部分做到”时，请勾选已经做到的措施。");
        assertThat(text("selfcheck-answer-error")).isEqualTo("“未按规定明码标价”：选择“部分做到”时，请勾选已经做到的措施。");
        assertThat(focused).containsExactly(measures.getElement());
        assertThat(answerField("mr-rp-price-fraud").getValue()).isEqualTo(Status.DONE);
        assertThat(answerField("mr-rp-price-tag").getValue()).isEqualTo(Status.PARTLY);
        assertThat(location()).doesNotContain("report");
        // two risks in error: both marked, the first on the page named and focused
        List<String> order = _find(Div.class, spec -> spec.withClasses("selfcheck-item")).stream()
                .map(d -> d.getId().orElseThrow().substring("selfcheck-item-".length())).toList();
        answer("mr-rp-price-fraud", Status.PARTLY);
        focused = cn.gov.enforcement.portal.testsupport.ScriptCalls.ranOn("focus()",
                () -> _click(_get(Button.class, spec -> spec.withId("selfcheck-make-report"))));
        assertThat(measures("mr-rp-price-fraud").isInvalid()).isTrue();
        assertThat(measures("mr-rp-price-tag").isInvalid()).isTrue();
        String firstInError = order.indexOf("mr-rp-price-fraud") < order.indexOf("mr-rp-price-tag")
                ? "mr-rp-price-fraud" : "mr-rp-price-tag";
        assertThat(focused).containsExactly(measures(firstInError).getElement());
        assertThat(text("selfcheck-answer-error")).startsWith("有 2 项需要补充，请看标红的地方。 “");
        answer("mr-rp-price-fraud", Status.DONE);
        measures.setValue(Set.of(1));
        _click(_get(Button.class, spec -> spec.withId("selfcheck-make-report")));

        // the answers about the measures carry the fingerprint of the measures they were given for
        assertThat(location()).contains("a=mr-rp-price-fraud.D~" + fingerprint("mr-rp-price-fraud") + "_mr-rp-price-tag.P2~"
                + fingerprint("mr-rp-price-tag")).contains("&report=1");
        assertThat(_find(Div.class, spec -> spec.withClasses("selfcheck-item"))).isEmpty();
        assertThat(text("selfcheck-report-summary"))
                .isEqualTo("需要整改 1 项（高风险 0 项、中风险 0 项、低风险 1 项）；已做到 1 项，不涉及 0 项，未作答 2 项。");
        String finding = _get(Div.class, spec -> spec.withId("selfcheck-finding-mr-rp-price-tag")).getElement().getTextRecursively();
        assertThat(finding).contains("部分做到", "☐ 调价时同步更换价签，做到货签对位。", "每天营业前巡查一遍价签。",
                "《中华人民共和国价格法》", "示例市市场监督管理局（监督电话 0999-12315001）");
        assertThat(_find(Anchor.class, spec -> spec.withText("自测是否适用")))
                .anySatisfy(a -> assertThat(a.getHref()).isEqualTo("exemptions/mr-ex-first-price-tag/check"));
        assertThat(text("selfcheck-report-sample")).contains("示例数据");
        assertThat(_get(Section.class, spec -> spec.withId("selfcheck-report-unanswered")).getElement().getTextRecursively())
                .contains("以次充好", "使用未经强制检定的电子秤");
        assertThat(_find(Button.class, spec -> spec.withId("lists-print"))).hasSize(1);

        // back to the answers: they are all there
        _click(_get(Button.class, spec -> spec.withId("selfcheck-edit")));
        assertThat(answerField("mr-rp-price-fraud").getValue()).isEqualTo(Status.DONE);
        assertThat(measures("mr-rp-price-tag").getValue()).containsExactly(1);
    }

    @Test
    void changing_the_sectors_keeps_the_answers_of_the_risks_still_listed() {
        UI.getCurrent().navigate("self-check", new QueryParameters(Map.of("sector", List.of("商品零售", "餐饮服务"),
                "a", List.of("mr-rp-price-tag.N_mr-rp-food-licence.D"))));
        assertThat(_find(Div.class, spec -> spec.withClasses("selfcheck-item"))).hasSize(10);
        @SuppressWarnings("unchecked")
        CheckboxGroup<String> market = _get(CheckboxGroup.class, spec -> spec.withId("selfcheck-sectors-sample-market-regulation"));
        assertThat(market.getValue()).containsExactlyInAnyOrder("商品零售", "餐饮服务");
        market.setValue(Set.of("商品零售"));
        _click(_get(Button.class, spec -> spec.withId("selfcheck-start")));
        assertThat(_find(Div.class, spec -> spec.withClasses("selfcheck-item"))).hasSize(4);
        assertThat(location()).contains("a=mr-rp-price-tag.N").doesNotContain("food");
        assertThat(answerField("mr-rp-price-tag").getValue()).isEqualTo(Status.NOT_YET);
    }

    @Test
    void an_address_with_unknown_sectors_and_unreadable_answers_says_what_it_left_out() {
        UI.getCurrent().navigate("self-check", new QueryParameters(Map.of("sector", List.of("商品零售", "<script>", "挖矿"),
                "a", List.of("mr-rp-price-tag.D_tp-rp-drink-driving.N_garbage_mr-rp-price-fraud.P9"), "report", List.of("1"))));
        assertThat(text("selfcheck-notice-sectors")).isEqualTo("本页地址中有 2 个经营领域不在现行的法律风险清单中，已略去。");
        // the answer that names a measure the risk does not have (P9) is left out with the others, to be given again:
        // its field could not show that measure ticked
        assertThat(text("selfcheck-notice-answers")).isEqualTo("本页地址中有 3 项答案无法读取，或者对应的风险点已不在清单中，已略去。");
        // the report is made, listing it among the risks not answered
        assertThat(_get(com.vaadin.flow.component.Component.class, spec -> spec.withId("selfcheck-report-unanswered"))
                .getElement().getTextRecursively()).contains("虚假折扣和虚构原价");

        UI.getCurrent().navigate("self-check", new QueryParameters(Map.of("sector", List.of("挖矿"))));
        assertThat(_find(Div.class, spec -> spec.withClasses("selfcheck-item"))).isEmpty();
        assertThat(_find(Section.class, spec -> spec.withId("selfcheck-sectors"))).hasSize(1);
    }

    @Test
    void a_risk_with_a_single_measure_offers_no_partly_and_reads_an_old_partly_address_alike_on_page_and_api()
            throws Exception {
        assertThat(point("tp-rp-insurance-sign").prevention()).hasSize(1);
        assertThat(point("tp-rp-drink-driving").prevention().size()).isGreaterThan(1);
        UI.getCurrent().navigate("self-check", new QueryParameters(Map.of("sector", List.of("机动车驾驶"))));
        assertThat(answerField("tp-rp-insurance-sign").getListDataView().getItems().toList())
                .containsExactly(Status.DONE, Status.NOT_YET, Status.NOT_APPLICABLE);
        assertThat(answerField("tp-rp-drink-driving").getListDataView().getItems().toList())
                .containsExactly(Status.DONE, Status.PARTLY, Status.NOT_YET, Status.NOT_APPLICABLE);

        // an address from when "some" was offered: its one measure ticked is done, none ticked is left out and said
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("self-check", new QueryParameters(Map.of("sector", List.of("机动车驾驶"),
                "a", List.of("tp-rp-insurance-sign.P1~" + fingerprint("tp-rp-insurance-sign")))));
        assertThat(answerField("tp-rp-insurance-sign").getValue()).isEqualTo(Status.DONE);
        assertThat(_find(com.vaadin.flow.component.Component.class, spec -> spec.withId("selfcheck-notice-answers"))).isEmpty();
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("self-check", new QueryParameters(Map.of("sector", List.of("机动车驾驶"),
                "a", List.of("tp-rp-insurance-sign.P_tp-rp-drink-driving.N"), "report", List.of("1"))));
        assertThat(text("selfcheck-notice-answers")).isEqualTo("本页地址中有 1 项答案无法读取，或者对应的风险点已不在清单中，已略去。");
        assertThat(text("selfcheck-report-unanswered")).contains(point("tp-rp-insurance-sign").title());

        var mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders
                .webAppContextSetup((org.springframework.web.context.WebApplicationContext) context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
        mvc.perform(get("/api/v1/self-check/checklist").param("sector", "机动车驾驶")).andExpect(status().isOk())
                .andExpect(jsonPath("$.riskPoints[?(@.id == 'tp-rp-insurance-sign')].answers[*]").value(
                        org.hamcrest.Matchers.contains("D", "N", "X")))
                .andExpect(jsonPath("$.riskPoints[?(@.id == 'tp-rp-drink-driving')].answers[*]").value(
                        org.hamcrest.Matchers.contains("D", "P", "N", "X")));
        mvc.perform(get("/api/v1/self-check/report").param("sector", "机动车驾驶").param("a", "tp-rp-insurance-sign.P1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.done[0]").value("tp-rp-insurance-sign"))
                .andExpect(jsonPath("$.ignoredAnswers").value(0));
        mvc.perform(get("/api/v1/self-check/report").param("sector", "机动车驾驶")
                        .param("a", "tp-rp-insurance-sign.P_tp-rp-drink-driving.N"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ignoredAnswers").value(1))
                .andExpect(jsonPath("$.findings[0].id").value("tp-rp-drink-driving"));
    }

    @Test
    void a_risk_withdrawn_while_the_page_is_open_is_left_out_with_a_notice_instead_of_blocking_the_report() {
        UI.getCurrent().navigate("self-check", new QueryParameters(Map.of("sector", List.of("商品零售"),
                "a", List.of("mr-rp-price-tag.N_mr-rp-price-fraud.D"))));
        assertThat(_find(Div.class, spec -> spec.withClasses("selfcheck-item"))).hasSize(4);
        // the risk goes out of force behind the page's back
        var jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        jdbc.update("update lists_entry set effective_to = ? where id = 'mr-rp-price-fraud'", LocalDate.now(clock).minusDays(1));
        // announced as the lists store does after writing (the public lists are cached until then)
        listsChanged();
        try {
            _click(_get(Button.class, spec -> spec.withId("selfcheck-make-report")));
            assertThat(_find(Div.class, spec -> spec.withClasses("selfcheck-item"))).hasSize(3);
            assertThat(text("selfcheck-notice-answers")).isEqualTo("本页地址中有 1 项答案无法读取，或者对应的风险点已不在清单中，已略去。");
            assertThat(answerField("mr-rp-price-tag").getValue()).isEqualTo(Status.NOT_YET);
            _click(_get(Button.class, spec -> spec.withId("selfcheck-make-report")));
            assertThat(text("selfcheck-report-summary")).startsWith("需要整改 1 项");
        } finally {
            jdbc.update("update lists_entry set effective_to = null where id = 'mr-rp-price-fraud'");
            listsChanged();
        }
    }

    @Test
    void the_page_speaks_english_and_traditional_chinese() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("self-check", new QueryParameters(Map.of("sector", List.of("商品零售"),
                "a", List.of("mr-rp-price-tag.N"), "report", List.of("1"))));
        assertThat(text("selfcheck-report-summary"))
                .isEqualTo("To correct: 1 (high risk 0, medium 0, low 1); in place: 0; not concerned: 0; not answered: 3.");
        // the report's Chinese content is marked as such for screen readers, its translated labels are not
        Div finding = _get(Div.class, spec -> spec.withId("selfcheck-finding-mr-rp-price-tag"));
        assertThat(finding.getElement().getAttribute("lang")).isNull();
        assertThat(_get(finding, Anchor.class, spec -> spec.withClasses("selfcheck-finding-title")).getElement()
                .getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(_get(finding, UnorderedList.class, spec -> spec.withClasses("selfcheck-todo")).getElement()
                .getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(_get(finding, Paragraph.class, spec -> spec.withClasses("selfcheck-consequence")).getElement()
                .getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(_find(finding, Paragraph.class, spec -> spec.withClasses("selfcheck-label")))
                .isNotEmpty().allSatisfy(label -> assertThat(label.getElement().getAttribute("lang")).isNull());
        assertThat(_find(_get(Section.class, spec -> spec.withId("selfcheck-report-unanswered")), Anchor.class))
                .isNotEmpty().allSatisfy(a -> assertThat(a.getElement().getAttribute("lang")).isEqualTo("zh-CN"));
        UI.getCurrent().setLocale(Locale.TRADITIONAL_CHINESE);
        UI.getCurrent().navigate("self-check", new QueryParameters(Map.of("sector", List.of("商品零售"),
                "a", List.of("mr-rp-price-tag.N"), "report", List.of("1"))));
        assertThat(_get(Div.class, spec -> spec.withId("selfcheck-finding-mr-rp-price-tag")).getElement().getTextRecursively())
                .contains("未按規定明碼標價", "還沒有做到");
        assertThat(_get(_get(Div.class, spec -> spec.withId("selfcheck-finding-mr-rp-price-tag")), Anchor.class,
                spec -> spec.withClasses("selfcheck-finding-title")).getElement().getAttribute("lang"))
                .as("in Traditional characters, the page's language").isNull();
    }

    /** The texts of the elements marked with {@code language} in {@code shown}, itself included. */
    private static List<String> marked(com.vaadin.flow.dom.Element shown, String language) {
        List<String> out = new java.util.ArrayList<>();
        if (language.equals(shown.getAttribute("lang"))) {
            out.add(shown.getTextRecursively());
        }
        shown.getChildren().forEach(child -> out.addAll(marked(child, language)));
        return out;
    }

    @Test
    void on_an_english_page_the_measures_and_an_agency_s_chinese_name_are_marked_and_an_english_name_is_not() {
        var jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        QueryParameters checklist = new QueryParameters(Map.of("sector", List.of("商品零售")));
        QueryParameters report = new QueryParameters(Map.of("sector", List.of("商品零售"),
                "a", List.of("mr-rp-price-tag.N"), "report", List.of("1")));
        UI.getCurrent().navigate("self-check", checklist);
        // the measures are the list's own Chinese words, in the list and as the boxes' labels
        Div item = _get(Div.class, spec -> spec.withId("selfcheck-item-mr-rp-price-tag"));
        assertThat(_get(item, UnorderedList.class, spec -> spec.withClasses("selfcheck-measures")).getElement()
                .getAttribute("lang")).isEqualTo("zh-CN");
        answer("mr-rp-price-tag", Status.PARTLY);
        CheckboxGroup<Integer> done = measures("mr-rp-price-tag");
        assertThat(done.getElement().getAttribute("lang")).as("its label is translated").isNull();
        assertThat(done.getChildren().toList()).isNotEmpty()
                .allSatisfy(box -> assertThat(box.getElement().getAttribute("lang")).isEqualTo("zh-CN"));
        // an agency with an English name: the name is the page's language
        com.vaadin.flow.dom.Element group = _get(CheckboxGroup.class,
                spec -> spec.withId("selfcheck-sectors-sample-market-regulation")).getElement();
        assertThat(group.getProperty("label")).isEqualTo("Sample City Administration for Market Regulation");
        assertThat(marked(group, "zh-CN")).doesNotContain("Sample City Administration for Market Regulation");
        UI.getCurrent().navigate("self-check", report);
        Paragraph ask = _get(Paragraph.class, spec -> spec.withClasses("selfcheck-ask"));
        assertThat(ask.getText()).contains("Sample City Administration for Market Regulation");
        assertThat(marked(ask.getElement(), "zh-CN")).isEmpty();
        assertThat(marked(_get(Section.class, spec -> spec.withId("selfcheck-report")).getElement(), "zh-CN"))
                .contains("商品零售");

        // an agency without one: English pages show its Chinese name, marked as such
        jdbc.update("update agency set name_en = '' where id = 'sample-market-regulation'");
        try {
            UI.getCurrent().navigate("self-check", checklist);
            group = _get(CheckboxGroup.class, spec -> spec.withId("selfcheck-sectors-sample-market-regulation")).getElement();
            assertThat(group.getTextRecursively()).contains("示例市市场监督管理局");
            assertThat(marked(group, "zh-CN")).contains("示例市市场监督管理局");
            UI.getCurrent().navigate("self-check", report);
            ask = _get(Paragraph.class, spec -> spec.withClasses("selfcheck-ask"));
            assertThat(ask.getElement().getTextRecursively()).startsWith("Questions: ask 示例市市场监督管理局 (supervision phone");
            assertThat(ask.getElement().getAttribute("lang")).isNull();
            assertThat(marked(ask.getElement(), "zh-CN")).containsExactly("示例市市场监督管理局");
        } finally {
            jdbc.update("update agency set name_en = 'Sample City Administration for Market Regulation' "
                    + "where id = 'sample-market-regulation'");
        }
    }

    @Test
    void the_risk_list_the_assistant_and_the_home_page_lead_to_the_self_check() {
        UI.getCurrent().navigate("risks");
        assertThat(_get(Anchor.class, spec -> spec.withId("risk-self-check-link")).getHref()).isEqualTo("self-check");
        UI.getCurrent().navigate("assistant");
        assertThat(_get(Anchor.class, spec -> spec.withId("assistant-self-check-link")).getHref()).isEqualTo("self-check");
        UI.getCurrent().navigate("");
        assertThat(_find(Anchor.class, spec -> spec.withText("自查自纠"))).extracting(Anchor::getHref).contains("self-check");
    }

    @Test
    void the_api_gives_sectors_checklist_and_report_from_the_pages_address_format_without_an_account() throws Exception {
        var mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders
                .webAppContextSetup((org.springframework.web.context.WebApplicationContext) context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
        mvc.perform(get("/api/v1/self-check/sectors")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.agency == 'sample-market-regulation')].sectors[?(@.name == '商品零售')].riskPoints")
                        .value(4));
        mvc.perform(get("/api/v1/self-check/checklist").param("sector", "商品零售")).andExpect(status().isOk())
                .andExpect(jsonPath("$.riskPoints.length()").value(4))
                .andExpect(jsonPath("$.riskPoints[0].level").value("高"))
                .andExpect(jsonPath("$.riskPoints[3].id").value("mr-rp-price-tag"));
        mvc.perform(get("/api/v1/self-check/report").param("sector", "商品零售")
                        .param("a", "mr-rp-price-tag.P2_mr-rp-price-fraud.D_tp-rp-drink-driving.N_garbage"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary.toCorrect").value(1))
                .andExpect(jsonPath("$.summary.low").value(1))
                .andExpect(jsonPath("$.findings[0].id").value("mr-rp-price-tag"))
                .andExpect(jsonPath("$.findings[0].status").value("PARTLY"))
                .andExpect(jsonPath("$.findings[0].todo[0]").value("调价时同步更换价签，做到货签对位。"))
                .andExpect(jsonPath("$.findings[0].related[0].checkUrl").value("/exemptions/mr-ex-first-price-tag/check"))
                .andExpect(jsonPath("$.findings[0].supervisionPhone").value("0999-12315001"))
                .andExpect(jsonPath("$.done[0]").value("mr-rp-price-fraud"))
                .andExpect(jsonPath("$.ignoredAnswers").value(2));
        mvc.perform(get("/api/v1/self-check/report").param("sector", "商品零售").param("a", "mr-rp-price-tag.P")
                        .param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bad_request"))
                .andExpect(jsonPath("$.problems[0].field").value("mr-rp-price-tag"))
                .andExpect(jsonPath("$.message").value("With “Some are in place”, please tick the measures that are."));
        mvc.perform(get("/api/v1/self-check/checklist")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].field").value("sectors"));
    }

    @Test
    void the_api_gives_the_self_check_in_the_script_of_the_request_language() throws Exception {
        var mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders
                .webAppContextSetup((org.springframework.web.context.WebApplicationContext) context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
        // zh-TW: the sectors and the agency's name as the zh-TW page shows them
        mvc.perform(get("/api/v1/self-check/sectors").param("lang", "zh-TW")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.agency == 'sample-traffic-police')].agencyName").value("示例市公安局交通管理支隊"))
                .andExpect(jsonPath("$[?(@.agency == 'sample-traffic-police')].sectors[?(@.name == '機動車駕駛')]")
                        .isNotEmpty());
        mvc.perform(get("/api/v1/self-check/sectors")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.agency == 'sample-traffic-police')].agencyName").value("示例市公安局交通管理支队"))
                .andExpect(jsonPath("$[?(@.agency == 'sample-traffic-police')].sectors[?(@.name == '机动车驾驶')]")
                        .isNotEmpty());
        // a sector named as the zh-TW answer names it is read back; the checklist's words in the request's script, its
        // ids, levels, answer letters and the measures' fingerprint (of the text as written) unchanged
        mvc.perform(get("/api/v1/self-check/checklist").param("sector", "機動車駕駛").header("Accept-Language", "zh-TW"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sectors[0]").value("機動車駕駛"))
                .andExpect(jsonPath("$.riskPoints[?(@.id == 'tp-rp-drink-driving')].title").value("飲酒後駕駛機動車"))
                .andExpect(jsonPath("$.riskPoints[?(@.id == 'tp-rp-drink-driving')].level").value("高"))
                .andExpect(jsonPath("$.riskPoints[?(@.id == 'tp-rp-drink-driving')].preventionFingerprint")
                        .value(fingerprint("tp-rp-drink-driving")))
                .andExpect(jsonPath("$.riskPoints[?(@.id == 'tp-rp-drink-driving')].answers")
                        .value(org.hamcrest.Matchers.contains(List.of("D", "P", "N", "X"))));
        for (var asWritten : List.of(get("/api/v1/self-check/checklist").param("sector", "機動車駕駛"),
                get("/api/v1/self-check/checklist").param("sector", "机动车驾驶").param("lang", "en"))) {
            mvc.perform(asWritten).andExpect(status().isOk())
                    .andExpect(jsonPath("$.sectors[0]").value("机动车驾驶"))
                    .andExpect(jsonPath("$.riskPoints[?(@.id == 'tp-rp-drink-driving')].title").value("饮酒后驾驶机动车"));
        }
        mvc.perform(get("/api/v1/self-check/report").param("sector", "機動車駕駛").param("a", "tp-rp-drink-driving.N")
                        .param("lang", "zh-TW"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sectors[0]").value("機動車駕駛"))
                .andExpect(jsonPath("$.findings[0].id").value("tp-rp-drink-driving"))
                .andExpect(jsonPath("$.findings[0].title").value("飲酒後駕駛機動車"))
                .andExpect(jsonPath("$.findings[0].level").value("高"))
                .andExpect(jsonPath("$.findings[0].status").value("NOT_YET"))
                .andExpect(jsonPath("$.findings[0].todo[1]").value(cn.gov.enforcement.portal.platform.ReaderScript.toTaiwan("前一晚大量饮酒的，次日上午尽量不要驾车。")))
                .andExpect(jsonPath("$.findings[0].basis[0].title").value("中華人民共和國道路交通安全法"))
                .andExpect(jsonPath("$.findings[0].basis[0].article").value("第二十二條第二款"))
                .andExpect(jsonPath("$.findings[0].agency").value("sample-traffic-police"))
                .andExpect(jsonPath("$.findings[0].agencyName").value("示例市公安局交通管理支隊"));
        mvc.perform(get("/api/v1/self-check/report").param("sector", "机动车驾驶").param("a", "tp-rp-drink-driving.N"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.findings[0].title").value("饮酒后驾驶机动车"))
                .andExpect(jsonPath("$.findings[0].todo[1]").value("前一晚大量饮酒的，次日上午尽量不要驾车。"));
    }

    /** The fingerprint of a risk point's measures as they are now. */
    private String fingerprint(String id) {
        return SelfCheckAnswer.fingerprint(point(id).prevention());
    }

    private RiskPoint point(String id) {
        return context.getBean(cn.gov.enforcement.portal.lists.ListsCatalog.class).publicRiskPoints().stream()
                .filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void an_answer_about_measures_that_changed_since_is_left_out_to_be_given_again() throws Exception {
        String fraud = fingerprint("mr-rp-price-fraud");
        UI.getCurrent().navigate("self-check", new QueryParameters(Map.of("sector", List.of("商品零售"),
                "a", List.of("mr-rp-price-tag.P1~zzzzzz_mr-rp-price-fraud.D~" + fraud + "_mr-rp-measuring-instrument.N~zzzzzz"))));
        assertThat(text("selfcheck-notice-changed")).isEqualTo("以下 1 个风险点的防范措施在本页地址生成后有过修改，原来的答案已略去，请重新作答："
                + point("mr-rp-price-tag").title() + "。");
        assertThat(_find(com.vaadin.flow.component.Component.class, spec -> spec.withId("selfcheck-notice-answers"))).isEmpty();
        assertThat(answerField("mr-rp-price-tag").getValue()).isNull();
        // measures unchanged, or an answer that does not depend on them: kept
        assertThat(answerField("mr-rp-price-fraud").getValue()).isEqualTo(Status.DONE);
        assertThat(answerField("mr-rp-measuring-instrument").getValue()).isEqualTo(Status.NOT_YET);

        // an address from before the fingerprints is read by position, as it always was
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("self-check", new QueryParameters(Map.of("sector", List.of("商品零售"),
                "a", List.of("mr-rp-price-tag.P1"))));
        assertThat(_find(com.vaadin.flow.component.Component.class, spec -> spec.withId("selfcheck-notice-changed"))).isEmpty();
        assertThat(measures("mr-rp-price-tag").getValue()).containsExactly(0);

        var mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders
                .webAppContextSetup((org.springframework.web.context.WebApplicationContext) context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
        mvc.perform(get("/api/v1/self-check/checklist").param("sector", "商品零售")).andExpect(status().isOk())
                .andExpect(jsonPath("$.riskPoints[?(@.id == 'mr-rp-price-tag')].preventionFingerprint")
                        .value(fingerprint("mr-rp-price-tag")));
        mvc.perform(get("/api/v1/self-check/report").param("sector", "商品零售")
                        .param("a", "mr-rp-price-tag.P1~zzzzzz_mr-rp-price-fraud.D~" + fraud))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changedAnswers[0]").value("mr-rp-price-tag"))
                .andExpect(jsonPath("$.ignoredAnswers").value(0))
                .andExpect(jsonPath("$.done[0]").value("mr-rp-price-fraud"))
                .andExpect(jsonPath("$.summary.unanswered").value(3));

        // a fingerprint not of the form of one (a damaged address) is an unreadable answer, not an editor's change
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("self-check", new QueryParameters(Map.of("sector", List.of("商品零售"),
                "a", List.of("mr-rp-price-tag.D~bad_mr-rp-price-fraud.D~" + fraud))));
        assertThat(_find(com.vaadin.flow.component.Component.class, spec -> spec.withId("selfcheck-notice-changed"))).isEmpty();
        assertThat(text("selfcheck-notice-answers")).isEqualTo("本页地址中有 1 项答案无法读取，或者对应的风险点已不在清单中，已略去。");
        assertThat(answerField("mr-rp-price-tag").getValue()).isNull();
        mvc.perform(get("/api/v1/self-check/report").param("sector", "商品零售")
                        .param("a", "mr-rp-price-tag.D~bad_mr-rp-price-fraud.D~" + fraud))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changedAnswers").isEmpty())
                .andExpect(jsonPath("$.ignoredAnswers").value(1));
    }

    private static String location() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }

    private static String text(String id) {
        return _get(com.vaadin.flow.component.Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<Status> answerField(String id) {
        return _get(RadioButtonGroup.class, spec -> spec.withId("selfcheck-answer-" + id));
    }

    @SuppressWarnings("unchecked")
    private static CheckboxGroup<Integer> measures(String id) {
        return _get(CheckboxGroup.class, spec -> spec.withId("selfcheck-measures-" + id));
    }

    private static void answer(String id, Status status) {
        answerField(id).setValue(status);
    }

    /**
     * What the lists store announces after writing, in a transaction as the store does (its listeners run after
     * commit; an event published outside one would stay pending in the publication table forever).
     */
    private void listsChanged() {
        new org.springframework.transaction.support.TransactionTemplate(
                context.getBean(org.springframework.transaction.PlatformTransactionManager.class))
                .executeWithoutResult(tx -> context.publishEvent(
                        new cn.gov.enforcement.portal.lists.ListsChanged("", List.of(), List.of())));
    }
}
