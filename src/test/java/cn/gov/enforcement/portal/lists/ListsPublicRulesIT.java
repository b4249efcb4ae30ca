package cn.gov.enforcement.portal.lists;

import static cn.gov.enforcement.portal.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.enforcement.portal.knowledge.KnowledgeBase;
import cn.gov.enforcement.portal.lists.data.ListEntryRepository;
import cn.gov.enforcement.portal.regulation.ImportService;
import cn.gov.enforcement.portal.regulation.RegulationCatalog;
import cn.gov.enforcement.portal.search.SearchIndexes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Citations link to the article text once the regulation is imported (and stay plain before); entries
 * not in force today are hidden from the public.
 */
class ListsPublicRulesIT extends ListsTestSupport {

    @Autowired ImportService importService;
    @Autowired RegulationCatalog regulations;
    @Autowired ListsCatalog catalog;
    @Autowired KnowledgeBase knowledgeBase;
    @Autowired ListEntryRepository repository;
    @Autowired SearchIndexes indexes;
    @Autowired MockMvc mvc;

    @Test
    void a_citation_links_to_the_imported_article_and_stays_plain_text_when_the_law_is_not_imported() throws Exception {
        ListsTestImports.importAdministrativePenaltyLaw(importService, RUN_DATA_DIR);
        String url = regulations.articleUrl("中华人民共和国行政处罚法", "第三十三条").orElseThrow();
        assertThat(url).matches("/regulations/\\d+#第三十三条");
        assertThat(regulations.articleUrl("行政处罚法", "第三十三条")).contains(url);
        assertThat(regulations.articleUrl("中华人民共和国行政处罚法", "第九百条")).isEmpty();
        // a law no test imports (other tests import 道路交通安全法 into the same database)
        assertThat(regulations.articleUrl("中华人民共和国环境影响评价法", "第三十一条")).isEmpty();

        mvc.perform(get("/api/v1/exemptions/mr-ex-first-licence-display"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.basisExemption[0].title").value("中华人民共和国行政处罚法"))
                .andExpect(jsonPath("$.basisExemption[0].url").value(url));
        mvc.perform(get("/api/v1/risk-points/ee-rp-eia-before-construction"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.basisPenalty[0].article").value("第三十一条"))
                .andExpect(jsonPath("$.basisPenalty[0].url").doesNotExist());
    }

    @Test
    void entries_not_in_force_today_are_hidden_from_lists_search_details_downloads_and_the_api() throws Exception {
        Path file = KNOWLEDGE_DIR.resolve("risk-points/zz_dated.yaml");
        Files.writeString(file, """
                # sample content for a test: entries with effective dates around 2026-11-21
                - id: zz-rp-expired
                  agency: sample-traffic-police
                  sector: 测试行业甲
                  applies_to: 测试对象
                  title: 已失效的测试风险点
                  risk: 测试用的风险描述。
                  level: 低
                  level_reason: 测试。
                  basis_obligation:
                    - {law: 中华人民共和国行政处罚法, article: 第三十三条}
                  basis_penalty:
                    - {law: 中华人民共和国行政处罚法, article: 第三十三条}
                  consequence: 测试。
                  prevention: [测试]
                  guidance: [提示]
                  effective_from: 2024-01-01
                  effective_to: 2026-11-20
                  sample: true
                - id: zz-rp-future
                  agency: sample-traffic-police
                  sector: 测试行业乙
                  applies_to: 测试对象
                  title: 尚未施行的测试风险点
                  risk: 测试用的风险描述。
                  level: 低
                  level_reason: 测试。
                  basis_obligation:
                    - {law: 中华人民共和国行政处罚法, article: 第三十三条}
                  basis_penalty:
                    - {law: 中华人民共和国行政处罚法, article: 第三十三条}
                  consequence: 测试。
                  prevention: [测试]
                  guidance: [提示]
                  effective_from: 2026-11-22
                  sample: true
                - id: zz-rp-last-day
                  agency: sample-traffic-police
                  sector: 测试行业丙
                  applies_to: 测试对象
                  title: 今天最后一天有效的测试风险点
                  risk: 测试用的风险描述。
                  level: 低
                  level_reason: 测试。
                  basis_obligation:
                    - {law: 中华人民共和国行政处罚法, article: 第三十三条}
                  basis_penalty:
                    - {law: 中华人民共和国行政处罚法, article: 第三十三条}
                  consequence: 测试。
                  prevention: [测试]
                  guidance: [提示]
                  effective_from: 2026-11-21
                  effective_to: 2026-11-21
                  sample: true
                """, StandardCharsets.UTF_8);
        try {
            knowledgeBase.loadAll();
            assertThat(repository.findById("zz-rp-expired")).isPresent();
            awaitIndexesInStep();

            assertThat(catalog.findRiskPoint("zz-rp-expired")).isEmpty();
            assertThat(catalog.findRiskPoint("zz-rp-future")).isEmpty();
            assertThat(catalog.findRiskPoint("zz-rp-last-day")).isPresent();
            assertThat(catalog.searchRiskPoints("测试风险点", null, null, null, 0, 100).items())
                    .extracting(RiskPoint::id).containsExactly("zz-rp-last-day");
            assertThat(catalog.allRiskPoints(null, "sample-traffic-police", null, null).items()).extracting(RiskPoint::id)
                    .contains("zz-rp-last-day").doesNotContain("zz-rp-expired", "zz-rp-future");
            assertThat(catalog.riskSectors()).contains("测试行业丙").doesNotContain("测试行业甲", "测试行业乙");

            mvc.perform(get("/api/v1/risk-points/zz-rp-expired")).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/risk-points/zz-rp-future")).andExpect(status().isNotFound());
            mvc.perform(get("/api/v1/risk-points").param("q", "测试风险点"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.items[0].id").value("zz-rp-last-day"));
            String csv = mvc.perform(get("/api/v1/risk-points.csv")).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(csv).contains("zz-rp-last-day").doesNotContain("zz-rp-expired").doesNotContain("zz-rp-future");
        } finally {
            Files.delete(file);
            knowledgeBase.loadAll();
        }
        assertThat(repository.findById("zz-rp-last-day")).isEmpty();
    }

    @Test
    void the_xlsx_download_holds_the_same_filtered_rows_as_the_csv() throws Exception {
        var response = mvc.perform(get("/api/v1/exemptions.xlsx").param("agency", "sample-traffic-police"))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo(ListsXlsx.CONTENT_TYPE);
        assertThat(response.getHeader("Content-Disposition")).contains("exemptions.xlsx");
        var rows = ListsXlsxTest.readSheet(response.getContentAsByteArray());
        assertThat(rows.get(0)).startsWith("编号", "执法机关");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0)).contains("tp-ex-clean-record-parking")
                .doesNotContain("mr-ex-first-licence-display");
        String csv = mvc.perform(get("/api/v1/exemptions.csv").param("agency", "sample-traffic-police"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n(?=\")")).hasSize(rows.size());

        var risks = ListsXlsxTest.readSheet(mvc.perform(get("/api/v1/risk-points.xlsx").param("level", "high")
                .param("lang", "en")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(risks.get(0)).startsWith("ID", "Agency");
        assertThat(risks.subList(1, risks.size())).isNotEmpty().allSatisfy(r -> assertThat(r.get(6)).isEqualTo("High"));
    }

    @Test
    void the_discretion_api_lists_benchmarks_per_agency_with_three_circumstance_levels() throws Exception {
        mvc.perform(get("/api/v1/discretion").param("agency", "sample-traffic-police"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].agency").value("sample-traffic-police"))
                .andExpect(jsonPath("$.items[0].circumstances[0].level").value("轻微"))
                .andExpect(jsonPath("$.items[0].circumstances[2].level").value("严重"))
                .andExpect(jsonPath("$.items[0].basisPenalty[0].title").isString())
                .andExpect(jsonPath("$.items[0].sample").value(true));
        // each item links to its own benchmark on the agency's page (the page gives every benchmark its id)
        String first = catalog.discretionOf("sample-traffic-police").get(0).id();
        mvc.perform(get("/api/v1/discretion").param("agency", "sample-traffic-police"))
                .andExpect(jsonPath("$.items[0].url").value("/discretion/sample-traffic-police#" + first));
        String all = mvc.perform(get("/api/v1/discretion")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(all).contains("sample-traffic-police").contains("sample-market-regulation");
        mvc.perform(get("/api/v1/discretion").param("agency", "no-such-agency"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/discretion").param("agency", "Bad Agency!"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("bad_request"));
    }
}
