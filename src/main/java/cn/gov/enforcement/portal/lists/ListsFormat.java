package cn.gov.enforcement.portal.lists;

import java.util.List;
import java.util.Set;

/** The allowed values of the list format (knowledge-base/LISTS-FORMAT.md). */
public final class ListsFormat {

    public static final List<String> LEVELS = List.of("高", "中", "低");
    public static final List<String> GUIDANCE = List.of("引导", "示范", "提示", "辅导", "建议", "规劝", "约谈", "回访");
    public static final String NO_PENALTY = "不予处罚";
    public static final String LIGHTER = "从轻处罚";
    public static final String REDUCED = "减轻处罚";
    public static final List<String> KINDS = List.of(NO_PENALTY, LIGHTER, REDUCED);
    public static final List<String> SUBKINDS = List.of("首违不罚", "轻微免罚", "无主观过错");
    public static final List<String> CIRCUMSTANCES = List.of("轻微", "一般", "严重");

    public static final Set<String> RISK_FIELDS = Set.of("id", "agency", "sector", "applies_to", "title", "risk", "level",
            "level_reason", "basis_obligation", "basis_penalty", "consequence", "prevention", "guidance",
            "effective_from", "effective_to", "sample");
    public static final Set<String> EXEMPTION_FIELDS = Set.of("id", "agency", "kind", "subkind", "sector", "violation",
            "scope", "basis_violation", "basis_penalty", "basis_exemption", "conditions", "measure",
            "effective_from", "effective_to", "sample");
    public static final Set<String> DISCRETION_FIELDS = Set.of("id", "agency", "violation", "basis_violation",
            "basis_penalty", "circumstances", "effective_from", "effective_to", "sample");

    private ListsFormat() {}
}
