package cn.gov.enforcement.portal.regulation.importer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.regulation.Article;
import cn.gov.enforcement.portal.regulation.ArticleNumber;
import cn.gov.enforcement.portal.regulation.ChineseScript;
import cn.gov.enforcement.portal.regulation.HistoryEvent;
import cn.gov.enforcement.portal.regulation.LegalDocument;
import cn.gov.enforcement.portal.regulation.LegalLevel;
import cn.gov.enforcement.portal.regulation.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The five seed documents in shared/seeds. */
class PlainTextSeedsTest {

    private final List<ImportProblem> problems = new ArrayList<>();

    private LegalDocument seed(String prefix) throws IOException {
        Path dir = SharedData.require("seeds");
        try (var files = Files.list(dir)) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no seed " + prefix + " in " + dir));
            LegalDocument doc = new PlainTextParser().parse(file.getFileName().toString(),
                    Files.readString(file, StandardCharsets.UTF_8), problems).orElseThrow(
                    () -> new AssertionError("seed " + prefix + " not parsed: " + problems));
            System.out.printf("%s: %s | level %s | issuer %s | region %s | number %s | date %s | %d articles%n",
                    prefix, doc.title(), doc.level(), doc.issuer(), doc.region(), doc.documentNumber(),
                    doc.versionDate(), doc.articles().size());
            return doc;
        }
    }

    private static String allText(LegalDocument doc) {
        StringBuilder out = new StringBuilder();
        doc.articles().forEach(a -> out.append(a.headingPath()).append(a.number()).append(a.text()).append('\n'));
        return out.toString();
    }

    @Test
    void traditional_luoyang_rules_convert_to_simplified_with_their_articles() throws IOException {
        LegalDocument original = seed("000_");
        assertThat(original.title()).isEqualTo("洛陽市服務型行政執法實施辦法");
        LegalDocument doc = original.mapText(ChineseScript::toSimplified);
        assertThat(doc.title()).isEqualTo("洛阳市服务型行政执法实施办法");
        assertThat(doc.level()).isEqualTo(LegalLevel.LOCAL_GOVERNMENT_RULE);
        assertThat(doc.region()).isEqualTo("洛阳市");
        assertThat(doc.numberedArticles()).extracting(Article::ordinal)
                .contains(new ArticleNumber(1, 0), new ArticleNumber(22, 0));
        assertThat(doc.numberedArticles()).hasSize(22);
        Article eight = doc.article("第八条").orElseThrow();
        assertThat(eight.text()).isNotBlank();
        assertThat(doc.article("第一条").orElseThrow().text()).startsWith("为深入推进法治政府和服务型政府建设");
        assertThat(doc.history()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(HistoryEvent.Kind.IN_FORCE);
            assertThat(e.date()).isEqualTo(LocalDate.of(2020, 11, 1));
        });
        String text = allText(doc);
        assertThat(text).doesNotContain("相关词条", "热门词条", "联络我们", "基本介绍", "中文名");
        assertThat(doc.contentHash()).isNotEqualTo(original.contentHash());
    }

    @Test
    void fengcheng_guidance_takes_its_title_from_the_covering_notice() throws IOException {
        LegalDocument doc = seed("001_");
        assertThat(doc.title()).isEqualTo("丰城市关于进一步规范行政执法工作的指导意见");
        assertThat(doc.documentNumber()).isEqualTo("丰法府建办字〔2021〕4号");
        assertThat(doc.issuer()).isEqualTo("丰城市推进法治政府建设工作领导小组办公室");
        assertThat(doc.versionDate()).isEqualTo(LocalDate.of(2021, 4, 15));
        assertThat(doc.level()).isEqualTo(LegalLevel.NORMATIVE_DOCUMENT);
        assertThat(doc.region()).isEqualTo("丰城市");
        assertThat(doc.articles().get(0).numbered()).isFalse();
        assertThat(doc.articles().get(0).text()).startsWith("为规范行政执法行为");
        Article first = doc.numberedArticles().get(0);
        assertThat(first.number()).isEqualTo("(一)");
        assertThat(first.headingPath()).containsExactly("一、坚持文明执法");
        assertThat(first.text()).startsWith("积极推进文明执法。");
        assertThat(allText(doc)).doesNotContain("各乡镇人民政府、街道办事处");
    }

    @Test
    void zhengzhou_plan_loses_its_web_page_debris() throws IOException {
        LegalDocument doc = seed("002_");
        assertThat(doc.title()).isEqualTo("郑州市人民防空办公室推进服务型行政执法建设工作实施方案");
        assertThat(doc.issuer()).isEqualTo("郑州市人民防空办公室");
        assertThat(doc.level()).isEqualTo(LegalLevel.NORMATIVE_DOCUMENT);
        assertThat(doc.versionDate()).isEqualTo(LocalDate.of(2012, 12, 3));
        String text = allText(doc);
        assertThat(text).doesNotContain("打印此文", "关闭窗口", "logo", "来源:");
        assertThat(doc.articles()).anySatisfy(a -> assertThat(a.headingPath()).containsExactly("一、指导思想"));
    }

    @Test
    void henan_article_keeps_its_source_and_drops_the_link() throws IOException {
        LegalDocument doc = seed("003_");
        assertThat(doc.title()).isEqualTo("刚柔并济 包容审慎以服务型行政执法打造法治化营商环境");
        assertThat(doc.issuer()).isEqualTo("河南省司法厅");
        // a report about a city's enforcement, not a document of it: no 文号, no covering notice, no kind in its title
        assertThat(doc.level()).isEqualTo(LegalLevel.OTHER_MATERIAL);
        assertThat(doc.region()).isEqualTo("河南省");
        assertThat(doc.versionDate()).isEqualTo(LocalDate.of(2021, 3, 9));
        assertThat(allText(doc)).doesNotContain("原文链接", "http");
        assertThat(doc.articles()).anySatisfy(a -> assertThat(String.join("/", a.headingPath())).startsWith("一、围绕一个中心"));
    }

    @Test
    void wuyang_plan_with_markdown_headings_parses() throws IOException {
        LegalDocument doc = seed("004_");
        assertThat(doc.title()).isEqualTo("舞阳县城市管理系统服务型行政执法建设年实施方案");
        assertThat(doc.issuer()).isEqualTo("舞阳县城市管理局");
        assertThat(doc.documentNumber()).isEqualTo("舞城管〔2022〕40号");
        assertThat(doc.level()).isEqualTo(LegalLevel.NORMATIVE_DOCUMENT);
        assertThat(doc.region()).isEqualTo("舞阳县");
        assertThat(doc.articles()).anySatisfy(a -> assertThat(a.headingPath()).containsExactly("一、指导思想"));
        assertThat(allText(doc)).doesNotContain("**", "#");
        assertThat(problems).noneMatch(p -> p.severity() == ImportProblem.Severity.ERROR);
    }
}
