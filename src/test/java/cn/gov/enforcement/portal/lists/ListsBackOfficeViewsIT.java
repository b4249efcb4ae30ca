package cn.gov.enforcement.portal.lists;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.regulation.ImportService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import cn.gov.enforcement.portal.account.PortalUserDetailsService;

/** Karibu tests of the back-office views, the discretion pages and citation links, with real accounts. */
class ListsBackOfficeViewsIT extends ListsTestSupport {

    @Autowired AccountService accounts;
    @Autowired PortalUserDetailsService users;
    @Autowired ListsBackOffice backOffice;
    @Autowired ImportService importService;
    @Autowired cn.gov.enforcement.portal.knowledge.KnowledgeBase knowledgeBase;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** Signs in with a real account, for method security and for Vaadin's view access control. */
    private void signInAs(String username, String agency) {
        var user = signInStaff(accounts, users, username, agency);
        signIn(user, agency == null ? "ADMIN" : "EDITOR");
    }

    @SuppressWarnings("unchecked")
    private static <T> void set(Class<?> type, String id, T value) {
        _setValue((com.vaadin.flow.component.HasValue<?, T>) _get((Class<com.vaadin.flow.component.Component>) type,
                spec -> spec.withId(id)), value);
    }

    /**
     * Clicks 保存为草稿, and once more when the save was held back for citations the regulation library does not
     * resolve (the entries of these tests cite 城市市容和环境卫生管理条例, which no test imports): the tests of
     * something else confirm them as an editor does.
     */
    private static void saveConfirmingCitations() {
        _click(_get(Button.class, spec -> spec.withId("entry-save")));
        if (!_find(UnorderedList.class, spec -> spec.withId("entry-errors")).isEmpty()
                && "citation-warning".equals(_get(UnorderedList.class, spec -> spec.withId("entry-errors"))
                        .getElement().getAttribute("data-kind"))) {
            _click(_get(Button.class, spec -> spec.withId("entry-save")));
        }
    }

    @Test
    void a_bad_form_names_each_field_keeps_the_input_and_a_good_one_saves_a_draft() {
        signInAs("bo-view-editor-um", "sample-urban-management");
        UI.getCurrent().navigate("staff/lists/edit/risk-points");
        set(TextField.class, "entry-id", "Bad Id!");
        set(TextField.class, "entry-title", "后台样例：视图测试");
        set(TextArea.class, "entry-basisObligation", "没有条号");
        _click(_get(Button.class, spec -> spec.withId("entry-save")));
        TextField id = _get(TextField.class, spec -> spec.withId("entry-id"));
        assertThat(id.isInvalid()).isTrue();
        assertThat(id.getErrorMessage()).contains("小写字母");
        assertThat(id.getValue()).as("input kept").isEqualTo("Bad Id!");
        assertThat(_get(TextArea.class, spec -> spec.withId("entry-basisObligation")).getErrorMessage())
                .contains("第 1 行不是有效的引用");
        assertThat(_get(TextField.class, spec -> spec.withId("entry-title")).getValue()).isEqualTo("后台样例：视图测试");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("entry-errors")).getElement().getTextRecursively())
                .contains("风险等级").contains("此项必填");

        // the sample agency's new entry is sample content by default
        assertThat(_get(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withId("entry-sample")).getValue())
                .isTrue();

        // an end date the picker cannot read is refused, not saved as "no end date"
        DatePicker end = _get(DatePicker.class, spec -> spec.withId("entry-effectiveTo"));
        end.getElement().setProperty("_inputElementValue", "2026-02-30");
        _click(_get(Button.class, spec -> spec.withId("entry-save")));
        assertThat(end.isInvalid()).isTrue();
        assertThat(end.getErrorMessage()).isEqualTo("无法识别这个日期，请按 2026-01-31 的格式填写，或在日历中选择。");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("entry-errors")).getElement().getAttribute("role"))
                .isEqualTo("alert");
        assertThat(_get(TextField.class, spec -> spec.withId("entry-title")).getValue()).isEqualTo("后台样例：视图测试");
        end.getElement().setProperty("_inputElementValue", "");

        set(TextField.class, "entry-id", "um-rp-bo-view");
        set(TextField.class, "entry-sector", "户外广告与店招");
        set(TextField.class, "entry-appliesTo", "沿街商户");
        set(Select.class, "entry-level", "低");
        set(TextArea.class, "entry-risk", "店招破损未及时修复。");
        set(TextArea.class, "entry-levelReason", "影响市容，危害较小。");
        set(TextArea.class, "entry-basisObligation", "城市市容和环境卫生管理条例 第十一条");
        set(TextArea.class, "entry-basisPenalty", "《城市市容和环境卫生管理条例》第三十六条");
        set(TextArea.class, "entry-consequence", "责令限期改正。");
        set(TextArea.class, "entry-prevention", "定期检查店招");
        set(CheckboxGroup.class, "entry-guidance", Set.of("提示"));
        set(DatePicker.class, "entry-effectiveFrom", LocalDate.of(2026, 1, 1));
        saveConfirmingCitations();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("staff/lists");
        assertThat(_find(Div.class, spec -> spec.withClasses("lists-admin-row")))
                .anySatisfy(row -> {
                    assertThat(row.getElement().getAttribute("data-id")).isEqualTo("um-rp-bo-view");
                    assertThat(row.getElement().getAttribute("data-status")).isEqualTo("DRAFT");
                });
        assertThat(backOffice.entry("um-rp-bo-view").status()).isEqualTo(EntryStatus.DRAFT);
    }

    /** Fills in a new risk point of the sample urban management agency, with these citations. */
    private static void fillRiskPoint(String id, String obligation, String penalty) {
        UI.getCurrent().navigate("staff/lists/edit/risk-points");
        set(TextField.class, "entry-id", id);
        set(TextField.class, "entry-sector", "户外广告与店招");
        set(TextField.class, "entry-appliesTo", "沿街商户");
        set(TextField.class, "entry-title", "后台样例：引用核对");
        set(Select.class, "entry-level", "低");
        set(TextArea.class, "entry-risk", "店招破损未及时修复。");
        set(TextArea.class, "entry-levelReason", "影响市容，危害较小。");
        set(TextArea.class, "entry-basisObligation", obligation);
        set(TextArea.class, "entry-basisPenalty", penalty);
        set(TextArea.class, "entry-consequence", "责令限期改正。");
        set(TextArea.class, "entry-prevention", "定期检查店招");
        set(CheckboxGroup.class, "entry-guidance", Set.of("提示"));
        set(DatePicker.class, "entry-effectiveFrom", LocalDate.of(2026, 1, 1));
    }

    private static void clickSave() {
        _click(_get(Button.class, spec -> spec.withId("entry-save")));
    }

    private static TextArea area(String id) {
        return _get(TextArea.class, spec -> spec.withId(id));
    }

    private static String path() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    @Test
    void citations_the_regulation_library_does_not_resolve_hold_the_save_back_once_naming_them() throws Exception {
        ListsTestImports.importAdministrativePenaltyLaw(importService, RUN_DATA_DIR);
        signInAs("bo-view-editor-um-cite", "sample-urban-management");
        String id = "um-rp-bo-view-citations";
        // a typo in the title (处罚罚法), and an article 行政处罚法 (86 articles) does not have
        fillRiskPoint(id, "中华人民共和国行政处罚罚法 第三十三条", "《中华人民共和国行政处罚法》第九百条\n中华人民共和国行政处罚法 第二十八条");
        clickSave();
        assertThat(path()).as("not saved: still the form").isEqualTo("staff/lists/edit/risk-points");
        assertThat(area("entry-basisObligation").isInvalid()).isTrue();
        assertThat(area("entry-basisObligation").getErrorMessage()).isEqualTo(
                "以下引用的法规未收录在本平台法规库中，公开页面无法链接到条文：《中华人民共和国行政处罚罚法》第三十三条。"
                        + "请核对；确认无误请再次点击“保存为草稿”。");
        assertThat(area("entry-basisPenalty").getErrorMessage()).isEqualTo(
                "以下引用在本平台法规库中找不到对应条文（法规已收录，但其现行文本没有这一条）：《中华人民共和国行政处罚法》第九百条。"
                        + "请核对；确认无误请再次点击“保存为草稿”。");
        UnorderedList errors = _get(UnorderedList.class, spec -> spec.withId("entry-errors"));
        assertThat(errors.getElement().getAttribute("data-kind")).isEqualTo("citation-warning");
        assertThat(errors.getElement().getTextRecursively()).contains("违反的规定：以下引用的法规").contains("处罚依据：以下引用在");
        assertThat(area("entry-basisPenalty").getValue()).as("input kept")
                .isEqualTo("《中华人民共和国行政处罚法》第九百条\n中华人民共和国行政处罚法 第二十八条");
        assertThat(_get(TextField.class, spec -> spec.withId("entry-title")).getValue()).isEqualTo("后台样例：引用核对");
        assertThat(jdbc.queryForObject("select count(*) from lists_entry_version where entry_id = ?", Integer.class, id))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from lists_audit where entry_id = ?", Integer.class, id)).isZero();

        // the article corrected: the citations changed, so they are checked again; the typo is still named
        set(TextArea.class, "entry-basisPenalty", "《中华人民共和国行政处罚法》第三十条\n中华人民共和国行政处罚法 第二十八条");
        clickSave();
        assertThat(path()).isEqualTo("staff/lists/edit/risk-points");
        assertThat(area("entry-basisPenalty").isInvalid()).isFalse();
        assertThat(area("entry-basisObligation").getErrorMessage()).contains("《中华人民共和国行政处罚罚法》第三十三条");
        assertThat(jdbc.queryForObject("select count(*) from lists_entry_version where entry_id = ?", Integer.class, id))
                .isZero();

        // the same citations again: the editor confirms them, the draft is saved
        clickSave();
        assertThat(path()).isEqualTo("staff/lists");
        assertThat(backOffice.entry(id).status()).isEqualTo(EntryStatus.DRAFT);
        assertThat(((RiskPoint) backOffice.entry(id).entry()).basisObligation())
                .containsExactly(new Citation("中华人民共和国行政处罚罚法", "第三十三条", null));

        // the service holds a submission back the same way: nothing changes until it is confirmed
        assertThatThrownBy(() -> backOffice.submit(id, 1, EntryStatus.DRAFT, false))
                .isInstanceOfSatisfying(CitationWarning.class, w -> assertThat(w.problems())
                        .extracting(ValidationFailure.FieldProblem::field, ValidationFailure.FieldProblem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("basisObligation", CitationWarning.LAW_UNKNOWN)));
        assertThat(backOffice.entry(id).status()).isEqualTo(EntryStatus.DRAFT);
    }

    @Test
    void citations_that_all_resolve_save_at_once_and_the_warning_speaks_english_and_rearms_after_a_language_switch()
            throws Exception {
        ListsTestImports.importAdministrativePenaltyLaw(importService, RUN_DATA_DIR);
        signInAs("bo-view-editor-um-cite", "sample-urban-management");
        // either way of writing a citation, with a paragraph, the title with or without 中华人民共和国
        fillRiskPoint("um-rp-bo-view-cite-ok", "《中华人民共和国行政处罚法》第三十三条第一款", "行政处罚法 第二十八条");
        clickSave();
        assertThat(path()).isEqualTo("staff/lists");
        assertThat(backOffice.entry("um-rp-bo-view-cite-ok").status()).isEqualTo(EntryStatus.DRAFT);

        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        try {
            String id = "um-rp-bo-view-cite-en";
            fillRiskPoint(id, "行政处罚法 第三十三条", "中华人民共和国行政处罚法 第九百条");
            clickSave();
            assertThat(path()).isEqualTo("staff/lists/edit/risk-points");
            assertThat(area("entry-basisPenalty").getErrorMessage()).isEqualTo(
                    "The portal’s regulation library holds the law, but its current text has no such article: "
                            + "《中华人民共和国行政处罚法》第九百条. Please check them; if they are right, click “Save as draft” again.");
            assertThat(area("entry-basisObligation").isInvalid()).isFalse();

            // the language switch keeps what was typed; the confirmation starts afresh
            _get(ListEntryEditView.class).keepForLanguageSwitch();
            UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
            UI.getCurrent().navigate("staff/lists");
            UI.getCurrent().navigate("staff/lists/edit/risk-points");
            assertThat(area("entry-basisPenalty").getValue()).isEqualTo("中华人民共和国行政处罚法 第九百条");
            assertThat(_get(TextField.class, spec -> spec.withId("entry-id")).getValue()).isEqualTo(id);
            clickSave();
            assertThat(path()).isEqualTo("staff/lists/edit/risk-points");
            assertThat(area("entry-basisPenalty").getErrorMessage()).startsWith("以下引用在本平台法规库中找不到对应条文");
            clickSave();
            assertThat(path()).isEqualTo("staff/lists");
            assertThat(backOffice.entry(id).status()).isEqualTo(EntryStatus.DRAFT);
        } finally {
            UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        }
    }

    private static List<Div> conditionRows() {
        return _find(Div.class, spec -> spec.withClasses("entry-condition-row"));
    }

    /** A field or button of the {@code n}th condition row (from 1), visible or hidden. */
    @SuppressWarnings("unchecked")
    private static <T extends com.vaadin.flow.component.Component> T inRow(int n, Class<T> type, String cls) {
        return (T) tree(conditionRows().get(n - 1))
                .filter(c -> type.isInstance(c) && c.getElement().getClassList().contains(cls)).findFirst().orElseThrow();
    }

    private static java.util.stream.Stream<com.vaadin.flow.component.Component> tree(com.vaadin.flow.component.Component c) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(c), c.getChildren().flatMap(ListsBackOfficeViewsIT::tree));
    }

    @SuppressWarnings("unchecked")
    private static Select<ConditionType> typeOf(int n) {
        return inRow(n, Select.class, "entry-condition-type");
    }

    @Test
    void a_stored_items_conditions_show_as_rows_named_in_the_pages_language_and_saved_unchanged_stay_the_same() {
        signInAs("bo-view-editor-um-met", "sample-urban-management");
        UI.getCurrent().navigate("staff/lists/edit/exemptions/um-ex-first-outside-store");
        ExemptionItem before = backOffice.entry("um-ex-first-outside-store").exemption().orElseThrow();
        // no syntax to type: a row per condition, a type picked from the Chinese names, a field per parameter
        assertThat(_find(TextArea.class, spec -> spec.withId("entry-conditions"))).isEmpty();
        assertThat(conditionRows()).hasSize(3);
        assertThat(typeOf(1).getValue()).isEqualTo(ConditionType.FIRST_VIOLATION);
        assertThat(typeOf(1).getLabel()).isEqualTo("第 1 个条件：类型");
        assertThat(typeOf(1).getItemLabelGenerator().apply(ConditionType.FIRST_VIOLATION)).isEqualTo("首次违法");
        BigDecimalField months = inRow(1, BigDecimalField.class, "entry-condition-number");
        assertThat(months.isVisible()).isTrue();
        assertThat(months.getLabel()).isEqualTo("第 1 个条件：月数");
        assertThat(months.getValue()).isEqualByComparingTo("12");
        assertThat(inRow(1, TextField.class, "entry-condition-unit").isVisible()).isFalse();
        assertThat(inRow(1, TextField.class, "entry-condition-what").isVisible()).isFalse();
        // the second is met by the answer no: the box is ticked; a yes/no type has no number
        assertThat(typeOf(2).getValue()).isEqualTo(ConditionType.NO_HARM);
        assertThat(inRow(2, Checkbox.class, "entry-condition-met-when-no").getValue()).isTrue();
        assertThat(inRow(2, Checkbox.class, "entry-condition-met-when-no").getLabel()).isEqualTo("第 2 个条件：回答否时符合");
        assertThat(inRow(2, BigDecimalField.class, "entry-condition-number").isVisible()).isFalse();
        assertThat(inRow(2, TextField.class, "entry-condition-question").getValue()).isEqualTo("是否阻断了行人通行，或者引发了纠纷？");
        assertThat(inRow(2, TextField.class, "entry-condition-question").getLabel()).isEqualTo("第 2 个条件：问题");
        // the buttons name their row for screen readers; the first row does not move up, the last not down
        assertThat(inRow(2, Button.class, "entry-condition-up").getElement().getAttribute("aria-label")).isEqualTo("上移第 2 个条件");
        assertThat(inRow(1, Button.class, "entry-condition-up").isEnabled()).isFalse();
        assertThat(inRow(3, Button.class, "entry-condition-down").isEnabled()).isFalse();
        saveConfirmingCitations();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("staff/lists");
        assertThat(backOffice.entry("um-ex-first-outside-store").exemption().orElseThrow().conditions())
                .isEqualTo(before.conditions());

        // an English page names the types and parameters by their codes, a zh-TW page in Traditional characters
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate("staff/lists/edit/exemptions/um-ex-first-outside-store");
        assertThat(typeOf(1).getItemLabelGenerator().apply(ConditionType.FIRST_VIOLATION)).isEqualTo("first_violation");
        assertThat(inRow(1, BigDecimalField.class, "entry-condition-number").getLabel()).isEqualTo("Condition 1: within_months");
        UI.getCurrent().setLocale(java.util.Locale.TRADITIONAL_CHINESE);
        UI.getCurrent().navigate("staff/lists/edit/exemptions/um-ex-first-outside-store");
        assertThat(typeOf(3).getItemLabelGenerator().apply(ConditionType.CLEAN_RECORD_MONTHS)).isEqualTo("期內無違法記錄");
        assertThat(inRow(1, BigDecimalField.class, "entry-condition-number").getLabel()).isEqualTo("第 1 個條件：月數");
        UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void an_editor_fills_in_conditions_row_by_row_a_refused_row_is_named_and_kept_and_rows_move() {
        signInAs("bo-view-editor-um-met", "sample-urban-management");
        UI.getCurrent().navigate("staff/lists/edit/exemptions");
        set(TextField.class, "entry-id", "um-ex-bo-met-when");
        set(Select.class, "entry-kind", "不予处罚");
        set(Select.class, "entry-subkind", "首违不罚");
        set(TextArea.class, "entry-violation", "后台样例：店外堆放杂物");
        set(TextArea.class, "entry-basisViolation", "城市市容和环境卫生管理条例 第十四条");
        set(TextArea.class, "entry-basisPenalty", "城市市容和环境卫生管理条例 第三十四条");
        set(TextArea.class, "entry-basisExemption", "中华人民共和国行政处罚法 第三十三条 第一款");
        set(TextArea.class, "entry-measure", "教育\n责令改正");
        set(DatePicker.class, "entry-effectiveFrom", LocalDate.of(2026, 1, 1));
        // a new item starts with one empty row; its fields follow the type picked
        assertThat(conditionRows()).hasSize(1);
        assertThat(inRow(1, BigDecimalField.class, "entry-condition-number").isVisible()).isFalse();
        _setValue(typeOf(1), ConditionType.FIRST_VIOLATION);
        assertThat(inRow(1, BigDecimalField.class, "entry-condition-number").getLabel()).isEqualTo("第 1 个条件：月数");
        _setValue(inRow(1, BigDecimalField.class, "entry-condition-number"), new java.math.BigDecimal("12"));
        _setValue(inRow(1, TextField.class, "entry-condition-question"), "这是您12个月内第一次被查处吗？");
        _click(_get(Button.class, spec -> spec.withId("entry-condition-add")));
        _setValue(typeOf(2), ConditionType.AMOUNT_BELOW);
        assertThat(inRow(2, BigDecimalField.class, "entry-condition-number").getLabel()).isEqualTo("第 2 个条件：金额");
        assertThat(inRow(2, TextField.class, "entry-condition-unit").getLabel()).isEqualTo("第 2 个条件：单位");
        assertThat(inRow(2, TextField.class, "entry-condition-what").getLabel()).isEqualTo("第 2 个条件：对象");
        assertThat(inRow(2, Checkbox.class, "entry-condition-met-when-no").isVisible()).as("a number condition").isFalse();
        _setValue(inRow(2, BigDecimalField.class, "entry-condition-number"), new java.math.BigDecimal("500"));
        _setValue(inRow(2, TextField.class, "entry-condition-what"), "违法所得");
        _click(_get(Button.class, spec -> spec.withId("entry-save")));

        // refused: the fields of the second row say what is wrong, naming the row; what was filled in stays
        TextField unit = inRow(2, TextField.class, "entry-condition-unit");
        assertThat(unit.isInvalid()).isTrue();
        assertThat(unit.getErrorMessage()).isEqualTo("第 2 个条件的单位为空或过长（最多 50 个字符）。");
        TextField question = inRow(2, TextField.class, "entry-condition-question");
        assertThat(question.getErrorMessage()).isEqualTo("第 2 个条件缺少问题（最多 500 个字符）。");
        assertThat(inRow(1, TextField.class, "entry-condition-question").isInvalid()).isFalse();
        assertThat(_get(UnorderedList.class, spec -> spec.withId("entry-errors")).getElement().getTextRecursively())
                .contains("适用条件：第 2 个条件的单位为空或过长");
        assertThat(inRow(2, BigDecimalField.class, "entry-condition-number").getValue()).isEqualByComparingTo("500");
        assertThat(inRow(2, TextField.class, "entry-condition-what").getValue()).isEqualTo("违法所得");

        // moved up, the row takes the number 1 in its labels
        _click(inRow(2, Button.class, "entry-condition-up"));
        assertThat(typeOf(1).getValue()).isEqualTo(ConditionType.AMOUNT_BELOW);
        assertThat(inRow(1, TextField.class, "entry-condition-unit").getLabel()).isEqualTo("第 1 个条件：单位");
        assertThat(inRow(2, BigDecimalField.class, "entry-condition-number").getLabel()).isEqualTo("第 2 个条件：月数");
        _setValue(inRow(1, TextField.class, "entry-condition-unit"), "元");
        _setValue(inRow(1, TextField.class, "entry-condition-question"), "违法所得是多少元？");
        // a third row: a number typed under one type is not sent once another type without one is picked
        _click(_get(Button.class, spec -> spec.withId("entry-condition-add")));
        _setValue(typeOf(3), ConditionType.QUANTITY_BELOW);
        _setValue(inRow(3, BigDecimalField.class, "entry-condition-number"), new java.math.BigDecimal("5"));
        _setValue(typeOf(3), ConditionType.NO_HARM);
        assertThat(inRow(3, BigDecimalField.class, "entry-condition-number").isVisible()).isFalse();
        _setValue(inRow(3, Checkbox.class, "entry-condition-met-when-no"), true);
        _setValue(inRow(3, TextField.class, "entry-condition-question"), "是否阻断了行人通行？");
        // a fourth, removed again
        _click(_get(Button.class, spec -> spec.withId("entry-condition-add")));
        _setValue(typeOf(4), ConditionType.SELF_REPORTED);
        _click(inRow(4, Button.class, "entry-condition-remove"));
        assertThat(conditionRows()).hasSize(3);

        // the rows survive the language switch
        _get(ListEntryEditView.class).keepForLanguageSwitch();
        UI.getCurrent().navigate("staff/lists");
        UI.getCurrent().navigate("staff/lists/edit/exemptions");
        assertThat(conditionRows()).hasSize(3);
        assertThat(inRow(1, TextField.class, "entry-condition-unit").getValue()).isEqualTo("元");
        assertThat(inRow(3, Checkbox.class, "entry-condition-met-when-no").getValue()).isTrue();

        saveConfirmingCitations();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("staff/lists");
        ExemptionItem saved = backOffice.entry("um-ex-bo-met-when").exemption().orElseThrow();
        assertThat(saved.conditions()).containsExactly(
                new Condition(ConditionType.AMOUNT_BELOW, "违法所得是多少元？", new java.math.BigDecimal("500"), "元", "违法所得"),
                new Condition(ConditionType.FIRST_VIOLATION, "这是您12个月内第一次被查处吗？", new java.math.BigDecimal("12"), null, null),
                new Condition(ConditionType.NO_HARM, "是否阻断了行人通行？", null, null, null, true));
    }

    @Test
    void what_was_typed_survives_the_language_switch_once() {
        signInAs("bo-view-editor-um", "sample-urban-management");
        UI.getCurrent().navigate("staff/lists/edit/risk-points");
        set(TextField.class, "entry-title", "后台样例：切换语言前输入");
        set(CheckboxGroup.class, "entry-guidance", Set.of("提示", "约谈"));
        set(DatePicker.class, "entry-effectiveFrom", LocalDate.of(2026, 3, 1));
        _get(ListEntryEditView.class).keepForLanguageSwitch();
        // the switch reloads the page
        UI.getCurrent().navigate("staff/lists");
        UI.getCurrent().navigate("staff/lists/edit/risk-points");
        assertThat(_get(TextField.class, spec -> spec.withId("entry-title")).getValue()).isEqualTo("后台样例：切换语言前输入");
        assertThat(_get(CheckboxGroup.class, spec -> spec.withId("entry-guidance")).getValue()).isEqualTo(Set.of("提示", "约谈"));
        assertThat(_get(DatePicker.class, spec -> spec.withId("entry-effectiveFrom")).getValue()).isEqualTo(LocalDate.of(2026, 3, 1));
        // only once: a later visit starts empty
        UI.getCurrent().navigate("staff/lists");
        UI.getCurrent().navigate("staff/lists/edit/risk-points");
        assertThat(_get(TextField.class, spec -> spec.withId("entry-title")).getValue()).isEmpty();
    }

    @Test
    void a_form_opened_before_a_colleague_saved_is_refused_with_who_and_when_and_keeps_the_input_and_so_is_a_stale_step() {
        String um = "sample-urban-management";
        String id = "um-rp-bo-view-conflict";
        signInAs("bo-view-editor-um", um);
        backOffice.saveRiskPoint(null, 0, null, ListsBackOfficeIT.risk(id, "后台样例：视图并发", LocalDate.of(2026, 1, 1)));
        UI.getCurrent().navigate("staff/lists/edit/risk-points/" + id);
        set(TextField.class, "entry-title", "后台样例：我的修改");
        set(TextArea.class, "entry-risk", "我填写的风险描述。");

        signInAs("bo-view-editor-um-2", um);
        backOffice.saveRiskPoint(id, 1, null, ListsBackOfficeIT.risk(id, "后台样例：同事的修改", LocalDate.of(2026, 1, 1)));
        signInAs("bo-view-editor-um", um);
        _click(_get(Button.class, spec -> spec.withId("entry-save")));

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("staff/lists/edit/risk-points/" + id);
        assertThat(_get(UnorderedList.class, spec -> spec.withId("entry-errors")).getElement().getTextRecursively())
                .contains("bo-view-editor-um-2").contains("2026-11-21 10:00:00").contains("刷新页面");
        assertThat(_get(TextField.class, spec -> spec.withId("entry-title")).getValue()).isEqualTo("后台样例：我的修改");
        assertThat(_get(TextArea.class, spec -> spec.withId("entry-risk")).getValue()).isEqualTo("我填写的风险描述。");
        assertThat(backOffice.versions(id)).extracting(ListsBackOffice.VersionSummary::version).containsExactly(1, 2);
        assertThat(((RiskPoint) backOffice.entry(id).entry()).title()).isEqualTo("后台样例：同事的修改");

        // the list shows version 2 as a draft; a colleague submits it before the button is clicked
        UI.getCurrent().navigate("staff/lists", com.vaadin.flow.router.QueryParameters.of("agency", um));
        Div row = _get(Div.class, spec -> spec.withClasses("lists-admin-row").withAttribute("data-id", id));
        assertThat(row.getElement().getAttribute("data-status")).isEqualTo("DRAFT");
        signInAs("bo-view-editor-um-2", um);
        backOffice.submit(id, 2, EntryStatus.DRAFT);
        signInAs("bo-view-editor-um", um);
        _click(_get(row, Button.class, spec -> spec.withClasses("lists-admin-submit")));
        // the refusal is said next to the row clicked and in a notification, not at the top of a long list
        Paragraph refusal = _get(row, Paragraph.class, spec -> spec.withClasses("lists-admin-row-message"));
        assertThat(refusal.getText()).contains("bo-view-editor-um-2").contains("刷新页面").contains("未执行");
        assertThat(refusal.getElement().getAttribute("role")).isEqualTo("alert");
        expectNotification(refusal.getText());
        assertThat(backOffice.entry(id).status()).isEqualTo(EntryStatus.IN_REVIEW);
    }

    @Test
    void a_form_opened_on_a_file_entry_whose_file_was_reloaded_changed_is_refused_and_keeps_the_input() throws Exception {
        String id = "um-ex-bo-view-reloaded";
        java.nio.file.Path file = KNOWLEDGE_DIR.resolve("exemptions/zz_view_reloaded.yaml");
        try {
            java.nio.file.Files.writeString(file, exemptionFile(id, "是否当日清理？"));
            knowledgeBase.loadAll();
            signInAs("bo-view-editor-um", "sample-urban-management");
            UI.getCurrent().navigate("staff/lists/edit/exemptions/" + id);
            set(TextArea.class, "entry-violation", "后台样例：我改写的违法行为");
            // the file changes and the knowledge base is reloaded while the form is open (the entry has no version)
            java.nio.file.Files.writeString(file, exemptionFile(id, "是否在当天清理完毕？"));
            knowledgeBase.loadAll();
            _click(_get(Button.class, spec -> spec.withId("entry-save")));

            assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                    .isEqualTo("staff/lists/edit/exemptions/" + id);
            assertThat(_get(UnorderedList.class, spec -> spec.withId("entry-errors")).getElement().getTextRecursively())
                    .contains("它的知识库文件已于").contains("重新加载").contains("刷新页面")
                    .doesNotContain(ListsBackOffice.KNOWLEDGE_BASE_USER);
            assertThat(_get(TextArea.class, spec -> spec.withId("entry-violation")).getValue())
                    .isEqualTo("后台样例：我改写的违法行为");
            assertThat(backOffice.versions(id)).isEmpty();

            // opened again on the reloaded file, the same edit saves
            UI.getCurrent().navigate("staff/lists/edit/exemptions/" + id);
            set(TextArea.class, "entry-violation", "后台样例：我改写的违法行为");
            saveConfirmingCitations();
            assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("staff/lists");
            assertThat(backOffice.versions(id)).extracting(ListsBackOffice.VersionSummary::version).containsExactly(1, 2);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
            jdbc.update("delete from lists_entry_version where entry_id = ?", id);
            jdbc.update("delete from lists_audit where entry_id = ?", id);
            knowledgeBase.loadAll();
        }
    }

    @Test
    void each_step_says_what_it_did_naming_the_entry_the_submitter_is_not_offered_publish_and_a_withdrawal_is_confirmed() {
        String um = "sample-urban-management";
        String id = "um-rp-bo-view-steps";
        String title = "后台样例：步骤反馈";
        signInAs("bo-view-editor-um", um);
        // its citations name a law no regulation library holds (other tests may import the real ones the sample cites)
        ListEntryForms.RiskPointInput sample = ListsBackOfficeIT.risk(id, title, LocalDate.of(2026, 1, 1));
        backOffice.saveRiskPoint(null, 0, null, new ListEntryForms.RiskPointInput(sample.id(), sample.agency(),
                sample.sector(), sample.appliesTo(), sample.title(), sample.risk(), sample.level(), sample.levelReason(),
                "后台样例虚构条例 第十一条", "后台样例虚构条例 第三十六条", sample.consequence(), sample.prevention(),
                sample.guidance(), sample.effectiveFrom(), sample.effectiveTo(), sample.sample()));
        UI.getCurrent().navigate("staff/lists", com.vaadin.flow.router.QueryParameters.of("agency", um));
        // the first click names them and submits nothing
        _click(_get(row(id), Button.class, spec -> spec.withClasses("lists-admin-submit")));
        assertThat(backOffice.entry(id).status()).isEqualTo(EntryStatus.DRAFT);
        String warning = "违反的规定：以下引用的法规未收录在本平台法规库中，公开页面无法链接到条文：《后台样例虚构条例》第十一条。"
                + " 处罚依据：以下引用的法规未收录在本平台法规库中，公开页面无法链接到条文："
                + "《后台样例虚构条例》第三十六条。请核对；确认无误请再次点击“提交审核”。";
        assertThat(rowMessage(id).getElement().getTextRecursively()).isEqualTo(warning);
        assertThat(rowMessage(id).getElement().getAttribute("role")).isEqualTo("alert");
        expectNotification(warning);
        assertThat(backOffice.versions(id)).singleElement()
                .satisfies(v -> assertThat(v.status()).isEqualTo(EntryStatus.DRAFT));
        // the same version submitted again goes on
        _click(_get(row(id), Button.class, spec -> spec.withClasses("lists-admin-submit")));
        assertThat(backOffice.entry(id).status()).isEqualTo(EntryStatus.IN_REVIEW);
        expectNotification(
                "已将“" + title + "”提交审核，须由本机关另一名编辑或管理员发布。");
        assertThat(rowMessage(id).getElement().getTextRecursively()).isEqualTo("已将“" + title + "”提交审核，须由本机关另一名编辑或管理员发布。");
        assertThat(rowMessage(id).getElement().getAttribute("role")).isEqualTo("status");

        // the submitter is not offered 发布 (the service would refuse it) and is told why; she may take it back
        assertThat(_find(row(id), Button.class, spec -> spec.withClasses("lists-admin-publish"))).isEmpty();
        assertThat(_find(row(id), Button.class, spec -> spec.withClasses("lists-admin-return"))).hasSize(1);
        assertThat(_get(row(id), Paragraph.class, spec -> spec.withClasses("lists-admin-own-submission")).getText())
                .isEqualTo("这一版是您提交审核的，须由本机关另一名编辑或管理员发布。");

        signInAs("bo-view-editor-um-2", um);
        UI.getCurrent().navigate("staff/lists", com.vaadin.flow.router.QueryParameters.of("agency", um));
        assertThat(_find(row(id), Paragraph.class, spec -> spec.withClasses("lists-admin-own-submission"))).isEmpty();
        _click(_get(row(id), Button.class, spec -> spec.withClasses("lists-admin-publish")));
        assertThat(backOffice.entry(id).status()).isEqualTo(EntryStatus.PUBLISHED);
        expectNotification(
                "已发布“" + title + "”，公众在生效日期内可以看到这一版。");
        assertThat(rowMessage(id).getElement().getTextRecursively()).isEqualTo("已发布“" + title + "”，公众在生效日期内可以看到这一版。");

        // withdrawing asks first, naming the entry and saying the public no longer sees it; cancelled, nothing changes
        _click(_get(row(id), Button.class, spec -> spec.withClasses("lists-admin-withdraw")));
        com.vaadin.flow.component.confirmdialog.ConfirmDialog confirm = _get(
                com.vaadin.flow.component.confirmdialog.ConfirmDialog.class,
                spec -> spec.withId("lists-admin-withdraw-confirm"));
        assertThat(confirm.getElement().getTextRecursively())
                .contains("“" + title + "”", id, "公众不再看到这个事项");
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireCancel(confirm);
        assertThat(backOffice.entry(id).status()).isEqualTo(EntryStatus.PUBLISHED);
        assertThat(row(id).getElement().getAttribute("data-status")).isEqualTo("PUBLISHED");

        _click(_get(row(id), Button.class, spec -> spec.withClasses("lists-admin-withdraw")));
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(_get(
                com.vaadin.flow.component.confirmdialog.ConfirmDialog.class,
                spec -> spec.withId("lists-admin-withdraw-confirm")));
        assertThat(backOffice.entry(id).status()).isEqualTo(EntryStatus.WITHDRAWN);
        assertThat(row(id).getElement().getAttribute("data-status")).isEqualTo("WITHDRAWN");
        expectNotification(
                "已撤回“" + title + "”，公众不再看到这个事项。");
        assertThat(rowMessage(id).getElement().getTextRecursively()).isEqualTo("已撤回“" + title + "”，公众不再看到这个事项。");
    }

    @Test
    void the_sample_box_of_a_sample_agency_is_ticked_and_read_only_with_the_reason() {
        signInAs("bo-view-editor-mr-sample", "sample-market-regulation");
        UI.getCurrent().navigate("staff/lists/edit/exemptions/mr-ex-first-licence-display");
        com.vaadin.flow.component.checkbox.Checkbox sample = _get(com.vaadin.flow.component.checkbox.Checkbox.class,
                spec -> spec.withId("entry-sample"));
        assertThat(sample.getValue()).isTrue();
        assertThat(sample.isReadOnly()).isTrue();
        assertThat(sample.getHelperText()).isEqualTo("示例执法机关的条目一律是示例数据：公开页面标注“示例”，且不列入网站地图。");
        UI.getCurrent().navigate("staff/lists/edit/risk-points");
        sample = _get(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withId("entry-sample"));
        assertThat(sample.getValue()).isTrue();
        assertThat(sample.isReadOnly()).isTrue();
    }

    @Test
    void a_row_says_when_its_public_version_becomes_public_shows_its_dates_and_the_withdrawal_names_the_public_version() {
        String um = "sample-urban-management";
        String id = "um-rp-bo-view-upcoming";
        String published = "后台样例：明年公开";
        String revised = "后台样例：明年公开（甲改）";
        signInAs("bo-view-editor-um", um);
        backOffice.saveRiskPoint(null, 0, null, ListsBackOfficeIT.risk(id, published, LocalDate.of(2027, 6, 1)));
        backOffice.submit(id, 1, EntryStatus.DRAFT);
        signInAs("bo-view-editor-um-2", um);
        backOffice.publish(id, 1, EntryStatus.IN_REVIEW);
        UI.getCurrent().navigate("staff/lists", com.vaadin.flow.router.QueryParameters.of("agency", um));
        String facts = _get(row(id), com.vaadin.flow.component.html.Span.class,
                spec -> spec.withClasses("lists-admin-facts")).getText();
        assertThat(facts).contains("已发布 · 第 1 版 · 2027-06-01 起公开，公众现在看不到")
                .contains("生效日期 2027-06-01 起").doesNotContain("公众可见");

        backOffice.saveRiskPoint(id, 1, null, ListsBackOfficeIT.risk(id, revised, LocalDate.of(2027, 6, 1)));
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("staff/lists", com.vaadin.flow.router.QueryParameters.of("agency", um));
        assertThat(_get(row(id), com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("lists-admin-facts"))
                .getText()).contains("public from 2027-06-01");
        // a version not in force yet is still on the public list: it can be withdrawn, and the dialog names it
        _click(_get(row(id), Button.class, spec -> spec.withClasses("lists-admin-withdraw")));
        com.vaadin.flow.component.confirmdialog.ConfirmDialog confirm = _get(
                com.vaadin.flow.component.confirmdialog.ConfirmDialog.class,
                spec -> spec.withId("lists-admin-withdraw-confirm"));
        String text = confirm.getElement().getTextRecursively();
        assertThat(text).contains("“" + published + "”").doesNotContain(revised);
        assertThat(confirm.getElement().getChildren().flatMap(com.vaadin.flow.dom.Element::getChildren)
                .filter(e -> published.equals(e.getText())).map(e -> e.getAttribute("lang")))
                .as("the quoted title is marked Chinese on an English page").containsExactly("zh-CN");
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(confirm);
        assertThat(rowMessage(id).getElement().getTextRecursively())
                .isEqualTo("The public version of “" + published + "” was withdrawn; the public no longer sees it. "
                        + "The version being revised is kept.");
        assertThat(_get(rowMessage(id), com.vaadin.flow.component.html.Span.class).getElement().getAttribute("lang"))
                .isEqualTo("zh-CN");
        expectNotification(
                "The public version of “" + published + "” was withdrawn; the public no longer sees it. "
                        + "The version being revised is kept.");
        UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void a_reviewer_previews_a_version_as_the_public_page_shows_it_only_in_her_agency() {
        String um = "sample-urban-management";
        String id = "um-ex-bo-view-preview";
        signInAs("bo-view-editor-um", um);
        backOffice.saveExemption(null, 0, null, ListEntryFormsTest.exemption(id));
        backOffice.submit(id, 1, EntryStatus.DRAFT);
        signInAs("bo-view-editor-um-2", um);
        UI.getCurrent().navigate("staff/lists", com.vaadin.flow.router.QueryParameters.of("agency", um));
        Anchor link = _get(row(id), Anchor.class, spec -> spec.withClasses("lists-admin-preview"));
        assertThat(link.getHref()).isEqualTo("staff/lists/preview/" + id);
        UI.getCurrent().navigate(link.getHref());
        Div banner = _get(Div.class, spec -> spec.withId("preview-banner"));
        assertThat(banner.getText()).isEqualTo("预览（第 1 版）：公众尚看不到这一版。下面是它发布后在公开页面上的样子。");
        assertThat(banner.getElement().getAttribute("data-shown")).isEqualTo("false");
        // rendered as the public page renders it: the questions in words, the limits, the 示例 badge; no raw codes
        String body = _get(Div.class, spec -> spec.withId("preview-body")).getElement().getTextRecursively();
        assertThat(body).contains("首次店招设置不规范").contains("是否在 5 日内改正？").doesNotContain("within_months")
                .doesNotContain("first_violation");
        assertThat(_find(_get(Div.class, spec -> spec.withId("preview-body")),
                com.vaadin.flow.component.html.ListItem.class, spec -> spec.withClasses("exemption-condition")))
                .hasSize(3);
        assertThat(_get(com.vaadin.flow.component.html.H1.class, spec -> spec.withId("exemption-title"))
                .getElement().getTextRecursively()).contains(UI.getCurrent().getTranslation("lists.sample.badge"));

        backOffice.publish(id, 1, EntryStatus.IN_REVIEW);
        backOffice.saveExemption(id, 1, null, ListEntryFormsTest.exemption(id));
        UI.getCurrent().navigate("staff/lists/history/" + id);
        assertThat(_find(Anchor.class, spec -> spec.withClasses("history-preview"))).extracting(Anchor::getHref)
                .containsExactly("staff/lists/preview/" + id + "?version=1", "staff/lists/preview/" + id + "?version=2");
        UI.getCurrent().navigate("staff/lists/preview/" + id, com.vaadin.flow.router.QueryParameters.of("version", "1"));
        assertThat(_get(Div.class, spec -> spec.withId("preview-banner")).getText())
                .isEqualTo("预览（第 1 版）：这是公众现在看到的版本。");
        UI.getCurrent().navigate("staff/lists/preview/" + id);
        assertThat(_get(Div.class, spec -> spec.withId("preview-banner")).getElement().getAttribute("data-shown"))
                .isEqualTo("false");

        // another agency's editor, an unknown version or id: the same not-found page as for the form
        signInAs("bo-view-editor-mr", "sample-market-regulation");
        for (String url : new String[] {"staff/lists/preview/" + id, "staff/lists/preview/no-such-entry"}) {
            UI.getCurrent().navigate(url);
            assertThat(_find(Div.class, spec -> spec.withId("lists-not-found"))).as(url).hasSize(1);
        }
        UI.getCurrent().navigate("staff/lists/preview/" + id, com.vaadin.flow.router.QueryParameters.of("version", "1"));
        assertThat(_find(Div.class, spec -> spec.withId("lists-not-found"))).hasSize(1);
        signInAs("bo-view-editor-um", um);
        for (String version : new String[] {"9", "x", "0"}) {
            UI.getCurrent().navigate("staff/lists/preview/" + id, com.vaadin.flow.router.QueryParameters.of("version", version));
            assertThat(_find(Div.class, spec -> spec.withId("lists-not-found"))).as(version).hasSize(1);
        }
        backOffice.withdraw(id, 2, EntryStatus.DRAFT);
    }

    /**
     * The one notification shown, read with its components (the entry's title is a marked span in it), which is then
     * closed.
     */
    private static void expectNotification(String text) {
        assertThat(com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications())
                .extracting(n -> n.getElement().getTextRecursively()).containsExactly(text);
        com.github.mvysny.kaributesting.v10.NotificationsKt.clearNotifications();
    }

    private static Div row(String id) {
        return _get(Div.class, spec -> spec.withClasses("lists-admin-row").withAttribute("data-id", id));
    }

    private static Paragraph rowMessage(String id) {
        return _get(row(id), Paragraph.class, spec -> spec.withClasses("lists-admin-row-message"));
    }

    @Test
    void an_administrators_link_to_an_agency_that_is_not_offered_chooses_none_and_says_so() {
        signInAs("bo-view-admin", null);
        UI.getCurrent().navigate("staff/lists", com.vaadin.flow.router.QueryParameters.of("agency", "sample-urban-management"));
        Select<?> agency = _get(Select.class, spec -> spec.withId("lists-admin-agency"));
        assertThat(agency.getValue()).isEqualTo("sample-urban-management");
        assertThat(_find(Div.class, spec -> spec.withClasses("lists-admin-row"))).isNotEmpty();

        UI.getCurrent().navigate("staff/lists", com.vaadin.flow.router.QueryParameters.of("agency", "<script>"));
        agency = _get(Select.class, spec -> spec.withId("lists-admin-agency"));
        assertThat(agency.getValue()).isNull();
        assertThat(agency.isInvalid()).isTrue();
        assertThat(agency.getErrorMessage()).isEqualTo("链接中的“<script>”不在可选范围内，请在这里选择。");
        assertThat(_get(Div.class, spec -> spec.withId("lists-admin-rows")).getElement().getTextRecursively())
                .isEqualTo("请选择执法机关。");
        assertThat(_find(Div.class, spec -> spec.withClasses("lists-admin-row"))).isEmpty();
    }

    @Test
    void on_the_audit_log_and_the_citation_report_a_link_to_an_agency_not_offered_chooses_none_rather_than_all() {
        signInAs("bo-view-admin-pickers", null);
        for (String[] page : new String[][] {{"staff/lists/audit", "lists-audit-agency", "lists-audit-log"},
                {"staff/lists/citations", "lists-citations-agency", "lists-citations-report"}}) {
            UI.getCurrent().navigate(page[0], com.vaadin.flow.router.QueryParameters.of("agency", "sample-gone"));
            Select<?> agency = _get(Select.class, spec -> spec.withId(page[1]));
            // before, the page showed every agency's records under 全部, as if they were the ones the link asked for
            assertThat(agency.getValue()).as(page[0]).isNull();
            assertThat(agency.isInvalid()).as(page[0]).isTrue();
            assertThat(agency.getErrorMessage()).as(page[0]).isEqualTo("链接中的“sample-gone”不在可选范围内，请在这里选择。");
            assertThat(_get(Div.class, spec -> spec.withId(page[2])).getElement().getTextRecursively()).as(page[0])
                    .isEqualTo("请选择执法机关。");

            // a link to an agency offered opens it, the mark gone; none at all opens every agency
            UI.getCurrent().navigate(page[0], com.vaadin.flow.router.QueryParameters.of("agency", "sample-urban-management"));
            agency = _get(Select.class, spec -> spec.withId(page[1]));
            assertThat(agency.getValue()).as(page[0]).isEqualTo("sample-urban-management");
            assertThat(agency.isInvalid()).as(page[0]).isFalse();
            UI.getCurrent().navigate(page[0]);
            assertThat(_get(Select.class, spec -> spec.withId(page[1])).getValue()).as(page[0]).isEqualTo("");
        }
    }

    @Test
    void an_editor_of_another_agency_gets_the_not_found_page_for_the_form_and_the_history() {
        signInAs("bo-view-editor-um", "sample-urban-management");
        backOffice.saveRiskPoint(null, 0, null, ListsBackOfficeIT.risk("um-rp-bo-view-scope", "后台样例：视图范围",
                LocalDate.of(2026, 1, 1)));
        signInAs("bo-view-editor-mr", "sample-market-regulation");
        for (String url : new String[] {"staff/lists/edit/risk-points/um-rp-bo-view-scope",
                "staff/lists/history/um-rp-bo-view-scope", "staff/lists/edit/risk-points/no-such-entry",
                "staff/lists/history/no-such-entry"}) {
            UI.getCurrent().navigate(url);
            assertThat(_find(Div.class, spec -> spec.withId("lists-not-found"))).as(url).hasSize(1);
        }
        UI.getCurrent().navigate("staff/lists",
                com.vaadin.flow.router.QueryParameters.of("agency", "sample-urban-management"));
        assertThat(_find(Div.class, spec -> spec.withClasses("lists-admin-row")))
                .noneSatisfy(row -> assertThat(row.getElement().getAttribute("data-id")).startsWith("um-"));
        signInAs("bo-view-editor-um", "sample-urban-management");
        UI.getCurrent().navigate("staff/lists/history/um-rp-bo-view-scope");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("history-versions")).getElement().getTextRecursively())
                .contains("第 1 版").contains("草稿");
    }

    @Test
    void the_history_page_shows_what_changed_between_two_versions_field_by_field() {
        signInAs("bo-view-editor-um", "sample-urban-management");
        String id = "um-rp-bo-view-history";
        backOffice.saveRiskPoint(null, 0, null, ListsBackOfficeIT.risk(id, "后台样例：历史一", LocalDate.of(2026, 1, 1)));
        backOffice.saveRiskPoint(id, 1, null, ListsBackOfficeIT.risk(id, "后台样例：历史二<b>", LocalDate.of(2026, 2, 1)));
        UI.getCurrent().navigate("staff/lists/history/" + id);
        String changes = _get(Div.class, spec -> spec.withId("history-changes")).getElement().getOuterHTML();
        assertThat(changes).contains("风险名称").contains("后台样例：历史一").contains("后台样例：历史二&lt;b&gt;")
                .contains("生效日期").contains("2026-02-01").doesNotContain("<b>");

        // on an English page the entry's Chinese words are marked with their language, the translated words are not
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("staff/lists/history/" + id);
        com.vaadin.flow.component.html.H1 heading = _get(com.vaadin.flow.component.html.H1.class,
                spec -> spec.withId("history-title"));
        assertThat(heading.getElement().getTextRecursively()).isEqualTo("History: 后台样例：历史二<b>");
        assertThat(heading.getElement().getAttribute("lang")).isNull();
        assertThat(_get(heading, com.vaadin.flow.component.html.Span.class).getElement().getAttribute("lang"))
                .isEqualTo("zh-CN");
        var cells = _get(Div.class, spec -> spec.withId("history-changes")).getElement().getChildren()
                .flatMap(com.vaadin.flow.dom.Element::getChildren) // the table
                .flatMap(com.vaadin.flow.dom.Element::getChildren) // its rows
                .filter(row -> "title".equals(row.getAttribute("data-field")))
                .flatMap(com.vaadin.flow.dom.Element::getChildren).toList();
        assertThat(cells).extracting(cell -> cell.getAttribute("lang")).containsExactly(null, "zh-CN", "zh-CN");
        UI.getCurrent().navigate("staff/lists", com.vaadin.flow.router.QueryParameters.of("agency",
                "sample-urban-management"));
        assertThat(_get(row(id), com.vaadin.flow.component.html.H2.class).getElement().getAttribute("lang"))
                .isEqualTo("zh-CN");
        UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void the_history_page_names_the_conditions_types_and_parameters_as_the_form_does_in_the_pages_language() {
        signInAs("bo-view-editor-um", "sample-urban-management");
        String id = "um-ex-bo-view-history-conditions";
        var first = ListEntryFormsTest.exemption(id);
        backOffice.saveExemption(null, 0, null, first);
        var changed = new java.util.ArrayList<>(first.conditions());
        changed.set(0, ListEntryFormsTest.row(ConditionType.FIRST_VIOLATION, "6", null, null, false, "是否半年内首次？"));
        backOffice.saveExemption(id, 1, null, new ListEntryForms.ExemptionInput(first.id(), first.agency(), first.kind(),
                first.subkind(), first.sector(), first.violation(), first.scope(), first.basisViolation(),
                first.basisPenalty(), first.basisExemption(), changed, first.measure(), first.effectiveFrom(),
                first.effectiveTo(), first.sample()));
        java.util.function.Supplier<String> conditionsRow = () -> _get(Div.class, spec -> spec.withId("history-changes"))
                .getElement().getChildren().flatMap(com.vaadin.flow.dom.Element::getChildren)
                .flatMap(com.vaadin.flow.dom.Element::getChildren)
                .filter(row -> "conditions".equals(row.getAttribute("data-field")))
                .map(com.vaadin.flow.dom.Element::getTextRecursively).findFirst().orElseThrow();
        UI.getCurrent().navigate("staff/lists/history/" + id);
        assertThat(conditionsRow.get()).contains("首次违法；月数=12；是否一年内首次？").contains("首次违法；月数=6；是否半年内首次？")
                .contains("金额低于；金额=2000.5；单位=元；对象=货值；货值是多少？").doesNotContain("first_violation")
                .doesNotContain("within_months");
        UI.getCurrent().setLocale(java.util.Locale.TRADITIONAL_CHINESE);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("staff/lists/history/" + id);
        assertThat(conditionsRow.get()).contains("首次違法；月數=6；是否半年内首次？").doesNotContain("first_violation");
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("staff/lists/history/" + id);
        assertThat(conditionsRow.get()).contains("first_violation; within_months=6; 是否半年内首次？").doesNotContain("首次违法");
        UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void discretion_benchmarks_have_a_page_per_agency_and_citations_link_to_imported_articles() throws Exception {
        UI.getCurrent().navigate("discretion");
        assertThat(_find(Anchor.class, spec -> spec.withClasses("discretion-agency-link"))).hasSizeGreaterThanOrEqualTo(2);
        UI.getCurrent().navigate("discretion/sample-traffic-police");
        assertThat(_find(Section.class, spec -> spec.withClasses("discretion-benchmark"))).isNotEmpty()
                .allSatisfy(s -> assertThat(s.getElement().getOuterHTML()).contains("轻微").contains("一般").contains("严重"));
        UI.getCurrent().navigate("discretion/no-such-agency");
        assertThat(_find(Div.class, spec -> spec.withId("lists-not-found"))).hasSize(1);
        // it says the agency is unknown and leads back to the benchmarks, not to the other lists
        assertThat(_get(com.vaadin.flow.component.html.H1.class).getText())
                .isEqualTo(UI.getCurrent().getTranslation("lists.notFound.discretion.title"));
        assertThat(_find(Anchor.class, spec -> spec.withText(UI.getCurrent().getTranslation("lists.notFound.discretion.all"))))
                .singleElement().satisfies(a -> assertThat(a.getHref()).isEqualTo("discretion"));
        UI.getCurrent().navigate("discretion/sample-ecology-environment");
        assertThat(_get(Div.class, spec -> spec.withId("discretion-results")).getElement().getTextRecursively())
                .contains("尚未公布");
        UI.getCurrent().navigate("agencies/sample-traffic-police");
        assertThat(_get(Anchor.class, spec -> spec.withId("agency-discretion-link")).getHref())
                .isEqualTo("discretion/sample-traffic-police");
        assertThat(_get(Anchor.class, spec -> spec.withId("agency-risks-link")).getHref())
                .isEqualTo("risks?agency=sample-traffic-police");

        ListsTestImports.importAdministrativePenaltyLaw(importService, RUN_DATA_DIR);
        UI.getCurrent().navigate("exemptions/mr-ex-first-licence-display");
        Section basis = _get(Section.class, spec -> spec.withId("exemption-basis-exemption"));
        assertThat(_find(basis, Anchor.class, spec -> spec.withClasses("lists-citation-link")))
                .singleElement().satisfies(a -> assertThat(a.getHref()).matches("/regulations/\\d+#第三十三条"));
        // a cited article links: the note saying so is shown
        assertThat(_find(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("exemption-citation-note")))
                .hasSize(1);
        // none of this risk's citations is imported (环境影响评价法, which no test imports): no note promising links
        UI.getCurrent().navigate("risks/ee-rp-eia-before-construction");
        assertThat(_find(Anchor.class, spec -> spec.withClasses("lists-citation-link"))).isEmpty();
        assertThat(_find(com.vaadin.flow.component.html.Paragraph.class,
                spec -> spec.withText(UI.getCurrent().getTranslation("lists.citation.note")))).isEmpty();
        Section penalty = _get(Section.class, spec -> spec.withId("risk-basis-penalty"));
        assertThat(penalty.getElement().getTextRecursively()).contains("《中华人民共和国环境影响评价法》第三十一条");
        UI.getCurrent().navigate("risks/tp-rp-drink-driving");
        // the texts an editor may write in lines keep their line breaks on the page (white-space: pre-line)
        for (String id : new String[] {"risk-risk", "risk-level-reason", "risk-consequence"}) {
            assertThat(_find(_get(Section.class, spec -> spec.withId(id)), com.vaadin.flow.component.html.Paragraph.class,
                    spec -> spec.withClasses("lists-multiline"))).as(id).hasSize(1);
        }
    }
}
