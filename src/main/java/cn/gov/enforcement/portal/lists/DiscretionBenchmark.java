package cn.gov.enforcement.portal.lists;

import java.time.LocalDate;
import java.util.List;

/** One discretion benchmark (裁量基准): a violation with its three circumstance levels. */
public record DiscretionBenchmark(String id, String agency, String violation, List<Citation> basisViolation,
        List<Citation> basisPenalty, List<Circumstance> circumstances, LocalDate effectiveFrom, LocalDate effectiveTo,
        boolean sample) implements ListEntry {

    /** One level: 轻微, 一般 or 严重. */
    public record Circumstance(String level, String description, String penalty) {}
}
