package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.TextChecks;
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
 * {@code 中华人民共和国行政处罚法 第三十三条 第一款} (or {@code 《…》第三十三条第一款}); an exemption item's conditions come
 * as rows ({@link ConditionInput}: a type picked from a list, its parameters, the question). Every problem names its
 * field and a translation key ({@code lists.admin.error.*}), a condition's problem its row (第 N 个条件); all problems of
 * one form are reported together. Texts are plain text (no formatting); the views escape them.
 */
public final class ListEntryForms {

    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CITATION = Pattern.compile(
            "^《?(.+?)》?\\s*(第[零〇一二三四五六七八九十百千]+[条條](?:之[一二三四五六七八九十]+)?)\\s*(?:第([一二三四五六七八九十]+|\\d+)款)?$");
    private static final String CHINESE_SEPARATOR = "；";
    /** The most conditions an item may have (the form stops offering 添加条件 there). */
    public static final int MAX_CONDITIONS = 30;

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

    /** The exemption-item form. Multi-line fields hold one item per line; the conditions are rows, in order. */
    public record ExemptionInput(String id, String agency, String kind, String subkind, String sector, String violation,
            String scope, String basisViolation, String basisPenalty, String basisExemption,
            List<ConditionInput> conditions, String measure, LocalDate effectiveFrom, LocalDate effectiveTo,
            boolean sample) {

        public static ExemptionInput of(ExemptionItem e) {
            return new ExemptionInput(e.id(), e.agency(), e.kind(), e.subkind(), e.sector(), e.violation(), e.scope(),
                    citationLines(e.basisViolation()), citationLines(e.basisPenalty()),
                    citationLines(e.basisExemption()), e.conditions().stream().map(ConditionInput::of).toList(),
                    String.join("\n", e.measure()), e.effectiveFrom(), e.effectiveTo(), e.sample());
        }
    }

    /**
     * One row of the conditions in the exemption form: the type picked (null when none is), the number its type
     * needs ({@link ConditionType#numberParameter()}: 月数, 天数, 金额, 数量), the unit and the object (单位, 对象) where the
     * type has them, whether the answer 否 meets it (符合回答=否, yes/no types only) and the question. A row with nothing
     * filled in is skipped, as a blank line was.
     */
    public record ConditionInput(ConditionType type, BigDecimal number, String unit, String what, boolean metWhenNo,
            String question) implements java.io.Serializable {

        /** A stored condition as the form shows it; validated unchanged, it gives the same condition back. */
        public static ConditionInput of(Condition c) {
            return new ConditionInput(c.type(), c.threshold(), c.unit(), c.what(), c.metWhenNo(), c.question());
        }

        /** A row with nothing filled in, as 添加条件 adds it. */
        static ConditionInput empty() {
            return new ConditionInput(null, null, null, null, false, null);
        }

        boolean blank() {
            return type == null && number == null && isBlank(unit) && isBlank(what) && !metWhenNo && isBlank(question);
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }
    }

    /** Citations one per line, e.g. {@code 中华人民共和国行政处罚法 第三十三条 第一款}. */
    public static String citationLines(List<Citation> citations) {
        return citations.stream().map(c -> c.law() + " " + c.article()
                + (c.paragraph() == null ? "" : " 第" + ChineseNumbers.of(c.paragraph()) + "款"))
                .collect(Collectors.joining("\n"));
    }

    /**
     * How the back office names condition types and parameters in a page's language: by their codes
     * ({@code corrected_within_days}, {@code days}: English pages, as the files write them), or by their Chinese names
     * (限期改正, 天数: Chinese pages), in Simplified or in Taiwan's Traditional characters. The form's type picker and
     * parameter labels use it, and so does a condition line ({@link #conditionLines(List, Spelling)}) on the history page.
     */
    public enum Spelling {
        CODES, SIMPLIFIED, TRADITIONAL;

        /** The spelling of a page in this language. */
        public static Spelling of(java.util.Locale page) {
            return !"zh".equals(page.getLanguage()) ? CODES
                    : cn.gov.enforcement.portal.platform.ReaderScript.readsTraditional(page) ? TRADITIONAL : SIMPLIFIED;
        }

        /** The type's name, e.g. 限期改正 or {@code corrected_within_days}. */
        public String type(ConditionType t) {
            return chinese(t.code(), t.chineseName());
        }

        /** A parameter's name (a code of {@link ConditionType#parameters()} or {@code met_when}), e.g. 天数 or {@code days}. */
        public String parameter(ConditionType t, String code) {
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
     * Conditions one per line, to read on the history page: type, parameters and question, e.g. {@code
     * corrected_within_days; days=3; 是否在3日内改正？} with the codes, or {@code 限期改正；天数=3；是否在3日内改正？} with the
     * Chinese names, which separate the parts with the full-width ；. A yes/no condition met by the answer no carries
     * {@code met_when=否} (符合回答=否) before its question.
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
        if (TextChecks.characters(v) > max) {
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

    /**
     * Control, format (a right-to-left override shows text in another order than stored) and separator characters;
     * tabs are let through as before, line breaks where the field takes several lines.
     */
    private static boolean hasControl(String v, boolean allowNewline) {
        String text = v.replace('\t', ' ');
        return allowNewline ? !TextChecks.isPlainText(text) : !TextChecks.isSingleLine(text);
    }

    private static List<String> lines(Problems p, String field, String value, int maxLines, int maxLength) {
        List<String> lines = splitLines(value);
        if (lines.isEmpty()) {
            p.add(field, "lists.admin.error.required");
        } else if (lines.size() > maxLines) {
            p.add(field, "lists.admin.error.tooManyLines", maxLines);
        } else {
            for (int i = 0; i < lines.size(); i++) {
                if (TextChecks.characters(lines.get(i)) > maxLength) {
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
            if (!m.matches() || law.isEmpty() || TextChecks.characters(law) > 200 || law.contains("《") || law.contains("》")) {
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

    /**
     * The condition rows, each checked on its own: a problem names the row (第 N 个条件, counting every row of the form)
     * and what is wrong with it.
     */
    private static List<Condition> conditions(Problems p, List<ConditionInput> rows) {
        List<ConditionInput> given = rows == null ? List.of() : rows;
        if (given.stream().allMatch(r -> r == null || r.blank())) {
            p.add("conditions", "lists.admin.error.required");
            return List.of();
        }
        if (given.size() > MAX_CONDITIONS) {
            p.add("conditions", "lists.admin.error.tooManyConditions", MAX_CONDITIONS);
            return List.of();
        }
        List<Condition> result = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            ConditionInput row = given.get(i);
            if (row == null || row.blank()) {
                continue;
            }
            int n = i + 1;
            ConditionType t = row.type();
            if (t == null) {
                p.add("conditions", "lists.admin.error.conditionType", n);
                continue;
            }
            // every problem of the row is named at once, each on its field
            int before = p.list.size();
            if (row.metWhenNo() && t.numericAnswer()) {
                p.add("conditions", "lists.admin.error.conditionMetWhen", n);
            }
            // the form sends only the fields the type shows; any other is a request the form did not make
            if ((t.numberParameter() == null && row.number() != null)
                    || (!t.textParameters().contains("unit") && !ConditionInput.isBlank(row.unit()))
                    || (!t.textParameters().contains("what") && !ConditionInput.isBlank(row.what()))) {
                p.add("conditions", "lists.admin.error.conditionParameters", n, parameterList(t, Spelling.CODES),
                        parameterList(t, Spelling.SIMPLIFIED), parameterList(t, Spelling.TRADITIONAL));
            }
            BigDecimal threshold = t.numberParameter() == null ? null : row.number();
            if (t.numberParameter() != null && (threshold == null || threshold.signum() <= 0
                    || threshold.compareTo(new BigDecimal("1000000000")) > 0
                    || (t.wholeNumber() && threshold.stripTrailingZeros().scale() > 0))) {
                p.add("conditions", "lists.admin.error.conditionNumber", n, t.numberParameter(),
                        Spelling.SIMPLIFIED.parameter(t, t.numberParameter()),
                        Spelling.TRADITIONAL.parameter(t, t.numberParameter()));
            }
            String unit = conditionText(p, n, t, "unit", row.unit(), 50);
            String what = conditionText(p, n, t, "what", row.what(), 300);
            String question = row.question() == null ? "" : row.question().strip();
            if (question.isEmpty() || TextChecks.characters(question) > 500) {
                p.add("conditions", "lists.admin.error.conditionQuestion", n);
            } else if (hasControl(question, false)) {
                p.add("conditions", "lists.admin.error.conditionQuestionControl", n);
            }
            if (p.list.size() > before) {
                continue;
            }
            result.add(new Condition(t, question, threshold, unit, what, row.metWhenNo()));
        }
        return List.copyOf(result);
    }

    /**
     * A text parameter of a condition row (单位 {@code unit}, 对象 {@code what}), stripped; null when its type has none,
     * and null with a problem naming the row and the parameter when it is empty, longer than {@code max} or holds
     * control characters.
     */
    private static String conditionText(Problems p, int row, ConditionType t, String parameter, String value, int max) {
        if (!t.textParameters().contains(parameter)) {
            return null;
        }
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || TextChecks.characters(v) > max || hasControl(v, false)) {
            p.add("conditions", hasControl(v, false) ? "lists.admin.error.conditionTextControl"
                    : "lists.admin.error.conditionText", row, parameter,
                    Spelling.SIMPLIFIED.parameter(t, parameter), Spelling.TRADITIONAL.parameter(t, parameter), max);
            return null;
        }
        return v;
    }

    /** The parameters a condition type takes, by code or by Chinese name; "-" for none. */
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
