package cn.gov.enforcement.portal.lists;

import java.time.LocalDate;
import java.util.List;

/** One exemption or lighter-penalty item (不予处罚 / 从轻处罚 / 减轻处罚). */
public record ExemptionItem(String id, String agency, String kind, String subkind, String sector, String violation,
        String scope, List<Citation> basisViolation, List<Citation> basisPenalty, List<Citation> basisExemption,
        List<Condition> conditions, List<String> measure, LocalDate effectiveFrom, LocalDate effectiveTo,
        boolean sample) implements ListEntry {}
