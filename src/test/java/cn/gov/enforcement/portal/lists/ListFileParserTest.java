package cn.gov.enforcement.portal.lists;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.knowledge.ContentProblem;
import cn.gov.enforcement.portal.knowledge.KnowledgeFile;
import cn.gov.enforcement.portal.testsupport.ContentProblemTexts;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ListFileParserTest {

    private static final String HEADER = "# Sample content for tests\n";

    private static final String ITEM = HEADER + """
            - id: tp-ex-clean-record-parking
              agency: sample-traffic-police
              kind: 不予处罚
              subkind: 轻微免罚
              sector: 机动车驾驶
              violation: 机动车违反规定停放
              basis_violation:
                - {law: 中华人民共和国道路交通安全法, article: 第五十六条}
              basis_penalty:
                - {law: 中华人民共和国道路交通安全法, article: 第九十三条}
              basis_exemption:
                - {law: 中华人民共和国行政处罚法, article: 第三十三条, paragraph: 1}
              conditions:
                - {type: clean_record_months, months: 6, question: 此前6个月内是否保持零违法记录？}
                - {type: no_harm, question: 这次停车是否造成了交通事故？, met_when: 否}
                - {type: amount_below, amount: 5000, unit: 元, what: 违法所得, question: 违法所得是多少元？}
              measure: [警告, 责令改正]
              effective_from: 2024-01-01
              sample: true
            """;

    private static List<KnowledgeFile> committed(String folder) throws IOException {
        List<KnowledgeFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(Path.of("knowledge-base", folder))) {
            for (Path p : paths.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                files.add(KnowledgeFile.of("knowledge-base/" + folder + "/" + p.getFileName(), Files.readAllBytes(p)));
            }
        }
        return files;
    }

    private static int count(ListKind kind) throws IOException {
        List<ListFileParser.Result> results = ListFileParser.parseAll(kind, committed(kind.folder()));
        assertThat(results).flatMap(ListFileParser.Result::problems).isEmpty();
        return results.stream().mapToInt(r -> r.entries().size()).sum();
    }

    @Test
    void every_committed_list_file_is_valid_and_complete() throws IOException {
        assertThat(count(ListKind.RISK_POINTS)).isGreaterThanOrEqualTo(80);
        assertThat(count(ListKind.EXEMPTIONS)).isGreaterThanOrEqualTo(50);
        assertThat(count(ListKind.DISCRETION)).isGreaterThanOrEqualTo(5);
    }

    @Test
    void an_exemption_item_is_read_with_its_citations_and_conditions() {
        var result = ListFileParser.parse(ListKind.EXEMPTIONS,
                KnowledgeFile.of("knowledge-base/exemptions/sample-traffic-police.yaml", ITEM));
        assertThat(result.problems()).isEmpty();
        ExemptionItem item = (ExemptionItem) result.entries().get(0);
        assertThat(item.basisExemption()).containsExactly(new Citation("中华人民共和国行政处罚法", "第三十三条", 1));
        assertThat(item.basisExemption().get(0).display()).isEqualTo("《中华人民共和国行政处罚法》第三十三条第一款");
        assertThat(item.conditions()).extracting(Condition::type)
                .containsExactly(ConditionType.CLEAN_RECORD_MONTHS, ConditionType.NO_HARM, ConditionType.AMOUNT_BELOW);
        assertThat(item.conditions()).extracting(Condition::metWhenNo).containsExactly(false, true, false);
        assertThat(item.conditions().get(2).threshold()).isEqualByComparingTo(new BigDecimal("5000"));
        assertThat(item.conditions().get(2).unit()).isEqualTo("元");
    }

    @Test
    void met_when_is_read_on_a_yes_no_condition_and_refused_on_a_number_or_with_another_value() {
        String stated = ITEM.replace("question: 此前6个月内是否保持零违法记录？}", "question: 此前6个月内是否保持零违法记录？, met_when: 是}");
        var yes = ListFileParser.parse(ListKind.EXEMPTIONS,
                KnowledgeFile.of("knowledge-base/exemptions/sample-traffic-police.yaml", stated));
        assertThat(yes.problems()).isEmpty();
        assertThat(((ExemptionItem) yes.entries().get(0)).conditions().get(0).metWhenNo()).isFalse();

        String onNumber = ITEM.replace("question: 违法所得是多少元？}", "question: 违法所得是多少元？, met_when: 否}");
        var number = ListFileParser.parse(ListKind.EXEMPTIONS,
                KnowledgeFile.of("knowledge-base/exemptions/sample-traffic-police.yaml", onNumber));
        assertThat(number.entries()).isEmpty();
        assertThat(number.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("[0].conditions[2].met_when");
            assertThat(p.line()).isEqualTo(17);
            assertThat(p.key()).isEqualTo("lists.problem.metWhenNumeric");
        });

        // an unquoted no is a YAML boolean, not the answer: only 是 or 否
        for (String value : List.of("no", "不", "'否否'")) {
            var other = ListFileParser.parse(ListKind.EXEMPTIONS, KnowledgeFile.of(
                    "knowledge-base/exemptions/sample-traffic-police.yaml", ITEM.replace("met_when: 否", "met_when: " + value)));
            assertThat(other.entries()).as(value).isEmpty();
            assertThat(other.problems()).as(value).extracting(ContentProblem::field)
                    .containsExactly("[0].conditions[1].met_when");
        }
    }

    @Test
    void problems_name_the_file_the_real_line_and_the_field_and_the_file_is_skipped() {
        String broken = ITEM.replace("kind: 不予处罚", "kind: 免罚").replace("months: 6,", "months: -6,");
        var result = ListFileParser.parse(ListKind.EXEMPTIONS,
                KnowledgeFile.of("knowledge-base/exemptions/sample-traffic-police.yaml", broken));
        assertThat(result.entries()).isEmpty();
        assertThat(result.problems()).extracting(ContentProblem::describe).anySatisfy(d ->
                assertThat(d).startsWith("knowledge-base/exemptions/sample-traffic-police.yaml:4 field [0].kind:"));
        assertThat(result.problems()).extracting(ContentProblem::field).contains("[0].conditions[0].months");
        assertThat(result.problems()).filteredOn(p -> p.field().equals("[0].conditions[0].months"))
                .extracting(ContentProblem::line).containsExactly(15);
    }

    @Test
    void unknown_fields_unknown_condition_types_and_a_wrong_agency_are_reported() {
        String broken = ITEM.replace("sector: 机动车驾驶", "sectr: 机动车驾驶")
                .replace("type: clean_record_months, months: 6", "type: clean_months, months: 6");
        var result = ListFileParser.parse(ListKind.EXEMPTIONS,
                KnowledgeFile.of("knowledge-base/exemptions/sample-urban-management.yaml", broken));
        assertThat(result.problems()).extracting(ContentProblem::field)
                .contains("[0].sectr", "[0].conditions[0].type", "[0].agency");
    }

    @Test
    void a_file_that_is_not_a_list_of_entries_is_refused_with_a_clear_message() {
        var result = ListFileParser.parse(ListKind.RISK_POINTS,
                KnowledgeFile.of("knowledge-base/risk-points/x.yaml", HEADER + "id: x\n"));
        assertThat(result.entries()).isEmpty();
        assertThat(result.problems()).extracting(ContentProblem::message)
                .contains("the file must hold a YAML list of entries");
    }

    @Test
    void an_id_used_in_two_files_is_a_problem_of_the_second_file() {
        KnowledgeFile a = KnowledgeFile.of("knowledge-base/exemptions/a.yaml", ITEM.replace("sample-traffic-police", "a"));
        KnowledgeFile b = KnowledgeFile.of("knowledge-base/exemptions/b.yaml", ITEM.replace("sample-traffic-police", "b"));
        var results = ListFileParser.parseAll(ListKind.EXEMPTIONS, List.of(a, b));
        assertThat(results.get(0).valid()).isTrue();
        assertThat(results.get(1).valid()).isFalse();
        assertThat(results.get(1).problems().get(0).message()).contains("already used in knowledge-base/exemptions/a.yaml");
    }

    @Test
    void subkind_is_required_for_no_penalty_and_forbidden_otherwise() {
        var missing = ListFileParser.parse(ListKind.EXEMPTIONS,
                KnowledgeFile.of("knowledge-base/exemptions/sample-traffic-police.yaml", ITEM.replace("  subkind: 轻微免罚\n", "")));
        assertThat(missing.problems()).extracting(ContentProblem::field).contains("[0].subkind");
        var extra = ListFileParser.parse(ListKind.EXEMPTIONS,
                KnowledgeFile.of("knowledge-base/exemptions/sample-traffic-police.yaml", ITEM.replace("kind: 不予处罚", "kind: 从轻处罚")));
        assertThat(extra.problems()).extracting(ContentProblem::field).containsExactly("[0].subkind");
    }

    private static final String RISK = HEADER + """
            - id: ee-rp-eia-before-construction
              agency: sample-ecology-environment
              sector: 建设项目环评
              applies_to: 建设单位
              title: 环评文件未经批准擅自开工建设
              risk: 为抢工期在环境影响报告书（表）批复前就开工。
              level: 高
              level_reason: 罚款按项目总投资额的百分之一至百分之五计算。
              basis_obligation:
                - {law: 中华人民共和国环境影响评价法, article: 第二十五条}
              basis_penalty:
                - {law: 中华人民共和国环境影响评价法, article: 第三十一条}
              consequence: 责令停止建设，处罚款。
              prevention:
                - 立项阶段确定环评类别。
              guidance: [提示, 辅导, 建议]
              effective_from: 2024-01-01
              sample: true
            """;

    private static final String DISCRETION = HEADER + """
            - id: mr-db-price-tag
              agency: sample-market-regulation
              violation: 未按规定明码标价
              basis_violation:
                - {law: 中华人民共和国价格法, article: 第十三条}
              basis_penalty:
                - {law: 中华人民共和国价格法, article: 第四十二条}
              circumstances:
                - {level: 轻微, description: 首次, penalty: 责令改正}
                - {level: 一般, description: 多次, penalty: 罚款}
                - {level: 严重, description: 拒不改正, penalty: 从重罚款}
              effective_from: 2024-01-01
              sample: true
            """;

    private static List<ContentProblem> problems(ListKind kind, String fileName, String content) {
        return ListFileParser.parse(kind, KnowledgeFile.of("knowledge-base/" + kind.folder() + "/" + fileName, content))
                .problems();
    }

    @Test
    void every_problem_of_a_list_file_has_its_message_in_all_three_languages() {
        String exemptions = "sample-traffic-police.yaml";
        List<ContentProblem> found = new ArrayList<>();
        assertThat(problems(ListKind.RISK_POINTS, "sample-ecology-environment.yaml", RISK)).isEmpty();
        assertThat(problems(ListKind.DISCRETION, "sample-market-regulation.yaml", DISCRETION)).isEmpty();
        found.addAll(problems(ListKind.EXEMPTIONS, "sample-urban-management.yaml", ITEM));
        found.addAll(problems(ListKind.EXEMPTIONS, exemptions, ITEM.replace("kind: 不予处罚", "kind: 从轻处罚")));
        found.addAll(problems(ListKind.EXEMPTIONS, exemptions, ITEM.replace("kind: 不予处罚", "kind: 免罚")));
        found.addAll(problems(ListKind.EXEMPTIONS, exemptions,
                ITEM.replace("effective_from: 2024-01-01", "effective_from: 2024-01-01\n  effective_to: 2023-12-31")));
        found.addAll(problems(ListKind.EXEMPTIONS, exemptions,
                ITEM.replace("law: 中华人民共和国行政处罚法", "law: 《中华人民共和国行政处罚法》")));
        found.addAll(problems(ListKind.EXEMPTIONS, exemptions, ITEM.replace("article: 第三十三条", "article: 三十三条")));
        found.addAll(problems(ListKind.EXEMPTIONS, exemptions, ITEM.replace("months: 6,", "months: -6,")));
        found.addAll(problems(ListKind.EXEMPTIONS, exemptions, ITEM.replace("months: 6,", "months: 1.5,")));
        found.addAll(problems(ListKind.EXEMPTIONS, exemptions, ITEM.replace("amount: 5000,", "amount: many,")));
        found.addAll(problems(ListKind.EXEMPTIONS, exemptions, ITEM.replace("clean_record_months", "moon_phase")));
        found.addAll(problems(ListKind.EXEMPTIONS, exemptions, ITEM.replace("元？}", "元？, met_when: 否}")));
        found.addAll(problems(ListKind.EXEMPTIONS, exemptions, ITEM.replace("met_when: 否", "met_when: 不")));
        found.addAll(problems(ListKind.EXEMPTIONS, exemptions, ITEM.replace("2024-01-01", "2024-02-30")));
        found.addAll(problems(ListKind.EXEMPTIONS, exemptions, ITEM.replace("2024-01-01", "1.1.2024")));
        found.addAll(problems(ListKind.RISK_POINTS, "x.yaml", HEADER + "id: x\n"));
        found.addAll(problems(ListKind.RISK_POINTS, "sample-ecology-environment.yaml",
                RISK.replace("[提示, 辅导, 建议]", "[提示, 提示, 劝告]")));
        found.addAll(problems(ListKind.DISCRETION, "sample-market-regulation.yaml",
                DISCRETION.replace("level: 一般", "level: 严重").replace("level: 严重, description: 拒不改正", "level: 一般, description: 拒不改正")));
        KnowledgeFile a = KnowledgeFile.of("knowledge-base/exemptions/a.yaml", ITEM.replace("sample-traffic-police", "a"));
        KnowledgeFile b = KnowledgeFile.of("knowledge-base/exemptions/b.yaml", ITEM.replace("sample-traffic-police", "b"));
        ListFileParser.parseAll(ListKind.EXEMPTIONS, List.of(a, b)).forEach(r -> found.addAll(r.problems()));
        assertThat(ContentProblemTexts.assertShownInEveryLanguage(found)).containsExactlyInAnyOrder(
                "lists.problem.agencyNotFileName", "lists.problem.subkindNotAllowed", "knowledge.problem.notOneOf",
                "lists.problem.endBeforeStart", "lists.problem.lawBrackets", "lists.problem.articleFormat",
                "lists.problem.notPositive", "lists.problem.notWhole", "lists.problem.notNumber",
                "lists.problem.noSuchDate", "lists.problem.dateFormat", "lists.problem.notAList",
                "lists.problem.guidanceTwice", "lists.problem.guidanceUnknown", "lists.problem.levelOrder",
                "lists.problem.idTaken", "lists.problem.metWhenNumeric");
        assertThat(found).extracting(ContentProblem::describe).contains(
                "knowledge-base/exemptions/sample-urban-management.yaml:3 field [0].agency: must be "
                        + "\"sample-urban-management\" (the file name), got \"sample-traffic-police\"",
                "knowledge-base/discretion/sample-market-regulation.yaml:11 field [0].circumstances[1].level: "
                        + "must be 一般 (levels are 轻微, 一般, 严重 in this order)");
    }
}
