package cn.gov.enforcement.portal.lists;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.knowledge.KnowledgeFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed sample discretion benchmarks and exemption items tell the same story: where an
 * exemption item says there is no penalty, the benchmark for the same violation does not fine the
 * same case in its lowest level.
 */
class SampleContentConsistencyTest {


    /**
     * A first-violation or clean-record question asks whether this is the first time (是 means met), not whether
     * there was no record (是否没有…: a double negative that a worried reader answers wrongly).
     */
    @Test
    void record_questions_of_the_sample_items_ask_positively() throws IOException {
        List<String> asked = sampleConditions().stream()
                .filter(c -> c.type() == ConditionType.FIRST_VIOLATION || c.type() == ConditionType.CLEAN_RECORD_MONTHS)
                .map(Condition::question).toList();
        assertThat(asked).hasSizeGreaterThan(20)
                .allSatisfy(q -> assertThat(q).doesNotContain("是否没有").doesNotContain("是否未"));
        assertThat(asked).contains("这是您的单位过去12个月内第一次因健康证明问题被查处吗？");
    }

    /**
     * No yes/no question of the sample items asks with a double negative (是否没有造成…？): a question about the harm
     * or the fault asks positively and is marked {@code met_when: 否}.
     */
    @Test
    void no_yes_no_question_of_the_sample_items_asks_with_a_double_negative() throws IOException {
        List<Condition> yesNo = sampleConditions().stream().filter(c -> !c.type().numericAnswer()).toList();
        assertThat(yesNo).hasSizeGreaterThan(100).extracting(Condition::question).allSatisfy(q -> assertThat(q)
                .doesNotContain("是否没有", "是否未", "是否并未", "是否既不").doesNotContainPattern("(没有|从未|并未)[^，。？]*吗"));
        // the questions about harm now ask about it and are met by the answer no
        assertThat(yesNo).filteredOn(Condition::metWhenNo).hasSizeGreaterThanOrEqualTo(20)
                .allSatisfy(c -> assertThat(c.question()).contains("是否"));
    }

    /** Every condition of the sample exemption items, file by file; each file parses without a problem. */
    private static List<Condition> sampleConditions() throws IOException {
        List<Condition> conditions = new java.util.ArrayList<>();
        try (var files = Files.list(Path.of("knowledge-base", ListKind.EXEMPTIONS.folder()))) {
            for (Path path : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                var result = ListFileParser.parse(ListKind.EXEMPTIONS, KnowledgeFile.of(path.toString(),
                        Files.readString(path)));
                assertThat(result.problems()).isEmpty();
                result.entries().stream().map(ExemptionItem.class::cast).flatMap(e -> e.conditions().stream())
                        .forEach(conditions::add);
            }
        }
        return conditions;
    }

    private static <T> T entry(ListKind kind, String file, String id, Class<T> type) throws IOException {
        Path path = Path.of("knowledge-base", kind.folder(), file);
        var result = ListFileParser.parse(kind, KnowledgeFile.of(path.toString(), Files.readString(path)));
        assertThat(result.problems()).isEmpty();
        return result.entries().stream().filter(e -> ListFileParser.idOf(e).equals(id)).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + id + " in " + path));
    }

    @Test
    void price_tagging_has_no_fine_in_exactly_the_cases_of_the_first_violation_item() throws IOException {
        DiscretionBenchmark benchmark = entry(ListKind.DISCRETION, "sample-market-regulation.yaml", "mr-db-price-tag",
                DiscretionBenchmark.class);
        ExemptionItem item = entry(ListKind.EXEMPTIONS, "sample-market-regulation.yaml", "mr-ex-first-price-tag",
                ExemptionItem.class);
        assertThat(benchmark.sample()).isTrue();
        assertThat(item.sample()).isTrue();
        assertThat(item.basisPenalty()).isEqualTo(benchmark.basisPenalty());
        DiscretionBenchmark.Circumstance minor = benchmark.circumstances().get(0);
        assertThat(minor.penalty()).contains("不予罚款");

        // the benchmark's no-fine level: first time within 12 months, nothing overcharged, corrected on the spot
        assertThat(minor.description()).contains("12个月内首次").contains("没有因此多收").contains("当场改正");
        assertThat(benchmark.circumstances().get(1).description()).contains("多收了顾客价款");
        // the item asks the same three things, and nothing else
        assertThat(item.conditions()).extracting(Condition::type).containsExactly(ConditionType.FIRST_VIOLATION,
                ConditionType.NO_HARM, ConditionType.CORRECTED_IMMEDIATELY);
        assertThat(item.conditions().get(0).threshold()).isEqualByComparingTo("12");
        assertThat(item.conditions().get(1).question()).contains("是否因价签问题多收了顾客的价款");
        assertThat(item.conditions().get(1).metWhenNo()).isTrue();

        // an overcharge, however small, is outside the item (the benchmark fines it at the ordinary level)
        assertThat(EligibilityChecker.check(item, Map.of("0", "yes", "1", "yes", "2", "yes")).applies()).isFalse();
        assertThat(EligibilityChecker.check(item, Map.of("0", "yes", "1", "no", "2", "yes")).outcome())
                .isEqualTo(EligibilityResult.Outcome.NO_PENALTY);
    }

    @Test
    void the_open_air_barbecue_benchmark_fines_at_its_lowest_level_only_cases_outside_the_first_violation_item()
            throws IOException {
        DiscretionBenchmark benchmark = entry(ListKind.DISCRETION, "sample-urban-management.yaml",
                "um-db-open-air-barbecue", DiscretionBenchmark.class);
        ExemptionItem item = entry(ListKind.EXEMPTIONS, "sample-urban-management.yaml", "um-ex-first-barbecue",
                ExemptionItem.class);
        assertThat(item.basisPenalty()).isEqualTo(benchmark.basisPenalty());
        String minor = benchmark.circumstances().get(0).description();
        assertThat(minor).contains("不符合首违不罚清单的条件");
        Condition months = item.conditions().get(0);
        Condition income = item.conditions().get(1);
        assertThat(minor).contains(months.threshold().toPlainString() + "个月内")
                .contains(income.threshold().stripTrailingZeros().toPlainString() + income.unit());
        assertThat(List.of(months.type(), income.type()))
                .containsExactly(ConditionType.FIRST_VIOLATION, ConditionType.AMOUNT_BELOW);
    }

    @Test
    void parking_is_fined_only_where_it_obstructs_as_the_law_says_and_the_clean_record_item_asks_the_same()
            throws IOException {
        // 道路交通安全法 Art. 93: an oral warning and an order to leave; a fine only where the car obstructs
        DiscretionBenchmark benchmark = entry(ListKind.DISCRETION, "sample-traffic-police.yaml", "tp-db-illegal-parking",
                DiscretionBenchmark.class);
        DiscretionBenchmark.Circumstance lowest = benchmark.circumstances().get(0);
        assertThat(lowest.description()).contains("没有妨碍");
        assertThat(lowest.penalty()).contains("口头警告", "不予罚款");
        assertThat(benchmark.circumstances().subList(1, benchmark.circumstances().size())).allSatisfy(c -> {
            assertThat(c.description()).contains("妨碍").doesNotContain("没有妨碍", "未妨碍", "未明显妨碍");
            assertThat(c.penalty()).contains("罚款");
        });

        // the item: not obstructing, and moved on being told (行政处罚法 Art. 33(1) asks for correction)
        ExemptionItem item = entry(ListKind.EXEMPTIONS, "sample-traffic-police.yaml", "tp-ex-clean-record-parking",
                ExemptionItem.class);
        assertThat(item.conditions()).extracting(Condition::type).contains(ConditionType.NO_HARM,
                ConditionType.CORRECTED_IMMEDIATELY);
        assertThat(item.conditions()).filteredOn(c -> c.type() == ConditionType.NO_HARM).singleElement()
                .satisfies(c -> {
                    assertThat(c.question()).contains("是否妨碍了");
                    assertThat(c.metWhenNo()).isTrue();
                });
    }

    @Test
    void no_item_without_a_penalty_names_a_warning_among_its_measures_since_a_warning_is_a_penalty()
            throws IOException {
        // 行政处罚法 Art. 9 lists 警告 among the penalties; what an item without penalty may give is an oral warning
        try (var files = Files.list(Path.of("knowledge-base", ListKind.EXEMPTIONS.folder()))) {
            for (Path path : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                var result = ListFileParser.parse(ListKind.EXEMPTIONS, KnowledgeFile.of(path.toString(),
                        Files.readString(path)));
                result.entries().stream().map(ExemptionItem.class::cast).filter(e -> e.kind().equals("不予处罚"))
                        .forEach(e -> assertThat(e.measure()).as(e.id()).allSatisfy(m -> assertThat(
                                m.replace("口头警告", "")).doesNotContain("警告")));
            }
        }
    }
}
