package cn.gov.enforcement.portal.regulation.importer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.regulation.Article;
import cn.gov.enforcement.portal.regulation.ArticleNumber;
import cn.gov.enforcement.portal.regulation.DocumentStatus;
import cn.gov.enforcement.portal.regulation.DocumentVersions;
import cn.gov.enforcement.portal.regulation.HistoryEvent;
import cn.gov.enforcement.portal.regulation.LegalDocument;
import cn.gov.enforcement.portal.regulation.LegalLevel;
import cn.gov.enforcement.portal.regulation.SharedData;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the parser over the real LawRefBook corpus outside DLC/ and 案例/ (parsed once for all tests). */
class LawRefBookCorpusTest {

    private static ImportResult result;
    private static List<DocumentVersions> versions;

    @BeforeAll
    static void parseCorpus() {
        Path root = SharedData.require("corpus/lawrefbook");
        long start = System.nanoTime();
        result = new LawRefBookParser().parseCorpus(root, relative -> !relative.startsWith("DLC/"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        versions = DocumentVersions.group(result.documents(), LocalDate.of(2026, 1, 1));
        Map<LegalLevel, Long> perLevel = result.documents().stream()
                .collect(Collectors.groupingBy(LegalDocument::level, Collectors.counting()));
        long currentArticles = versions.stream().flatMap(v -> v.current().stream())
                .mapToLong(d -> d.numberedArticles().size()).sum();
        System.out.printf("LawRefBook (without DLC/): %d documents, %d titles, %d articles (%d in current versions),"
                        + " %d skipped files, %d warnings, %d errors, parsed in %d ms; per level %s%n",
                result.documents().size(), versions.size(), result.articleCount(), currentArticles,
                result.skippedFiles(), result.warnings().size(), result.errors().size(), millis, perLevel);
        result.problems().forEach(p -> System.out.println("  " + p));
    }

    private static LegalDocument document(String source) {
        return result.documents().stream().filter(d -> d.source().equals(source)).findFirst()
                .orElseThrow(() -> new AssertionError("not parsed: " + source));
    }

    @Test
    void the_whole_corpus_outside_dlc_and_cases_parses_without_errors() {
        assertThat(result.errors()).as("files that could not be parsed").isEmpty();
        assertThat(result.documents()).hasSizeGreaterThan(1_400);
        long currentArticles = versions.stream().flatMap(v -> v.current().stream())
                .mapToLong(d -> d.numberedArticles().size()).sum();
        assertThat(currentArticles).isGreaterThan(55_000);
        assertThat(result.documents()).allSatisfy(d -> assertThat(d.articles()).as(d.source()).isNotEmpty());
    }

    @Test
    void administrative_penalty_law_has_article_33_with_its_paragraphs() {
        LegalDocument law = versions.stream().filter(v -> v.newest().title().equals("中华人民共和国行政处罚法"))
                .findFirst().orElseThrow().newest();
        assertThat(law.level()).isEqualTo(LegalLevel.LAW);
        assertThat(law.status()).isEqualTo(DocumentStatus.CURRENT);
        assertThat(law.region()).isEqualTo(LegalDocument.NATIONAL);
        assertThat(law.issuer()).isEqualTo("全国人民代表大会");
        assertThat(law.versionDate()).isEqualTo(LocalDate.of(2021, 1, 22));
        assertThat(law.history()).extracting(HistoryEvent::kind).startsWith(HistoryEvent.Kind.PASSED)
                .contains(HistoryEvent.Kind.AMENDED, HistoryEvent.Kind.REVISED);
        Article article = law.article("第三十三条").orElseThrow();
        assertThat(article.ordinal()).isEqualTo(new ArticleNumber(33, 0));
        assertThat(article.paragraphs()).hasSize(3);
        assertThat(article.paragraphs().get(0).text()).startsWith("违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。");
        assertThat(article.paragraphs().get(2).text()).contains("应当对当事人进行教育");
        assertThat(article.headingPath()).containsExactly("第四章 行政处罚的管辖和适用");
        Article nine = law.article("第九条").orElseThrow();
        assertThat(nine.paragraphs().get(0).items()).hasSize(6);
        assertThat(nine.paragraphs().get(0).items().get(4).fullText()).isEqualTo("（五）行政拘留；");
        assertThat(law.numberedArticles()).hasSize(86);
        // its history lines name no in-force date; its closing article does
        assertThat(law.history()).filteredOn(e -> e.kind() == HistoryEvent.Kind.IN_FORCE).singleElement()
                .satisfies(e -> {
                    assertThat(e.date()).isEqualTo(LocalDate.of(2021, 7, 15));
                    assertThat(e.description()).isEqualTo("本法自2021年7月15日起施行");
                });
    }

    @Test
    void the_in_force_date_of_an_amended_version_is_not_the_first_versions_date_its_text_repeats() {
        // 行政诉讼法 of 2017 still closes with 本法自1990年10月1日起施行: that says nothing about the 2017 version
        assertThat(document("诉讼与非诉讼程序法/行政诉讼法(2017-06-27).md").history())
                .noneMatch(e -> e.kind() == HistoryEvent.Kind.IN_FORCE);
        // a law passed in 2024 that applies from 2026: the date is taken though far after the version's
        assertThat(document("经济法/增值税法(2024-12-25).md").history())
                .filteredOn(e -> e.kind() == HistoryEvent.Kind.IN_FORCE).extracting(HistoryEvent::date)
                .containsExactly(LocalDate.of(2026, 1, 1));
        long dated = result.documents().stream().filter(d -> d.history().stream()
                .anyMatch(e -> e.kind() == HistoryEvent.Kind.IN_FORCE)).count();
        System.out.printf("documents with an in-force date: %d of %d%n", dated, result.documents().size());
        assertThat(dated).as("over a third of the national documents state when they apply").isGreaterThan(500);
    }

    @Test
    void an_article_numbered_with_zhi_yi_is_parsed() {
        LegalDocument criminalLaw = document("刑法/刑法.md");
        Article article = criminalLaw.article("第十七条之一").orElseThrow();
        assertThat(article.ordinal()).isEqualTo(new ArticleNumber(17, 1));
        assertThat(article.text()).startsWith("已满七十五周岁的人故意犯罪的");
        List<Article> numbered = criminalLaw.numberedArticles();
        int index = numbered.indexOf(article);
        assertThat(numbered.get(index - 1).number()).isEqualTo("第十七条");
        assertThat(numbered.get(index + 1).number()).isEqualTo("第十八条");
    }

    @Test
    void civil_code_parts_have_subtitles_and_nested_headings() {
        LegalDocument contracts = document("民法典/合同编.md");
        assertThat(contracts.title()).isEqualTo("中华人民共和国民法典");
        assertThat(contracts.subtitle()).isEqualTo("合同编");
        assertThat(contracts.versionDate()).isEqualTo(LocalDate.of(2021, 1, 1));
        Article guarantee = contracts.article("第六百八十一条").orElseThrow();
        assertThat(guarantee.headingPath()).containsExactly("第二分编 典型合同", "第十三章 保证合同", "第一节 一般规定");
        assertThat(result.documents().stream().filter(d -> d.source().startsWith("民法典/"))
                .map(LegalDocument::subtitle)).hasSize(8).doesNotContain("").doesNotHaveDuplicates();
    }

    @Test
    void versions_of_one_title_are_linked_and_the_newest_is_current() {
        DocumentVersions sports = versions.stream().filter(v -> v.newest().title().equals("中华人民共和国体育法"))
                .findFirst().orElseThrow();
        assertThat(sports.versions()).extracting(LegalDocument::versionDate)
                .containsExactly(LocalDate.of(2022, 6, 24), LocalDate.of(2016, 11, 7));
        assertThat(sports.versions()).extracting(LegalDocument::status)
                .containsExactly(DocumentStatus.CURRENT, DocumentStatus.SUPERSEDED);
        long multi = versions.stream().filter(v -> v.versions().size() > 1).count();
        assertThat(multi).isGreaterThan(20);
        assertThat(versions).allSatisfy(v -> assertThat(v.versions().stream()
                .filter(d -> d.status() == DocumentStatus.CURRENT || d.status() == DocumentStatus.REPEALED))
                .as(v.key()).hasSizeLessThanOrEqualTo(1));
    }

    @Test
    void levels_and_issuers_come_from_the_folders() {
        assertThat(document("宪法/宪法.md").level()).isEqualTo(LegalLevel.CONSTITUTION);
        LegalDocument rule = result.documents().stream().filter(d -> d.source().startsWith("部门规章/公安部/"))
                .findFirst().orElseThrow();
        assertThat(rule.level()).isEqualTo(LegalLevel.DEPARTMENTAL_RULE);
        assertThat(rule.issuer()).isEqualTo("公安部");
        assertThat(result.documents().stream().filter(d -> d.source().startsWith("行政法规/")))
                .allSatisfy(d -> assertThat(d.level()).isEqualTo(LegalLevel.ADMINISTRATIVE_REGULATION))
                .allSatisfy(d -> assertThat(d.issuer()).isEqualTo("国务院"));
        assertThat(result.documents().stream().filter(d -> d.source().startsWith("司法解释/")))
                .allSatisfy(d -> assertThat(d.level()).isEqualTo(LegalLevel.JUDICIAL_INTERPRETATION));
        assertThat(result.documents()).noneMatch(d -> d.source().startsWith("案例/"));
    }

    @Test
    void content_hashes_are_sha256_and_differ_between_versions() {
        assertThat(result.documents()).allSatisfy(d -> assertThat(d.contentHash()).hasSize(64));
        DocumentVersions sports = versions.stream().filter(v -> v.newest().title().equals("中华人民共和国体育法"))
                .findFirst().orElseThrow();
        assertThat(sports.versions().get(0).contentHash()).isNotEqualTo(sports.versions().get(1).contentHash());
        assertThat(result.documents().stream().max(Comparator.comparingInt(d -> d.articles().size())))
                .isPresent();
    }
}
