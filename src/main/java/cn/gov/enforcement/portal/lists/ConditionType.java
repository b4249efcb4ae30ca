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
    FIRST_VIOLATION("first_violation", "within_months", List.of(), "首次违法", "月数"),
    NO_HARM("no_harm", null, List.of(), "无危害后果", null),
    HARM_MINOR("harm_minor", null, List.of(), "危害后果轻微", null),
    HARM_MITIGATED("harm_mitigated", null, List.of(), "危害后果已减轻或消除", null),
    CORRECTED_IMMEDIATELY("corrected_immediately", null, List.of(), "当场改正", null),
    CORRECTED_WITHIN_DAYS("corrected_within_days", "days", List.of(), "限期改正", "天数"),
    CLEAN_RECORD_MONTHS("clean_record_months", "months", List.of(), "期内无违法记录", "月数"),
    COMMITMENT_SIGNED("commitment_signed", null, List.of(), "签署承诺书", null),
    NO_SUBJECTIVE_FAULT("no_subjective_fault", null, List.of(), "无主观过错", null),
    SELF_REPORTED("self_reported", null, List.of(), "主动报告", null),
    COERCED_OR_DECEIVED("coerced_or_deceived", null, List.of(), "被胁迫或诱骗", null),
    CATEGORY_IS("category_is", null, List.of("what"), "属于类别", null),
    AMOUNT_BELOW("amount_below", "amount", List.of("unit", "what"), "金额低于", "金额"),
    QUANTITY_BELOW("quantity_below", "quantity", List.of("unit", "what"), "数量低于", "数量"),
    DURATION_BELOW("duration_below", "days", List.of("what"), "持续天数低于", "天数");

    /**
     * The Chinese names of the text parameters and of {@code met_when} in the back office (the form's labels, the
     * history's condition lines: {@code 金额低于；金额=500；单位=元；对象=违法所得；问题}); the number parameter's is the
     * type's own.
     */
    private static final Map<String, String> CHINESE_PARAMETERS = Map.of("unit", "单位", "what", "对象",
            "met_when", "符合回答");

    private final String code;
    private final String numberParameter;
    private final List<String> textParameters;
    private final String chineseName;
    private final String chineseNumberParameter;

    ConditionType(String code, String numberParameter, List<String> textParameters, String chineseName,
            String chineseNumberParameter) {
        this.code = code;
        this.numberParameter = numberParameter;
        this.textParameters = textParameters;
        this.chineseName = chineseName;
        this.chineseNumberParameter = chineseNumberParameter;
    }

    /** The type's name in the back office's Chinese pages (the form's type picker, the history), e.g. 首次违法. */
    public String chineseName() {
        return chineseName;
    }

    /**
     * A parameter's name (a code such as {@code days}, or {@code met_when}) in the Chinese spelling, e.g. 天数; the
     * code itself when it has none.
     */
    public String chineseParameter(String parameter) {
        if (parameter.equals(numberParameter)) {
            return chineseNumberParameter;
        }
        return CHINESE_PARAMETERS.getOrDefault(parameter, parameter);
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
