package cn.gov.enforcement.portal.agency;

import java.util.Locale;

/** Kinds of enforcement powers (执法职权类别). */
public enum PowerKind {
    /** 行政处罚 */
    PENALTY,
    /** 行政强制 */
    COERCION,
    /** 行政检查 */
    INSPECTION,
    /** 行政许可 */
    PERMIT,
    /** 其他 */
    OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String labelKey() {
        return "agency.power." + code();
    }
}
