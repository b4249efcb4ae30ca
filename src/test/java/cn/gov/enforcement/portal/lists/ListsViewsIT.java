package cn.gov.enforcement.portal.lists;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.lists.data.ListEntryRepository;
import cn.gov.enforcement.portal.search.SearchIndexes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Browserless tests of the public list pages and the eligibility check with Karibu-Testing. */
class ListsViewsIT extends ListsTestSupport {

    @Autowired SearchIndexes indexes;
    @Autowired ListsCatalog catalog;
    @Autowired ListEntryRepository repository;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void the_risk_list_filters_from_bookmarkable_parameters_and_shows_sample_badges() {
        UI.getCurrent().navigate("risks", QueryParameters.simple(Map.of("agency", "sample-traffic-police", "level", "高")));
        assertThat(_get(Select.class, spec -> spec.withId("risk-level")).getValue()).isEqualTo("高");
        var cards = _find(Div.class, spec -> spec.withClasses("risk-card"));
        assertThat(cards).isNotEmpty().allSatisfy(card -> assertThat(card.getElement().getAttribute("data-id")).startsWith("tp-rp-"));
        assertThat(_find(Span.class, spec -> spec.withClasses("lists-sample-badge"))).isNotEmpty()
                .allSatisfy(b -> assertThat(b.getText()).isEqualTo("示例"));
        assertThat(_get(Anchor.class, spec -> spec.withId("risk-download")).getHref())
                .startsWith("/api/v1/risk-points.csv?").contains("agency=sample-traffic-police");
    }

    @Test
    void words_typed_as_a_zh_tw_page_shows_them_find_the_entry() {
        // the zh-TW page shows 了解 as 瞭解; the character tables turn 瞭 back into 瞭, not 了
        assertThat(cn.gov.enforcement.portal.platform.ReaderScript.forLocale(Locale.TRADITIONAL_CHINESE, "了解当地禁止露天烧烤"))
                .startsWith("瞭解");
        UI.getCurrent().navigate("risks", QueryParameters.simple(Map.of("q", "瞭解當地禁止露天燒烤")));
        assertThat(_find(Div.class, spec -> spec.withClasses("risk-card")))
                .anySatisfy(card -> assertThat(card.getElement().getAttribute("data-id")).isEqualTo("um-rp-open-air-barbecue"));
    }

    @Test
    void a_query_lacking_a_licence_shows_no_card_about_it_held() {
        UI.getCurrent().navigate("risks", QueryParameters.simple(Map.of("q", "没有营业执照")));
        assertThat(_find(Div.class, spec -> spec.withClasses("risk-card"))).extracting(c -> c.getElement().getAttribute("data-id"))
                .contains("mr-rp-unregistered-business").doesNotContain("mr-rp-licence-display", "mr-rp-online-licence-info");
        // the page says that it left entries out, and names one
        assertThat(_get(Paragraph.class, spec -> spec.withId("risk-left-out")).getElement().getTextRecursively())
                .matches("您的搜索说明尚未取得相关证照，因此没有列出 [1-9]\\d* 项关于持证后应当遵守的事项（如“.*营业执照.*”）；"
                        + "要查看这些事项，请只搜索证照的名称。");
        UI.getCurrent().navigate("exemptions", QueryParameters.simple(Map.of("q", "沒有營業執照")));
        assertThat(_find(Div.class, spec -> spec.withClasses("exemption-card"))).extracting(c -> c.getElement().getAttribute("data-id"))
                .doesNotContain("mr-ex-first-licence-display", "mr-ex-first-online-licence-info");
        assertThat(_get(Paragraph.class, spec -> spec.withId("exemption-left-out")).isVisible()).isTrue();
        UI.getCurrent().navigate("exemptions", QueryParameters.simple(Map.of("q", "营业执照")));
        assertThat(_find(Div.class, spec -> spec.withClasses("exemption-card"))).extracting(c -> c.getElement().getAttribute("data-id"))
                .contains("mr-ex-first-licence-display");
        assertThat(_find(Paragraph.class, spec -> spec.withId("exemption-left-out"))).as("nothing left out")
                .allSatisfy(note -> assertThat(note.isVisible()).isFalse());
        // the whole list for printing says it too, on paper
        UI.getCurrent().navigate("risks", QueryParameters.simple(Map.of("q", "没有营业执照", "print", "all")));
        assertThat(_find(Div.class, spec -> spec.withClasses("risk-card"))).extracting(c -> c.getElement().getAttribute("data-id"))
                .contains("mr-rp-unregistered-business").doesNotContain("mr-rp-licence-display");
        assertThat(_get(Paragraph.class, spec -> spec.withId("risk-left-out")).getElement().getTextRecursively())
                .startsWith("您的搜索说明尚未取得相关证照，因此没有列出");
    }

    @Test
    void a_page_past_the_end_says_so_and_leads_to_the_last_page() {
        UI.getCurrent().navigate("risks", QueryParameters.simple(Map.of("page", "50")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("risk-count")).getText()).startsWith("没有第 51 页");
        Anchor last = _get(Anchor.class, spec -> spec.withId("risk-last"));
        UI.getCurrent().navigate("risks", QueryParameters.fromString(last.getHref().substring(last.getHref().indexOf('?') + 1)));
        assertThat(_find(Div.class, spec -> spec.withClasses("risk-card"))).isNotEmpty();
        assertThat(_find(Anchor.class, spec -> spec.withId("risk-next"))).isEmpty();
    }

    @Test
    void an_unknown_filter_in_the_address_is_named_as_ignored_in_the_readers_language() {
        long all = catalog.searchRiskPoints(null, null, null, null, 0, 1).total();
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("risks", QueryParameters.simple(Map.of("sector", "<script>", "level", "zzz")));
        Paragraph note = _get(Paragraph.class, spec -> spec.withId("risk-unknown-filter"));
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).isEqualTo("链接中的筛选条件（行业领域、风险等级）无法识别，已忽略；下面显示的是不按该条件筛选的全部结果。");
        assertThat(_get(Select.class, spec -> spec.withId("risk-sector")).getValue()).isEqualTo("");
        assertThat(_get(Paragraph.class, spec -> spec.withId("risk-count")).getText()).startsWith("共找到 " + all);
        // a known filter with it still filters, and only the unknown one is named
        UI.getCurrent().navigate("risks", QueryParameters.simple(Map.of("sector", "机动车驾驶", "level", "zzz")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("risk-unknown-filter")).getText()).contains("（风险等级）");
        assertThat(_find(Div.class, spec -> spec.withClasses("risk-card"))).isNotEmpty();
        // known filters only: no note
        UI.getCurrent().navigate("risks", QueryParameters.simple(Map.of("level", "高")));
        assertThat(_find(Paragraph.class, spec -> spec.withId("risk-unknown-filter"))).as("hidden").isEmpty();

        UI.getCurrent().setLocale(Locale.TRADITIONAL_CHINESE);
        UI.getCurrent().navigate("exemptions", QueryParameters.simple(Map.of("sector", "<script>", "kind", "zzz",
                "agency", "no-such-agency")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("exemption-unknown-filter")).getText())
                .isEqualTo("連結中的篩選條件（執法機關、行業領域、清單類別）無法辨識，已忽略；下面顯示的是不依該條件篩選的全部結果。");
        assertThat(_find(Div.class, spec -> spec.withClasses("exemption-card"))).isNotEmpty();
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("exemptions", QueryParameters.simple(Map.of("kind", "zzz")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("exemption-unknown-filter")).getText())
                .isEqualTo("The link asks for a filter this list does not know (List): it is ignored, and the entries are"
                        + " shown as if it were not there.");
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    /**
     * What the lists store announces after writing: the rows were changed behind its back (the lists are cached).
     * Published in a transaction, as the store does: its listeners run after commit, and one published outside
     * would stay pending in the publication table forever.
     */
    private void changedBehindTheListsBack() {
        new org.springframework.transaction.support.TransactionTemplate(
                context.getBean(org.springframework.transaction.PlatformTransactionManager.class))
                .executeWithoutResult(tx -> context.publishEvent(new ListsChanged("", List.of(), List.of())));
    }

    @Test
    void an_agency_without_entries_in_force_keeps_its_filter_and_shows_none_of_the_others() {
        // the ecology agency's risk points start in 2099 for this test: the agency publishes none today
        List<Map<String, Object>> saved = jdbc.queryForList(
                "select id, effective_from from lists_entry where list_kind = 'risk-points' and agency = ?",
                "sample-ecology-environment");
        assertThat(saved).isNotEmpty();
        jdbc.update("update lists_entry set effective_from = ? where list_kind = 'risk-points' and agency = ?",
                java.time.LocalDate.of(2099, 1, 1), "sample-ecology-environment");
        changedBehindTheListsBack();
        try {
            UI.getCurrent().navigate("risks", QueryParameters.simple(Map.of("agency", "sample-ecology-environment")));
            assertThat(_get(Select.class, spec -> spec.withId("risk-agency")).getValue()).isEqualTo("sample-ecology-environment");
            assertThat(_find(Div.class, spec -> spec.withClasses("risk-card"))).isEmpty();
            assertThat(_get(Paragraph.class, spec -> spec.withId("risk-count")).getText())
                    .isEqualTo("示例市生态环境局目前没有在本清单中公布事项。");
            // an agency nobody knows is no filter at all
            UI.getCurrent().navigate("risks", QueryParameters.simple(Map.of("agency", "no-such-agency")));
            assertThat(_find(Div.class, spec -> spec.withClasses("risk-card"))).isNotEmpty();
        } finally {
            for (Map<String, Object> row : saved) {
                jdbc.update("update lists_entry set effective_from = ? where id = ?", row.get("effective_from"), row.get("id"));
            }
            changedBehindTheListsBack();
        }
    }

    @Test
    void the_folding_filter_button_counts_the_filters_set_and_unfolds_for_them() {
        UI.getCurrent().navigate("risks", QueryParameters.simple(Map.of("agency", "sample-traffic-police", "level", "高")));
        var form = _get(cn.gov.enforcement.portal.platform.SearchForm.class);
        assertThat(_get(Button.class, spec -> spec.withId("risk-filters-toggle")).getText()).isEqualTo("筛选条件（已设 2 项）");
        assertThat(form.filtersOpen()).isTrue();
        assertThat(_get(Div.class, spec -> spec.withId("risk-filters")).getClassNames()).contains("search-form-filters-open");

        // an unknown agency is not a filter; a query alone is none (a new page: an open page keeps what the reader unfolded)
        UI.getCurrent().navigate("exemptions");
        UI.getCurrent().navigate("risks", QueryParameters.simple(Map.of("q", "驾驶", "agency", "no-such-agency")));
        form = _get(cn.gov.enforcement.portal.platform.SearchForm.class);
        assertThat(form.activeFilters()).isZero();
        assertThat(form.filtersOpen()).isFalse();
        assertThat(_get(Button.class, spec -> spec.withId("risk-filters-toggle")).getText()).isEqualTo("筛选条件");
        _click(_get(Button.class, spec -> spec.withId("risk-filters-toggle")));
        assertThat(form.filtersOpen()).isTrue();
        assertThat(_get(Button.class, spec -> spec.withId("risk-filters-toggle")).getElement().getAttribute("aria-expanded"))
                .isEqualTo("true");
    }

    @Test
    void typing_a_query_puts_it_into_the_url_and_finds_the_risk() {
        UI.getCurrent().navigate("risks");
        _setValue(_get(TextField.class, spec -> spec.withId("risk-search")), "酒后驾驶");
        _click(_get(Button.class, spec -> spec.withId("risk-search-submit")));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters()).startsWith("risks?q=");
        assertThat(_find(Div.class, spec -> spec.withClasses("risk-card")))
                .anySatisfy(card -> assertThat(card.getElement().getAttribute("data-id")).isEqualTo("tp-rp-drink-driving"));
    }

    @Test
    void a_risk_detail_shows_the_legal_basis_as_citations_prevention_and_guidance() {
        UI.getCurrent().navigate("risks/tp-rp-drink-driving");
        assertThat(_get(H1.class, spec -> spec.withId("risk-title")).getText()).startsWith("饮酒后驾驶机动车");
        assertThat(_get(Section.class, spec -> spec.withId("risk-basis-penalty")).getElement().getTextRecursively())
                .contains("《中华人民共和国道路交通安全法》第九十一条");
        assertThat(_get(Section.class, spec -> spec.withId("risk-guidance")).getElement().getTextRecursively()).contains("提示");
        assertThat(_find(Button.class, spec -> spec.withId("lists-print"))).hasSize(1);
    }

    @Test
    void a_risk_detail_links_its_agency_and_leads_back_to_the_search_the_reader_had() {
        UI.getCurrent().navigate("risks", QueryParameters.simple(Map.of("sector", "餐饮服务", "level", "高")));
        Anchor card = _find(Anchor.class, spec -> spec.withClasses("risk-link")).stream()
                .filter(a -> a.getHref().startsWith("risks/mr-rp-food-licence")).findFirst().orElseThrow();
        assertThat(card.getHref()).startsWith("risks/mr-rp-food-licence?").contains("sector=").contains("level=");
        String query = card.getHref().substring(card.getHref().indexOf('?') + 1);
        UI.getCurrent().navigate("risks/mr-rp-food-licence", QueryParameters.fromString(query));
        assertThat(_get(Anchor.class, spec -> spec.withId("risk-back")).getHref()).isEqualTo("risks?" + query);
        UI.getCurrent().navigate("risks", QueryParameters.fromString(query));
        assertThat(_get(Select.class, spec -> spec.withId("risk-sector")).getValue()).isEqualTo("餐饮服务");
        assertThat(_find(Div.class, spec -> spec.withClasses("risk-card"))).isNotEmpty()
                .allSatisfy(c -> assertThat(c.getElement().getTextRecursively()).contains("餐饮服务"));
        // a search and a page are passed along too; parameters the list does not read are not
        UI.getCurrent().navigate("risks/mr-rp-food-licence", QueryParameters.simple(Map.of("q", "许可", "page", "2", "kind", "x")));
        assertThat(_get(Anchor.class, spec -> spec.withId("risk-back")).getHref()).isEqualTo("risks?q=%E8%AE%B8%E5%8F%AF&page=2");
        UI.getCurrent().navigate("risks/mr-rp-food-licence", QueryParameters.simple(Map.of("x", "1")));
        assertThat(_get(Anchor.class, spec -> spec.withId("risk-back")).getHref()).isEqualTo("risks");
        // the agency is a link to its page: whom to ask
        Anchor agency = _get(Anchor.class, spec -> spec.withId("risk-agency-link"));
        assertThat(agency.getHref()).isEqualTo("agencies/sample-market-regulation");
        assertThat(agency.getText()).isEqualTo(catalog.agencyName("sample-market-regulation"));
        // no exemption item of the agency concerns the rule this risk breaks (食品安全法第三十五条): no section
        assertThat(_find(Section.class, spec -> spec.withId("risk-exemptions"))).isEmpty();
    }

    @Test
    void a_risk_detail_links_the_agency_s_exemption_items_for_a_breach_of_the_same_rule_and_no_others() {
        RiskPoint risk = catalog.findRiskPoint("mr-rp-expired-food").orElseThrow();
        List<String> expected = catalog.publicExemptions().stream()
                .filter(e -> e.agency().equals(risk.agency()))
                .filter(e -> e.basisViolation().stream().anyMatch(v -> risk.basisObligation().stream()
                        .anyMatch(o -> o.law().equals(v.law()) && o.article().equals(v.article()))))
                .map(e -> "exemptions/" + e.id()).sorted().toList();
        assertThat(expected).contains("exemptions/mr-ex-no-fault-purchase-checked");
        UI.getCurrent().navigate("risks/mr-rp-expired-food");
        Section section = _get(Section.class, spec -> spec.withId("risk-exemptions"));
        List<String> links = _find(Anchor.class, spec -> spec.withClasses("risk-exemption-link")).stream()
                .map(Anchor::getHref).toList();
        assertThat(links).containsExactlyElementsOf(expected);
        assertThat(section.getElement().getTextRecursively()).contains(UI.getCurrent().getTranslation("lists.risk.exemptions"))
                .contains(catalog.findExemption("mr-ex-no-fault-purchase-checked").orElseThrow().violation())
                // the kind of each item in the brackets of the page's language
                .contains("（" + UI.getCurrent().getTranslation("lists.kind.noPenalty"))
                .doesNotContain(" (" + UI.getCurrent().getTranslation("lists.kind.noPenalty"));
        // the same penalty article alone is no link: 食品安全法第一百二十六条 punishes many violations
        UI.getCurrent().navigate("risks/mr-rp-tableware-disinfection");
        assertThat(_find(Section.class, spec -> spec.withId("risk-exemptions"))).isEmpty();
    }

    @Test
    void the_exemption_list_filters_by_kind_and_links_to_detail_and_check() {
        UI.getCurrent().navigate("exemptions", QueryParameters.simple(Map.of("kind", "从轻处罚")));
        assertThat(_find(Div.class, spec -> spec.withClasses("exemption-card"))).isNotEmpty();
        // every card has a check link; each one's accessible name says which item it checks
        List<String> names = _find(Anchor.class, spec -> spec.withClasses("exemption-check-link")).stream()
                .map(a -> a.getElement().getTextRecursively()).toList();
        assertThat(names).isNotEmpty().doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).startsWith("自助检查"));
        UI.getCurrent().navigate("exemptions/mr-ex-first-licence-display");
        assertThat(_get(Section.class, spec -> spec.withId("exemption-basis-exemption")).getElement().getTextRecursively())
                .contains("《中华人民共和国行政处罚法》第三十三条第一款");
        assertThat(_get(Section.class, spec -> spec.withId("exemption-conditions")).getElement().getTextRecursively())
                .contains("3日内");
        assertThat(_get(Anchor.class, spec -> spec.withId("exemption-check-link")).getHref())
                .isEqualTo("exemptions/mr-ex-first-licence-display/check");
    }

    @Test
    void the_exemption_list_filters_by_sector_from_the_address_and_marks_the_sectors_as_chinese_on_english_pages() {
        UI.getCurrent().navigate("exemptions", QueryParameters.simple(Map.of("sector", "餐饮服务")));
        Select<?> sector = _get(Select.class, spec -> spec.withId("exemption-sector"));
        assertThat(sector.getValue()).isEqualTo("餐饮服务");
        List<String> ids = _find(Div.class, spec -> spec.withClasses("exemption-card")).stream()
                .map(d -> d.getElement().getAttribute("data-id")).toList();
        assertThat(ids).isNotEmpty().containsExactlyInAnyOrderElementsOf(catalog.allExemptions(null, null, null).items().stream()
                .filter(e -> "餐饮服务".equals(e.sector())).map(ExemptionItem::id).toList());
        // choosing another sector puts it into the address
        @SuppressWarnings("unchecked")
        Select<String> typed = (Select<String>) sector;
        String other = catalog.exemptionSectors().stream().filter(x -> !x.equals("餐饮服务")).findFirst().orElseThrow();
        _setValue(typed, other);
        _click(_get(Button.class, spec -> spec.withId("exemption-search-submit")));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getParameters())
                .containsEntry("sector", List.of(other));
        assertThat(_find(Div.class, spec -> spec.withClasses("exemption-card"))).isNotEmpty()
                .allSatisfy(card -> assertThat(card.getElement().getTextRecursively()).contains(other));
        // an unknown sector is ignored, as on the risk list
        UI.getCurrent().navigate("exemptions", QueryParameters.simple(Map.of("sector", "没有这个行业")));
        assertThat(_get(Select.class, spec -> spec.withId("exemption-sector")).getValue()).isEqualTo("");
    }

    @Test
    void an_exemption_detail_links_its_agency_and_leads_back_to_the_search_the_reader_had() {
        UI.getCurrent().navigate("exemptions", QueryParameters.simple(Map.of("q", "营业执照", "kind", "不予处罚")));
        Anchor card = _find(Anchor.class, spec -> spec.withClasses("exemption-link")).stream()
                .filter(a -> a.getHref().startsWith("exemptions/mr-ex-first-licence-display")).findFirst().orElseThrow();
        assertThat(card.getHref()).startsWith("exemptions/mr-ex-first-licence-display?q=").contains("&kind=");
        String query = card.getHref().substring(card.getHref().indexOf('?') + 1);
        UI.getCurrent().navigate("exemptions/mr-ex-first-licence-display", QueryParameters.fromString(query));
        assertThat(_get(Anchor.class, spec -> spec.withId("exemption-back")).getHref()).isEqualTo("exemptions?" + query);
        UI.getCurrent().navigate("exemptions", QueryParameters.fromString(query));
        assertThat(_get(TextField.class, spec -> spec.withId("exemption-search")).getValue()).isEqualTo("营业执照");
        // without a search the back link is the plain list; parameters the list does not read are not passed on
        UI.getCurrent().navigate("exemptions/mr-ex-first-licence-display", QueryParameters.simple(Map.of("x", "1")));
        assertThat(_get(Anchor.class, spec -> spec.withId("exemption-back")).getHref()).isEqualTo("exemptions");
        // the agency is a link to its page
        Anchor agency = _get(Anchor.class, spec -> spec.withId("exemption-agency-link"));
        assertThat(agency.getHref()).isEqualTo("agencies/sample-market-regulation");
        assertThat(agency.getText()).isNotBlank();
        // the note that cited articles link to their text is there only when one does
        boolean linked = !_find(Anchor.class, spec -> spec.withClasses("lists-citation-link")).isEmpty();
        assertThat(_find(Paragraph.class, spec -> spec.withId("exemption-citation-note"))).hasSize(linked ? 1 : 0);
        assertThat(_find(Paragraph.class, spec -> spec.withText(UI.getCurrent().getTranslation("lists.citation.note"))))
                .hasSize(linked ? 1 : 0);
    }

    @SuppressWarnings("unchecked")
    private static void answer(int index, String value) {
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("check-answer-" + index)), value);
    }

    @Test
    void answering_every_condition_as_it_is_met_gives_no_penalty_with_the_item_s_period_and_no_made_up_date() {
        UI.getCurrent().navigate("exemptions/mr-ex-first-licence-display/check");
        answer(0, "yes");
        // 是否因此引发了消费纠纷或其他危害后果？ is met by the answer no
        answer(1, "no");
        answer(2, "yes");
        _click(_get(Button.class, spec -> spec.withId("check-submit")));
        assertThat(_get(H2.class, spec -> spec.withId("check-outcome")).getElement().getAttribute("data-outcome"))
                .isEqualTo("no_penalty");
        String next = _get(UnorderedList.class, spec -> spec.withId("check-next")).getElement().getTextRecursively();
        // the period runs from the agency's order to correct, not from the day of the check (the clock's 2026-11-21)
        assertThat(next).contains("责令改正时规定的期限内改正").contains("3 日内改正").contains("尚未收到责令改正通知的，请尽快改正")
                .doesNotContain("2026-11-24").contains("监督电话");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("check-articles")).getElement().getTextRecursively())
                .contains("第三十三条");
    }

    @Test
    void the_answers_and_the_outcome_come_back_after_the_language_switch() {
        UI.getCurrent().navigate("exemptions/mr-ex-first-licence-display/check");
        answer(0, "yes");
        answer(1, "no");
        answer(2, "yes");
        _click(_get(Button.class, spec -> spec.withId("check-submit")));
        _get(EligibilityCheckView.class).keepForLanguageSwitch();
        // the switch reloads the page
        UI.getCurrent().navigate("exemptions");
        UI.getCurrent().navigate("exemptions/mr-ex-first-licence-display/check");
        assertThat(_get(RadioButtonGroup.class, spec -> spec.withId("check-answer-1")).getValue()).isEqualTo("no");
        assertThat(_get(H2.class, spec -> spec.withId("check-outcome")).getElement().getAttribute("data-outcome"))
                .isEqualTo("no_penalty");
        // once: a later visit starts without answers
        UI.getCurrent().navigate("exemptions");
        UI.getCurrent().navigate("exemptions/mr-ex-first-licence-display/check");
        assertThat(_get(RadioButtonGroup.class, spec -> spec.withId("check-answer-1")).getValue()).isNull();
    }

    @Test
    void a_no_answer_or_a_number_at_the_threshold_means_the_item_does_not_apply_with_the_reason() {
        UI.getCurrent().navigate("exemptions/mr-ex-minor-change-registration/check");
        _setValue(_get(TextField.class, spec -> spec.withId("check-answer-0")), "90");
        answer(1, "no");
        answer(2, "yes");
        _click(_get(Button.class, spec -> spec.withId("check-submit")));
        assertThat(_get(H2.class, spec -> spec.withId("check-outcome")).getElement().getAttribute("data-outcome"))
                .isEqualTo("not_covered");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("check-reasons")).getElement().getTextRecursively())
                .contains("第 1 题不符合").contains("90");
    }

    @Test
    void a_missing_answer_is_named_and_an_unknown_item_gets_the_not_found_page() {
        UI.getCurrent().navigate("exemptions/mr-ex-first-licence-display/check");
        answer(0, "yes");
        answer(2, "yes");
        _click(_get(Button.class, spec -> spec.withId("check-submit")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("check-error")).getText()).isEqualTo("请回答第 2 题。");
        // nothing answered: every question is named at once
        UI.getCurrent().navigate("exemptions/mr-ex-minor-change-registration/check");
        _click(_get(Button.class, spec -> spec.withId("check-submit")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("check-error")).getText())
                .isEqualTo("有 3 道题需要补充或修改：第 1、2、3 题。");
        UI.getCurrent().navigate("exemptions/mr-ex-first-licence-display/check");
        assertThat(_find(H2.class, spec -> spec.withId("check-outcome"))).isEmpty();
        UI.getCurrent().navigate("exemptions/no-such-item/check");
        assertThat(_find(Div.class, spec -> spec.withId("lists-not-found"))).hasSize(1);
        UI.getCurrent().navigate("risks/NO_SUCH");
        assertThat(_find(Div.class, spec -> spec.withId("lists-not-found"))).hasSize(1);
    }

    @Test
    void text_in_a_number_question_is_refused_as_not_a_number_marked_on_the_field_and_kept() {
        UI.getCurrent().navigate("exemptions/mr-ex-minor-change-registration/check");
        TextField days = _get(TextField.class, spec -> spec.withId("check-answer-0"));
        _setValue(days, "abc");
        answer(1, "no");
        answer(2, "yes");
        _click(_get(Button.class, spec -> spec.withId("check-submit")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("check-error")).getText()).isEqualTo("第 1 题请填写数字，例如 120 或 3.5。");
        assertThat(days.isInvalid()).isTrue();
        assertThat(days.getErrorMessage()).isEqualTo("第 1 题请填写数字，例如 120 或 3.5。");
        assertThat(days.getValue()).isEqualTo("abc");
        assertThat(_find(H2.class, spec -> spec.withId("check-outcome"))).isEmpty();

        _setValue(days, "12");
        _click(_get(Button.class, spec -> spec.withId("check-submit")));
        assertThat(days.isInvalid()).isFalse();
        assertThat(_get(H2.class, spec -> spec.withId("check-outcome")).getElement().getAttribute("data-outcome"))
                .isEqualTo("no_penalty");
    }

    @Test
    void a_question_about_harm_met_by_no_is_answered_literally_and_its_reason_and_the_detail_page_say_so() {
        // 这次停车是否妨碍了其他车辆或行人通行，或者造成了交通事故？ (met_when: 否)
        ExemptionItem parking = catalog.findExemption("tp-ex-clean-record-parking").orElseThrow();
        int harm = java.util.stream.IntStream.range(0, parking.conditions().size())
                .filter(i -> parking.conditions().get(i).metWhenNo()).findFirst().orElseThrow();
        UI.getCurrent().navigate("exemptions/tp-ex-clean-record-parking/check");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> group = _get(RadioButtonGroup.class, spec -> spec.withId("check-answer-" + harm));
        assertThat(questionLabel(group).getTextRecursively()).contains("是否妨碍了").doesNotContain("没有");
        // the choices stay the plain 是 / 否 to the question as shown
        assertThat(group.getListDataView().getItems().map(group.getItemLabelGenerator()::apply).toList())
                .containsExactly("是", "否");
        for (int i = 0; i < parking.conditions().size(); i++) {
            answer(i, i == harm ? "no" : "yes");
        }
        _click(_get(Button.class, spec -> spec.withId("check-submit")));
        assertThat(_get(H2.class, spec -> spec.withId("check-outcome")).getElement().getAttribute("data-outcome"))
                .isEqualTo("no_penalty");
        answer(harm, "yes");
        _click(_get(Button.class, spec -> spec.withId("check-submit")));
        assertThat(_get(H2.class, spec -> spec.withId("check-outcome")).getElement().getAttribute("data-outcome"))
                .isEqualTo("not_covered");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("check-reasons")).getElement().getTextRecursively())
                .contains("第 " + (harm + 1) + " 题不符合：" + parking.conditions().get(harm).question()
                        + "（您的回答是“是”，回答“否”才符合本条件）");
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("exemptions/tp-ex-clean-record-parking/check");
        for (int i = 0; i < parking.conditions().size(); i++) {
            answer(i, "yes");
        }
        _click(_get(Button.class, spec -> spec.withId("check-submit")));
        assertThat(_get(UnorderedList.class, spec -> spec.withId("check-reasons")).getElement().getTextRecursively())
                .contains("You answered Yes; the condition is met by the answer No.");

        // the detail page says which answer meets it, under that condition only
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("exemptions/tp-ex-clean-record-parking");
        List<Div> notes = _find(Div.class, spec -> spec.withClasses("exemption-condition-met-when-no"));
        assertThat(notes).singleElement().satisfies(n -> {
            assertThat(n.getText()).isEqualTo("回答“否”时符合本条件");
            assertThat(n.getParent().orElseThrow().getElement().getTextRecursively())
                    .contains(parking.conditions().get(harm).question());
        });
        UI.getCurrent().setLocale(Locale.TRADITIONAL_CHINESE);
        UI.getCurrent().navigate("exemptions/tp-ex-clean-record-parking");
        assertThat(_get(Div.class, spec -> spec.withClasses("exemption-condition-met-when-no")).getText())
                .isEqualTo("回答「否」時符合本條件");
    }

    @Test
    void the_check_leads_back_to_the_detail_page_with_the_list_search_the_reader_came_from() {
        UI.getCurrent().navigate("exemptions", QueryParameters.simple(Map.of("q", "营业执照", "kind", "不予处罚")));
        Anchor card = _find(Anchor.class, spec -> spec.withClasses("exemption-link")).stream()
                .filter(a -> a.getHref().startsWith("exemptions/mr-ex-first-licence-display")).findFirst().orElseThrow();
        String query = card.getHref().substring(card.getHref().indexOf('?') + 1);
        // the card's own check link carries the search too
        assertThat(_find(Anchor.class, spec -> spec.withClasses("exemption-check-link")))
                .anySatisfy(a -> assertThat(a.getHref()).isEqualTo("exemptions/mr-ex-first-licence-display/check?" + query));
        // list → detail → check → back to the detail → back to the list
        UI.getCurrent().navigate("exemptions/mr-ex-first-licence-display", QueryParameters.fromString(query));
        Anchor check = _get(Anchor.class, spec -> spec.withId("exemption-check-link"));
        assertThat(check.getHref()).isEqualTo("exemptions/mr-ex-first-licence-display/check?" + query);
        UI.getCurrent().navigate("exemptions/mr-ex-first-licence-display/check", QueryParameters.fromString(query));
        Anchor back = _get(Anchor.class, spec -> spec.withId("check-back"));
        assertThat(back.getHref()).isEqualTo("exemptions/mr-ex-first-licence-display?" + query);
        UI.getCurrent().navigate("exemptions/mr-ex-first-licence-display", QueryParameters.fromString(query));
        assertThat(_get(Anchor.class, spec -> spec.withId("exemption-back")).getHref()).isEqualTo("exemptions?" + query);
        // without a search the links are the plain pages; parameters the list does not read are not passed on
        UI.getCurrent().navigate("exemptions/mr-ex-first-licence-display/check", QueryParameters.simple(Map.of("x", "1")));
        assertThat(_get(Anchor.class, spec -> spec.withId("check-back")).getHref())
                .isEqualTo("exemptions/mr-ex-first-licence-display");
    }

    @Test
    void a_count_of_people_asks_for_a_whole_number_and_the_record_question_asks_positively() {
        UI.getCurrent().navigate("exemptions/mr-ex-first-health-certificate/check");
        assertThat(questionLabel(_get(RadioButtonGroup.class, spec -> spec.withId("check-answer-0"))).getTextRecursively())
                .contains("这是您的单位过去12个月内第一次因健康证明问题被查处吗？").doesNotContain("是否没有");
        answer(0, "yes");
        TextField people = _get(TextField.class, spec -> spec.withId("check-answer-1"));
        _setValue(people, "abc");
        answer(2, "yes");
        _click(_get(Button.class, spec -> spec.withId("check-submit")));
        // a number of people: no fraction in the example
        assertThat(people.getErrorMessage()).isEqualTo("第 2 题请填写数字，例如 3。");
        _setValue(people, "2");
        _click(_get(Button.class, spec -> spec.withId("check-submit")));
        assertThat(_get(H2.class, spec -> spec.withId("check-outcome")).getElement().getAttribute("data-outcome"))
                .isEqualTo("no_penalty");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("check-next")).getElement().getTextRecursively())
                .contains("本事项的条件是 7 日内改正");
    }

    /** The label of a field given as an element of its own ({@code <label slot=label>}), not as its property. */
    private static Element questionLabel(com.vaadin.flow.component.Component field) {
        assertThat(field.getElement().getProperty("label")).as("no label property beside the label element").isNull();
        List<Element> labels = field.getElement().getChildren().filter(e -> "label".equals(e.getAttribute("slot")))
                .toList();
        assertThat(labels).as("label elements of " + field.getId().orElse("")).hasSize(1);
        assertThat(labels.get(0).getTag()).isEqualTo("label");
        return labels.get(0);
    }

    /** The texts of the elements marked with {@code language} in {@code shown}, itself included. */
    private static List<String> marked(Element shown, String language) {
        List<String> out = new ArrayList<>();
        if (language.equals(shown.getAttribute("lang"))) {
            out.add(shown.getTextRecursively());
        }
        shown.getChildren().forEach(child -> out.addAll(marked(child, language)));
        return out;
    }

    private static boolean anyMarked(Element shown) {
        return shown.hasAttribute("lang") || shown.getChildren().anyMatch(ListsViewsIT::anyMarked);
    }

    @Test
    void the_check_s_questions_label_their_fields_with_the_chinese_question_marked_on_an_english_page() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("exemptions/ee-ex-minor-hazardous-plan/check");
        TextField amount = _get(TextField.class, spec -> spec.withId("check-answer-0"));
        Element label = questionLabel(amount);
        assertThat(label.getTextRecursively()).isEqualTo("1. 您的单位每年产生危险废物多少吨？");
        // the question is Chinese content, its number is not
        assertThat(label.getAttribute("lang")).isNull();
        assertThat(marked(label, "zh-CN")).containsExactly("您的单位每年产生危险废物多少吨？");
        // the field's limit below it: the entry's words spliced into the English sentence are marked alone
        com.vaadin.flow.component.Component helper = amount.getHelperComponent();
        assertThat(helper).isNotNull();
        assertThat(helper.getElement().getTextRecursively())
                .isEqualTo("Limit: “年危险废物产生量” below 1 tonne; at 1 tonne or more, this item does not apply.");
        assertThat(marked(helper.getElement(), "zh-CN")).containsExactly("年危险废物产生量");
        Element second = questionLabel(_get(RadioButtonGroup.class, spec -> spec.withId("check-answer-1")));
        assertThat(second.getTextRecursively()).isEqualTo("2. 危险废物是否均已交给有资质的单位处置？");
        assertThat(marked(second, "zh-CN")).containsExactly("危险废物是否均已交给有资质的单位处置？");
        // the answers are translated: not marked
        assertThat(_get(RadioButtonGroup.class, spec -> spec.withId("check-answer-1")).getElement().getAttribute("lang"))
                .isNull();

        // on a Chinese page the question shares the page's language; on zh-TW in Traditional characters
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("exemptions/ee-ex-minor-hazardous-plan/check");
        label = questionLabel(_get(TextField.class, spec -> spec.withId("check-answer-0")));
        assertThat(label.getTextRecursively()).isEqualTo("1. 您的单位每年产生危险废物多少吨？");
        assertThat(anyMarked(label)).isFalse();
        assertThat(anyMarked(_get(TextField.class, spec -> spec.withId("check-answer-0")).getHelperComponent()
                .getElement())).isFalse();
        UI.getCurrent().setLocale(Locale.TRADITIONAL_CHINESE);
        UI.getCurrent().navigate("exemptions/ee-ex-minor-hazardous-plan/check");
        label = questionLabel(_get(RadioButtonGroup.class, spec -> spec.withId("check-answer-1")));
        assertThat(label.getTextRecursively()).isEqualTo("2. 危險廢物是否均已交給有資質的單位處置？");
        assertThat(anyMarked(label)).isFalse();
    }

    @Test
    void the_check_s_result_marks_the_entry_s_chinese_words_in_its_english_reasons_and_next_steps() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("exemptions/ee-ex-minor-hazardous-plan/check");
        _setValue(_get(TextField.class, spec -> spec.withId("check-answer-0")), "5");
        answer(1, "no");
        answer(2, "yes");
        _click(_get(Button.class, spec -> spec.withId("check-submit")));
        Element reasons = _get(UnorderedList.class, spec -> spec.withId("check-reasons")).getElement();
        assertThat(reasons.getTextRecursively())
                .contains("Question 1 is not met: you entered 5 tonnes for “年危险废物产生量”; it must be below 1 tonne.")
                .contains("Question 2 is not met: 危险废物是否均已交给有资质的单位处置？");
        assertThat(reasons.getAttribute("lang")).isNull();
        assertThat(marked(reasons, "zh-CN")).containsExactly("年危险废物产生量", "危险废物是否均已交给有资质的单位处置？");
        // the agency's English name is not Chinese content
        assertThat(marked(_get(UnorderedList.class, spec -> spec.withId("check-next")).getElement(), "zh-CN")).isEmpty();

        UI.getCurrent().navigate("exemptions/ee-ex-minor-hazardous-plan/check");
        _setValue(_get(TextField.class, spec -> spec.withId("check-answer-0")), "0.5");
        answer(1, "yes");
        answer(2, "yes");
        _click(_get(Button.class, spec -> spec.withId("check-submit")));
        reasons = _get(UnorderedList.class, spec -> spec.withId("check-reasons")).getElement();
        assertThat(reasons.getTextRecursively()).contains(
                "Your answers to all 3 questions meet the conditions of “小量产废单位未按时制定危险废物管理计划，产生量很小”.");
        assertThat(marked(reasons, "zh-CN")).containsExactly("小量产废单位未按时制定危险废物管理计划，产生量很小");
        Element next = _get(UnorderedList.class, spec -> spec.withId("check-next")).getElement();
        assertThat(next.getTextRecursively()).contains("What the agency may do: 教育、辅导、责令改正.")
                .contains("Sample City Bureau of Ecology and Environment");
        assertThat(marked(next, "zh-CN")).containsExactly("教育、辅导、责令改正");

        // on a Chinese page the result shares the page's language: nothing is marked
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("exemptions/ee-ex-minor-hazardous-plan/check");
        _setValue(_get(TextField.class, spec -> spec.withId("check-answer-0")), "5");
        answer(1, "no");
        answer(2, "yes");
        _click(_get(Button.class, spec -> spec.withId("check-submit")));
        reasons = _get(UnorderedList.class, spec -> spec.withId("check-reasons")).getElement();
        assertThat(reasons.getTextRecursively()).contains("第 1 题不符合：您填写的年危险废物产生量为 5吨，需要低于 1吨。");
        assertThat(anyMarked(reasons)).isFalse();
        assertThat(anyMarked(_get(UnorderedList.class, spec -> spec.withId("check-next")).getElement())).isFalse();
    }

    @Test
    void every_unanswered_question_is_marked_in_the_reader_s_language() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("exemptions/mr-ex-minor-change-registration/check");
        _setValue(_get(TextField.class, spec -> spec.withId("check-answer-0")), "abc");
        answer(2, "yes");
        _click(_get(Button.class, spec -> spec.withId("check-submit")));
        // two questions refused: the message under the button names both (fields keep their own messages)
        assertThat(_get(Paragraph.class, spec -> spec.withId("check-error")).getText())
                .isEqualTo("2 questions need an answer or a correction: 1, 2.");
        assertThat(_get(TextField.class, spec -> spec.withId("check-answer-0")).getErrorMessage())
                .isEqualTo("Please enter a number for question 1, e.g. 120 or 3.5.");
        RadioButtonGroup<?> second = _get(RadioButtonGroup.class, spec -> spec.withId("check-answer-1"));
        assertThat(second.isInvalid()).isTrue();
        assertThat(second.getErrorMessage()).isEqualTo("Please answer question 2.");
        assertThat(_get(RadioButtonGroup.class, spec -> spec.withId("check-answer-2")).isInvalid()).isFalse();
    }

    @Test
    void an_exemption_detail_states_each_condition_s_limit_in_plain_words_in_every_language() {
        UI.getCurrent().navigate("exemptions/mr-ex-minor-change-registration");
        assertThat(_get(Section.class, spec -> spec.withId("exemption-conditions")).getElement().getTextRecursively())
                .contains("您超过30日变更期限多少天？")
                .contains("适用界限：超过法定变更期限的天数低于 90天；达到或超过 90天的，本事项不适用。")
                .contains("适用界限：15 日内改正。");
        UI.getCurrent().setLocale(Locale.TRADITIONAL_CHINESE);
        UI.getCurrent().navigate("exemptions/mr-ex-first-health-certificate");
        assertThat(_get(Section.class, spec -> spec.withId("exemption-conditions")).getElement().getTextRecursively())
                .contains("適用界限：健康證明過期的從業人員低於 3人；達到或超過 3人的，本事項不適用。")
                .contains("適用界限：12 個月內首次違法。");
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("exemptions/ee-ex-minor-hazardous-plan");
        String english = _get(Section.class, spec -> spec.withId("exemption-conditions")).getElement().getTextRecursively();
        assertThat(english).contains("Limit: “年危险废物产生量” below 1 tonne; at 1 tonne or more, this item does not apply.");
        UI.getCurrent().navigate("exemptions/tp-ex-clean-record-parking");
        assertThat(_get(Section.class, spec -> spec.withId("exemption-conditions")).getElement().getTextRecursively())
                .contains("Limit: no violation on record in the previous 6 months.")
                .contains("Applies only to: “本市号牌个人非营运小型汽车”.");
    }

    @Test
    void on_an_english_page_the_entries_chinese_content_is_marked_as_such_and_the_translated_texts_are_not() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("exemptions/ee-ex-minor-hazardous-plan");
        assertThat(_get(H1.class, spec -> spec.withId("exemption-title")).getElement().getAttribute("lang")).isEqualTo("zh-CN");
        // the Chinese words spliced into the English limit are a span of their own
        assertThat(_find(Span.class, spec -> spec.withText("年危险废物产生量"))).singleElement()
                .satisfies(what -> assertThat(what.getElement().getAttribute("lang")).isEqualTo("zh-CN"));
        assertThat(_get(Section.class, spec -> spec.withId("exemption-conditions")).getElement().getAttribute("lang")).isNull();
        UI.getCurrent().navigate("risks/tp-rp-drink-driving");
        assertThat(_get(H1.class, spec -> spec.withId("risk-title")).getElement().getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(_get(Section.class, spec -> spec.withId("risk-risk")).getElement().getAttribute("lang")).isNull();
        assertThat(_find(Paragraph.class, spec -> spec.withClasses("lists-multiline")))
                .allSatisfy(body -> assertThat(body.getElement().getAttribute("lang")).isEqualTo("zh-CN"));
        UI.getCurrent().navigate("risks");
        assertThat(_find(Anchor.class, spec -> spec.withClasses("risk-link"))).isNotEmpty()
                .allSatisfy(link -> assertThat(link.getElement().getAttribute("lang")).isEqualTo("zh-CN"));
        // the sector filter's items (and the chosen one shown in the field, a copy) are content; its All is not
        Select<?> sector = _get(Select.class, spec -> spec.withId("risk-sector"));
        assertThat(marked(sector.getElement(), "zh-CN")).isNotEmpty().doesNotContain("All")
                .allSatisfy(name -> assertThat(name).containsPattern("\\p{IsHan}"));
        assertThat(sector.getElement().getTextRecursively()).contains("All");
        UI.getCurrent().navigate("exemptions");
        Select<?> exemptionSector = _get(Select.class, spec -> spec.withId("exemption-sector"));
        assertThat(marked(exemptionSector.getElement(), "zh-CN")).isNotEmpty().doesNotContain("All")
                .allSatisfy(name -> assertThat(name).containsPattern("\\p{IsHan}"));
        assertThat(exemptionSector.getElement().getTextRecursively()).contains("All");
        // the words that tell a screen reader which item a check link checks are the item's, marked
        assertThat(_find(Anchor.class, spec -> spec.withClasses("exemption-check-link"))).isNotEmpty()
                .allSatisfy(link -> {
                    assertThat(link.getElement().getTextRecursively()).startsWith("Check whether you qualify: ");
                    assertThat(marked(link.getElement(), "zh-CN")).singleElement().asString().isNotBlank();
                });
        assertThat(_find(Span.class, spec -> spec.withClasses("lists-sample-badge")))
                .allSatisfy(badge -> assertThat(badge.getElement().getAttribute("lang")).isEqualTo("en"));
        UI.getCurrent().navigate("discretion/sample-traffic-police");
        assertThat(_find(H2.class, spec -> spec.withClasses("discretion-violation"))).isNotEmpty()
                .allSatisfy(h -> assertThat(h.getElement().getAttribute("lang")).isEqualTo("zh-CN"));
        assertThat(_find(Section.class, spec -> spec.withClasses("discretion-benchmark"))).isNotEmpty()
                .allSatisfy(b -> {
                    assertThat(b.getElement().getAttribute("lang")).as("the headings are translated").isNull();
                    java.util.List<com.vaadin.flow.dom.Element> cells = new java.util.ArrayList<>();
                    b.getElement().getChildren().filter(e -> e.getTag().equals("div"))
                            .flatMap(com.vaadin.flow.dom.Element::getChildren)
                            .flatMap(com.vaadin.flow.dom.Element::getChildren)
                            .filter(e -> e.getTag().equals("tbody")).flatMap(com.vaadin.flow.dom.Element::getChildren)
                            .flatMap(com.vaadin.flow.dom.Element::getChildren).forEach(cells::add);
                    assertThat(cells).isNotEmpty();
                    assertThat(cells).filteredOn(c -> c.getTag().equals("td"))
                            .allSatisfy(td -> assertThat(td.getAttribute("lang")).isEqualTo("zh-CN"));
                    assertThat(cells).filteredOn(c -> c.getTag().equals("th"))
                            .allSatisfy(th -> assertThat(th.getAttribute("lang")).as("the level is translated").isNull());
                });

        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("risks/tp-rp-drink-driving");
        assertThat(_get(H1.class, spec -> spec.withId("risk-title")).getElement().getAttribute("lang")).isNull();
        UI.getCurrent().navigate("discretion/sample-traffic-police");
        assertThat(_find(H2.class, spec -> spec.withClasses("discretion-violation"))).isNotEmpty()
                .allSatisfy(h -> assertThat(h.getElement().getAttribute("lang")).isNull());
        UI.getCurrent().setLocale(Locale.TRADITIONAL_CHINESE);
        UI.getCurrent().navigate("risks/tp-rp-drink-driving");
        assertThat(_get(H1.class, spec -> spec.withId("risk-title")).getElement().getAttribute("lang"))
                .as("converted to Traditional, in the page's language").isNull();
    }

    @Test
    void zh_tw_readers_see_list_content_in_traditional_characters_and_may_search_in_them() {
        UI.getCurrent().setLocale(Locale.TRADITIONAL_CHINESE);
        UI.getCurrent().navigate("risks/tp-rp-drink-driving");
        assertThat(_get(H1.class, spec -> spec.withId("risk-title")).getText()).startsWith("飲酒後駕駛機動車");
        assertThat(_get(Section.class, spec -> spec.withId("risk-basis-penalty")).getElement().getTextRecursively())
                .contains("《中華人民共和國道路交通安全法》第九十一條");
        assertThat(_get(Div.class, spec -> spec.withId("risk-facts")).getElement().getTextRecursively())
                .contains("示例市公安局交通管理支隊").doesNotContain("支队");

        // a Traditional query finds the Simplified entry; the card shows it in Traditional characters
        UI.getCurrent().navigate("risks", QueryParameters.simple(Map.of("q", "酒後駕駛")));
        assertThat(_find(Div.class, spec -> spec.withClasses("risk-card"))).anySatisfy(card -> {
            assertThat(card.getElement().getAttribute("data-id")).isEqualTo("tp-rp-drink-driving");
            assertThat(card.getElement().getTextRecursively()).contains("飲酒後駕駛機動車");
        });

        UI.getCurrent().navigate("discretion/sample-traffic-police");
        assertThat(_get(Div.class, spec -> spec.withId("discretion-results")).getElement().getTextRecursively())
                .contains("罰款").doesNotContain("罚款");

        // Simplified readers see the entry as written
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("risks/tp-rp-drink-driving");
        assertThat(_get(H1.class, spec -> spec.withId("risk-title")).getText()).startsWith("饮酒后驾驶机动车");
    }

    private static List<String> levelCells() {
        List<String> levels = new ArrayList<>();
        collect(_get(Div.class, spec -> spec.withId("discretion-results")).getElement(), levels);
        return levels;
    }

    private static void collect(Element element, List<String> levels) {
        if (!element.isTextNode() && element.getClassList().contains("discretion-level")) {
            levels.add(element.getText());
        }
        element.getChildren().forEach(child -> collect(child, levels));
    }

    @Test
    void discretion_levels_and_exemption_sub_kinds_are_translated() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("discretion/sample-market-regulation");
        assertThat(levelCells()).isNotEmpty().containsOnly("Minor", "Ordinary", "Serious");
        UI.getCurrent().setLocale(Locale.TRADITIONAL_CHINESE);
        UI.getCurrent().navigate("discretion/sample-traffic-police");
        assertThat(levelCells()).isNotEmpty().containsOnly("輕微", "一般", "嚴重");
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("exemptions/mr-ex-first-price-tag");
        assertThat(_get(Div.class, spec -> spec.withId("exemption-facts")).getElement().getTextRecursively())
                .contains("No penalty · first violation, no penalty").doesNotContain("首违不罚");
        UI.getCurrent().navigate("risks/tp-rp-drink-driving");
        assertThat(_get(Section.class, spec -> spec.withId("risk-guidance")).getElement().getTextRecursively())
                .contains("Reminder").doesNotContain("提示");
    }

    @Test
    void on_a_phone_the_list_tools_wrap_between_links_and_discretion_cells_carry_their_column_name() {
        UI.getCurrent().navigate("risks");
        var tools = _get(Anchor.class, spec -> spec.withId("risk-download")).getParent().orElseThrow();
        assertThat(tools.getElement().getClassList()).contains("lists-tools");
        assertThat(((com.vaadin.flow.component.orderedlayout.HorizontalLayout) tools).isWrap()).isTrue();
        UI.getCurrent().navigate("discretion/sample-market-regulation");
        Element table = _get(Div.class, spec -> spec.withId("discretion-results")).getElement();
        List<Element> cells = new ArrayList<>();
        collectCells(table, cells);
        assertThat(cells).isNotEmpty().allSatisfy(c -> assertThat(c.getAttribute("data-label")).isIn("情节", "具体情形", "处罚幅度"));
    }

    private static void collectCells(Element element, List<Element> cells) {
        if (element.isTextNode()) {
            return;
        }
        if ("td".equals(element.getTag()) || element.getClassList().contains("discretion-level")) {
            cells.add(element);
        }
        element.getChildren().forEach(child -> collectCells(child, cells));
    }

    @Test
    void print_all_shows_every_entry_of_the_current_filters_on_one_page_without_pager() throws InterruptedException {
        // other tests of this context change the lists: let the indexes catch up with the database,
        // then count what the paged list reports
        awaitIndexesInStep();
        UI.getCurrent().navigate("risks");
        assertThat(_find(Div.class, spec -> spec.withClasses("risk-card"))).hasSize(20);
        int risks = Integer.parseInt(_get(Paragraph.class, spec -> spec.withId("risk-count")).getText().replaceAll("\\D+", " ").strip().split(" ")[0]);
        assertThat(risks).isGreaterThanOrEqualTo(88);
        assertThat(_get(Paragraph.class, spec -> spec.withId("risk-print-page-note")).getText())
                .contains("第 1 页（共 " + (risks + 19) / 20 + " 页）");
        assertThat(_get(Anchor.class, spec -> spec.withId("risk-print-all")).getHref()).isEqualTo("risks?print=all");
        UI.getCurrent().navigate("risks", QueryParameters.simple(Map.of("print", "all")));
        assertThat(_find(Div.class, spec -> spec.withClasses("risk-card"))).hasSize(risks);
        assertThat(_find(Anchor.class, spec -> spec.withId("risk-next"))).isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withId("risk-count")).getText()).startsWith("共找到 " + risks);
        assertThat(_get(Anchor.class, spec -> spec.withId("risk-print-back")).getHref()).isEqualTo("risks");
        assertThat(_find(Anchor.class, spec -> spec.withId("risk-print-all"))).isEmpty();

        UI.getCurrent().navigate("exemptions", QueryParameters.simple(Map.of("kind", "不予处罚")));
        String href = _get(Anchor.class, spec -> spec.withId("exemption-print-all")).getHref();
        assertThat(href).startsWith("exemptions?").contains("kind=").contains("print=all");
        int total = Integer.parseInt(_get(Paragraph.class, spec -> spec.withId("exemption-count")).getText().replaceAll("\\D+", " ").strip().split(" ")[0]);
        assertThat(total).isGreaterThan(20);
        UI.getCurrent().navigate("exemptions", QueryParameters.simple(Map.of("kind", "不予处罚", "print", "all")));
        var cards = _find(Div.class, spec -> spec.withClasses("exemption-card"));
        assertThat(cards).hasSize(total);
        assertThat(cards).allSatisfy(card -> assertThat(card.getElement().getTextRecursively()).contains("不予处罚"));
    }

    @Test
    void the_printed_exemption_list_states_each_item_s_conditions_limits_and_legal_basis_without_a_self_test_link()
            throws Exception {
        awaitIndexesInStep();
        UI.getCurrent().navigate("exemptions", QueryParameters.simple(Map.of("sector", "餐饮服务", "print", "all")));
        var cards = _find(Div.class, spec -> spec.withClasses("exemption-card"));
        assertThat(cards).isNotEmpty();
        assertThat(cards).allSatisfy(card -> {
            String text = card.getElement().getTextRecursively();
            assertThat(text).contains("同时符合以下全部条件的，适用本事项：", "不予处罚或从轻、减轻处罚的依据：", "《中华人民共和国")
                    .doesNotContain("自助检查");
            assertThat(card.getElement().getChildren().anyMatch(c -> c.getClassList().contains("exemption-print-conditions")))
                    .isTrue();
        });
        assertThat(_find(Anchor.class, spec -> spec.withClasses("exemption-check-link"))).isEmpty();
        String all = cards.stream().map(c -> c.getElement().getTextRecursively()).reduce("", String::concat);
        // a number question's limit, as on the detail page
        assertThat(all).contains("适用界限：");
        // on screen, the paged list keeps its self-test links, hidden on paper
        UI.getCurrent().navigate("exemptions", QueryParameters.simple(Map.of("sector", "餐饮服务")));
        assertThat(_find(Anchor.class, spec -> spec.withClasses("exemption-check-link"))).isNotEmpty()
                .allSatisfy(a -> assertThat(a.getParent().orElseThrow().getElement().getClassList()).contains("lists-no-print"));
        assertThat(_find(Div.class, spec -> spec.withClasses("exemption-print-conditions"))).isEmpty();
    }
}
