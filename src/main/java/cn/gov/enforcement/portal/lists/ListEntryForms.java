package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an editor types into the back-office forms, and its server-side validation into a
 * {@link RiskPoint} or {@link ExemptionItem}. Lists are typed one item per line: citations as
 * {@code 中华人民共和国行政处罚法 第三十三条 第一款} (or {@code 《…》第三十三条第一款}), conditions as
 * {@code type; parameter=value; question}. Every problem names its field and a translation key
 * ({@code lists.admin.error.*}); all problems of one form are reported together. Texts are plain
 * text (no formatting); the views escape them.
 */
public final class ListEntryForms {

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CITATION = Pattern.compile(
            "^《?(.+?)》?\\s*(第[零〇一二三四五六七八九十百千]+[条條](?:之[一二三四五六七八九十]+)?)\\s*(?:第([一二三四五六七八九十]+|\\d+)款)?$");
    /** A parameter of a condition line: a code or a Chinese name, {@code =} (or the full-width ＝), its value. */
    private static final Pattern PARAMETER = Pattern.compile("^([a-z_]+|\\p{IsHan}+)\\s*[=＝]\\s*(.*)$");
    /** Between the parts of a condition line: a semicolon, ASCII or full-width (the Chinese spelling's). */
    private static final Pattern CONDITION_SEPARATOR = Pattern.compile("\\s*[;；]\\s*");
    private static final String CHINESE_SEPARATOR = "；";

    private ListEntryForms() {}

    /** The risk-point form. Multi-line fields hold one item per line. */
    public record RiskPointInput(String id, String agency, String sector, String appliesTo, String title, String risk,
            String level, String levelReason, String basisObligation, String basisPenalty, String consequence,
            String prevention, Set<String> guidance, LocalDate effectiveFrom, LocalDate effectiveTo, boolean sample) {

        public static RiskPointInput of(RiskPoint r) {
            return new RiskPointInput(r.id(), r.agency(), r.sector(), r.appliesTo(), r.title(), r.risk(), r.level(),
                    r.levelReason(), citationLines(r.basisObligation()), citationLines(r.basisPenalty()),
                    r.consequence(), String.join("\n", r.prevention()), new LinkedHashSet<>(r.guidance()),
                    r.effectiveFrom(), r.effectiveTo(), r.sample());
        }
    }

    /** The exemption-item form. Multi-line fields hold one item per line. */
    public record ExemptionInput(String id, String agency, String kind, String subkind, String sector, String violation,
            String scope, String basisViolation, String basisPenalty, String basisExemption, String conditions,
            String measure, LocalDate effectiveFrom, LocalDate effectiveTo, boolean sample) {

        public static ExemptionInput of(ExemptionItem e) {
            return new ExemptionInput(e.id(), e.agency(), e.kind(), e.subkind(), e.sector(), e.violation(), e.scope(),
                    citationLines(e.basisViolation()), citationLines(e.basisPenalty()),
                    citationLines(e.basisExemption()), conditionLines(e.conditions()), String.join("\n", e.measure()),
                    e.effectiveFrom(), e.effectiveTo(), e.sample());
        }
    }

    /** Citations one per line, e.g. {@code 中华人民共和国行政处罚法 第三十三条 第一款}. */
    public static String citationLines(List<Citation> citations) {
        return citations.stream().map(c -> c.law() + " " + c.article()
                + (c.paragraph() == null ? "" : " 第" + ChineseNumbers.of(c.paragraph()) + "款"))
                .collect(Collectors.joining("\n"));
    }

    /**
     * Conditions one per line, e.g. {@code corrected_within_days; days=3; 是否在3日内改正？}; a yes/no condition met by
     * the answer no carries {@code met_when=否} before its question.
     */
    public static String conditionLines(List<Condition> conditions) {
        return conditionLines(conditions, Spelling.CODES);
    }

    /**
     * How the forms spell a condition line: with the types' and parameters' codes ({@code corrected_within_days;
     * days=3; …}, English pages), or with their Chinese names ({@code 限期改正；天数=3；…}, Chinese pages), in Simplified
     * or in Taiwan's Traditional characters. {@link #exemption} reads every spelling.
     */
    public enum Spelling {
        CODES, SIMPLIFIED, TRADITIONAL;

        /** The spelling of a page in this language. */
        public static Spelling of(java.util.Locale page) {
            return !"zh".equals(page.getLanguage()) ? CODES
                    : cn.gov.enforcement.portal.platform.ReaderScript.readsTraditional(page) ? TRADITIONAL : SIMPLIFIED;
        }

        String type(ConditionType t) {
            return chinese(t.code(), t.chineseName());
        }

        String parameter(ConditionType t, String code) {
            return chinese(code, t.chineseParameter(code));
        }

        private String chinese(String code, String name) {
            return switch (this) {
                case CODES -> code;
                case SIMPLIFIED -> name;
                case TRADITIONAL -> cn.gov.enforcement.portal.platform.ReaderScript.toTaiwan(name);
            };
        }
    }

    /**
     * Conditions one per line in the given spelling ({@link #conditionLines(List)}: the codes'); the Chinese ones
     * separate the parts with the full-width ；, e.g. {@code 无危害后果；符合回答=否；是否造成了交通事故？}.
     */
    public static String conditionLines(List<Condition> conditions, Spelling spelling) {
        String separator = spelling == Spelling.CODES ? "; " : CHINESE_SEPARATOR;
        List<String> lines = new ArrayList<>();
        for (Condition c : conditions) {
            ConditionType t = c.type();
            List<String> parts = new ArrayList<>();
            parts.add(spelling.type(t));
            if (t.numberParameter() != null && c.threshold() != null) {
                parts.add(spelling.parameter(t, t.numberParameter()) + "="
                        + c.threshold().stripTrailingZeros().toPlainString());
            }
            if (t.textParameters().contains("unit")) {
                parts.add(spelling.parameter(t, "unit") + "=" + c.unit());
            }
            if (t.textParameters().contains("what")) {
                parts.add(spelling.parameter(t, "what") + "=" + c.what());
            }
            if (c.metWhenNo()) {
                parts.add(spelling.parameter(t, "met_when") + "=" + Condition.MET_WHEN_NO);
            }
            parts.add(c.question());
            lines.add(String.join(separator, parts));
        }
        return String.join("\n", lines);
    }

    /**
     * Every condition type, for the form's help and its refusal of an unknown type: the codes
     * ({@code first_violation, no_harm, …}), or the Chinese names with the parameters and the code
     * ({@code 首次违法（月数；first_violation）、…}).
     */
    public static String conditionTypes(Spelling spelling) {
        return java.util.Arrays.stream(ConditionType.values()).map(t -> spelling == Spelling.CODES ? t.code()
                : spelling.type(t) + "（" + t.parameters().keySet().stream().map(code -> spelling.parameter(t, code) + "；")
                        .collect(Collectors.joining()) + t.code() + "）")
                .collect(Collectors.joining(spelling == Spelling.CODES ? ", " : "、"));
    }

    /** The same risk point or exemption item marked as sample content. */
    static ListEntry asSample(ListEntry entry) {
        if (entry instanceof RiskPoint r) {
            return new RiskPoint(r.id(), r.agency(), r.sector(), r.appliesTo(), r.title(), r.risk(), r.level(),
                    r.levelReason(), r.basisObligation(), r.basisPenalty(), r.consequence(), r.prevention(),
                    r.guidance(), r.effectiveFrom(), r.effectiveTo(), true);
        }
        ExemptionItem e = (ExemptionItem) entry;
        return new ExemptionItem(e.id(), e.agency(), e.kind(), e.subkind(), e.sector(), e.violation(), e.scope(),
                e.basisViolation(), e.basisPenalty(), e.basisExemption(), e.conditions(), e.measure(),
                e.effectiveFrom(), e.effectiveTo(), true);
    }

    /** Collects the problems of one form. */
    private static final class Problems {
        final List<FieldProblem> list = new ArrayList<>();

        void add(String field, String key, Object... args) {
            list.add(new FieldProblem(field, key, args));
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw new ValidationFailure(list);
            }
        }
    }

    /**
     * Validates a risk-point form.
     *
     * @throws ValidationFailure naming every field with a problem
     */
    public static RiskPoint riskPoint(RiskPointInput in) {
        Problems p = new Problems();
        String id = slug(p, "id", in.id());
        String agency = slug(p, "agency", in.agency());
        String sector = required(p, "sector", in.sector(), 100);
        String appliesTo = required(p, "appliesTo", in.appliesTo(), 200);
        String title = required(p, "title", in.title(), 200);
        String risk = requiredLines(p, "risk", in.risk(), 2000);
        String level = in.level() == null ? null : in.level().strip();
        if (level == null || !ListsFormat.LEVELS.contains(level)) {
            p.add("level", "lists.admin.error.level");
        }
        String levelReason = requiredLines(p, "levelReason", in.levelReason(), 2000);
        List<Citation> obligation = citations(p, "basisObligation", in.basisObligation());
        List<Citation> penalty = citations(p, "basisPenalty", in.basisPenalty());
        String consequence = requiredLines(p, "consequence", in.consequence(), 2000);
        List<String> prevention = lines(p, "prevention", in.prevention(), 50, 1000);
        List<String> guidance = ListsFormat.GUIDANCE.stream()
                .filter(g -> in.guidance() != null && in.guidance().contains(g)).toList();
        if (guidance.isEmpty() || (in.guidance() != null && guidance.size() != in.guidance().size())) {
            p.add("guidance", "lists.admin.error.guidance");
        }
        dates(p, in.effectiveFrom(), in.effectiveTo());
        p.throwIfAny();
        return new RiskPoint(id, agency, sector, appliesTo, title, risk, level, levelReason, obligation, penalty,
                consequence, prevention, guidance, in.effectiveFrom(), in.effectiveTo(), in.sample());
    }

    /**
     * Validates an exemption-item form.
     *
     * @throws ValidationFailure naming every field with a problem
     */
    public static ExemptionItem exemption(ExemptionInput in) {
        Problems p = new Problems();
        String id = slug(p, "id", in.id());
        String agency = slug(p, "agency", in.agency());
        String kind = in.kind() == null ? null : in.kind().strip();
        String subkind = in.subkind() == null || in.subkind().isBlank() ? null : in.subkind().strip();
        if (kind == null || !ListsFormat.KINDS.contains(kind)) {
            p.add("kind", "lists.admin.error.kind");
        } else if (ListsFormat.NO_PENALTY.equals(kind)) {
            if (subkind == null || !ListsFormat.SUBKINDS.contains(subkind)) {
                p.add("subkind", "lists.admin.error.subkindRequired");
            }
        } else if (subkind != null) {
            p.add("subkind", "lists.admin.error.subkindForbidden");
        }
        String sector = optional(p, "sector", in.sector(), 100);
        String violation = requiredLines(p, "violation", in.violation(), 1000);
        String scope = optional(p, "scope", in.scope(), 1000);
        List<Citation> basisViolation = citations(p, "basisViolation", in.basisViolation());
        List<Citation> basisPenalty = citations(p, "basisPenalty", in.basisPenalty());
        List<Citation> basisExemption = citations(p, "basisExemption", in.basisExemption());
        List<Condition> conditions = conditions(p, in.conditions());
        List<String> measure = lines(p, "measure", in.measure(), 30, 200);
        dates(p, in.effectiveFrom(), in.effectiveTo());
        p.throwIfAny();
        return new ExemptionItem(id, agency, kind, ListsFormat.NO_PENALTY.equals(kind) ? subkind : null, sector,
                violation, scope, basisViolation, basisPenalty, basisExemption, conditions, measure, in.effectiveFrom(),
                in.effectiveTo(), in.sample());
    }

    private static String slug(Problems p, String field, String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > 80 || !SLUG.matcher(v).matches()) {
            p.add(field, "lists.admin.error.slug");
            return null;
        }
        return v;
    }

    private static String required(Problems p, String field, String value, int max) {
        return text(p, field, value, max, false);
    }

    /**
     * A required text typed into a multi-line text area: line breaks are kept, as a file's text may hold them,
     * with {@code \r\n} and a lone {@code \r} written as {@code \n}; other control characters are refused.
     */
    private static String requiredLines(Problems p, String field, String value, int max) {
        return text(p, field, value == null ? null : value.replace("\r\n", "\n").replace('\r', '\n'), max, true);
    }

    private static String text(Problems p, String field, String value, int max, boolean multiLine) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            p.add(field, "lists.admin.error.required");
            return null;
        }
        if (v.length() > max) {
            p.add(field, "lists.admin.error.tooLong", max);
            return null;
        }
        if (hasControl(v, multiLine)) {
            p.add(field, "lists.admin.error.control");
            return null;
        }
        return v;
    }

    private static String optional(Problems p, String field, String value, int max) {
        return value == null || value.isBlank() ? null : required(p, field, value, max);
    }

    private static boolean hasControl(String v, boolean allowNewline) {
        return v.chars().anyMatch(ch -> (ch < 0x20 && ch != '\t' && !(allowNewline && (ch == '\n' || ch == '\r')))
                || ch == 0x7F);
    }

    private static List<String> lines(Problems p, String field, String value, int maxLines, int maxLength) {
        List<String> lines = splitLines(value);
        if (lines.isEmpty()) {
            p.add(field, "lists.admin.error.required");
        } else if (lines.size() > maxLines) {
            p.add(field, "lists.admin.error.tooManyLines", maxLines);
        } else {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).length() > maxLength) {
                    p.add(field, "lists.admin.error.lineTooLong", i + 1, maxLength);
                    return List.of();
                }
                if (hasControl(lines.get(i), false)) {
                    p.add(field, "lists.admin.error.control");
                    return List.of();
                }
            }
        }
        return lines;
    }

    private static List<String> splitLines(String value) {
        if (value == null) {
            return List.of();
        }
        return value.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static List<Citation> citations(Problems p, String field, String value) {
        List<String> lines = splitLines(value);
        if (lines.isEmpty()) {
            p.add(field, "lists.admin.error.required");
            return List.of();
        }
        if (lines.size() > 30) {
            p.add(field, "lists.admin.error.tooManyLines", 30);
            return List.of();
        }
        List<Citation> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = CITATION.matcher(lines.get(i).replace('\u3000', ' '));
            String law = m.matches() ? m.group(1).strip() : "";
            if (!m.matches() || law.isEmpty() || law.length() > 200 || law.contains("《") || law.contains("》")) {
                p.add(field, "lists.admin.error.citation", i + 1);
                continue;
            }
            Integer paragraph = null;
            if (m.group(3) != null) {
                paragraph = m.group(3).chars().allMatch(Character::isDigit) ? Integer.valueOf(m.group(3))
                        : ChineseNumbers.parse(m.group(3));
                if (paragraph == null || paragraph < 1 || paragraph > 99) {
                    p.add(field, "lists.admin.error.citation", i + 1);
                    continue;
                }
            }
            // an editor writing Traditional characters types 條; the articles are numbered as the corpus writes them
            result.add(new Citation(law, m.group(2).replace('條', '条'), paragraph));
        }
        return List.copyOf(result);
    }

    private static List<Condition> conditions(Problems p, String value) {
        List<String> lines = splitLines(value);
        if (lines.isEmpty()) {
            p.add("conditions", "lists.admin.error.required");
            return List.of();
        }
        if (lines.size() > 30) {
            p.add("conditions", "lists.admin.error.tooManyLines", 30);
            return List.of();
        }
        List<Condition> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int line = i + 1;
            // type; parameter=value; …; question: the question is the rest of the line as typed (it may hold a ;)
            String text = lines.get(i);
            Matcher separator = CONDITION_SEPARATOR.matcher(text);
            int at = separator.find() ? separator.start() : text.length();
            var type = ConditionType.fromName(text.substring(0, at).strip());
            if (type.isEmpty()) {
                p.add("conditions", "lists.admin.error.conditionType", line, conditionTypes(Spelling.CODES),
                        conditionTypes(Spelling.SIMPLIFIED), conditionTypes(Spelling.TRADITIONAL));
                continue;
            }
            ConditionType t = type.get();
            java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
            int rest = at < text.length() ? separator.end() : text.length();
            boolean unknownParameter = false;
            while (rest < text.length()) {
                int end = separator.find() ? separator.start() : text.length();
                Matcher m = PARAMETER.matcher(text.substring(rest, end));
                if (!m.matches()) {
                    break;
                }
                String code = t.parameterOf(m.group(1));
                unknownParameter |= code == null;
                params.put(code == null ? m.group(1) : code, m.group(2).strip());
                rest = end < text.length() ? separator.end() : text.length();
            }
            String question = text.substring(rest).strip();
            if (unknownParameter) {
                p.add("conditions", "lists.admin.error.conditionParameters", line, parameterList(t, Spelling.CODES),
                        parameterList(t, Spelling.SIMPLIFIED), parameterList(t, Spelling.TRADITIONAL));
                continue;
            }
            String metWhen = params.remove("met_when");
            if (metWhen != null && (t.numericAnswer()
                    || !(Condition.MET_WHEN_NO.equals(metWhen) || Condition.MET_WHEN_YES.equals(metWhen)))) {
                p.add("conditions", "lists.admin.error.conditionMetWhen", line);
                continue;
            }
            if (!params.keySet().equals(t.parameters().keySet())) {
                p.add("conditions", "lists.admin.error.conditionParameters", line, parameterList(t, Spelling.CODES),
                        parameterList(t, Spelling.SIMPLIFIED), parameterList(t, Spelling.TRADITIONAL));
                continue;
            }
            if (question.isEmpty() || question.length() > 500 || hasControl(question, false)) {
                p.add("conditions", "lists.admin.error.conditionQuestion", line);
                continue;
            }
            BigDecimal threshold = null;
            if (t.numberParameter() != null) {
                try {
                    threshold = new BigDecimal(params.get(t.numberParameter()));
                } catch (NumberFormatException e) {
                    threshold = null;
                }
                if (threshold == null || threshold.signum() <= 0 || threshold.compareTo(new BigDecimal("1000000000")) > 0
                        || (t.wholeNumber() && threshold.stripTrailingZeros().scale() > 0)) {
                    p.add("conditions", "lists.admin.error.conditionNumber", line, t.numberParameter(),
                            Spelling.SIMPLIFIED.parameter(t, t.numberParameter()),
                            Spelling.TRADITIONAL.parameter(t, t.numberParameter()));
                    continue;
                }
            }
            String unit = params.get("unit");
            String what = params.get("what");
            if ((unit != null && (unit.isEmpty() || unit.length() > 50))
                    || (what != null && (what.isEmpty() || what.length() > 300))) {
                p.add("conditions", "lists.admin.error.conditionText", line);
                continue;
            }
            result.add(new Condition(t, question, threshold, unit, what, Condition.MET_WHEN_NO.equals(metWhen)));
        }
        return List.copyOf(result);
    }

    /** The parameters a condition type needs, by code or by Chinese name; "-" for none. */
    private static String parameterList(ConditionType t, Spelling spelling) {
        return t.parameters().isEmpty() ? "-" : t.parameters().keySet().stream()
                .map(code -> spelling.parameter(t, code))
                .collect(Collectors.joining(spelling == Spelling.CODES ? ", " : "、"));
    }

    private static void dates(Problems p, LocalDate from, LocalDate to) {
        if (from == null) {
            p.add("effectiveFrom", "lists.admin.error.required");
        } else if (to != null && to.isBefore(from)) {
            p.add("effectiveTo", "lists.admin.error.dates");
        }
    }
}
