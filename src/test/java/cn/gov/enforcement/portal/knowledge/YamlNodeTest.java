package cn.gov.enforcement.portal.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.testsupport.ContentProblemTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class YamlNodeTest {

    enum Colour { RED, GREEN }

    private final List<ContentProblem> problems = new ArrayList<>();

    private YamlNode parse(String yaml) {
        return YamlNode.parse("knowledge-base/test/x.yaml", yaml, problems).orElseThrow();
    }

    @Test
    void a_missing_required_field_is_reported_with_file_line_and_field() {
        YamlNode root = parse("""
                id: a
                other: b
                """);
        assertThat(root.requiredText("name")).isNull();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("knowledge-base/test/x.yaml");
            assertThat(p.field()).isEqualTo("name");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).contains("required");
        });
    }

    @Test
    void a_required_text_too_long_is_reported_once_and_not_as_empty_too() {
        YamlNode root = parse("name: " + "长".repeat(11) + "\nblank: \"  \"\n");
        assertThat(root.requiredText("name", 10)).isNull();
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.key()).isEqualTo("knowledge.problem.tooLong"));
        problems.clear();
        assertThat(root.requiredText("blank", 10)).isNull();
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.key()).isEqualTo("knowledge.problem.empty"));
    }

    @Test
    void a_text_and_a_list_item_of_the_limit_in_supplementary_characters_are_taken_one_more_is_refused() {
        // 𠀀 (U+20000) is one character and two UTF-16 units: the limits count characters, as the forms and messages say
        String rare = "\uD840\uDC00";
        YamlNode root = parse("name: " + rare.repeat(10) + "\nlonger: " + rare.repeat(11) + "\nitems:\n  - "
                + rare.repeat(10) + "\n  - " + rare.repeat(11) + "\n");
        assertThat(root.requiredText("name", 10)).isEqualTo(rare.repeat(10));
        assertThat(problems).isEmpty();
        assertThat(root.requiredText("longer", 10)).isNull();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("knowledge.problem.tooLong");
            assertThat(p.args()).containsExactly(11, 10);
        });
        problems.clear();
        assertThat(root.textList("items", 1, 5, 10)).containsExactly(rare.repeat(10));
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.args()).containsExactly(11, 10));
    }

    @Test
    void a_bad_value_in_a_list_entry_reports_the_entrys_line_and_path() {
        YamlNode root = parse("""
                items:
                  - colour: red
                  - colour: blue
                """);
        List<YamlNode> items = root.list("items");
        assertThat(items.get(0).enumValue("colour", Colour.class)).isEqualTo(Colour.RED);
        assertThat(items.get(1).enumValue("colour", Colour.class)).isNull();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.field()).isEqualTo("items[1].colour");
            assertThat(p.message()).contains("red, green").contains("blue");
            assertThat(p.describe()).isEqualTo("knowledge-base/test/x.yaml:3 field items[1].colour: " + p.message());
        });
    }

    @Test
    void email_phone_and_pattern_helpers_reject_malformed_values() {
        YamlNode root = parse("""
                mail: not-an-address
                phone: call me
                code: abc
                good_mail: office@example.gov.cn
                good_phone: 0999-12345678
                """);
        assertThat(root.email("mail")).isNull();
        assertThat(root.phone("phone")).isNull();
        assertThat(root.matching("code", Pattern.compile("\\d+"), "lists.problem.notNumber")).isNull();
        assertThat(root.email("good_mail")).isEqualTo("office@example.gov.cn");
        assertThat(root.phone("good_phone")).isEqualTo("0999-12345678");
        assertThat(problems).extracting(ContentProblem::field).containsExactly("mail", "phone", "code");
        assertThat(problems).extracting(ContentProblem::line).containsExactly(1, 2, 3);
    }

    @Test
    void unknown_and_duplicate_keys_are_reported() {
        YamlNode root = parse("""
                name: a
                nmae: b
                name: c
                """);
        root.allowOnly(List.of("name"));
        assertThat(problems).extracting(ContentProblem::message)
                .anySatisfy(m -> assertThat(m).contains("duplicate"))
                .anySatisfy(m -> assertThat(m).contains("unknown field"));
    }

    @Test
    void invalid_yaml_is_a_problem_with_its_line_not_an_exception() {
        List<ContentProblem> found = new ArrayList<>();
        assertThat(YamlNode.parse("f.yaml", "a: b\nc: [unclosed\nd: e\n", found)).isEmpty();
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("not valid YAML");
            assertThat(p.line()).isGreaterThan(1);
        });
    }

    @Test
    void list_size_limits_are_checked() {
        YamlNode root = parse("""
                tags: []
                """);
        assertThat(root.textList("tags", 1, 3, 10)).isEmpty();
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("at least 1"));
    }

    @Test
    void every_problem_the_node_finds_has_its_message_in_all_three_languages() {
        YamlNode root = parse("""
                name: a
                name: b
                ? [complex]
                : x
                nested: {a: 1}
                blank: ""
                long: abcdefghijk
                flag: maybe
                slug: Not_A_Slug
                mail: nobody
                phone: call me
                colour: blue
                items: [plain, {a: b}]
                texts: ["", abcdefghijk]
                notlist: x
                few: []
                many: [a, b, c]
                """);
        root.allowOnly(List.of("name"));
        root.requiredText("nested");
        root.requiredText("missing");
        root.requiredText("blank");
        root.optionalText("long", 5);
        root.requiredBoolean("flag");
        root.slug("slug");
        root.email("mail");
        root.phone("phone");
        root.enumValue("colour", Colour.class);
        root.list("items");
        root.textList("texts", 1, 5, 5);
        root.list("notlist");
        root.textList("few", 1, 3, 10);
        root.textList("many", 1, 2, 10);
        YamlNode.parse("f.yaml", "a: [unclosed\nb: c\n", problems);
        YamlNode.parse("f.yaml", "- a\n", problems);
        assertThat(ContentProblemTexts.assertShownInEveryLanguage(problems)).containsExactlyInAnyOrder(
                "knowledge.problem.duplicateKey", "knowledge.problem.plainKeys", "knowledge.problem.unknownField",
                "knowledge.problem.notText", "knowledge.problem.required", "knowledge.problem.empty",
                "knowledge.problem.tooLong", "knowledge.problem.notBoolean", "knowledge.problem.notSlug",
                "knowledge.problem.notEmail", "knowledge.problem.notPhone", "knowledge.problem.notOneOf",
                "knowledge.problem.notMapping", "knowledge.problem.emptyText", "knowledge.problem.notList",
                "knowledge.problem.tooFew", "knowledge.problem.tooMany", "knowledge.problem.invalidYaml",
                "knowledge.problem.fileNotMapping");
    }

    @Test
    void the_english_message_for_the_log_reads_as_before() {
        YamlNode root = parse("""
                long: abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz
                few: []
                """);
        root.optionalText("long", 10);
        root.textList("few", 1, 3, 10);
        root.list("missing", 2, 3);
        assertThat(problems).extracting(ContentProblem::describe).containsExactly(
                "knowledge-base/test/x.yaml:1 field long: is too long (78 characters, at most 10)",
                "knowledge-base/test/x.yaml:2 field few: must have at least 1 entry, has 0",
                "knowledge-base/test/x.yaml:1 field missing: is required");
        problems.clear();
        root.textList("few", 2, 3, 10);
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("must have at least 2 entries, has 0"));
    }
}
