package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.ValidationFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A save or a submission held back once because some of the entry's citations do not resolve to an article of the
 * current version of an imported document (the public pages would show them as plain text): a warning to confirm, not
 * a refusal, as the regulation library may lack a law on purpose (a local regulation not imported). Nothing was
 * written. Each citation field with such citations has a problem {@value #LAW_UNKNOWN} naming the citations whose law
 * has no current text in the library, and one {@value #ARTICLE_UNKNOWN} naming those whose law is there without the
 * article; the argument is the citations as the public page shows them, joined with 、.
 */
public class CitationWarning extends ValidationFailure {

    /** Message key: no current text of these citations' laws is in the regulation library. */
    public static final String LAW_UNKNOWN = "lists.admin.warning.lawUnknown";
    /** Message key: the laws are in the regulation library, their current texts lack these articles. */
    public static final String ARTICLE_UNKNOWN = "lists.admin.warning.articleUnknown";

    CitationWarning(List<FieldProblem> problems) {
        super(problems);
    }

    /**
     * The warning for these unresolved citations by field (fields in the form's order); null when there is none.
     */
    static CitationWarning of(Map<String, List<ListsCatalog.UnresolvedCitation>> byField) {
        List<FieldProblem> problems = new ArrayList<>();
        byField.forEach((field, unresolved) -> {
            for (boolean lawKnown : new boolean[] {false, true}) {
                String named = unresolved.stream().filter(u -> u.lawKnown() == lawKnown)
                        .map(u -> u.citation().display()).distinct().collect(Collectors.joining("、"));
                if (!named.isEmpty()) {
                    problems.add(new FieldProblem(field, lawKnown ? ARTICLE_UNKNOWN : LAW_UNKNOWN, named));
                }
            }
        });
        return problems.isEmpty() ? null : new CitationWarning(problems);
    }

    /** The citation fields of an entry, as the form names them, in the form's order. */
    static Map<String, List<Citation>> citationsByField(ListEntry entry) {
        Map<String, List<Citation>> fields = new LinkedHashMap<>();
        if (entry instanceof RiskPoint r) {
            fields.put("basisObligation", r.basisObligation());
            fields.put("basisPenalty", r.basisPenalty());
        } else if (entry instanceof ExemptionItem e) {
            fields.put("basisViolation", e.basisViolation());
            fields.put("basisPenalty", e.basisPenalty());
            fields.put("basisExemption", e.basisExemption());
        }
        return fields;
    }
}
