package cn.gov.enforcement.portal.lists;

import java.math.BigDecimal;

/**
 * One condition of an exemption item.
 *
 * @param threshold the numeric parameter ({@code within_months}, {@code days}, {@code months},
 *     {@code amount}, {@code quantity}); null when the type has none
 * @param unit the unit of {@code amount_below} / {@code quantity_below}, else null
 * @param what the text parameter of {@code category_is} and the numeric types, else null
 */
public record Condition(ConditionType type, String question, BigDecimal threshold, String unit, String what) {}
