package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.knowledge.ContentProblem;
import cn.gov.enforcement.portal.knowledge.KnowledgeFile;
import cn.gov.enforcement.portal.knowledge.YamlNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and validates one list file (a YAML sequence of entries, knowledge-base/LISTS-FORMAT.md).
 * Every problem is reported with file, line and field; a file with any problem yields no entries.
 */
final class ListFileParser {

    static final Pattern ARTICLE = Pattern.compile("第[零〇一二三四五六七八九十百千]+条(之[一二三四五六七八九十]+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern FILE_SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final String WRAPPER = "entries";

    /** The outcome for one file: its valid entries (empty when the file has problems) and its problems. */
    record Result(KnowledgeFile file, List<Object> entries, List<ContentProblem> problems) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    private ListFileParser() {}

    /** Parses every file of a list; an id used twice (in any files) is a problem of the later file. */
    static List<Result> parseAll(ListKind kind, List<KnowledgeFile> files) {
        List<Result> results = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (KnowledgeFile file : files) {
            Result result = parse(kind, file);
            if (result.valid()) {
                List<ContentProblem> duplicates = new ArrayList<>();
                for (Object entry : result.entries()) {
                    String id = idOf(entry);
                    String before = seen.putIfAbsent(id, file.label());
                    if (before != null) {
                        duplicates.add(new ContentProblem(file.label(), 0, "id", "lists.problem.idTaken", id, before));
                    }
                }
                if (!duplicates.isEmpty()) {
                    result = new Result(file, List.of(), duplicates);
                }
            }
            results.add(result);
        }
        return results;
    }

    static String idOf(Object entry) {
        return ((ListEntry) entry).id();
    }

    static String agencyOf(Object entry) {
        return ((ListEntry) entry).agency();
    }

    static Result parse(ListKind kind, KnowledgeFile file) {
        List<ContentProblem> raw = new ArrayList<>();
        List<Object> entries = new ArrayList<>();
        // the root of a list file is a sequence; YamlNode reads mappings, so the sequence is wrapped
        // in one key on an extra first line and every line number is shifted back afterwards
        Optional<YamlNode> root = YamlNode.parse(file.label(), WRAPPER + ":\n" + file.content(), raw);
        if (root.isPresent()) {
            List<YamlNode> items = root.get().list(WRAPPER, 1, 10_000);
            String base = file.fileName().replaceFirst("\\.ya?ml$", "");
            String fileAgency = FILE_SLUG.matcher(base).matches() ? base : null;
            for (YamlNode item : items) {
                Object entry = switch (kind) {
                    case RISK_POINTS -> riskPoint(item);
                    case EXEMPTIONS -> exemption(item);
                    case DISCRETION -> discretion(item);
                };
                if (entry != null) {
                    String agency = agencyOf(entry);
                    if (fileAgency != null && agency != null && !fileAgency.equals(agency)) {
                        item.problem("agency", "lists.problem.agencyNotFileName", fileAgency, agency);
                    }
                    entries.add(entry);
                }
            }
        }
        List<ContentProblem> problems = raw.stream().map(ListFileParser::unwrap).toList();
        return new Result(file, problems.isEmpty() ? List.copyOf(entries) : List.of(), problems);
    }

    private static ContentProblem unwrap(ContentProblem p) {
        String field = p.field() == null ? "" : p.field();
        if (field.equals(WRAPPER)) {
            field = "";
        } else if (field.startsWith(WRAPPER)) {
            field = field.substring(WRAPPER.length());
        }
        int line = Math.max(p.line() - 1, p.line() == 0 ? 0 : 1);
        if (field.isEmpty()
                && (p.key().equals("knowledge.problem.required") || p.key().equals("knowledge.problem.notList"))) {
            return new ContentProblem(p.file(), line, field, "lists.problem.notAList");
        }
        return p.at(line, field);
    }

    private record Common(String id, String agency, LocalDate from, LocalDate to, Boolean sample) {}

    private static Common common(YamlNode n) {
        String id = n.slug("id");
        String agency = n.slug("agency");
        LocalDate from = date(n, "effective_from", true);
        LocalDate to = n.has("effective_to") ? date(n, "effective_to", false) : null;
        if (from != null && to != null && to.isBefore(from)) {
            n.problem("effective_to", "lists.problem.endBeforeStart");
        }
        Boolean sample = n.requiredBoolean("sample");
        return new Common(id, agency, from, to, sample);
    }

    private static RiskPoint riskPoint(YamlNode n) {
        n.allowOnly(ListsFormat.RISK_FIELDS);
        Common c = common(n);
        String sector = n.requiredText("sector", 100);
        String appliesTo = n.requiredText("applies_to", 200);
        String title = n.requiredText("title", 200);
        String risk = n.requiredText("risk", 2000);
        String level = oneOf(n, "level", ListsFormat.LEVELS);
        String levelReason = n.requiredText("level_reason", 2000);
        List<Citation> obligation = citations(n, "basis_obligation");
        List<Citation> penalty = citations(n, "basis_penalty");
        String consequence = n.requiredText("consequence", 2000);
        List<String> prevention = n.textList("prevention", 1, 50, 1000);
        List<String> guidance = n.textList("guidance", 1, 8, 10);
        Set<String> seen = new HashSet<>();
        for (String g : guidance) {
            if (!ListsFormat.GUIDANCE.contains(g)) {
                n.problem("guidance", "lists.problem.guidanceUnknown", g, String.join(" ", ListsFormat.GUIDANCE));
            } else if (!seen.add(g)) {
                n.problem("guidance", "lists.problem.guidanceTwice", g);
            }
        }
        if (c.id() == null || c.agency() == null || c.from() == null || c.sample() == null || level == null) {
            return null;
        }
        return new RiskPoint(c.id(), c.agency(), sector, appliesTo, title, risk, level, levelReason, obligation, penalty,
                consequence, prevention, guidance, c.from(), c.to(), c.sample());
    }

    private static ExemptionItem exemption(YamlNode n) {
        n.allowOnly(ListsFormat.EXEMPTION_FIELDS);
        Common c = common(n);
        String kind = oneOf(n, "kind", ListsFormat.KINDS);
        String subkind = null;
        if (ListsFormat.NO_PENALTY.equals(kind)) {
            subkind = oneOf(n, "subkind", ListsFormat.SUBKINDS);
        } else if (kind != null && n.has("subkind")) {
            n.problem("subkind", "lists.problem.subkindNotAllowed", ListsFormat.NO_PENALTY);
        }
        String sector = n.optionalText("sector", 100);
        String violation = n.requiredText("violation", 1000);
        String scope = n.optionalText("scope", 1000);
        List<Citation> basisViolation = citations(n, "basis_violation");
        List<Citation> basisPenalty = citations(n, "basis_penalty");
        List<Citation> basisExemption = citations(n, "basis_exemption");
        List<Condition> conditions = new ArrayList<>();
        for (YamlNode cn : n.list("conditions", 1, 30)) {
            Condition condition = condition(cn);
            if (condition != null) {
                conditions.add(condition);
            }
        }
        List<String> measure = n.textList("measure", 1, 30, 200);
        if (c.id() == null || c.agency() == null || c.from() == null || c.sample() == null || kind == null) {
            return null;
        }
        return new ExemptionItem(c.id(), c.agency(), kind, subkind, sector, violation, scope, basisViolation,
                basisPenalty, basisExemption, List.copyOf(conditions), measure, c.from(), c.to(), c.sample());
    }

    static Condition condition(YamlNode n) {
        String code = n.requiredText("type", 50);
        if (code == null) {
            return null;
        }
        Optional<ConditionType> type = ConditionType.fromCode(code);
        if (type.isEmpty()) {
            List<String> codes = java.util.Arrays.stream(ConditionType.values()).map(ConditionType::code).toList();
            n.problem("type", "knowledge.problem.notOneOf", String.join(", ", codes), code);
            return null;
        }
        ConditionType t = type.get();
        Set<String> allowed = new HashSet<>(t.parameters().keySet());
        allowed.add("type");
        allowed.add("question");
        allowed.add("met_when");
        n.allowOnly(allowed);
        String question = n.requiredText("question", 500);
        boolean metWhenNo = false;
        if (n.has("met_when")) {
            if (t.numericAnswer()) {
                // a number is met below the threshold: there is no answer no to turn round
                n.problem("met_when", "lists.problem.metWhenNumeric", t.code());
            } else {
                metWhenNo = Condition.MET_WHEN_NO.equals(
                        oneOf(n, "met_when", List.of(Condition.MET_WHEN_YES, Condition.MET_WHEN_NO)));
            }
        }
        BigDecimal threshold = null;
        if (t.numberParameter() != null) {
            threshold = positiveNumber(n, t.numberParameter(), t.wholeNumber());
        }
        String unit = t.textParameters().contains("unit") ? n.requiredText("unit", 50) : null;
        String what = t.textParameters().contains("what") ? n.requiredText("what", 300) : null;
        return new Condition(t, question, threshold, unit, what, metWhenNo);
    }

    private static BigDecimal positiveNumber(YamlNode n, String key, boolean whole) {
        String text = n.requiredText(key, 30);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() <= 0) {
                n.problem(key, "lists.problem.notPositive", text);
                return null;
            }
            if (whole && value.stripTrailingZeros().scale() > 0) {
                n.problem(key, "lists.problem.notWhole", text);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            n.problem(key, "lists.problem.notNumber", text);
            return null;
        }
    }

    private static String oneOf(YamlNode n, String key, List<String> allowed) {
        String value = n.requiredText(key, 50);
        if (value != null && !allowed.contains(value)) {
            n.problem(key, "knowledge.problem.notOneOf", String.join(", ", allowed), value);
            return null;
        }
        return value;
    }

    private static LocalDate date(YamlNode n, String key, boolean required) {
        if (!required && !n.has(key)) {
            return null;
        }
        String text = n.matching(key, DATE, "lists.problem.dateFormat");
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            n.problem(key, "lists.problem.noSuchDate", text);
            return null;
        }
    }

    private static List<Citation> citations(YamlNode n, String key) {
        List<Citation> result = new ArrayList<>();
        for (YamlNode c : n.list(key, 1, 30)) {
            c.allowOnly(Set.of("law", "article", "paragraph"));
            String law = c.requiredText("law", 200);
            if (law != null && (law.contains("《") || law.contains("》"))) {
                c.problem("law", "lists.problem.lawBrackets");
                law = null;
            }
            String article = c.matching("article", ARTICLE, "lists.problem.articleFormat");
            Integer paragraph = null;
            if (c.has("paragraph")) {
                BigDecimal p = positiveNumber(c, "paragraph", true);
                paragraph = p == null ? null : p.intValueExact();
            }
            if (law != null && article != null) {
                result.add(new Citation(law, article, paragraph));
            }
        }
        return List.copyOf(result);
    }

    private static DiscretionBenchmark discretion(YamlNode n) {
        n.allowOnly(ListsFormat.DISCRETION_FIELDS);
        Common c = common(n);
        String violation = n.requiredText("violation", 1000);
        List<Citation> basisViolation = citations(n, "basis_violation");
        List<Citation> basisPenalty = citations(n, "basis_penalty");
        List<YamlNode> levels = n.list("circumstances", 3, 3);
        List<DiscretionBenchmark.Circumstance> circumstances = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            YamlNode l = levels.get(i);
            l.allowOnly(Set.of("level", "description", "penalty"));
            String level = l.requiredText("level", 10);
            if (level != null && i < 3 && !ListsFormat.CIRCUMSTANCES.get(i).equals(level)) {
                l.problem("level", "lists.problem.levelOrder", ListsFormat.CIRCUMSTANCES.get(i));
            }
            circumstances.add(new DiscretionBenchmark.Circumstance(level, l.requiredText("description", 2000),
                    l.requiredText("penalty", 2000)));
        }
        if (c.id() == null || c.agency() == null || c.from() == null || c.sample() == null) {
            return null;
        }
        return new DiscretionBenchmark(c.id(), c.agency(), violation, basisViolation, basisPenalty,
                List.copyOf(circumstances), c.from(), c.to(), c.sample());
    }
}
