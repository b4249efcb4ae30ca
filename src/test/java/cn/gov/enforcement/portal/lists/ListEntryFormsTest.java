package cn.gov.enforcement.portal.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.lists.ListEntryForms.ConditionInput;
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
                List.of(row(ConditionType.FIRST_VIOLATION, "12", null, null, false, "是否一年内首次？"),
                        row(ConditionType.CORRECTED_WITHIN_DAYS, "5", null, null, false, " 是否在 5 日内改正？ "),
                        row(ConditionType.AMOUNT_BELOW, "2000.5", " 元", "货值 ", false, "货值是多少？")),
                "教育\n责令改正", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), true);
    }

    /** A condition row as the form sends it. */
    static ConditionInput row(ConditionType type, String number, String unit, String what, boolean metWhenNo,
            String question) {
        return new ConditionInput(type, number == null ? null : new BigDecimal(number), unit, what, metWhenNo, question);
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
    void conditions_are_checked_row_by_row_naming_the_row_and_sub_kinds_follow_the_kind() {
        ExemptionInput ok = exemption("um-ex-test");
        ExemptionInput badConditions = new ExemptionInput(ok.id(), ok.agency(), "从轻处罚", "首违不罚", null, ok.violation(),
                null, ok.basisViolation(), ok.basisPenalty(), ok.basisExemption(),
                List.of(row(null, null, null, null, false, "问题？"),
                        row(ConditionType.CORRECTED_WITHIN_DAYS, null, null, null, false, "缺少天数？"),
                        ConditionInput.empty(), // a row left empty is skipped, but the rows keep their numbers
                        row(ConditionType.CORRECTED_WITHIN_DAYS, "1.5", null, null, false, "半天？"),
                        row(ConditionType.NO_HARM, null, null, null, false, " "),
                        row(ConditionType.AMOUNT_BELOW, "500", " ", "违法所得", false, "违法所得\u0007是多少？"),
                        // a control character and a right-to-left override: said as such, not as "missing"
                        row(ConditionType.AMOUNT_BELOW, "500", "元\u0007", "违法所得", false, "是否\u202e改正？")),
                ok.measure(), null, null, true);
        ValidationFailure failure = org.junit.jupiter.api.Assertions.assertThrows(ValidationFailure.class,
                () -> ListEntryForms.exemption(badConditions));
        assertThat(failure.problems()).extracting(p -> p.field() + ":" + p.messageKey() + ":" + (p.args().length == 0 ? null : p.args()[0]))
                .containsExactly("subkind:lists.admin.error.subkindForbidden:null",
                        "conditions:lists.admin.error.conditionType:1", "conditions:lists.admin.error.conditionNumber:2",
                        "conditions:lists.admin.error.conditionNumber:4", "conditions:lists.admin.error.conditionQuestion:5",
                        "conditions:lists.admin.error.conditionText:6",
                        "conditions:lists.admin.error.conditionQuestionControl:6",
                        "conditions:lists.admin.error.conditionTextControl:7",
                        "conditions:lists.admin.error.conditionQuestionControl:7", "effectiveFrom:lists.admin.error.required:null");
        // the number's and the text's problems name the parameter, in the codes and in Chinese, for the field to mark
        assertThat(failure.problems().get(2).args()).containsExactly(2, "days", "天数", "天數");
        assertThat(failure.problems().get(5).args()).containsExactly(6, "unit", "单位", "單位", 50);
        ExemptionInput noSubkind = new ExemptionInput(ok.id(), ok.agency(), "不予处罚", "", null, ok.violation(), null,
                ok.basisViolation(), ok.basisPenalty(), ok.basisExemption(), ok.conditions(), ok.measure(),
                ok.effectiveFrom(), null, true);
        assertThat(problems(() -> ListEntryForms.exemption(noSubkind))).containsExactly(
                "subkind:lists.admin.error.subkindRequired");
        // no condition (only empty rows), or more than 30
        assertThat(problems(() -> ListEntryForms.exemption(withConditions(List.of(ConditionInput.empty())))))
                .containsExactly("conditions:lists.admin.error.required");
        assertThat(problems(() -> ListEntryForms.exemption(withConditions(java.util.Collections.nCopies(31,
                row(ConditionType.NO_HARM, null, null, null, false, "是否造成了损失？"))))))
                .containsExactly("conditions:lists.admin.error.tooManyConditions");
        // a parameter the type does not take is refused, though the form never sends one
        assertThat(problems(() -> ListEntryForms.exemption(withConditions(List.of(
                row(ConditionType.CORRECTED_WITHIN_DAYS, "3", "天", null, false, "是否改正？"),
                row(ConditionType.NO_HARM, "1", null, null, false, "是否造成了损失？"))))))
                .containsExactly("conditions:lists.admin.error.conditionParameters",
                        "conditions:lists.admin.error.conditionParameters");
    }

    @Test
    void an_editor_marks_a_yes_no_condition_met_by_no_and_the_mark_is_refused_on_a_number_condition() {
        List<ConditionInput> marked = List.of(row(ConditionType.NO_HARM, null, null, null, true, "是否造成了交通事故？"),
                row(ConditionType.CORRECTED_IMMEDIATELY, null, null, null, false, "是否已当场改正？"));
        ExemptionItem x = ListEntryForms.exemption(withConditions(marked));
        assertThat(x.conditions()).containsExactly(
                new Condition(ConditionType.NO_HARM, "是否造成了交通事故？", null, null, null, true),
                new Condition(ConditionType.CORRECTED_IMMEDIATELY, "是否已当场改正？", null, null, null, false));
        // the form shows the mark again, so editing the item keeps it
        assertThat(ExemptionInput.of(x).conditions()).isEqualTo(marked);
        assertThat(ListEntryForms.exemption(ExemptionInput.of(x))).isEqualTo(x);
        assertThat(problems(() -> ListEntryForms.exemption(withConditions(List.of(
                row(ConditionType.AMOUNT_BELOW, "500", "元", "违法所得", true, "违法所得是多少？"))))))
                .containsExactly("conditions:lists.admin.error.conditionMetWhen");
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

    private static ExemptionInput withConditions(List<ConditionInput> conditions) {
        ExemptionInput ok = exemption("um-ex-test");
        return new ExemptionInput(ok.id(), ok.agency(), ok.kind(), ok.subkind(), null, ok.violation(), null,
                ok.basisViolation(), ok.basisPenalty(), ok.basisExemption(), conditions, ok.measure(),
                ok.effectiveFrom(), null, true);
    }

    @Test
    void every_type_of_condition_reads_back_unchanged_from_its_rows_and_is_written_in_the_pages_spelling() {
        List<Condition> all = everyType();
        List<ConditionInput> rows = all.stream().map(ConditionInput::of).toList();
        assertThat(ListEntryForms.exemption(withConditions(rows)).conditions()).isEqualTo(all);
        // the history page writes them as lines, named as the form names them on that page
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

    @Test
    void texts_lines_and_questions_of_the_limit_in_supplementary_characters_are_taken_one_more_is_refused() {
        // 𠀀 (U+20000) is one character and two UTF-16 units: the limits count characters, as the messages say
        String rare = "\uD840\uDC00";
        RiskPointInput r = risk("um-rp-rare");
        RiskPointInput full = new RiskPointInput(r.id(), r.agency(), rare.repeat(100), r.appliesTo(), rare.repeat(200),
                rare.repeat(2000), r.level(), r.levelReason(), r.basisObligation(), r.basisPenalty(), r.consequence(),
                rare.repeat(1000) + "\n" + rare, r.guidance(), r.effectiveFrom(), r.effectiveTo(), r.sample());
        RiskPoint taken = ListEntryForms.riskPoint(full);
        assertThat(taken.title()).isEqualTo(rare.repeat(200));
        assertThat(taken.prevention()).containsExactly(rare.repeat(1000), rare);
        RiskPointInput over = new RiskPointInput(r.id(), r.agency(), rare.repeat(101), r.appliesTo(), rare.repeat(201),
                rare.repeat(2001), r.level(), r.levelReason(), r.basisObligation(), r.basisPenalty(), r.consequence(),
                rare.repeat(1001), r.guidance(), r.effectiveFrom(), r.effectiveTo(), r.sample());
        assertThat(problems(() -> ListEntryForms.riskPoint(over))).containsExactly("sector:lists.admin.error.tooLong",
                "title:lists.admin.error.tooLong", "risk:lists.admin.error.tooLong",
                "prevention:lists.admin.error.lineTooLong");

        ExemptionInput x = exemption("um-ex-rare");
        List<ConditionInput> rows = List.of(row(ConditionType.FIRST_VIOLATION, "12", null, null, false, rare.repeat(500)));
        ExemptionInput fullExemption = new ExemptionInput(x.id(), x.agency(), x.kind(), x.subkind(), x.sector(),
                rare.repeat(1000), x.scope(), x.basisViolation(), x.basisPenalty(), x.basisExemption(), rows,
                x.measure(), x.effectiveFrom(), x.effectiveTo(), x.sample());
        assertThat(ListEntryForms.exemption(fullExemption).violation()).isEqualTo(rare.repeat(1000));
        ExemptionInput overExemption = new ExemptionInput(x.id(), x.agency(), x.kind(), x.subkind(), x.sector(),
                rare.repeat(1001), x.scope(), x.basisViolation(), x.basisPenalty(), x.basisExemption(),
                List.of(row(ConditionType.FIRST_VIOLATION, "12", null, null, false, rare.repeat(501))),
                x.measure(), x.effectiveFrom(), x.effectiveTo(), x.sample());
        assertThat(problems(() -> ListEntryForms.exemption(overExemption))).containsExactly(
                "violation:lists.admin.error.tooLong", "conditions:lists.admin.error.conditionQuestion");
    }
}
