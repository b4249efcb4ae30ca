package cn.gov.enforcement.portal.regulation.importer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.regulation.LegalDocument;
import cn.gov.enforcement.portal.regulation.LegalLevel;
import cn.gov.enforcement.portal.regulation.SharedData;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The local regulations in DLC/: level and region come from the sub-folders. */
class LawRefBookLocalRegulationsTest {

    @Test
    void local_regulations_parse_with_their_region_and_level() {
        Path root = SharedData.require("corpus/lawrefbook");
        long start = System.nanoTime();
        ImportResult result = new LawRefBookParser().parseCorpus(root, relative -> relative.startsWith("DLC/"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, Long> perRegion = result.documents().stream()
                .collect(Collectors.groupingBy(LegalDocument::region, TreeMap::new, Collectors.counting()));
        System.out.printf("LawRefBook DLC/: %d documents, %d articles, %d warnings, %d errors, parsed in %d ms;"
                        + " per region %s%n", result.documents().size(), result.articleCount(),
                result.warnings().size(), result.errors().size(), millis, perRegion);
        result.problems().forEach(p -> System.out.println("  " + p));

        assertThat(result.errors()).isEmpty();
        assertThat(result.documents()).hasSizeGreaterThan(1_800);
        assertThat(result.documents()).allSatisfy(d -> assertThat(d.level()).isEqualTo(LegalLevel.LOCAL_REGULATION));
        assertThat(perRegion.keySet()).containsExactlyInAnyOrder("上海", "北京", "山东", "广东", "河南", "浙江", "重庆");
        assertThat(result.documents().stream().filter(d -> d.issuer().endsWith("人民代表大会常务委员会")).count())
                .isGreaterThan(result.documents().size() / 2);

        // a file that writes 章 as ### and 节 as ##: a chapter ends the section before it
        LegalDocument food = result.documents().stream()
                .filter(d -> d.source().endsWith("上海/上海市食品安全条例(2017-01-20).md")).findFirst().orElseThrow();
        assertThat(food.article("第一百条").orElseThrow().headingPath()).singleElement().asString()
                .startsWith("第七章");
        assertThat(food.articles()).allSatisfy(a -> assertThat(a.headingPath()).hasSizeLessThanOrEqualTo(2));
    }
}
