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

        // four files of the corpus hold a title and the history lines, no text: refused, each named
        assertThat(result.errors()).extracting(ImportProblem::messageKey).containsOnly("regulation.import.noArticles");
        assertThat(result.errors()).extracting(ImportProblem::file).containsExactlyInAnyOrder(
                "DLC/广东地方法规/地方性法规/广东/汕头经济特区突发公共卫生事件应急条例(2022-05-30).md",
                "DLC/重庆地方法规/地方性法规/重庆/重庆市实施《农业技术推广法》办法(2016-09-29).md",
                "DLC/重庆地方法规/地方性法规/重庆/重庆市实施《国家赔偿法》办法(2012-09-27).md",
                "DLC/重庆地方法规/地方性法规/重庆/重庆市实施《母婴保健法》办法(2018-07-26).md");
        assertThat(result.documents()).hasSizeGreaterThan(1_800);
        assertThat(result.documents()).allSatisfy(d -> assertThat(d.level()).isEqualTo(LegalLevel.LOCAL_REGULATION));
        assertThat(perRegion.keySet()).containsExactlyInAnyOrder("上海市", "北京市", "山东省", "广东省", "河南省", "浙江省", "重庆市");
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
