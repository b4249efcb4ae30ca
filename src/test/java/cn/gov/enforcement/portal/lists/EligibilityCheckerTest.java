package cn.gov.enforcement.portal.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EligibilityCheckerTest {

    private static final List<Citation> BASIS = List.of(new Citation("中华人民共和国行政处罚法", "第三十三条", 1));

    private static Condition yesNo(ConditionType type) {
        return new Condition(type, "问题？", null, null, null);
    }

    private static Condition numeric(ConditionType type, String threshold) {
        return new Condition(type, "多少？", new BigDecimal(threshold), "元", "违法所得");
    }

    private static ExemptionItem item(String kind, Condition... conditions) {
        return new ExemptionItem("x-ex-test", "sample-market-regulation", kind,
                ListsFormat.NO_PENALTY.equals(kind) ? "首违不罚" : null, null, "测试违法行为", null, BASIS, BASIS, BASIS,
                List.of(conditions), List.of("教育"), LocalDate.of(2024, 1, 1), null, true);
    }

    @Test
    void every_yes_no_condition_type_is_met_by_yes_and_not_by_no() {
        for (ConditionType type : ConditionType.values()) {
            if (type.numericAnswer()) {
                continue;
            }
            Condition condition = type.numberParameter() == null ? yesNo(type)
                    : new Condition(type, "问题？", new BigDecimal("6"), null, null);
            ExemptionItem item = item(ListsFormat.NO_PENALTY, condition);
            assertThat(EligibilityChecker.check(item, Map.of("0", "yes")).outcome())
                    .as(type.code()).isEqualTo(EligibilityResult.Outcome.NO_PENALTY);
            assertThat(EligibilityChecker.check(item, Map.of("0", "否")).outcome())
                    .as(type.code()).isEqualTo(EligibilityResult.Outcome.NOT_COVERED);
        }
    }

    @Test
    void a_condition_marked_met_when_no_is_met_by_the_reader_s_no_and_not_by_yes_the_answer_staying_literal() {
        for (ConditionType type : ConditionType.values()) {
            if (type.numericAnswer()) {
                continue;
            }
            Condition harm = new Condition(type, "这次停车是否造成了交通事故？",
                    type.numberParameter() == null ? null : new BigDecimal("6"), null, null, true);
            ExemptionItem item = item(ListsFormat.NO_PENALTY, yesNo(ConditionType.CORRECTED_IMMEDIATELY), harm);
            for (String no : List.of("no", "否", "false", "N")) {
                EligibilityResult met = EligibilityChecker.check(item, Map.of("0", "yes", "1", no));
                assertThat(met.outcome()).as(type.code() + " " + no).isEqualTo(EligibilityResult.Outcome.NO_PENALTY);
                // the answer is what the reader said to the question as shown, not whether the condition is met
                assertThat(met.conditions().get(1).answer()).isEqualTo("no");
                assertThat(met.conditions().get(1).met()).isTrue();
            }
            EligibilityResult notMet = EligibilityChecker.check(item, Map.of("0", "yes", "1", "是"));
            assertThat(notMet.outcome()).as(type.code()).isEqualTo(EligibilityResult.Outcome.NOT_COVERED);
            assertThat(notMet.unmet()).singleElement().satisfies(c -> {
                assertThat(c.index()).isEqualTo(1);
                assertThat(c.answer()).isEqualTo("yes");
            });
        }
        // both polarities in one item: each condition read by its own
        ExemptionItem both = item(ListsFormat.LIGHTER, yesNo(ConditionType.SELF_REPORTED),
                new Condition(ConditionType.NO_HARM, "是否造成了损失？", null, null, null, true));
        assertThat(EligibilityChecker.check(both, Map.of("0", "yes", "1", "no")).applies()).isTrue();
        assertThat(EligibilityChecker.check(both, Map.of("0", "no", "1", "no")).applies()).isFalse();
        assertThat(EligibilityChecker.check(both, Map.of("0", "yes", "1", "yes")).applies()).isFalse();
        assertThat(EligibilityChecker.check(both, Map.of("self_reported", "true", "no_harm", "false")).applies()).isTrue();
    }

    @Test
    void the_reason_for_a_condition_met_by_no_says_the_reader_answered_yes() {
        ExemptionItem item = item(ListsFormat.NO_PENALTY, yesNo(ConditionType.CORRECTED_IMMEDIATELY),
                new Condition(ConditionType.NO_HARM, "是否造成了交通事故？", null, null, null, true));
        java.util.Map<String, String> texts = java.util.Map.of("lists.check.reason.no", "NOT MET {0}: {1}",
                "lists.check.reason.noWhenNo", "ANSWERED YES {0}: {1}");
        EligibilityTexts.Messages m = (key, args) -> java.text.MessageFormat.format(texts.getOrDefault(key, key), args);
        assertThat(EligibilityTexts.reasons(item, EligibilityChecker.check(item, Map.of("0", "no", "1", "yes")), m))
                .containsExactly("NOT MET 1: 问题？", "ANSWERED YES 2: 是否造成了交通事故？", "lists.check.reason.notCoveredNote");
    }

    @Test
    void a_number_exactly_at_the_threshold_does_not_meet_the_condition() {
        for (ConditionType type : List.of(ConditionType.AMOUNT_BELOW, ConditionType.QUANTITY_BELOW, ConditionType.DURATION_BELOW)) {
            ExemptionItem item = item(ListsFormat.LIGHTER, numeric(type, "5000"));
            assertThat(EligibilityChecker.check(item, Map.of("0", "5000")).outcome()).as(type.code())
                    .isEqualTo(EligibilityResult.Outcome.NOT_COVERED);
            assertThat(EligibilityChecker.check(item, Map.of("0", "5000.00")).outcome()).as(type.code())
                    .isEqualTo(EligibilityResult.Outcome.NOT_COVERED);
            assertThat(EligibilityChecker.check(item, Map.of("0", "4999.99")).outcome()).as(type.code())
                    .isEqualTo(EligibilityResult.Outcome.LIGHTER);
            assertThat(EligibilityChecker.check(item, Map.of("0", "0")).outcome()).as(type.code())
                    .isEqualTo(EligibilityResult.Outcome.LIGHTER);
        }
    }

    @Test
    void six_months_clean_record_is_a_yes_no_question_whose_answer_decides() {
        ExemptionItem item = item(ListsFormat.NO_PENALTY,
                new Condition(ConditionType.CLEAN_RECORD_MONTHS, "此前6个月内是否没有违法记录？", new BigDecimal("6"), null, null),
                yesNo(ConditionType.NO_HARM));
        assertThat(EligibilityChecker.check(item, Map.of("clean_record_months", "是", "no_harm", "yes")).applies()).isTrue();
        EligibilityResult result = EligibilityChecker.check(item, Map.of("0", "no", "1", "yes"));
        assertThat(result.outcome()).isEqualTo(EligibilityResult.Outcome.NOT_COVERED);
        assertThat(result.unmet()).extracting(EligibilityResult.ConditionResult::index).containsExactly(0);
    }

    @Test
    void the_kind_of_the_item_decides_the_outcome_when_every_condition_is_met() {
        assertThat(EligibilityChecker.check(item(ListsFormat.REDUCED, yesNo(ConditionType.SELF_REPORTED)),
                Map.of("0", "true")).outcome()).isEqualTo(EligibilityResult.Outcome.REDUCED);
        assertThat(EligibilityChecker.check(item(ListsFormat.LIGHTER, yesNo(ConditionType.SELF_REPORTED)),
                Map.of("0", "true")).outcome()).isEqualTo(EligibilityResult.Outcome.LIGHTER);
    }

    @Test
    void the_correction_period_is_the_one_the_item_states_and_the_commitment_is_asked_for() {
        ExemptionItem item = item(ListsFormat.NO_PENALTY,
                new Condition(ConditionType.CORRECTED_WITHIN_DAYS, "能否在15日内改正？", new BigDecimal("15"), null, null),
                yesNo(ConditionType.COMMITMENT_SIGNED));
        EligibilityResult result = EligibilityChecker.check(item, Map.of("0", "yes", "1", "yes"));
        // the period runs from the agency's order to correct, not from the day of the check: no date is made up
        assertThat(result.correctionDays()).isEqualTo(15);
        assertThat(result.commitmentRequired()).isTrue();
        assertThat(result.articles()).isEqualTo(BASIS);
        EligibilityResult immediately = EligibilityChecker.check(item(ListsFormat.NO_PENALTY,
                yesNo(ConditionType.CORRECTED_IMMEDIATELY)), Map.of("0", "yes"));
        assertThat(immediately.correctionDays()).isZero();
        assertThat(immediately.commitmentRequired()).isFalse();
        EligibilityResult both = EligibilityChecker.check(item(ListsFormat.NO_PENALTY,
                new Condition(ConditionType.CORRECTED_WITHIN_DAYS, "能否在7日内改正？", new BigDecimal("7"), null, null),
                new Condition(ConditionType.CORRECTED_WITHIN_DAYS, "能否在3日内改正？", new BigDecimal("3"), null, null)),
                Map.of("0", "yes", "1", "yes"));
        assertThat(both.correctionDays()).isEqualTo(3);
    }

    @Test
    void the_next_steps_name_the_agency_s_period_and_the_item_s_days_but_no_date() {
        ExemptionItem item = item(ListsFormat.NO_PENALTY,
                new Condition(ConditionType.CORRECTED_WITHIN_DAYS, "能否在7日内改正？", new BigDecimal("7"), null, null));
        EligibilityResult result = EligibilityChecker.check(item, Map.of("0", "yes"));
        java.util.Map<String, String> texts = java.util.Map.of(
                "lists.check.next.correctWithinDays", "WITHIN {0}", "lists.check.next.correctImmediately", "AT ONCE");
        EligibilityTexts.Messages m = (key, args) -> java.text.MessageFormat.format(texts.getOrDefault(key, key), args);
        assertThat(EligibilityTexts.nextSteps(item, result, "某机关", java.util.Optional.empty(), m).get(0))
                .isEqualTo("WITHIN 7");
        EligibilityResult immediately = EligibilityChecker.check(item(ListsFormat.NO_PENALTY,
                yesNo(ConditionType.CORRECTED_IMMEDIATELY)), Map.of("0", "yes"));
        assertThat(EligibilityTexts.nextSteps(item, immediately, "某机关", java.util.Optional.empty(), m).get(0))
                .isEqualTo("AT ONCE");
    }

    @Test
    void a_missing_unreadable_or_negative_answer_is_refused_with_the_question_number() {
        ExemptionItem item = item(ListsFormat.NO_PENALTY, yesNo(ConditionType.NO_HARM),
                numeric(ConditionType.AMOUNT_BELOW, "100"));
        assertThatThrownBy(() -> EligibilityChecker.check(item, Map.of("0", "yes")))
                .isInstanceOfSatisfying(ListsInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("lists.check.error.missing");
                    assertThat(e.args()).containsExactly(2);
                });
        assertThatThrownBy(() -> EligibilityChecker.check(item, Map.of("0", "maybe", "1", "1")))
                .isInstanceOfSatisfying(ListsInputException.class, e -> assertThat(e.messageKey()).isEqualTo("lists.check.error.yesNo"));
        assertThatThrownBy(() -> EligibilityChecker.check(item, Map.of("0", "yes", "1", "-1")))
                .isInstanceOfSatisfying(ListsInputException.class, e -> assertThat(e.messageKey()).isEqualTo("lists.check.error.number"));
        assertThatThrownBy(() -> EligibilityChecker.check(item, Map.of("0", "yes", "1", "1", "7", "yes")))
                .isInstanceOfSatisfying(ListsInputException.class, e -> assertThat(e.messageKey()).isEqualTo("lists.check.error.unknownKey"));
        assertThatThrownBy(() -> EligibilityChecker.check(item, Map.of("0", "yes", "no_harm", "yes", "1", "1")))
                .isInstanceOfSatisfying(ListsInputException.class, e -> assertThat(e.messageKey()).isEqualTo("lists.check.error.twice"));
    }

    @Test
    void a_number_with_more_digits_than_are_read_is_refused_as_out_of_range_not_as_no_number() {
        ExemptionItem item = item(ListsFormat.NO_PENALTY, yesNo(ConditionType.NO_HARM), numeric(ConditionType.AMOUNT_BELOW, "100"));
        for (String typed : List.of("99999999999999999999999", "１２３４５６７８９０１２３４５６７８９０１２３", "-123456789012345678901.5")) {
            assertThatThrownBy(() -> EligibilityChecker.check(item, Map.of("0", "yes", "1", typed)))
                    .as(typed)
                    .isInstanceOfSatisfying(ListsInputException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("lists.check.error.number");
                        assertThat(e.args()).containsExactly(2);
                    });
        }
    }

    @Test
    void a_type_that_occurs_twice_must_be_answered_by_index() {
        ExemptionItem item = item(ListsFormat.NO_PENALTY, yesNo(ConditionType.NO_HARM), yesNo(ConditionType.NO_HARM));
        assertThatThrownBy(() -> EligibilityChecker.check(item, Map.of("no_harm", "yes")))
                .isInstanceOf(ListsInputException.class);
        assertThat(EligibilityChecker.check(item, Map.of("0", "yes", "1", "yes")).applies()).isTrue();
    }

    @Test
    void text_that_is_not_a_number_is_refused_as_not_a_number_for_its_question() {
        ExemptionItem item = item(ListsFormat.NO_PENALTY, yesNo(ConditionType.NO_HARM), yesNo(ConditionType.HARM_MINOR),
                numeric(ConditionType.AMOUNT_BELOW, "100"));
        for (String typed : List.of("abc", "12abc", "1e5", "1 2", "NaN", "一百")) {
            assertThatThrownBy(() -> EligibilityChecker.check(item, Map.of("0", "yes", "1", "yes", "2", typed)))
                    .as(typed)
                    .isInstanceOfSatisfying(EligibilityAnswersException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("lists.check.error.notNumber");
                        assertThat(e.args()).containsExactly(3);
                        assertThat(e.problems()).extracting(EligibilityAnswersException.Problem::index).containsExactly(2);
                    });
        }
    }

    @Test
    void a_number_of_people_or_things_is_asked_for_with_a_whole_number_as_example() {
        ExemptionItem people = item(ListsFormat.NO_PENALTY,
                new Condition(ConditionType.QUANTITY_BELOW, "有几人？", new BigDecimal("3"), "人", "健康证明过期的从业人员"));
        assertThatThrownBy(() -> EligibilityChecker.check(people, Map.of("0", "abc")))
                .isInstanceOfSatisfying(EligibilityAnswersException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("lists.check.error.notCount"));
        // an area or an amount may well be a fraction: its example stays 120 or 3.5
        ExemptionItem area = item(ListsFormat.NO_PENALTY,
                new Condition(ConditionType.QUANTITY_BELOW, "多少平方米？", new BigDecimal("5"), "平方米", "面积"));
        assertThatThrownBy(() -> EligibilityChecker.check(area, Map.of("0", "abc")))
                .isInstanceOfSatisfying(EligibilityAnswersException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("lists.check.error.notNumber"));
    }

    @Test
    void a_comma_groups_thousands_only_in_its_places_and_a_decimal_comma_is_refused_not_read_as_a_separator() {
        ExemptionItem item = item(ListsFormat.LIGHTER, numeric(ConditionType.AMOUNT_BELOW, "30"));
        for (String typed : List.of("29,5", "2,5", "29，5", "1,00", "1,0000", ",5", "12,345,6", "1,234.5,6")) {
            assertThatThrownBy(() -> EligibilityChecker.check(item, Map.of("0", typed)))
                    .as(typed)
                    .isInstanceOfSatisfying(EligibilityAnswersException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("lists.check.error.decimalComma");
                        assertThat(e.args()).containsExactly(1);
                    });
        }
        ExemptionItem large = item(ListsFormat.LIGHTER, numeric(ConditionType.AMOUNT_BELOW, "100000"));
        for (String typed : List.of("1,000", "12,345.5", "12，345.5", "99,999元", "１２，３４５")) {
            assertThat(EligibilityChecker.check(large, Map.of("0", typed)).applies()).as(typed).isTrue();
        }
        assertThat(EligibilityChecker.check(large, Map.of("0", "12,345.5")).conditions().get(0).answer())
                .isEqualTo("12345.5");
    }

    @Test
    void a_count_of_people_or_things_is_whole_and_a_fraction_is_refused_not_read_as_below_the_limit() {
        ExemptionItem people = item(ListsFormat.NO_PENALTY,
                new Condition(ConditionType.QUANTITY_BELOW, "有几人？", new BigDecimal("3"), "人", "健康证明过期的从业人员"));
        for (String typed : List.of("2.5", "0.5人", "2,5", "２．５")) {
            assertThatThrownBy(() -> EligibilityChecker.check(people, Map.of("0", typed)))
                    .as(typed)
                    .isInstanceOfSatisfying(EligibilityAnswersException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("lists.check.error.notWhole"));
        }
        assertThat(EligibilityChecker.check(people, Map.of("0", "2")).applies()).isTrue();
        assertThat(EligibilityChecker.check(people, Map.of("0", "2.0人")).applies()).isTrue();
        // an area is not counted one by one: a fraction stays a number
        ExemptionItem area = item(ListsFormat.NO_PENALTY,
                new Condition(ConditionType.QUANTITY_BELOW, "多少平方米？", new BigDecimal("5"), "平方米", "面积"));
        assertThat(EligibilityChecker.check(area, Map.of("0", "2.5")).applies()).isTrue();
    }

    @Test
    void every_refused_answer_is_named_at_once_with_its_own_message() {
        ExemptionItem item = item(ListsFormat.NO_PENALTY, yesNo(ConditionType.NO_HARM), yesNo(ConditionType.HARM_MINOR),
                numeric(ConditionType.AMOUNT_BELOW, "100"), numeric(ConditionType.QUANTITY_BELOW, "5"));
        assertThatThrownBy(() -> EligibilityChecker.check(item, Map.of("0", "maybe", "2", "abc", "3", "-2")))
                .isInstanceOfSatisfying(EligibilityAnswersException.class, e -> assertThat(e.problems())
                        .extracting(EligibilityAnswersException.Problem::index, EligibilityAnswersException.Problem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "lists.check.error.yesNo"),
                                org.assertj.core.groups.Tuple.tuple(1, "lists.check.error.missing"),
                                org.assertj.core.groups.Tuple.tuple(2, "lists.check.error.notNumber"),
                                org.assertj.core.groups.Tuple.tuple(3, "lists.check.error.number")));
    }

    @Test
    void full_width_digits_separators_and_the_unit_are_read_as_a_number() {
        ExemptionItem item = item(ListsFormat.LIGHTER, numeric(ConditionType.AMOUNT_BELOW, "5000"));
        for (String typed : List.of("４９９９", "4,999", "4999元", "4999.5 元", "４９９９．５")) {
            assertThat(EligibilityChecker.check(item, Map.of("0", typed)).outcome()).as(typed)
                    .isEqualTo(EligibilityResult.Outcome.LIGHTER);
        }
        assertThat(EligibilityChecker.check(item, Map.of("0", "5,000元")).conditions().get(0).answer()).isEqualTo("5000");
    }

    @Test
    void the_unit_is_read_as_the_page_shows_it_in_traditional_characters_or_english() {
        ExemptionItem sheets = item(ListsFormat.LIGHTER,
                new Condition(ConditionType.QUANTITY_BELOW, "多少张？", new BigDecimal("3"), "张", "数量"));
        for (String typed : List.of("2張", "2 sheets", "2 Sheet", "2张", "2")) {
            assertThat(EligibilityChecker.check(sheets, Map.of("0", typed)).outcome()).as(typed)
                    .isEqualTo(EligibilityResult.Outcome.LIGHTER);
        }
        ExemptionItem share = item(ListsFormat.LIGHTER,
                new Condition(ConditionType.QUANTITY_BELOW, "占比？", new BigDecimal("10"), "%", "占比"));
        for (String typed : List.of("5％", "5 %", "5 percent")) {
            assertThat(EligibilityChecker.check(share, Map.of("0", typed)).outcome()).as(typed)
                    .isEqualTo(EligibilityResult.Outcome.LIGHTER);
        }
        ExemptionItem yuan = item(ListsFormat.LIGHTER, numeric(ConditionType.AMOUNT_BELOW, "500"));
        assertThat(EligibilityChecker.check(yuan, Map.of("0", "120 yuan")).outcome())
                .isEqualTo(EligibilityResult.Outcome.LIGHTER);
        // another unit than the condition's is not a number
        assertThatThrownBy(() -> EligibilityChecker.check(sheets, Map.of("0", "2 yuan")))
                .isInstanceOf(EligibilityAnswersException.class);
    }

    @Test
    void english_limits_and_reasons_say_one_unit_in_the_singular() {
        java.util.Properties en = cn.gov.enforcement.portal.platform.Translations.readBundles().get("lists")
                .get(cn.gov.enforcement.portal.platform.Translations.EN);
        EligibilityTexts.Messages m = (key, args) -> new java.text.MessageFormat(en.getProperty(key, key),
                java.util.Locale.ENGLISH).format(args);
        Condition tonne = new Condition(ConditionType.QUANTITY_BELOW, "年产生量？", BigDecimal.ONE, "吨", "年危险废物产生量");
        assertThat(EligibilityTexts.threshold(tonne, m)).contains(
                "Limit: “年危险废物产生量” below 1 tonne; at 1 tonne or more, this item does not apply.");
        assertThat(EligibilityTexts.reasons(item(ListsFormat.LIGHTER, tonne),
                EligibilityChecker.check(item(ListsFormat.LIGHTER, tonne), Map.of("0", "5")), m).get(0))
                .isEqualTo("Question 1 is not met: you entered 5 tonnes for “年危险废物产生量”; it must be below 1 tonne.");
        Condition tonnes = new Condition(ConditionType.QUANTITY_BELOW, "年产生量？", new BigDecimal("10"), "吨", "年危险废物产生量");
        assertThat(EligibilityTexts.reasons(item(ListsFormat.LIGHTER, tonnes),
                EligibilityChecker.check(item(ListsFormat.LIGHTER, tonnes), Map.of("0", "12")), m).get(0))
                .isEqualTo("Question 1 is not met: you entered 12 tonnes for “年危险废物产生量”; it must be below 10 tonnes.");
        assertThat(EligibilityTexts.threshold(new Condition(ConditionType.CORRECTED_WITHIN_DAYS, "？", BigDecimal.ONE,
                null, null), m)).contains("Limit: corrected within 1 day.");
        assertThat(EligibilityTexts.threshold(new Condition(ConditionType.CORRECTED_WITHIN_DAYS, "？", new BigDecimal("15"),
                null, null), m)).contains("Limit: corrected within 15 days.");
        assertThat(EligibilityTexts.threshold(new Condition(ConditionType.FIRST_VIOLATION, "？", BigDecimal.ONE,
                null, null), m)).contains("Limit: a first violation within 1 month.");
        assertThat(EligibilityTexts.threshold(new Condition(ConditionType.CLEAN_RECORD_MONTHS, "？", new BigDecimal("12"),
                null, null), m)).contains("Limit: no violation on record in the previous 12 months.");
    }
}
