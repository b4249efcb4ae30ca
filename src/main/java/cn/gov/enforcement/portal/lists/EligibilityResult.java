package cn.gov.enforcement.portal.lists;

import java.util.List;

/**
 * The outcome of an eligibility check.
 *
 * @param conditions every condition with the answer given and whether it is met
 * @param correctionDays the correction period the item states, in days: 0 for {@code corrected_immediately},
 *     the shortest {@code days} of {@code corrected_within_days}; null when the item does not apply or has no
 *     correction condition. It runs from the agency's order to correct (责令改正), not from the day of the check,
 *     so the check names no date
 * @param commitmentRequired true when the item applies and asks for a signed commitment (承诺书)
 * @param articles the legal ground of the exemption (basis_exemption)
 */
public record EligibilityResult(String itemId, Outcome outcome, List<ConditionResult> conditions, Integer correctionDays,
        boolean commitmentRequired, List<Citation> articles) {

    /** What the check found. Never "you will be punished": an item that does not apply is NOT_COVERED. */
    public enum Outcome {
        NO_PENALTY("no_penalty"),
        LIGHTER("lighter"),
        REDUCED("reduced"),
        NOT_COVERED("not_covered");

        private final String code;

        Outcome(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** The translation key of the outcome's headline, e.g. {@code lists.check.outcome.no_penalty}. */
        public String messageKey() {
            return "lists.check.outcome." + code;
        }
    }

    /** One condition with its answer (normalised: {@code yes}, {@code no} or the number). */
    public record ConditionResult(int index, ConditionType type, String question, String answer, boolean met) {}

    public boolean applies() {
        return outcome != Outcome.NOT_COVERED;
    }

    public List<ConditionResult> unmet() {
        return conditions.stream().filter(c -> !c.met()).toList();
    }
}
