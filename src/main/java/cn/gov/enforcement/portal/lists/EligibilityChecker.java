package cn.gov.enforcement.portal.lists;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Deterministic evaluation of an exemption item's conditions (knowledge-base/LISTS-FORMAT.md):
 * a yes/no condition is met by "yes", or by "no" when it is marked {@code met_when: 否} (the answer is always the
 * reader's literal yes or no to the question as shown); a numeric condition when the number is strictly below the
 * threshold; the item applies when every condition is met. Pure Java, no state.
 */
public final class EligibilityChecker {

    private static final Set<String> YES = Set.of("yes", "y", "true", "1", "是");
    private static final Set<String> NO = Set.of("no", "n", "false", "0", "否");
    private static final BigDecimal MAX_NUMBER = new BigDecimal("1000000000000");
    /** Digits grouped by thousands with commas, in their right places, with an optional fraction. */
    private static final Pattern GROUPED_NUMBER = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d{0,10})?");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d{1,20}(\\.\\d{0,10})?|\\.\\d{1,10})");
    private static final Pattern LONG_NUMBER = Pattern.compile("[+-]?\\d{21,}(\\.\\d*)?");

    private EligibilityChecker() {}

    /**
     * @param answers condition index (0-based, as text) or condition type code (when the type occurs
     *     once in the item) → answer: yes/no ({@code yes}, {@code no}, {@code true}, {@code false},
     *     {@code 是}, {@code 否}) or a number ≥ 0 for the numeric conditions
     * @throws EligibilityAnswersException when answers are missing or unreadable (every such question
     *     named with its own message: not yes/no, not a number, a number out of range)
     * @throws ListsInputException when an answer is for no condition or given twice
     */
    public static EligibilityResult check(ExemptionItem item, Map<String, String> answers) {
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
        List<EligibilityAnswersException.Problem> problems = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            Condition condition = conditions.get(i);
            String raw = byIndex.get(i);
            if (raw == null || raw.isBlank()) {
                problems.add(new EligibilityAnswersException.Problem(i, "lists.check.error.missing", i + 1));
                continue;
            }
            String value = raw.strip();
            try {
                if (condition.type().numericAnswer()) {
                    BigDecimal number = number(value, condition, i);
                    boolean met = number.compareTo(condition.threshold()) < 0;
                    results.add(new EligibilityResult.ConditionResult(i, condition.type(), condition.question(),
                            number.stripTrailingZeros().toPlainString(), met));
                } else {
                    boolean yes = yesNo(value, i);
                    results.add(new EligibilityResult.ConditionResult(i, condition.type(), condition.question(),
                            yes ? "yes" : "no", condition.metBy(yes)));
                }
            } catch (EligibilityAnswersException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new EligibilityAnswersException(problems);
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
        // The period the item itself states, counted by the agency from its order to correct (责令改正), which the
        // person may have received days before the check: no date is computed from the day of the check.
        Integer correctionDays = null;
        for (Condition c : conditions) {
            int days = c.type() == ConditionType.CORRECTED_WITHIN_DAYS ? c.threshold().intValueExact()
                    : c.type() == ConditionType.CORRECTED_IMMEDIATELY ? 0 : -1;
            if (days >= 0 && (correctionDays == null || days < correctionDays)) {
                correctionDays = days;
            }
        }
        boolean commitment = conditions.stream().anyMatch(c -> c.type() == ConditionType.COMMITMENT_SIGNED);
        return new EligibilityResult(item.id(), outcome, List.copyOf(results), correctionDays, commitment,
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
        throw refused(index, "lists.check.error.yesNo");
    }

    /**
     * The ways a reader may write a unit after a number: as stored, in Traditional characters and as the English
     * page names it (the sample content's units; another unit only as stored). Longest first.
     */
    static List<String> unitAliases(String unit) {
        List<String> aliases = new java.util.ArrayList<>(switch (unit) {
            case "元" -> List.of("元", "yuan", "rmb");
            case "吨" -> List.of("吨", "噸", "tonnes", "tonne", "tons", "ton", "t");
            case "人" -> List.of("人", "people", "persons", "person");
            case "平方米" -> List.of("平方米", "平方公尺", "平米", "m²", "m2", "sqm");
            case "张" -> List.of("张", "張", "sheets", "sheet");
            case "%" -> List.of("%", "percent");
            case "天" -> List.of("天", "日", "days", "day");
            default -> List.of(unit);
        });
        aliases.sort(java.util.Comparator.comparingInt(String::length).reversed());
        return aliases;
    }

    /**
     * Reads a plain decimal number: digits with an optional fraction, full-width digits and thousands
     * separators in their places (1,000, 12,345.5; a decimal comma such as 29,5 is refused, not read as 295), and the condition's unit (or 天 for a number of days) may follow it. Anything
     * else (letters, an exponent, two numbers) is not a number; a negative or huge number, also one with more than 20 digits, is out of range.
     */
    static BigDecimal number(String value, Condition condition, int index) {
        StringBuilder ascii = new StringBuilder(value.length());
        for (char ch : value.toCharArray()) {
            if (ch >= '０' && ch <= '９') {
                ascii.append((char) (ch - '０' + '0'));
            } else if (ch == '．' || ch == '。') {
                ascii.append('.');
            } else if (ch == '－') {
                ascii.append('-');
            } else if (ch == '％') {
                ascii.append('%');
            } else if (ch == '，') {
                ascii.append(',');
            } else {
                ascii.append(ch);
            }
        }
        String text = ascii.toString().strip();
        String unit = condition.unit() != null ? condition.unit() : condition.type() == ConditionType.DURATION_BELOW ? "天" : null;
        if (unit != null && !unit.isBlank()) {
            // the unit as the page shows it in any of its languages (2張, 120 yuan, 5 %) or as stored
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            for (String alias : unitAliases(unit.strip())) {
                if (lower.endsWith(alias.toLowerCase(java.util.Locale.ROOT))) {
                    text = text.substring(0, text.length() - alias.length()).strip();
                    break;
                }
            }
        }
        if (text.indexOf(',') >= 0) {
            // a comma only groups thousands (1,000 / 12,345.5): 29,5 is a decimal comma, which read as a separator
            // would silently make 295 of it
            if (!GROUPED_NUMBER.matcher(text).matches()) {
                throw refused(index, countsWholeThings(condition) ? "lists.check.error.notWhole"
                        : "lists.check.error.decimalComma");
            }
            text = text.replace(",", "");
        }
        if (LONG_NUMBER.matcher(text).matches()) {
            // more digits than a number is read with (12 345 678 901 234 567 890 123): still a number, and too large
            throw refused(index, "lists.check.error.number");
        }
        if (!PLAIN_NUMBER.matcher(text).matches()) {
            // a number of people or things: the example is a whole number, not a fraction of a person
            throw refused(index, countsWholeThings(condition) ? "lists.check.error.notCount" : "lists.check.error.notNumber");
        }
        BigDecimal number = new BigDecimal(text);
        if (number.signum() < 0 || number.compareTo(MAX_NUMBER) > 0) {
            throw refused(index, "lists.check.error.number");
        }
        if (countsWholeThings(condition) && number.stripTrailingZeros().scale() > 0) {
            // 2.5 people: a count is whole, and a fraction below the limit must not read as meeting it
            throw refused(index, "lists.check.error.notWhole");
        }
        return number;
    }

    /** Units of things counted one by one (人, 张 …): a number of them is whole. */
    private static final Set<String> COUNTING_UNITS = Set.of("人", "名", "张", "件", "个", "家", "辆", "次", "台", "只", "份",
            "户", "处", "棵", "块", "条", "起");

    /** True when the condition counts people or things (its unit is one of {@link #COUNTING_UNITS}). */
    static boolean countsWholeThings(Condition condition) {
        return condition.type() == ConditionType.QUANTITY_BELOW && condition.unit() != null
                && COUNTING_UNITS.contains(condition.unit().strip());
    }

    private static EligibilityAnswersException refused(int index, String key) {
        return new EligibilityAnswersException(List.of(new EligibilityAnswersException.Problem(index, key, index + 1)));
    }
}
