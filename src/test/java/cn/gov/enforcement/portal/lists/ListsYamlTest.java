package cn.gov.enforcement.portal.lists;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.knowledge.KnowledgeFile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The back-office export writes the exact knowledge-base format: it parses back to equal entries. */
class ListsYamlTest {

    private static List<Object> parse(ListKind kind, String label, String yaml) {
        ListFileParser.Result result = ListFileParser.parse(kind, KnowledgeFile.of(label, yaml));
        assertThat(result.problems()).as(yaml).isEmpty();
        return result.entries();
    }

    @Test
    void every_committed_risk_point_and_exemption_item_survives_export_and_parse() throws Exception {
        int files = 0;
        for (ListKind kind : List.of(ListKind.RISK_POINTS, ListKind.EXEMPTIONS)) {
            try (Stream<Path> list = Files.list(Path.of("knowledge-base", kind.folder()))) {
                for (Path file : list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    String label = "knowledge-base/" + kind.folder() + "/" + file.getFileName();
                    List<Object> original = parse(kind, label, Files.readString(file, StandardCharsets.UTF_8));
                    String agency = file.getFileName().toString().replace(".yaml", "");
                    String exported = ListsYaml.file(kind, agency,
                            original.stream().map(ListEntry.class::cast).toList(), LocalDate.of(2026, 11, 21));
                    assertThat(exported).startsWith("# Sample content");
                    assertThat(parse(kind, label, exported)).isEqualTo(original);
                    files++;
                }
            }
        }
        assertThat(files).isGreaterThanOrEqualTo(10);
    }

    @Test
    void a_stored_payload_keeps_the_met_when_mark_and_one_stored_before_it_reads_as_met_by_yes() {
        Condition harm = new Condition(ConditionType.NO_HARM, "是否造成了损失？", null, null, null, true);
        assertThat(ListJson.read(ListJson.write(harm), Condition.class)).isEqualTo(harm);
        // a payload written before the mark existed has no metWhenNo
        String old = "{\"type\":\"NO_HARM\",\"question\":\"是否没有造成损失？\",\"threshold\":null,\"unit\":null,\"what\":null}";
        assertThat(ListJson.read(old, Condition.class).metWhenNo()).isFalse();
    }

    @Test
    void awkward_texts_are_quoted_so_that_they_come_back_unchanged() {
        String awkward = "yes: \"quoted\" # not a comment\n- second line\t\\ {x: 1} [a] &anchor *ref 'single' 2024-01-01";
        RiskPoint r = new RiskPoint("zz-rp-awkward", "sample-traffic-police", "no", awkward, "true", awkward, "高",
                "123", List.of(new Citation("中华人民共和国行政处罚法", "第三十三条", 2)),
                List.of(new Citation("中华人民共和国道路交通安全法", "第九十条", null)), awkward, List.of(awkward, "null"),
                List.of("提示", "约谈"), LocalDate.of(2024, 1, 1), LocalDate.of(2027, 12, 31), false);
        ExemptionItem x = new ExemptionItem("zz-ex-awkward", "sample-traffic-police", "不予处罚", "首违不罚", null, awkward,
                null, List.of(new Citation("中华人民共和国行政处罚法", "第三十三条", 1)),
                List.of(new Citation("中华人民共和国行政处罚法", "第三十三条", 1)),
                List.of(new Citation("中华人民共和国行政处罚法", "第三十三条", 1)),
                List.of(new Condition(ConditionType.AMOUNT_BELOW, "金额？", new BigDecimal("2500.5"), "元", "违法所得"),
                        new Condition(ConditionType.CORRECTED_WITHIN_DAYS, awkward, new BigDecimal("3"), null, null),
                        new Condition(ConditionType.NO_HARM, "无危害？", null, null, null),
                        new Condition(ConditionType.NO_HARM, "是否造成了损失？", null, null, null, true)),
                List.of("教育"), LocalDate.of(2024, 1, 1), null, true);
        assertThat(parse(ListKind.RISK_POINTS, "x_test.yaml",
                ListsYaml.file(ListKind.RISK_POINTS, "x", List.of(r), LocalDate.of(2026, 1, 1)))).containsExactly(r);
        assertThat(parse(ListKind.EXEMPTIONS, "x_test.yaml",
                ListsYaml.file(ListKind.EXEMPTIONS, "x", List.of(x), LocalDate.of(2026, 1, 1)))).containsExactly(x);
    }
}
