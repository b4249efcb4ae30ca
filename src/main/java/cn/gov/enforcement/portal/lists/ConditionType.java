package cn.gov.enforcement.portal.lists;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The condition kinds of an exemption item. Yes/no conditions are met by "yes" (by "no" when the condition says
 * {@code met_when: 否}, see {@link Condition#metWhenNo()}); numeric ones when the number entered is strictly below the
 * threshold parameter.
 */
public enum ConditionType {
    FIRST_VIOLATION("first_violation", "within_months", List.of()),
    NO_HARM("no_harm", null, List.of()),
    HARM_MINOR("harm_minor", null, List.of()),
    HARM_MITIGATED("harm_mitigated", null, List.of()),
    CORRECTED_IMMEDIATELY("corrected_immediately", null, List.of()),
    CORRECTED_WITHIN_DAYS("corrected_within_days", "days", List.of()),
    CLEAN_RECORD_MONTHS("clean_record_months", "months", List.of()),
    COMMITMENT_SIGNED("commitment_signed", null, List.of()),
    NO_SUBJECTIVE_FAULT("no_subjective_fault", null, List.of()),
    SELF_REPORTED("self_reported", null, List.of()),
    COERCED_OR_DECEIVED("coerced_or_deceived", null, List.of()),
    CATEGORY_IS("category_is", null, List.of("what")),
    AMOUNT_BELOW("amount_below", "amount", List.of("unit", "what")),
    QUANTITY_BELOW("quantity_below", "quantity", List.of("unit", "what")),
    DURATION_BELOW("duration_below", "days", List.of("what"));

    private final String code;
    private final String numberParameter;
    private final List<String> textParameters;

    ConditionType(String code, String numberParameter, List<String> textParameters) {
        this.code = code;
        this.numberParameter = numberParameter;
        this.textParameters = textParameters;
    }

    /** The name used in the YAML files, e.g. {@code first_violation}. */
    public String code() {
        return code;
    }

    /** The numeric parameter's name, or null when the type has none. */
    public String numberParameter() {
        return numberParameter;
    }

    /** True when the parameter must be a whole number (months, days). */
    public boolean wholeNumber() {
        return numberParameter != null && !"amount".equals(numberParameter) && !"quantity".equals(numberParameter);
    }

    public List<String> textParameters() {
        return textParameters;
    }

    /** True when the person answers with a number (the condition is met below the threshold). */
    public boolean numericAnswer() {
        return this == AMOUNT_BELOW || this == QUANTITY_BELOW || this == DURATION_BELOW;
    }

    /** Parameter name → "int" / "number" / "text", as the format checker needs it. */
    public Map<String, String> parameters() {
        Map<String, String> result = new java.util.LinkedHashMap<>();
        if (numberParameter != null) {
            result.put(numberParameter, wholeNumber() ? "int" : "number");
        }
        textParameters.forEach(p -> result.put(p, "text"));
        return result;
    }

    public static Optional<ConditionType> fromCode(String code) {
        for (ConditionType type : values()) {
            if (type.code.equals(code)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
