package cn.gov.enforcement.portal.lists;

import java.time.LocalDate;
import java.util.List;

/** One legal-risk point (法律风险点). */
public record RiskPoint(String id, String agency, String sector, String appliesTo, String title, String risk,
        String level, String levelReason, List<Citation> basisObligation, List<Citation> basisPenalty,
        String consequence, List<String> prevention, List<String> guidance, LocalDate effectiveFrom,
        LocalDate effectiveTo, boolean sample) implements ListEntry {}
