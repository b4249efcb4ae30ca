package cn.gov.enforcement.portal.knowledge.citations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import cn.gov.enforcement.portal.lists.ConditionType;
import cn.gov.enforcement.portal.lists.ListsFormat;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Checks the structural rules of knowledge-base/risk-points, knowledge-base/exemptions and
 * knowledge-base/discretion as documented in knowledge-base/LISTS-FORMAT.md. Every problem names
 * file, line and field.
 */
final class ListsFormatChecker {

    static final Set<String> AGENCIES = Set.of(
            "sample-market-regulation", "sample-urban-management", "sample-traffic-police",
            "sample-ecology-environment", "sample-human-resources-social-security");
    // the allowed values live in the lists module's main code (one source of truth)
    static final Set<String> LEVELS = Set.copyOf(ListsFormat.LEVELS);
    static final Set<String> GUIDANCE = Set.copyOf(ListsFormat.GUIDANCE);
    static final Set<String> KINDS = Set.copyOf(ListsFormat.KINDS);
    static final Set<String> SUBKINDS = Set.copyOf(ListsFormat.SUBKINDS);
    static final List<String> CIRCUMSTANCES = ListsFormat.CIRCUMSTANCES;

    /** Condition type -> its required parameters (name -> kind: int, number or text). */
    static final Map<String, Map<String, String>> CONDITIONS = new LinkedHashMap<>();

    /** Condition types whose question is answered with a number (eligible when the number is below the threshold). */
    static final Set<String> NUMERIC_CONDITIONS = new HashSet<>();

    static {
        for (ConditionType type : ConditionType.values()) {
            CONDITIONS.put(type.code(), type.parameters());
            if (type.numericAnswer()) {
                NUMERIC_CONDITIONS.add(type.code());
            }
        }
    }

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    static final Set<String> RISK_FIELDS = ListsFormat.RISK_FIELDS;
    static final Set<String> EXEMPTION_FIELDS = ListsFormat.EXEMPTION_FIELDS;
    static final Set<String> DISCRETION_FIELDS = ListsFormat.DISCRETION_FIELDS;

    final List<String> problems = new ArrayList<>();
    /** agency -> number of entries, per list. */
    final Map<String, Integer> riskPointsPerAgency = new TreeMap<>();
    final Map<String, Integer> exemptionsPerAgency = new TreeMap<>();
    final Map<String, Integer> discretionPerAgency = new TreeMap<>();
    /** ids of exemption items whose conditions include clean_record_months, per agency. */
    final Map<String, Integer> cleanRecordItemsPerAgency = new HashMap<>();
    private final Map<String, String> seenIds = new HashMap<>();

    void checkAll(Path knowledgeBase) {
        Path base = knowledgeBase.getParent() == null ? knowledgeBase : knowledgeBase.getParent();
        check(knowledgeBase.resolve("risk-points"), base, "risk-points");
        check(knowledgeBase.resolve("exemptions"), base, "exemptions");
        check(knowledgeBase.resolve("discretion"), base, "discretion");
    }

    private void check(Path dir, Path base, String list) {
        for (YamlFiles.Parsed parsed : YamlFiles.parseAll(dir, base)) {
            String file = parsed.displayName();
            if (parsed.error() != null) {
                problems.add(file + ": " + parsed.error());
                continue;
            }
            checkHeaderComment(parsed.file(), file);
            if (!(parsed.root() instanceof SequenceNode entries)) {
                problems.add(file + ":1: the file must hold a YAML list of entries");
                continue;
            }
            String fileAgency = parsed.file().getFileName().toString().replaceFirst("\\.ya?ml$", "");
            for (Node entry : entries.getValue()) {
                if (!(entry instanceof MappingNode mapping)) {
                    problems.add(file + ":" + YamlFiles.line(entry) + ": an entry must be a mapping");
                    continue;
                }
                Entry e = new Entry(file, mapping);
                switch (list) {
                    case "risk-points" -> riskPoint(e);
                    case "exemptions" -> exemption(e);
                    default -> discretion(e);
                }
                e.agencyMatchesFile(fileAgency);
                String agency = e.text("agency").orElse("?");
                Map<String, Integer> counts = switch (list) {
                    case "risk-points" -> riskPointsPerAgency;
                    case "exemptions" -> exemptionsPerAgency;
                    default -> discretionPerAgency;
                };
                counts.merge(agency, 1, Integer::sum);
            }
        }
    }

    private void checkHeaderComment(Path path, String file) {
        try {
            String first = Files.readAllLines(path, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            if (!first.startsWith("#") || !first.toLowerCase(Locale.ROOT).contains("sample")) {
                problems.add(file + ":1: the file must start with a comment saying it is sample content");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void riskPoint(Entry e) {
        e.onlyFields(RISK_FIELDS);
        e.common();
        for (String field : List.of("sector", "applies_to", "title", "risk", "level_reason", "consequence")) {
            e.requiredText(field);
        }
        e.requiredText("level").ifPresent(level -> {
            if (!LEVELS.contains(level)) {
                e.problem("level", "must be one of 高, 中, 低, not \"" + level + "\"");
            }
        });
        e.citations("basis_obligation");
        e.citations("basis_penalty");
        e.textList("prevention");
        List<ScalarNode> guidance = e.textList("guidance");
        Set<String> seen = new HashSet<>();
        for (ScalarNode g : guidance) {
            if (!GUIDANCE.contains(g.getValue())) {
                e.problemAt(g, "guidance", "\"" + g.getValue() + "\" is not one of " + String.join(" ", sorted(GUIDANCE)));
            } else if (!seen.add(g.getValue())) {
                e.problemAt(g, "guidance", "\"" + g.getValue() + "\" is listed twice");
            }
        }
    }

    private void exemption(Entry e) {
        e.onlyFields(EXEMPTION_FIELDS);
        e.common();
        e.requiredText("violation");
        e.optionalText("sector");
        e.optionalText("scope");
        Optional<String> kind = e.requiredText("kind");
        kind.ifPresent(k -> {
            if (!KINDS.contains(k)) {
                e.problem("kind", "must be one of 不予处罚, 从轻处罚, 减轻处罚, not \"" + k + "\"");
            }
        });
        Optional<String> subkind = e.text("subkind");
        if (kind.filter("不予处罚"::equals).isPresent()) {
            if (subkind.isEmpty()) {
                e.problem("subkind", "is required when kind is 不予处罚 (首违不罚, 轻微免罚 or 无主观过错)");
            } else if (!SUBKINDS.contains(subkind.get())) {
                e.problem("subkind", "must be one of 首违不罚, 轻微免罚, 无主观过错, not \"" + subkind.get() + "\"");
            }
        } else if (subkind.isPresent() && kind.isPresent()) {
            e.problem("subkind", "is only allowed when kind is 不予处罚");
        }
        e.citations("basis_violation");
        e.citations("basis_penalty");
        e.citations("basis_exemption");
        e.textList("measure");
        Optional<Node> conditions = e.child("conditions");
        if (conditions.isEmpty() || !(conditions.get() instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            e.problem("conditions", "is required and must be a non-empty list");
            return;
        }
        boolean cleanRecord = false;
        for (Node node : seq.getValue()) {
            if (!(node instanceof MappingNode condition)) {
                e.problemAt(node, "conditions", "each condition must be a mapping with a type");
                continue;
            }
            Entry c = new Entry(e.file, condition);
            Optional<String> type = c.requiredText("type");
            Optional<String> question = c.requiredText("question");
            if (type.isEmpty()) {
                continue;
            }
            Map<String, String> params = CONDITIONS.get(type.get());
            if (params == null) {
                c.problem("type", "\"" + type.get() + "\" is not one of " + String.join(", ", CONDITIONS.keySet()));
                continue;
            }
            cleanRecord |= type.get().equals("clean_record_months");
            Set<String> allowed = new HashSet<>(params.keySet());
            allowed.add("type");
            allowed.add("question");
            allowed.add("met_when");
            c.onlyFields(allowed);
            boolean numeric = NUMERIC_CONDITIONS.contains(type.get());
            if (c.child("met_when").isPresent()) {
                if (numeric) {
                    c.problem("met_when", "is only for yes/no conditions: " + type.get()
                            + " is answered with a number and met below its limit");
                } else {
                    c.requiredText("met_when").filter(v -> !v.equals("否") && !v.equals("是")).ifPresent(v ->
                            c.problem("met_when", "must be 否 (the answer no meets the condition) or 是, not \"" + v + "\""));
                }
            }
            if (!numeric) {
                question.flatMap(ListsFormatChecker::doubleNegative).ifPresent(words -> c.problem("question",
                        "asks with a double negative (" + words + "), which a reader answers wrongly: ask about the harm"
                                + " or the fault positively and add met_when: 否"));
            }
            params.forEach((name, paramKind) -> c.requiredText(name).ifPresent(value -> {
                boolean ok = switch (paramKind) {
                    case "int" -> value.matches("[1-9][0-9]*");
                    case "number" -> value.matches("[0-9]+(\\.[0-9]+)?") && Double.parseDouble(value) > 0;
                    default -> true;
                };
                if (!ok) {
                    c.problem(name, "must be a positive " + (paramKind.equals("int") ? "whole number" : "number")
                            + ", not \"" + value + "\"");
                }
            }));
        }
        if (cleanRecord) {
            cleanRecordItemsPerAgency.merge(e.text("agency").orElse("?"), 1, Integer::sum);
        }
    }

    private void discretion(Entry e) {
        e.onlyFields(DISCRETION_FIELDS);
        e.common();
        e.requiredText("violation");
        e.citations("basis_violation");
        e.citations("basis_penalty");
        Optional<Node> circumstances = e.child("circumstances");
        if (circumstances.isEmpty() || !(circumstances.get() instanceof SequenceNode seq)) {
            e.problem("circumstances", "is required: a list with one entry each for 轻微, 一般 and 严重");
            return;
        }
        List<String> levels = new ArrayList<>();
        for (Node node : seq.getValue()) {
            if (!(node instanceof MappingNode circumstance)) {
                e.problemAt(node, "circumstances", "each circumstance must be a mapping");
                continue;
            }
            Entry c = new Entry(e.file, circumstance);
            c.onlyFields(Set.of("level", "description", "penalty"));
            c.requiredText("description");
            c.requiredText("penalty");
            c.requiredText("level").ifPresent(level -> {
                if (!CIRCUMSTANCES.contains(level)) {
                    c.problem("level", "must be one of 轻微, 一般, 严重, not \"" + level + "\"");
                }
                levels.add(level);
            });
        }
        if (!levels.equals(CIRCUMSTANCES)) {
            e.problem("circumstances", "must list 轻微, 一般 and 严重 once each, in this order; found " + levels);
        }
    }

    /** Negative question words: a yes/no question asked with them answers yes for no (是否没有造成…？). */
    private static final Pattern DOUBLE_NEGATIVE = Pattern.compile(
            "是否(?:没有|没|未|并未|从未|无|既不|不曾)|(?:没有|从未|并未|未曾)[^，。；？?]*吗");

    /** The double negative a yes/no question asks with, if any. */
    static Optional<String> doubleNegative(String question) {
        java.util.regex.Matcher m = DOUBLE_NEGATIVE.matcher(question);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    /** One mapping being checked, with helpers that record problems as file:line: field: message. */
    private final class Entry {
        final String file;
        final MappingNode mapping;

        Entry(String file, MappingNode mapping) {
            this.file = file;
            this.mapping = mapping;
        }

        void problem(String field, String message) {
            Node at = child(field).orElse(mapping);
            problemAt(at, field, message);
        }

        void problemAt(Node at, String field, String message) {
            String id = text("id").map(i -> " [" + i + "]").orElse("");
            problems.add(file + ":" + YamlFiles.line(at) + id + " " + field + ": " + message);
        }

        Optional<Node> child(String field) {
            return YamlFiles.child(mapping, field);
        }

        Optional<String> text(String field) {
            return YamlFiles.scalar(mapping, field).map(String::strip).filter(s -> !s.isEmpty());
        }

        Optional<String> requiredText(String field) {
            Optional<Node> node = child(field);
            if (node.isEmpty()) {
                problem(field, "is required");
                return Optional.empty();
            }
            if (!(node.get() instanceof ScalarNode) || text(field).isEmpty()) {
                problem(field, "must be a non-empty text");
                return Optional.empty();
            }
            return text(field);
        }

        void optionalText(String field) {
            if (child(field).isPresent()) {
                requiredText(field);
            }
        }

        void onlyFields(Set<String> allowed) {
            for (var tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
                if (!allowed.contains(key)) {
                    problemAt(tuple.getKeyNode(), key, "is not a field of this format (allowed: "
                            + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
            }
        }

        void common() {
            requiredText("id").ifPresent(id -> {
                if (!ID.matcher(id).matches()) {
                    problem("id", "\"" + id + "\" is not a slug of lower-case letters, digits and hyphens");
                }
                String where = file + ":" + YamlFiles.line(child("id").get());
                String earlier = seenIds.putIfAbsent(id, where);
                if (earlier != null) {
                    problem("id", "\"" + id + "\" is already used at " + earlier);
                }
            });
            requiredText("agency").ifPresent(agency -> {
                if (!AGENCIES.contains(agency)) {
                    problem("agency", "\"" + agency + "\" is not one of " + String.join(", ", sorted(AGENCIES)));
                }
            });
            Optional<LocalDate> from = date("effective_from", true);
            Optional<LocalDate> to = date("effective_to", false);
            if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
                problem("effective_to", "is before effective_from");
            }
            if (!text("sample").filter("true"::equals).isPresent()) {
                problem("sample", "must be true: this is sample content");
            }
        }

        void agencyMatchesFile(String fileAgency) {
            text("agency").ifPresent(agency -> {
                if (AGENCIES.contains(fileAgency) && !agency.equals(fileAgency)) {
                    problem("agency", "\"" + agency + "\" does not match the file name " + fileAgency);
                }
            });
        }

        Optional<LocalDate> date(String field, boolean required) {
            if (child(field).isEmpty()) {
                if (required) {
                    problem(field, "is required (YYYY-MM-DD)");
                }
                return Optional.empty();
            }
            Optional<String> value = requiredText(field);
            try {
                return value.map(LocalDate::parse);
            } catch (DateTimeParseException ex) {
                problem(field, "\"" + value.get() + "\" is not a date of the form YYYY-MM-DD");
                return Optional.empty();
            }
        }

        List<ScalarNode> textList(String field) {
            Optional<Node> node = child(field);
            if (node.isEmpty() || !(node.get() instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                problem(field, "is required and must be a non-empty list of texts");
                return List.of();
            }
            List<ScalarNode> result = new ArrayList<>();
            for (Node item : seq.getValue()) {
                if (item instanceof ScalarNode s && !s.getValue().isBlank()) {
                    result.add(s);
                } else {
                    problemAt(item, field, "each item must be a non-empty text");
                }
            }
            return result;
        }

        void citations(String field) {
            Optional<Node> node = child(field);
            if (node.isEmpty() || !(node.get() instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                problem(field, "is required and must be a non-empty list of citations {law, article}");
                return;
            }
            for (Node item : seq.getValue()) {
                if (!(item instanceof MappingNode citation)) {
                    problemAt(item, field, "each citation must be a mapping {law: …, article: …, paragraph: n}");
                    continue;
                }
                Entry c = new Entry(file, citation);
                c.onlyFields(Set.of("law", "article", "paragraph"));
                c.requiredText("law");
                c.requiredText("article");
                c.text("paragraph").ifPresent(p -> {
                    if (!p.matches("[1-9][0-9]*")) {
                        c.problem("paragraph", "must be a positive whole number, not \"" + p + "\"");
                    }
                });
            }
        }
    }
}
