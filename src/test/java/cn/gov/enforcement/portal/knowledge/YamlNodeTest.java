package cn.gov.enforcement.portal.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

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
}
