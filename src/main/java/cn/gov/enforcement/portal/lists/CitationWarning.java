package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.regulation.RegulationCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A save or a submission held back once because some of the entry's citations do not resolve to an article of the
 * current version of an imported document (the public pages would show them as plain text): a warning to confirm, not
 * a refusal, as the regulation library may lack a law on purpose (a local regulation not imported). Nothing was
 * written. Each citation field with such citations has one problem per kind ({@link #KEYS}, in this order): the
 * citations whose law the library does not hold ({@value #LAW_UNKNOWN}), whose law it holds only in versions that are
 * not in force ({@value #NO_CURRENT}), whose law's current text lacks the article ({@value #ARTICLE_UNKNOWN}) and whose
 * article only an older or a pending version holds ({@value #OLDER_VERSION}). The argument is the list of those
 * {@link ListsCatalog.UnresolvedCitation}s; {@link ListsUi#citationWarnings} writes them as the public page shows the
 * citations, joined with 、, each with the version it names in the reader's language.
 */
public class CitationWarning extends ValidationFailure {

    /** Message key: the regulation library holds no text of these citations' laws. */
    public static final String LAW_UNKNOWN = "lists.admin.warning.lawUnknown";
    /** Message key: the laws are in the regulation library, but none of their versions is in force. */
    public static final String NO_CURRENT = "lists.admin.warning.noCurrent";
    /** Message key: the laws are in the regulation library, no version of them has these articles. */
    public static final String ARTICLE_UNKNOWN = "lists.admin.warning.articleUnknown";
    /** Message key: the current texts lack these articles, an older (or a pending) version has them. */
    public static final String OLDER_VERSION = "lists.admin.warning.olderVersion";

    /** The message key of each kind of unresolved citation, in the order the warning names them. */
    static final Map<RegulationCatalog.Resolution, String> KEYS = new java.util.EnumMap<>(Map.of(
            RegulationCatalog.Resolution.NO_LAW, LAW_UNKNOWN,
            RegulationCatalog.Resolution.NO_CURRENT_VERSION, NO_CURRENT,
            RegulationCatalog.Resolution.NO_ARTICLE, ARTICLE_UNKNOWN,
            RegulationCatalog.Resolution.OLDER_VERSION_ONLY, OLDER_VERSION));

    /** The kinds in the order the warning and the report name them. */
    static final List<RegulationCatalog.Resolution> ORDER = List.of(RegulationCatalog.Resolution.NO_LAW,
            RegulationCatalog.Resolution.NO_CURRENT_VERSION, RegulationCatalog.Resolution.NO_ARTICLE,
            RegulationCatalog.Resolution.OLDER_VERSION_ONLY);

    CitationWarning(List<FieldProblem> problems) {
        super(problems);
    }

    /**
     * The warning for these unresolved citations by field (fields in the form's order); null when there is none. The
     * same citation twice in a field is named once.
     */
    static CitationWarning of(Map<String, List<ListsCatalog.UnresolvedCitation>> byField) {
        List<FieldProblem> problems = new ArrayList<>();
        byField.forEach((field, unresolved) -> {
            for (RegulationCatalog.Resolution kind : ORDER) {
                List<ListsCatalog.UnresolvedCitation> named = new ArrayList<>(unresolved.stream()
                        .filter(u -> u.kind() == kind).collect(Collectors.toMap(u -> u.citation().display(), u -> u,
                                (a, b) -> a, LinkedHashMap::new)).values());
                if (!named.isEmpty()) {
                    problems.add(new FieldProblem(field, KEYS.get(kind), named));
                }
            }
        });
        return problems.isEmpty() ? null : new CitationWarning(problems);
    }

    /**
     * The citation fields of an entry, as the form names them, in the form's order (a discretion benchmark's, which no
     * form edits, as its file names them).
     */
    static Map<String, List<Citation>> citationsByField(ListEntry entry) {
        Map<String, List<Citation>> fields = new LinkedHashMap<>();
        if (entry instanceof RiskPoint r) {
            fields.put("basisObligation", r.basisObligation());
            fields.put("basisPenalty", r.basisPenalty());
        } else if (entry instanceof ExemptionItem e) {
            fields.put("basisViolation", e.basisViolation());
            fields.put("basisPenalty", e.basisPenalty());
            fields.put("basisExemption", e.basisExemption());
        } else if (entry instanceof DiscretionBenchmark d) {
            fields.put("basisViolation", d.basisViolation());
            fields.put("basisPenalty", d.basisPenalty());
        }
        return fields;
    }
}
