package cn.gov.enforcement.portal.lists;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes entries in the exact {@code knowledge-base/} list format (LISTS-FORMAT.md), so that entries
 * edited in the back office can be copied back into the files. {@link ListFileParser} reads the output
 * back to equal entries. Every text is a double-quoted YAML scalar, so no text is ever read as
 * another type or as YAML syntax.
 */
final class ListsYaml {

    private ListsYaml() {}

    /** One list file: a comment header and a YAML sequence of the given risk points or exemption items. */
    static String file(ListKind kind, String agency, List<? extends ListEntry> entries, LocalDate today) {
        StringBuilder out = new StringBuilder();
        boolean allSample = !entries.isEmpty() && entries.stream().allMatch(ListEntry::sample);
        out.append(allSample ? "# Sample content written for the portal (示例数据)" : "# Content")
                .append(": ").append(kind.folder()).append(" of ").append(agency)
                .append(", exported from the portal back office on ").append(today).append(".\n")
                .append("# Format: knowledge-base/LISTS-FORMAT.md\n");
        if (entries.isEmpty()) {
            out.append("[]\n");
        }
        for (ListEntry e : entries) {
            if (e instanceof RiskPoint r) {
                riskPoint(out, r);
            } else if (e instanceof ExemptionItem x) {
                exemption(out, x);
            } else {
                throw new IllegalArgumentException("Cannot export " + e.getClass().getSimpleName());
            }
        }
        return out.toString();
    }

    private static void riskPoint(StringBuilder out, RiskPoint r) {
        out.append("- id: ").append(r.id()).append('\n');
        field(out, "agency", r.agency());
        text(out, "sector", r.sector());
        text(out, "applies_to", r.appliesTo());
        text(out, "title", r.title());
        text(out, "risk", r.risk());
        text(out, "level", r.level());
        text(out, "level_reason", r.levelReason());
        citations(out, "basis_obligation", r.basisObligation());
        citations(out, "basis_penalty", r.basisPenalty());
        text(out, "consequence", r.consequence());
        texts(out, "prevention", r.prevention());
        texts(out, "guidance", r.guidance());
        dates(out, r.effectiveFrom(), r.effectiveTo(), r.sample());
    }

    private static void exemption(StringBuilder out, ExemptionItem x) {
        out.append("- id: ").append(x.id()).append('\n');
        field(out, "agency", x.agency());
        text(out, "kind", x.kind());
        if (x.subkind() != null) {
            text(out, "subkind", x.subkind());
        }
        if (x.sector() != null) {
            text(out, "sector", x.sector());
        }
        text(out, "violation", x.violation());
        if (x.scope() != null) {
            text(out, "scope", x.scope());
        }
        citations(out, "basis_violation", x.basisViolation());
        citations(out, "basis_penalty", x.basisPenalty());
        citations(out, "basis_exemption", x.basisExemption());
        out.append("  conditions:\n");
        for (Condition c : x.conditions()) {
            out.append("    - type: ").append(c.type().code()).append('\n');
            if (c.type().numberParameter() != null && c.threshold() != null) {
                out.append("      ").append(c.type().numberParameter()).append(": ")
                        .append(number(c.threshold())).append('\n');
            }
            if (c.type().textParameters().contains("unit")) {
                out.append("      unit: ").append(quote(c.unit())).append('\n');
            }
            if (c.type().textParameters().contains("what")) {
                out.append("      what: ").append(quote(c.what())).append('\n');
            }
            out.append("      question: ").append(quote(c.question())).append('\n');
            if (c.metWhenNo()) {
                out.append("      met_when: ").append(quote(Condition.MET_WHEN_NO)).append('\n');
            }
        }
        texts(out, "measure", x.measure());
        dates(out, x.effectiveFrom(), x.effectiveTo(), x.sample());
    }

    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static void field(StringBuilder out, String key, String slug) {
        out.append("  ").append(key).append(": ").append(slug).append('\n');
    }

    private static void text(StringBuilder out, String key, String value) {
        out.append("  ").append(key).append(": ").append(quote(value)).append('\n');
    }

    private static void texts(StringBuilder out, String key, List<String> values) {
        out.append("  ").append(key).append(":\n");
        values.forEach(v -> out.append("    - ").append(quote(v)).append('\n'));
    }

    private static void citations(StringBuilder out, String key, List<Citation> citations) {
        out.append("  ").append(key).append(":\n");
        for (Citation c : citations) {
            out.append("    - {law: ").append(quote(c.law())).append(", article: ").append(c.article());
            if (c.paragraph() != null) {
                out.append(", paragraph: ").append(c.paragraph());
            }
            out.append("}\n");
        }
    }

    private static void dates(StringBuilder out, LocalDate from, LocalDate to, boolean sample) {
        out.append("  effective_from: ").append(from).append('\n');
        if (to != null) {
            out.append("  effective_to: ").append(to).append('\n');
        }
        out.append("  sample: ").append(sample).append('\n');
    }

    /** A YAML double-quoted scalar. */
    static String quote(String value) {
        return cn.gov.enforcement.portal.knowledge.YamlNode.quoted(value);
    }
}
