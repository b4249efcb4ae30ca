package cn.gov.enforcement.portal.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.lists.ListEntryForms.ExemptionInput;
import cn.gov.enforcement.portal.lists.ListEntryForms.RiskPointInput;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Server-side validation of the back-office forms. */
class ListEntryFormsTest {

    static RiskPointInput risk(String id) {
        return new RiskPointInput(id, "sample-urban-management", "户外广告与店招", "沿街商户", "店招未经许可设置",
                "未办理手续擅自设置大型店招。", "中", "影响市容，有安全隐患。", "城市市容和环境卫生管理条例 第十一条",
                "《城市市容和环境卫生管理条例》第三十六条第一款", "责令限期改正，可以罚款。", "设置前咨询城管部门\n定期检查牢固程度\n",
                Set.of("提示", "建议"), LocalDate.of(2026, 1, 1), null, true);
    }

    static ExemptionInput exemption(String id) {
        return new ExemptionInput(id, "sample-urban-management", "不予处罚", "首违不罚", "", "首次店招设置不规范", " ",
                "城市市容和环境卫生管理条例 第十一条", "城市市容和环境卫生管理条例 第三十六条",
                "中华人民共和国行政处罚法 第三十三条 第一款",
                "first_violation; within_months=12; 是否一年内首次？\ncorrected_within_days; days=5; 是否在 5 日内改正？\n"
                        + "amount_below; amount=2000.5; unit=元; what=货值; 货值是多少？",
                "教育\n责令改正", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), true);
    }

    private static List<String> problems(Runnable action) {
        try {
            action.run();
        } catch (ValidationFailure f) {
            return f.problems().stream().map(p -> p.field() + ":" + p.messageKey()).toList();
        }
        throw new AssertionError("no validation failure");
    }

    @Test
    void a_valid_risk_point_form_becomes_a_risk_point_with_parsed_citations_and_lines() {
        RiskPoint r = ListEntryForms.riskPoint(risk("um-rp-test"));
        assertThat(r.basisObligation()).containsExactly(new Citation("城市市容和环境卫生管理条例", "第十一条", null));
        assertThat(r.basisPenalty()).containsExactly(new Citation("城市市容和环境卫生管理条例", "第三十六条", 1));
        assertThat(r.prevention()).containsExactly("设置前咨询城管部门", "定期检查牢固程度");
        assertThat(r.guidance()).containsExactly("提示", "建议");
        assertThat(ListEntryForms.riskPoint(RiskPointInput.of(r))).isEqualTo(r);
        // an editor writing Traditional characters types 條: the article is stored as the corpus numbers it
        RiskPointInput traditional = risk("um-rp-test");
        traditional = new RiskPointInput(traditional.id(), traditional.agency(), traditional.sector(), traditional.appliesTo(),
                traditional.title(), traditional.risk(), traditional.level(), traditional.levelReason(),
                "城市市容和环境卫生管理条例 第十一條", traditional.basisPenalty(), traditional.consequence(),
                traditional.prevention(), traditional.guidance(), traditional.effectiveFrom(), traditional.effectiveTo(),
                traditional.sample());
        assertThat(ListEntryForms.riskPoint(traditional).basisObligation())
                .containsExactly(new Citation("城市市容和环境卫生管理条例", "第十一条", null));
    }

    @Test
    void a_valid_exemption_form_becomes_an_item_with_structured_conditions() {
        ExemptionItem x = ListEntryForms.exemption(exemption("um-ex-test"));
        assertThat(x.scope()).isNull();
        assertThat(x.sector()).isNull();
        assertThat(x.basisExemption()).containsExactly(new Citation("中华人民共和国行政处罚法", "第三十三条", 1));
        assertThat(x.conditions()).containsExactly(
                new Condition(ConditionType.FIRST_VIOLATION, "是否一年内首次？", new BigDecimal("12"), null, null),
                new Condition(ConditionType.CORRECTED_WITHIN_DAYS, "是否在 5 日内改正？", new BigDecimal("5"), null, null),
                new Condition(ConditionType.AMOUNT_BELOW, "货值是多少？", new BigDecimal("2000.5"), "元", "货值"));
        assertThat(ListEntryForms.exemption(ExemptionInput.of(x))).isEqualTo(x);
    }

    @Test
    void every_bad_field_is_named_at_once() {
        RiskPointInput bad = new RiskPointInput("Bad Id", "sample-urban-management", " ", "x", "x".repeat(201), "x",
                "极高", "x", "没有条号的引用", "", "x", "", Set.of("提示", "恐吓"), LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 1, 1), true);
        assertThat(problems(() -> ListEntryForms.riskPoint(bad))).containsExactlyInAnyOrder(
                "id:lists.admin.error.slug", "sector:lists.admin.error.required", "title:lists.admin.error.tooLong",
                "level:lists.admin.error.level", "basisObligation:lists.admin.error.citation",
                "basisPenalty:lists.admin.error.required", "prevention:lists.admin.error.required",
                "guidance:lists.admin.error.guidance", "effectiveTo:lists.admin.error.dates");
    }

    @Test
    void the_text_areas_keep_line_breaks_as_a_file_may_but_refuse_other_control_characters() {
        RiskPointInput r = risk("um-rp-test");
        RiskPointInput multiLine = new RiskPointInput(r.id(), r.agency(), r.sector(), r.appliesTo(), r.title(),
                "店招过大。\r\n遇大风易坠落。", r.level(), "影响市容；\r有安全隐患。", r.basisObligation(), r.basisPenalty(),
                "责令限期改正。\n可以罚款。", r.prevention(), r.guidance(), r.effectiveFrom(), r.effectiveTo(), r.sample());
        RiskPoint stored = ListEntryForms.riskPoint(multiLine);
        assertThat(stored.risk()).isEqualTo("店招过大。\n遇大风易坠落。");
        assertThat(stored.levelReason()).isEqualTo("影响市容；\n有安全隐患。");
        assertThat(stored.consequence()).isEqualTo("责令限期改正。\n可以罚款。");
        assertThat(ListEntryForms.riskPoint(RiskPointInput.of(stored))).isEqualTo(stored);
        RiskPointInput bell = new RiskPointInput(r.id(), r.agency(), r.sector(), r.appliesTo(), "店招\n未经许可设置",
                "店招过大\u0007", r.level(), r.levelReason(), r.basisObligation(), r.basisPenalty(), r.consequence(),
                r.prevention(), r.guidance(), r.effectiveFrom(), r.effectiveTo(), r.sample());
        // a single-line field still refuses a line break
        assertThat(problems(() -> ListEntryForms.riskPoint(bell))).containsExactlyInAnyOrder(
                "title:lists.admin.error.control", "risk:lists.admin.error.control");

        ExemptionInput x = exemption("um-ex-test");
        ExemptionInput violation = new ExemptionInput(x.id(), x.agency(), x.kind(), x.subkind(), x.sector(),
                "首次店招设置不规范，\r\n且及时改正", x.scope(), x.basisViolation(), x.basisPenalty(), x.basisExemption(),
                x.conditions(), x.measure(), x.effectiveFrom(), x.effectiveTo(), x.sample());
        assertThat(ListEntryForms.exemption(violation).violation()).isEqualTo("首次店招设置不规范，\n且及时改正");
    }

    @Test
    void conditions_are_checked_line_by_line_and_sub_kinds_follow_the_kind() {
        ExemptionInput ok = exemption("um-ex-test");
        ExemptionInput badConditions = new ExemptionInput(ok.id(), ok.agency(), "从轻处罚", "首违不罚", null, ok.violation(),
                null, ok.basisViolation(), ok.basisPenalty(), ok.basisExemption(),
                "no_such_type; 问题？\ncorrected_within_days; 缺少天数？\ncorrected_within_days; days=1.5; 半天？\nno_harm; ",
                ok.measure(), null, null, true);
        assertThat(problems(() -> ListEntryForms.exemption(badConditions))).containsExactlyInAnyOrder(
                "subkind:lists.admin.error.subkindForbidden", "conditions:lists.admin.error.conditionType",
                "conditions:lists.admin.error.conditionParameters", "conditions:lists.admin.error.conditionNumber",
                "conditions:lists.admin.error.conditionQuestion", "effectiveFrom:lists.admin.error.required");
        ExemptionInput noSubkind = new ExemptionInput(ok.id(), ok.agency(), "不予处罚", "", null, ok.violation(), null,
                ok.basisViolation(), ok.basisPenalty(), ok.basisExemption(), ok.conditions(), ok.measure(),
                ok.effectiveFrom(), null, true);
        assertThat(problems(() -> ListEntryForms.exemption(noSubkind))).containsExactly(
                "subkind:lists.admin.error.subkindRequired");
    }

    @Test
    void an_editor_marks_a_yes_no_condition_met_by_no_and_the_mark_is_refused_on_a_number_or_with_another_value() {
        ExemptionInput ok = exemption("um-ex-test");
        ExemptionInput marked = new ExemptionInput(ok.id(), ok.agency(), ok.kind(), ok.subkind(), null, ok.violation(),
                null, ok.basisViolation(), ok.basisPenalty(), ok.basisExemption(),
                "no_harm; met_when=否; 是否造成了交通事故？\ncorrected_immediately; met_when = 是; 是否已当场改正？",
                ok.measure(), ok.effectiveFrom(), null, true);
        ExemptionItem x = ListEntryForms.exemption(marked);
        assertThat(x.conditions()).containsExactly(
                new Condition(ConditionType.NO_HARM, "是否造成了交通事故？", null, null, null, true),
                new Condition(ConditionType.CORRECTED_IMMEDIATELY, "是否已当场改正？", null, null, null, false));
        // the form shows the mark again, so editing the item keeps it
        assertThat(ExemptionInput.of(x).conditions()).startsWith("no_harm; met_when=否; 是否造成了交通事故？\n");
        assertThat(ListEntryForms.exemption(ExemptionInput.of(x))).isEqualTo(x);

        for (String line : List.of("amount_below; amount=500; unit=元; what=违法所得; met_when=否; 违法所得是多少？",
                "no_harm; met_when=no; 是否造成了损失？", "no_harm; met_when=; 是否造成了损失？")) {
            ExemptionInput bad = new ExemptionInput(ok.id(), ok.agency(), ok.kind(), ok.subkind(), null, ok.violation(),
                    null, ok.basisViolation(), ok.basisPenalty(), ok.basisExemption(), line, ok.measure(),
                    ok.effectiveFrom(), null, true);
            assertThat(problems(() -> ListEntryForms.exemption(bad))).as(line)
                    .containsExactly("conditions:lists.admin.error.conditionMetWhen");
        }
    }

    /** A condition of every type, with its parameters, and questions holding semicolons of both widths. */
    private static List<Condition> everyType() {
        List<Condition> all = new java.util.ArrayList<>();
        for (ConditionType t : ConditionType.values()) {
            java.math.BigDecimal threshold = t.numberParameter() == null ? null
                    : new java.math.BigDecimal(t.wholeNumber() ? "12" : "2000.5");
            String unit = t.textParameters().contains("unit") ? "元" : null;
            String what = t.textParameters().contains("what") ? "违法所得" : null;
            all.add(new Condition(t, "问题" + t.code() + "；其一; 其二？", threshold, unit, what,
                    !t.numericAnswer() && t.ordinal() % 2 == 0));
        }
        return all;
    }

    private static ExemptionInput withConditions(String conditions) {
        ExemptionInput ok = exemption("um-ex-test");
        return new ExemptionInput(ok.id(), ok.agency(), ok.kind(), ok.subkind(), null, ok.violation(), null,
                ok.basisViolation(), ok.basisPenalty(), ok.basisExemption(), conditions, ok.measure(),
                ok.effectiveFrom(), null, true);
    }

    @Test
    void conditions_are_written_with_chinese_type_names_on_chinese_pages_and_every_spelling_reads_back_unchanged() {
        List<Condition> all = everyType();
        for (ListEntryForms.Spelling spelling : ListEntryForms.Spelling.values()) {
            String lines = ListEntryForms.conditionLines(all, spelling);
            assertThat(ListEntryForms.exemption(withConditions(lines)).conditions()).as(spelling.name()).isEqualTo(all);
        }
        assertThat(ListEntryForms.conditionLines(all, ListEntryForms.Spelling.SIMPLIFIED).lines())
                .contains("首次违法；月数=12；符合回答=否；问题first_violation；其一; 其二？",
                        "金额低于；金额=2000.5；单位=元；对象=违法所得；问题amount_below；其一; 其二？");
        assertThat(ListEntryForms.conditionLines(all, ListEntryForms.Spelling.TRADITIONAL).lines())
                .contains("限期改正；天數=12；问题corrected_within_days；其一; 其二？");
        assertThat(ListEntryForms.conditionLines(all, ListEntryForms.Spelling.CODES).lines())
                .contains("first_violation; within_months=12; met_when=否; 问题first_violation；其一; 其二？");
        assertThat(ListEntryForms.Spelling.of(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo(ListEntryForms.Spelling.SIMPLIFIED);
        assertThat(ListEntryForms.Spelling.of(java.util.Locale.TRADITIONAL_CHINESE)).isEqualTo(ListEntryForms.Spelling.TRADITIONAL);
        assertThat(ListEntryForms.Spelling.of(java.util.Locale.ENGLISH)).isEqualTo(ListEntryForms.Spelling.CODES);
        // the help's examples, as an editor copies them (ASCII semicolons and a full-width = too)
        assertThat(ListEntryForms.exemption(withConditions("限期改正; 天数＝3; 是否在 3 日内改正？\n无危害后果；符合回答=否；是否造成了交通事故？\n"
                + "無危害後果；符合回答=否；是否造成了損失？")).conditions()).containsExactly(
                new Condition(ConditionType.CORRECTED_WITHIN_DAYS, "是否在 3 日内改正？", new java.math.BigDecimal("3"), null, null),
                new Condition(ConditionType.NO_HARM, "是否造成了交通事故？", null, null, null, true),
                new Condition(ConditionType.NO_HARM, "是否造成了損失？", null, null, null, true));
    }

    @Test
    void an_unknown_type_or_parameter_is_refused_naming_every_type_by_its_chinese_name_and_code() {
        ValidationFailure failure = org.junit.jupiter.api.Assertions.assertThrows(ValidationFailure.class,
                () -> ListEntryForms.exemption(withConditions("首次违章；月数=12；是否首次？")));
        var problem = failure.problems().get(0);
        assertThat(problem.messageKey()).isEqualTo("lists.admin.error.conditionType");
        for (ConditionType t : ConditionType.values()) {
            assertThat((String) problem.args()[1]).contains(t.code());
            assertThat((String) problem.args()[2]).contains(t.chineseName()).contains("（").contains(t.code() + "）");
        }
        assertThat((String) problem.args()[2]).startsWith("首次违法（月数；first_violation）、无危害后果（no_harm）");
        assertThat((String) problem.args()[3]).contains("期內無違法記錄");
        assertThat(problems(() -> ListEntryForms.exemption(withConditions("限期改正；月数=3；是否改正？"))))
                .containsExactly("conditions:lists.admin.error.conditionParameters");
        assertThat(problems(() -> ListEntryForms.exemption(withConditions("限期改正；天数=0；是否改正？"))))
                .containsExactly("conditions:lists.admin.error.conditionNumber");
    }

    @Test
    void chinese_paragraph_numbers_are_read_back() {
        assertThat(ChineseNumbers.parse("一")).isEqualTo(1);
        assertThat(ChineseNumbers.parse("十")).isEqualTo(10);
        assertThat(ChineseNumbers.parse("十二")).isEqualTo(12);
        assertThat(ChineseNumbers.parse("二十")).isEqualTo(20);
        assertThat(ChineseNumbers.parse("九十九")).isEqualTo(99);
        assertThat(ChineseNumbers.parse("零")).isNull();
        assertThat(ChineseNumbers.parse("百")).isNull();
        for (int i = 1; i < 100; i++) {
            assertThat(ChineseNumbers.parse(ChineseNumbers.of(i))).isEqualTo(i);
        }
        assertThatThrownBy(() -> ListEntryForms.riskPoint(null)).isInstanceOf(NullPointerException.class);
    }
}
