package cn.gov.enforcement.portal.lists;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Deterministic evaluation of an exemption item's conditions (knowledge-base/LISTS-FORMAT.md):
 * a yes/no condition is met by "yes"; a numeric condition when the number is strictly below the
 * threshold; the item applies when every condition is met. Pure Java, no state.
 */
public final class EligibilityChecker {

    private static final Set<String> YES = Set.of("yes", "y", "true", "1", "是");
    private static final Set<String> NO = Set.of("no", "n", "false", "0", "否");
    private static final BigDecimal MAX_NUMBER = new BigDecimal("1000000000000");

    private EligibilityChecker() {}

    /**
     * @param answers condition index (0-based, as text) or condition type code (when the type occurs
     *     once in the item) → answer: yes/no ({@code yes}, {@code no}, {@code true}, {@code false},
     *     {@code 是}, {@code 否}) or a number ≥ 0 for the numeric conditions
     * @param today the day of the check (the correction deadline is computed from it)
     * @throws ListsInputException when an answer is missing, unreadable or for no condition
     */
    public static EligibilityResult check(ExemptionItem item, Map<String, String> answers, LocalDate today) {
        List<Condition> conditions = item.conditions();
        Map<String, Integer> typeCount = new HashMap<>();
        conditions.forEach(c -> typeCount.merge(c.type().code(), 1, Integer::sum));
        Map<Integer, String> byIndex = new HashMap<>();
        Map<String, String> given = answers == null ? Map.of() : answers;
        for (var entry : given.entrySet()) {
            String key = entry.getKey() == null ? "" : entry.getKey().strip();
            Integer index = null;
            if (key.matches("\\d{1,3}")) {
                index = Integer.parseInt(key);
                if (index >= conditions.size()) {
                    index = null;
                }
            } else if (typeCount.getOrDefault(key, 0) == 1) {
                for (int i = 0; i < conditions.size(); i++) {
                    if (conditions.get(i).type().code().equals(key)) {
                        index = i;
                    }
                }
            }
            if (index == null) {
                throw new ListsInputException("lists.check.error.unknownKey", key.length() > 40 ? key.substring(0, 40) : key);
            }
            if (byIndex.put(index, entry.getValue()) != null) {
                throw new ListsInputException("lists.check.error.twice", index + 1);
            }
        }
        List<EligibilityResult.ConditionResult> results = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            Condition condition = conditions.get(i);
            String raw = byIndex.get(i);
            if (raw == null || raw.isBlank()) {
                throw new ListsInputException("lists.check.error.missing", i + 1);
            }
            String value = raw.strip();
            if (condition.type().numericAnswer()) {
                BigDecimal number = number(value, i);
                boolean met = number.compareTo(condition.threshold()) < 0;
                results.add(new EligibilityResult.ConditionResult(i, condition.type(), condition.question(),
                        number.stripTrailingZeros().toPlainString(), met));
            } else {
                boolean yes = yesNo(value, i);
                results.add(new EligibilityResult.ConditionResult(i, condition.type(), condition.question(),
                        yes ? "yes" : "no", yes));
            }
        }
        boolean allMet = results.stream().allMatch(EligibilityResult.ConditionResult::met);
        if (!allMet) {
            return new EligibilityResult(item.id(), EligibilityResult.Outcome.NOT_COVERED, List.copyOf(results), null,
                    false, item.basisExemption());
        }
        EligibilityResult.Outcome outcome = switch (item.kind()) {
            case ListsFormat.NO_PENALTY -> EligibilityResult.Outcome.NO_PENALTY;
            case ListsFormat.LIGHTER -> EligibilityResult.Outcome.LIGHTER;
            case ListsFormat.REDUCED -> EligibilityResult.Outcome.REDUCED;
            default -> throw new IllegalStateException("Unknown kind " + item.kind());
        };
        LocalDate correctBy = null;
        for (Condition c : conditions) {
            if (c.type() == ConditionType.CORRECTED_WITHIN_DAYS) {
                LocalDate by = today.plusDays(c.threshold().longValueExact());
                correctBy = correctBy == null || by.isBefore(correctBy) ? by : correctBy;
            } else if (c.type() == ConditionType.CORRECTED_IMMEDIATELY) {
                correctBy = today;
            }
        }
        boolean commitment = conditions.stream().anyMatch(c -> c.type() == ConditionType.COMMITMENT_SIGNED);
        return new EligibilityResult(item.id(), outcome, List.copyOf(results), correctBy, commitment,
                item.basisExemption());
    }

    private static boolean yesNo(String value, int index) {
        String v = value.toLowerCase(Locale.ROOT);
        if (YES.contains(v)) {
            return true;
        }
        if (NO.contains(v)) {
            return false;
        }
        throw new ListsInputException("lists.check.error.yesNo", index + 1);
    }

    private static BigDecimal number(String value, int index) {
        BigDecimal number;
        try {
            number = new BigDecimal(value.replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            throw new ListsInputException("lists.check.error.number", index + 1);
        }
        if (number.signum() < 0 || number.compareTo(MAX_NUMBER) > 0) {
            throw new ListsInputException("lists.check.error.number", index + 1);
        }
        return number;
    }
}
