package cn.gov.enforcement.portal.knowledge;

import cn.gov.enforcement.portal.platform.TextChecks;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read with SnakeYAML's node API, so that every value keeps its line number.
 * Typed getters never throw on bad content: they record a {@link ContentProblem} (file, line,
 * field path, message) in the shared problem list and return null / empty, so a parser can check
 * a whole file and report every problem at once.
 */
public final class YamlNode {

    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$");
    /** Chinese landline or mobile numbers, hotlines such as 12345: digits with optional dashes and parentheses. */
    private static final Pattern PHONE = Pattern.compile("^[0-9][0-9()\\- ]{3,24}[0-9]$");
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    private final String file;
    private final String path;
    private final MappingNode node;
    private final List<ContentProblem> problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlNode(String file, String path, MappingNode node, List<ContentProblem> problems) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.problems = problems;
        for (NodeTuple tuple : node.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                if (entries.put(key.getValue(), tuple) != null) {
                    problems.add(new ContentProblem(file, line(key), field(key.getValue()), "knowledge.problem.duplicateKey"));
                }
            } else {
                problems.add(new ContentProblem(file, line(tuple.getKeyNode()), path, "knowledge.problem.plainKeys"));
            }
        }
    }

    /**
     * Parses a file whose top level must be a mapping. Returns empty (with a problem recorded)
     * when the file is not valid YAML or not a mapping.
     */
    public static Optional<YamlNode> parse(KnowledgeFile file, List<ContentProblem> problems) {
        return parse(file.label(), file.content(), problems);
    }

    public static Optional<YamlNode> parse(String label, String content, List<ContentProblem> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported as a problem by YamlNode itself, with its line
        options.setCodePointLimit(2 * 1024 * 1024);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(content));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(new ContentProblem(label, line, "", "knowledge.problem.invalidYaml", e.getProblem()));
            return Optional.empty();
        } catch (YAMLException e) {
            problems.add(new ContentProblem(label, 0, "", "knowledge.problem.invalidYaml", e.getMessage()));
            return Optional.empty();
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(new ContentProblem(label, root == null ? 1 : line(root), "", "knowledge.problem.fileNotMapping"));
            return Optional.empty();
        }
        return Optional.of(new YamlNode(label, "", mapping, problems));
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** The file label, e.g. {@code knowledge-base/agencies/x.yaml}. */
    public String file() {
        return file;
    }

    /** This node's field path, empty for the root. */
    public String path() {
        return path;
    }

    /** 1-based line where this mapping starts. */
    public int line() {
        return line(node);
    }

    /** 1-based line of the key's value, or of this mapping when the key is absent. */
    public int line(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? line() : line(tuple.getValueNode());
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The field path of a key below this node, e.g. {@code officers[1].certificate}. */
    public String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /**
     * Records a problem on a key of this node: {@code messageKey} is a translation key (in the bundle of the
     * module that checks the file) saying what is wrong, formatted with {@code args}.
     */
    public void problem(String key, String messageKey, Object... args) {
        problems.add(new ContentProblem(file, line(key), field(key), messageKey, args));
    }

    /** Reports every key that is not in the allowed set (typos would otherwise go unnoticed). */
    public void allowOnly(Collection<String> keys) {
        for (var entry : entries.entrySet()) {
            if (!keys.contains(entry.getKey())) {
                problems.add(new ContentProblem(file, line(entry.getValue().getKeyNode()), field(entry.getKey()),
                        "knowledge.problem.unknownField", String.join(", ", keys)));
            }
        }
    }

    private Optional<String> scalar(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return Optional.empty();
        }
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode scalar) {
            if ("tag:yaml.org,2002:null".equals(scalar.getTag().getValue())) {
                return Optional.empty();
            }
            return Optional.of(scalar.getValue());
        }
        problem(key, "knowledge.problem.notText");
        return Optional.empty();
    }

    /** A text that must be present and not blank; trimmed. Null (problem recorded) otherwise. */
    public String requiredText(String key) {
        return requiredText(key, 500);
    }

    public String requiredText(String key, int maxLength) {
        if (!has(key)) {
            problem(key, "knowledge.problem.required");
            return null;
        }
        String value = optionalText(key, maxLength);
        if (value == null) {
            // blank only: a text too long already has its problem, and is not empty as well
            boolean blank = scalar(key).map(String::isBlank).orElse(false);
            if (blank || isNullValue(key)) {
                problem(key, "knowledge.problem.empty");
            }
            return null;
        }
        return value;
    }

    private boolean isNullValue(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple != null && tuple.getValueNode() instanceof ScalarNode s
                && ("tag:yaml.org,2002:null".equals(s.getTag().getValue()) || s.getValue().isBlank());
    }

    /** A text that may be absent; trimmed; null when absent or blank. */
    public String optionalText(String key) {
        return optionalText(key, 500);
    }

    public String optionalText(String key, int maxLength) {
        String value = scalar(key).map(String::strip).orElse(null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (TextChecks.characters(value) > maxLength) {
            problem(key, "knowledge.problem.tooLong", TextChecks.characters(value), maxLength);
            return null;
        }
        return value;
    }

    /** {@code true}/{@code false}; a problem when absent or anything else. */
    public Boolean requiredBoolean(String key) {
        String value = requiredText(key, 10);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                problem(key, "knowledge.problem.notBoolean");
                yield null;
            }
        };
    }

    /** A lower-case slug such as {@code sample-market-regulation}. */
    public String slug(String key) {
        String value = requiredText(key, 80);
        if (value != null && !SLUG.matcher(value).matches()) {
            problem(key, "knowledge.problem.notSlug");
            return null;
        }
        return value;
    }

    /**
     * A required text matching a pattern; {@code messageKey} is the translation key of the problem when it does not
     * match, saying what is expected and showing the value given as its argument {0}.
     */
    public String matching(String key, Pattern pattern, String messageKey) {
        String value = requiredText(key, 200);
        if (value != null && !pattern.matcher(value).matches()) {
            problem(key, messageKey, value);
            return null;
        }
        return value;
    }

    /** A required e-mail address. */
    public String email(String key) {
        return checkedEmail(key, requiredText(key, 254));
    }

    /** An optional e-mail address: null when absent or empty, a problem when it is not an address. */
    public String optionalEmail(String key) {
        return checkedEmail(key, optionalText(key, 254));
    }

    private String checkedEmail(String key, String value) {
        if (value != null && !EMAIL.matcher(value).matches()) {
            problem(key, "knowledge.problem.notEmail", value);
            return null;
        }
        return value;
    }

    /** A required phone number (digits, dashes, parentheses, spaces). */
    public String phone(String key) {
        String value = requiredText(key, 30);
        if (value != null && !PHONE.matcher(value).matches()) {
            problem(key, "knowledge.problem.notPhone", value);
            return null;
        }
        return value;
    }

    /**
     * One of an enum's constants, written in lower case in the file (e.g. {@code market} for
     * {@code MARKET}).
     */
    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String value = requiredText(key, 50);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.name().toLowerCase(Locale.ROOT));
        }
        problem(key, "knowledge.problem.notOneOf", String.join(", ", allowed), value);
        return null;
    }

    /**
     * A required list of mappings with between {@code min} and {@code max} entries. Each entry's
     * path is {@code key[i]} (0-based).
     */
    public List<YamlNode> list(String key, int min, int max) {
        SequenceNode sequence = sequence(key);
        if (sequence == null) {
            return List.of();
        }
        List<YamlNode> result = new ArrayList<>();
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String itemPath = field(key) + "[" + i + "]";
            if (item instanceof MappingNode mapping) {
                result.add(new YamlNode(file, itemPath, mapping, problems));
            } else {
                problems.add(new ContentProblem(file, line(item), itemPath, "knowledge.problem.notMapping"));
            }
        }
        checkSize(key, items.size(), min, max);
        return result;
    }

    /** A required list of mappings with at least one entry. */
    public List<YamlNode> list(String key) {
        return list(key, 1, Integer.MAX_VALUE);
    }

    /** A required list of non-blank texts with between {@code min} and {@code max} entries. */
    public List<String> textList(String key, int min, int max, int maxLength) {
        SequenceNode sequence = sequence(key);
        if (sequence == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String itemPath = field(key) + "[" + i + "]";
            if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                String value = scalar.getValue().strip();
                if (TextChecks.characters(value) > maxLength) {
                    problems.add(new ContentProblem(file, line(item), itemPath, "knowledge.problem.tooLong",
                            TextChecks.characters(value), maxLength));
                } else {
                    result.add(value);
                }
            } else {
                problems.add(new ContentProblem(file, line(item), itemPath, "knowledge.problem.emptyText"));
            }
        }
        checkSize(key, items.size(), min, max);
        return result;
    }

    private SequenceNode sequence(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            problem(key, "knowledge.problem.required");
            return null;
        }
        if (!(tuple.getValueNode() instanceof SequenceNode sequence)) {
            problem(key, "knowledge.problem.notList");
            return null;
        }
        return sequence;
    }

    private void checkSize(String key, int size, int min, int max) {
        if (size < min) {
            problem(key, "knowledge.problem.tooFew", min, size);
        } else if (size > max) {
            problem(key, "knowledge.problem.tooMany", max, size);
        }
    }

    /**
     * A text as a double-quoted YAML scalar that reads back as the same text: quotes, backslashes, line breaks and
     * control characters escaped, so that no text is ever read as YAML structure, a number or a boolean.
     */
    public static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        String v = value == null ? "" : value;
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20 || ch == 0x7F || ch == 0x85 || ch == 0x2028 || ch == 0x2029 || ch == 0xFEFF) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
