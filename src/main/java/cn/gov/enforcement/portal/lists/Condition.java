package cn.gov.enforcement.portal.lists;

import java.math.BigDecimal;

/**
 * One condition of an exemption item.
 *
 * @param threshold the numeric parameter ({@code within_months}, {@code days}, {@code months},
 *     {@code amount}, {@code quantity}); null when the type has none
 * @param unit the unit of {@code amount_below} / {@code quantity_below}, else null
 * @param what the text parameter of {@code category_is} and the numeric types, else null
 * @param metWhenNo true when the answer no to the question meets the condition ({@code met_when: 否} in the
 *     files, for a yes/no condition only): the question then asks about the harm or the fault, positively
 *     (这次停车是否造成了交通事故？), instead of with a double negative (是否没有造成…？)
 */
public record Condition(ConditionType type, String question, BigDecimal threshold, String unit, String what,
        boolean metWhenNo) {

    /** The value of {@code met_when} that makes the answer no meet a yes/no condition. */
    public static final String MET_WHEN_NO = "否";

    /** The value of {@code met_when} that states the default: the answer yes meets the condition. */
    public static final String MET_WHEN_YES = "是";

    /** A condition met by the answer yes (or, for a numeric one, by a number below its threshold). */
    public Condition(ConditionType type, String question, BigDecimal threshold, String unit, String what) {
        this(type, question, threshold, unit, what, false);
    }

    /** True when the given yes/no answer to the question meets the condition. */
    public boolean metBy(boolean yes) {
        return yes != metWhenNo;
    }
}
