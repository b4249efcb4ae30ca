package cn.gov.enforcement.portal.lists;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The plain-language reason and next steps of an eligibility result, for the page and the API. */
final class EligibilityTexts {

    /** Looks up a translation: key and MessageFormat arguments → text. */
    interface Messages {
        String get(String key, Object... args);
    }

    private EligibilityTexts() {}

    static String headline(EligibilityResult result, Messages m) {
        return m.get(result.outcome().messageKey());
    }

    static List<String> reasons(ExemptionItem item, EligibilityResult result, Messages m) {
        List<String> reasons = new ArrayList<>();
        if (result.applies()) {
            reasons.add(m.get("lists.check.reason.met", result.conditions().size(), item.violation()));
            return reasons;
        }
        for (EligibilityResult.ConditionResult c : result.unmet()) {
            Condition condition = item.conditions().get(c.index());
            if (condition.type().numericAnswer()) {
                String unit = condition.unit() == null ? m.get("lists.check.unit.days") : condition.unit();
                reasons.add(m.get("lists.check.reason.notBelow", c.index() + 1, condition.what(), c.answer(), unit,
                        condition.threshold().stripTrailingZeros().toPlainString()));
            } else {
                reasons.add(m.get("lists.check.reason.no", c.index() + 1, c.question()));
            }
        }
        reasons.add(m.get("lists.check.reason.notCoveredNote"));
        return reasons;
    }

    static List<String> nextSteps(ExemptionItem item, EligibilityResult result, String agencyName,
            Optional<String> phone, Messages m) {
        List<String> steps = new ArrayList<>();
        if (result.applies()) {
            if (result.correctBy() != null) {
                steps.add(m.get("lists.check.next.correctBy", DateTimeFormatter.ISO_LOCAL_DATE.format(result.correctBy())));
            }
            if (result.commitmentRequired()) {
                steps.add(m.get("lists.check.next.commitment"));
            }
            steps.add(m.get("lists.check.next.measures", String.join("、", item.measure())));
        } else {
            steps.add(m.get("lists.check.next.other"));
        }
        steps.add(phone.map(p -> m.get("lists.check.next.contact", agencyName, p))
                .orElseGet(() -> m.get("lists.check.next.contactNoPhone", agencyName)));
        return steps;
    }
}
