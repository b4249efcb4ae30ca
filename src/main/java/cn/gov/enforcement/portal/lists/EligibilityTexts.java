package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.ReaderScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The plain-language reason and next steps of an eligibility result, for the page and the API. */
final class EligibilityTexts {

    /** Looks up a translation: key and MessageFormat arguments → text. */
    interface Messages {
        String get(String key, Object... args);
    }

    private EligibilityTexts() {}

    /** Translation keys of the units used in the sample content; another unit is shown as written. */
    private static final Map<String, String> UNIT_KEYS = Map.of("元", "lists.unit.yuan", "吨", "lists.unit.tonne",
            "人", "lists.unit.person", "平方米", "lists.unit.squareMetre", "张", "lists.unit.sheet", "%", "lists.unit.percent",
            "天", "lists.unit.day");

    /** A condition's unit in the reader's language (the days of a duration when it has none), as for several. */
    static String unit(Condition condition, Messages m) {
        return unit(condition, m, null);
    }

    /**
     * A condition's unit in the reader's language for {@code amount}: "1 tonne", "5 tonnes" (the key's {@code .one}
     * form for exactly one; Chinese has one form for both).
     */
    static String unit(Condition condition, Messages m, String amount) {
        return unit(condition, m, amount, ReaderScript::forReader);
    }

    /** {@link #unit(Condition, Messages, String)} with a unit of the entry's own words given by {@code content}. */
    static String unit(Condition condition, Messages m, String amount, java.util.function.UnaryOperator<String> content) {
        String unit = condition.unit() == null ? "天" : condition.unit().strip();
        String key = UNIT_KEYS.get(unit);
        return key == null ? content.apply(unit) : m.get(isOne(amount) ? key + ".one" : key);
    }

    private static boolean isOne(String amount) {
        if (amount == null) {
            return false;
        }
        try {
            return new java.math.BigDecimal(amount.strip()).compareTo(java.math.BigDecimal.ONE) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The limit a condition sets, in plain words (for example that the illegal gain must stay below
     * 500 yuan); empty for a yes/no condition without a parameter.
     */
    static Optional<String> threshold(Condition c, Messages m) {
        return threshold(c, m, ReaderScript::forReader);
    }

    /**
     * The limit of {@link #threshold(Condition, Messages)} for a page: the entry's own Chinese words in it (what is
     * limited, the category) in spans marked with their language where the page's is another.
     */
    static Optional<com.vaadin.flow.component.html.Div> thresholdMarked(Condition c, Messages m) {
        return threshold(c, m, ReaderScript::splice)
                .map(text -> new com.vaadin.flow.component.html.Div(ReaderScript.markSpliced(text)));
    }

    private static Optional<String> threshold(Condition c, Messages m, java.util.function.UnaryOperator<String> content) {
        String number = c.threshold() == null ? null : c.threshold().stripTrailingZeros().toPlainString();
        return Optional.ofNullable(switch (c.type()) {
            case FIRST_VIOLATION -> m.get("lists.condition.threshold.firstViolation", count(c));
            case CORRECTED_WITHIN_DAYS -> m.get("lists.condition.threshold.correctedWithinDays", count(c));
            case CLEAN_RECORD_MONTHS -> m.get("lists.condition.threshold.cleanRecordMonths", count(c));
            case CATEGORY_IS -> m.get("lists.condition.threshold.categoryIs", content.apply(c.what()));
            case AMOUNT_BELOW, QUANTITY_BELOW, DURATION_BELOW ->
                    m.get("lists.condition.threshold.below", content.apply(c.what()), number, unit(c, m, number));
            default -> null;
        });
    }

    /** A whole count of days or months for a message's choice (singular for one); 0 when the condition has none. */
    private static Number count(Condition c) {
        return c.threshold() == null ? 0 : c.threshold().stripTrailingZeros();
    }

    static String headline(EligibilityResult result, Messages m) {
        return m.get(result.outcome().messageKey());
    }

    static List<String> reasons(ExemptionItem item, EligibilityResult result, Messages m) {
        return reasons(item, result, m, ReaderScript::forReader, ReaderScript::forReader);
    }

    /**
     * The reasons of {@link #reasons(ExemptionItem, EligibilityResult, Messages)} for a page: the entry's own Chinese
     * words in them (its violation, what is limited, a question) in spans marked with their language where the
     * page's is another.
     */
    static List<com.vaadin.flow.component.Component[]> reasonsMarked(ExemptionItem item, EligibilityResult result,
            Messages m) {
        return reasons(item, result, m, ReaderScript::splice, ReaderScript::forReader).stream()
                .map(ReaderScript::markSpliced).toList();
    }

    /**
     * The reasons with the entry's own words given by {@code content}: {@code ReaderScript.forLocale} of the JSON
     * API's language, which has no page.
     */
    static List<String> reasons(ExemptionItem item, EligibilityResult result, Messages m,
            java.util.function.UnaryOperator<String> content) {
        return reasons(item, result, m, content, content);
    }

    /** The reasons, the entry's own words given by {@code content} and a unit of its own words by {@code units}. */
    private static List<String> reasons(ExemptionItem item, EligibilityResult result, Messages m,
            java.util.function.UnaryOperator<String> content, java.util.function.UnaryOperator<String> units) {
        List<String> reasons = new ArrayList<>();
        if (result.applies()) {
            reasons.add(m.get("lists.check.reason.met", result.conditions().size(),
                    content.apply(item.violation())));
            return reasons;
        }
        for (EligibilityResult.ConditionResult c : result.unmet()) {
            Condition condition = item.conditions().get(c.index());
            if (condition.type().numericAnswer()) {
                String limit = condition.threshold().stripTrailingZeros().toPlainString();
                reasons.add(m.get("lists.check.reason.notBelow", c.index() + 1, content.apply(condition.what()), c.answer(),
                        unit(condition, m, c.answer(), units), limit, unit(condition, m, limit, units)));
            } else {
                // a question met by the answer no: the reader answered yes, which the plain "not met" would leave unsaid
                reasons.add(m.get(condition.metWhenNo() ? "lists.check.reason.noWhenNo" : "lists.check.reason.no",
                        c.index() + 1, content.apply(c.question())));
            }
        }
        reasons.add(m.get("lists.check.reason.notCoveredNote"));
        return reasons;
    }

    static List<String> nextSteps(ExemptionItem item, EligibilityResult result, String agencyName,
            Optional<String> phone, Messages m) {
        return nextSteps(item, result, agencyName, phone, m, ReaderScript::forReader);
    }

    /**
     * The next steps of {@link #nextSteps(ExemptionItem, EligibilityResult, String, Optional, Messages)} for a page:
     * the entry's measures and the agency's name, when Chinese, in spans marked with their language where the page's
     * is another.
     */
    static List<com.vaadin.flow.component.Component[]> nextStepsMarked(ExemptionItem item, EligibilityResult result,
            String agencyName, Optional<String> phone, Messages m) {
        return nextSteps(item, result, agencyName, phone, m, ReaderScript::splice).stream()
                .map(ReaderScript::markSpliced).toList();
    }

    /** The next steps with the entry's own words and the agency's name given by {@code content}, as for reasons. */
    static List<String> nextSteps(ExemptionItem item, EligibilityResult result, String agencyName,
            Optional<String> phone, Messages m, java.util.function.UnaryOperator<String> content) {
        List<String> steps = new ArrayList<>();
        if (result.applies()) {
            if (result.correctionDays() != null) {
                steps.add(result.correctionDays() == 0 ? m.get("lists.check.next.correctImmediately")
                        : m.get("lists.check.next.correctWithinDays", result.correctionDays()));
            }
            if (result.commitmentRequired()) {
                steps.add(m.get("lists.check.next.commitment"));
            }
            steps.add(m.get("lists.check.next.measures", content.apply(String.join("、", item.measure()))));
        } else {
            steps.add(m.get("lists.check.next.other"));
        }
        String agency = content.apply(agencyName);
        steps.add(phone.map(p -> m.get("lists.check.next.contact", agency, p))
                .orElseGet(() -> m.get("lists.check.next.contactNoPhone", agency)));
        return steps;
    }
}
