package cn.gov.enforcement.portal.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.enforcement.portal.knowledge.KnowledgeBase;
import cn.gov.enforcement.portal.knowledge.LoadReport;
import cn.gov.enforcement.portal.lists.data.ListEntryRepository;
import cn.gov.enforcement.portal.search.SearchIndexes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Knowledge base → database → indexes → search, JSON API and CSV, on the real search node. */
class ListsIT extends ListsTestSupport {

    @Autowired KnowledgeBase knowledgeBase;
    @Autowired ListEntryRepository repository;
    @Autowired ListsCatalog catalog;
    @Autowired SearchIndexes indexes;
    @Autowired MockMvc mvc;

    private void indexesBuilt() throws InterruptedException {
        awaitIndexesInStep();
    }

    private static LoadReport reportOf(List<LoadReport> reports, String folder) {
        return reports.stream().filter(r -> r.folder().equals(folder)).findFirst().orElseThrow();
    }

    @Test
    void startup_loads_every_committed_entry_into_the_database_and_the_indexes() throws Exception {
        assertThat(repository.countByListKind("risk-points")).isGreaterThanOrEqualTo(80);
        assertThat(repository.countByListKind("exemptions")).isGreaterThanOrEqualTo(50);
        assertThat(repository.countByListKind("discretion")).isGreaterThanOrEqualTo(5);
        indexesBuilt();
        assertThat(knowledgeBase.problems()).isEmpty();
        assertThat(catalog.discretion("sample-traffic-police")).isNotEmpty()
                .allSatisfy(d -> assertThat(d.circumstances()).extracting(DiscretionBenchmark.Circumstance::level)
                        .containsExactly("轻微", "一般", "严重"));
    }

    @Test
    void chinese_queries_and_filters_find_the_right_entries() throws Exception {
        indexesBuilt();
        assertThat(catalog.searchRiskPoints("酒后驾驶", null, null, null, 0, 10).items()).extracting(RiskPoint::id)
                .contains("tp-rp-drink-driving");
        ListPage<RiskPoint> high = catalog.searchRiskPoints(null, "sample-traffic-police", null, "高", 0, 100);
        assertThat(high.items()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.agency()).isEqualTo("sample-traffic-police");
            assertThat(r.level()).isEqualTo("高");
        });
        assertThat(catalog.searchRiskPoints(null, null, "机动车驾驶", null, 0, 100).items())
                .isNotEmpty().allSatisfy(r -> assertThat(r.sector()).isEqualTo("机动车驾驶"));
        ListPage<ExemptionItem> lighter = catalog.searchExemptions(null, null, "从轻处罚", 0, 100);
        assertThat(lighter.items()).allSatisfy(e -> assertThat(e.kind()).isEqualTo("从轻处罚"));
        assertThat(catalog.searchExemptions("营业执照", "sample-market-regulation", null, 0, 10).items())
                .extracting(ExemptionItem::id).contains("mr-ex-first-licence-display");
        assertThat(catalog.searchRiskPoints("\"(*:\\😀", null, null, null, 0, 10).total()).isZero();
        catalog.searchRiskPoints("险".repeat(3000), null, null, null, 0, 10);
    }

    @Test
    void everyday_words_also_find_the_entries_that_use_their_legal_terms() throws Exception {
        indexesBuilt();
        List<String> catering = catalog.searchExemptions("餐饮", null, null, 0, 100).items().stream()
                .map(ExemptionItem::id).toList();
        assertThat(catering).isNotEmpty();
        // 饭店 (restaurant) is not in the entries' text; the lay-terms file maps it to 餐饮
        assertThat(catalog.searchExemptions("饭店", null, null, 0, 100).items()).extracting(ExemptionItem::id)
                .containsExactlyInAnyOrderElementsOf(catering);
        assertThat(catalog.searchRiskPoints("饭馆", null, null, null, 0, 100).items()).extracting(RiskPoint::id)
                .containsExactlyInAnyOrderElementsOf(catalog.searchRiskPoints("餐饮", null, null, null, 0, 100).items()
                        .stream().map(RiskPoint::id).toList());
        // the exemption list filters by sector, as the risk list does (page, API and downloads)
        assertThat(catalog.searchExemptions(null, null, "餐饮服务", null, 0, 100).items()).extracting(ExemptionItem::id)
                .containsExactlyInAnyOrderElementsOf(catering);
        mvc.perform(get("/api/v1/exemptions").param("sector", "餐飲服務"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(catering.size()))
                .andExpect(jsonPath("$.items[*].sector", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("餐饮服务"))));
        // the words of a question still all count: 饭店 with a word no entry has finds nothing
        assertThat(catalog.searchExemptions("饭店 潜水艇", null, null, 0, 100).total()).isZero();
        // a broad term says nothing: 罚单 (a ticket) maps to 罚款 and 行政处罚, which nearly every entry cites; the list
        // does not answer it with nearly all of itself
        long exemptions = catalog.searchExemptions(null, null, null, 0, 1).total();
        assertThat(catalog.searchExemptions("行政处罚", null, null, 0, 1).total()).as("the term is broad").isGreaterThan(exemptions / 4);
        assertThat(catalog.searchExemptions("罚单", null, null, 0, 1).total()).isLessThan(exemptions / 4);
    }

    private List<String> riskIds(String q) {
        return catalog.searchRiskPoints(q, null, null, null, 0, 100).items().stream().map(RiskPoint::id).toList();
    }

    /** {@code right} is found, and none of {@code unrelated} comes before it. */
    private static void foundBefore(List<String> ids, String right, String... unrelated) {
        assertThat(ids).contains(right);
        for (String other : unrelated) {
            if (ids.contains(other)) {
                assertThat(ids.indexOf(other)).as(other + " after " + right + " in " + ids).isGreaterThan(ids.indexOf(right));
            }
        }
    }

    @Test
    void everyday_phrasings_find_the_entry_they_describe_first_and_not_every_entry_holding_their_characters()
            throws Exception {
        indexesBuilt();
        // 没有营业执照: trading without registration leads, not long entries that merely hold each of its characters
        // somewhere (the entries about the licence held are not listed: see the next test)
        List<String> noLicence = riskIds("没有营业执照");
        assertThat(noLicence).first().isEqualTo("mr-rp-unregistered-business");
        foundBefore(noLicence, "mr-rp-unregistered-business", "mr-rp-price-fraud", "mr-rp-substandard-product");
        foundBefore(riskIds("营业执照"), "mr-rp-licence-display", "mr-rp-price-fraud", "mr-rp-substandard-product");
        // 卖过期食品: 卖 is no word of the entry, which says 销售超过保质期的食品
        assertThat(riskIds("卖过期食品")).first().isEqualTo("mr-rp-expired-food");
        assertThat(catalog.searchExemptions("卖过期食品", null, null, 0, 100).items()).extracting(ExemptionItem::id)
                .contains("mr-ex-reduced-small-value");
        // 无照经营: trading without registration, not the food label entry that holds 无, 照, 经 and 营
        List<String> unlicensed = riskIds("无照经营");
        assertThat(unlicensed).first().isEqualTo("mr-rp-unregistered-business");
        foundBefore(unlicensed, "mr-rp-unregistered-business", "mr-rp-food-label");
        // 店门口占道经营: the extra 店门口 does not exclude the entry 占道经营 finds
        assertThat(riskIds("占道经营")).first().isEqualTo("um-rp-outside-store-business");
        assertThat(riskIds("店门口占道经营")).first().isEqualTo("um-rp-outside-store-business");
        mvc.perform(get("/api/v1/risk-points").param("q", "店门口占道经营"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value("um-rp-outside-store-business"));
    }

    @Test
    void a_query_lacking_a_licence_lists_no_entry_about_it_held_on_the_api_and_in_the_downloads() throws Exception {
        indexesBuilt();
        // the licence itself finds the entries about displaying it
        assertThat(riskIds("营业执照")).contains("mr-rp-licence-display", "mr-rp-online-licence-info");
        assertThat(catalog.searchExemptions("营业执照", null, null, 0, 100).items()).extracting(ExemptionItem::id)
                .contains("mr-ex-first-licence-display", "mr-ex-first-online-licence-info");
        for (String q : List.of("没有营业执照", "沒有營業執照", "营业执照还没办下来")) {
            ListPage<RiskPoint> risks = catalog.searchRiskPoints(q, null, null, null, 0, 100);
            assertThat(risks.items()).extracting(RiskPoint::id).as(q).contains("mr-rp-unregistered-business")
                    .doesNotContain("mr-rp-licence-display", "mr-rp-online-licence-info");
            // the count is of the entries listed
            assertThat(risks.total()).as(q).isEqualTo(risks.items().size());
            assertThat(catalog.searchExemptions(q, null, null, 0, 100).items()).extracting(ExemptionItem::id).as(q)
                    .doesNotContain("mr-ex-first-licence-display", "mr-ex-first-online-licence-info");
        }
        mvc.perform(get("/api/v1/risk-points").param("q", "没有营业执照"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", org.hamcrest.Matchers.hasItem("mr-rp-unregistered-business")))
                .andExpect(jsonPath("$.items[*].id", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasItem("mr-rp-licence-display"))));
        String csv = mvc.perform(get("/api/v1/exemptions.csv").param("q", "没有营业执照"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).doesNotContain("mr-ex-first-licence-display");
        String risksCsv = mvc.perform(get("/api/v1/risk-points.csv").param("q", "沒有營業執照").param("lang", "zh-TW"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(risksCsv).contains("mr-rp-unregistered-business").doesNotContain("mr-rp-licence-display");
        // the API says what it left out: count, reason, titles and the page's sentence, in the reader's language and
        // script; an ordinary search says nothing was
        mvc.perform(get("/api/v1/risk-points").param("q", "没有营业执照"))
                .andExpect(jsonPath("$.leftOut.count").value(org.hamcrest.Matchers.greaterThanOrEqualTo(2)))
                .andExpect(jsonPath("$.leftOut.reason").value("licence_held"))
                .andExpect(jsonPath("$.leftOut.titles", org.hamcrest.Matchers.hasItems("营业执照未置于醒目位置",
                        "网店首页未公示营业执照信息")))
                .andExpect(jsonPath("$.leftOut.message", org.hamcrest.Matchers.startsWith(
                        "您的搜索说明尚未取得相关证照，因此没有列出 ")));
        String leftOut = mvc.perform(get("/api/v1/risk-points").param("q", "没有营业执照"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        com.fasterxml.jackson.databind.JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(leftOut);
        assertThat(body.at("/leftOut/count").asInt()).isEqualTo(body.at("/leftOut/titles").size());
        mvc.perform(get("/api/v1/exemptions").param("q", "沒有營業執照").param("lang", "zh-TW"))
                .andExpect(jsonPath("$.leftOut.reason").value("licence_held"))
                .andExpect(jsonPath("$.leftOut.titles", org.hamcrest.Matchers.hasItems("首次未將營業執照置於經營場所醒目位置",
                        "網店首次未在首頁公示營業執照信息")))
                .andExpect(jsonPath("$.leftOut.message", org.hamcrest.Matchers.startsWith("您的搜尋說明尚未取得相關證照")));
        mvc.perform(get("/api/v1/exemptions").param("q", "没有营业执照").param("lang", "en"))
                .andExpect(jsonPath("$.leftOut.titles", org.hamcrest.Matchers.hasItem("首次未将营业执照置于经营场所醒目位置")))
                .andExpect(jsonPath("$.leftOut.message", org.hamcrest.Matchers.startsWith(
                        "Your search says the licence has not been obtained")));
        mvc.perform(get("/api/v1/risk-points").param("q", "营业执照"))
                .andExpect(jsonPath("$.leftOut.count").value(0))
                .andExpect(jsonPath("$.leftOut.reason").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.leftOut.titles").isEmpty())
                .andExpect(jsonPath("$.leftOut.message").value(org.hamcrest.Matchers.nullValue()));
        // the CSV says it in its last row, the XLSX on a second sheet
        String[] rows = risksCsv.split("\r\n");
        assertThat(rows[rows.length - 1]).startsWith("\"說明：本次搜尋說明尚未取得相關證照").contains("「營業執照未置於醒目位置」");
        assertThat(mvc.perform(get("/api/v1/risk-points.csv").param("q", "营业执照")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("说明：本次搜索");
        byte[] xlsx = mvc.perform(get("/api/v1/exemptions.xlsx").param("q", "没有营业执照"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(ListsXlsxTest.sheetNames(xlsx)).containsExactly("不予处罚、从轻处罚和减轻处罚清单", "说明");
        assertThat(ListsXlsxTest.readSheet(xlsx, 2)).contains(List.of("首次未将营业执照置于经营场所醒目位置"));
        assertThat(ListsXlsxTest.readSheet(xlsx)).noneSatisfy(row -> assertThat(row.get(0)).startsWith("说明"));
        // the supplier's licence that the business checks is none it holds: one without a food licence still finds
        // the entry about checking it
        assertThat(riskIds("没有食品经营许可证")).contains("mr-rp-food-licence", "mr-rp-purchase-inspection");
        // a licence the supplier lacks is not the business's own: nothing is left out
        assertThat(riskIds("上家没营业执照")).contains("mr-rp-licence-display");
    }

    @Test
    void short_queries_find_the_entries_holding_the_word_and_unrelated_words_find_nothing() throws Exception {
        indexesBuilt();
        // one or two character pairs are all needed: 占道 finds the entries that say 占道, not those with 占 and 道 apart
        for (String word : List.of("占道", "食品", "营业执照")) {
            List<String> holding = catalog.publicRiskPoints().stream()
                    .filter(r -> ListIndex.searchableText("risk-points", r.title(), r).contains(word))
                    .map(RiskPoint::id).toList();
            assertThat(holding).as(word).isNotEmpty();
            assertThat(riskIds(word)).as(word).containsExactlyInAnyOrderElementsOf(holding);
        }
        assertThat(riskIds("潜水艇和运载火箭发射")).isEmpty();
        assertThat(catalog.searchExemptions("潜水艇和运载火箭发射", null, null, 0, 100).total()).isZero();
    }

    @Autowired DownloadThrottle downloads;

    @Test
    void more_downloads_from_one_address_than_the_limit_are_answered_429_and_a_bad_filter_counts_nothing() throws Exception {
        indexesBuilt();
        downloads.limit(2);
        try {
            org.springframework.test.web.servlet.request.RequestPostProcessor from =
                    r -> { r.setRemoteAddr("203.0.113.21"); return r; };
            // a refused filter is answered 400 before anything is counted
            mvc.perform(get("/api/v1/risk-points.xlsx").param("level", "extreme").with(from)).andExpect(status().isBadRequest());
            mvc.perform(get("/api/v1/risk-points.csv").with(from)).andExpect(status().isOk());
            mvc.perform(get("/api/v1/exemptions.xlsx").with(from)).andExpect(status().isOk());
            var refused = mvc.perform(get("/api/v1/exemptions.csv").with(from))
                    .andExpect(status().isTooManyRequests())
                    .andExpect(jsonPath("$.error").value("rate_limited"))
                    .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("下载过于频繁，请 ")))
                    .andReturn().getResponse();
            assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 60L);
            // another address is not held up
            mvc.perform(get("/api/v1/exemptions.csv").with(r -> { r.setRemoteAddr("203.0.113.22"); return r; }))
                    .andExpect(status().isOk());
        } finally {
            downloads.limit(0);
        }
    }

    @Test
    void the_json_api_lists_filters_and_shows_entries_with_their_citations() throws Exception {
        indexesBuilt();
        mvc.perform(get("/api/v1/risk-points").param("agency", "sample-traffic-police").param("level", "high"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].agency").value("sample-traffic-police"))
                .andExpect(jsonPath("$.items[0].level").value("高"))
                .andExpect(jsonPath("$.items[0].basisPenalty[0].title").isString())
                .andExpect(jsonPath("$.items[0].sample").value(true));
        mvc.perform(get("/api/v1/risk-points/tp-rp-drink-driving"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.basisPenalty[0].title").value("中华人民共和国道路交通安全法"))
                .andExpect(jsonPath("$.basisPenalty[0].article").value("第九十一条"))
                .andExpect(jsonPath("$.guidance[0]").value("提示"));
        mvc.perform(get("/api/v1/exemptions").param("kind", "no_penalty").param("q", "营业执照"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].kind").value("不予处罚"))
                .andExpect(jsonPath("$.items[0].conditions[0].answer").isString());
        mvc.perform(get("/api/v1/exemptions/mr-ex-first-licence-display"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.basisExemption[0].title").value("中华人民共和国行政处罚法"))
                .andExpect(jsonPath("$.basisExemption[0].article").value("第三十三条"))
                .andExpect(jsonPath("$.conditions[2].type").value("corrected_within_days"))
                // the answer to the question as written that meets each condition; null for a number condition
                .andExpect(jsonPath("$.conditions[0].metWhen").value("yes"))
                .andExpect(jsonPath("$.conditions[1].question").value("是否因此引发了消费纠纷或其他危害后果？"))
                .andExpect(jsonPath("$.conditions[1].metWhen").value("no"))
                .andExpect(jsonPath("$.conditions[2].metWhen").value("yes"));
        mvc.perform(get("/api/v1/exemptions/mr-ex-minor-change-registration"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.conditions[0].answer").value("number"))
                .andExpect(jsonPath("$.conditions[0].metWhen").isEmpty())
                .andExpect(jsonPath("$.conditions[1].metWhen").value("no"));
        mvc.perform(get("/api/v1/exemptions/no-such-item"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.error").value("not_found"));
        mvc.perform(get("/api/v1/risk-points").param("size", "500").header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("The page size must be between 1 and 100."));
        mvc.perform(get("/api/v1/risk-points").param("level", "extreme"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("bad_request"));
        // the refusal names the codes the API takes besides the Chinese values
        mvc.perform(get("/api/v1/risk-points").param("level", "extreme").header("Accept-Language", "en"))
                .andExpect(jsonPath("$.message").value("The risk level must be one of: high medium low (or 高 中 低)."));
        mvc.perform(get("/api/v1/exemptions").param("kind", "bogus"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message")
                        .value("清单类别必须是以下之一：不予处罚 从轻处罚 减轻处罚（接口也接受 no_penalty lighter reduced）。"));
        mvc.perform(get("/api/v1/exemptions").param("page", "abc"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void the_json_api_gives_the_entries_in_the_script_of_the_request_language() throws Exception {
        indexesBuilt();
        String entry = "/api/v1/risk-points/tp-rp-drink-driving";
        String link = com.jayway.jsonpath.JsonPath.read(mvc.perform(get(entry)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8), "$.basisPenalty[0].url");
        // zh-TW by ?lang= or by Accept-Language (zh-HK reads Traditional too): the entry's words as the zh-TW page shows
        // them; ids, codes, dates and addresses as written
        for (var traditional : List.of(get(entry).param("lang", "zh-TW"),
                get(entry).header("Accept-Language", "zh-HK, zh;q=0.8"))) {
            mvc.perform(traditional).andExpect(status().isOk())
                    .andExpect(jsonPath("$.id").value("tp-rp-drink-driving"))
                    .andExpect(jsonPath("$.agency").value("sample-traffic-police"))
                    .andExpect(jsonPath("$.title").value("飲酒後駕駛機動車"))
                    .andExpect(jsonPath("$.sector").value("機動車駕駛"))
                    .andExpect(jsonPath("$.prevention[2]").value("單位車輛管理制度中寫明「酒後不開車」，出車前進行提醒。"))
                    .andExpect(jsonPath("$.basisPenalty[0].title").value("中華人民共和國道路交通安全法"))
                    .andExpect(jsonPath("$.basisPenalty[0].article").value("第九十一條"))
                    .andExpect(jsonPath("$.basisPenalty[0].text").value("《中華人民共和國道路交通安全法》第九十一條"))
                    .andExpect(jsonPath("$.basisPenalty[0].url").value(link))
                    .andExpect(jsonPath("$.level").value("高"))
                    .andExpect(jsonPath("$.guidance[2]").value("约谈"))
                    .andExpect(jsonPath("$.effectiveFrom").value("2024-01-01"))
                    .andExpect(jsonPath("$.url").value("/risks/tp-rp-drink-driving"));
        }
        // Simplified Chinese (no language, zh-CN) and English keep the entry as written
        for (var asWritten : List.of(get(entry), get(entry).param("lang", "zh-CN"),
                get(entry).header("Accept-Language", "en"))) {
            mvc.perform(asWritten).andExpect(status().isOk())
                    .andExpect(jsonPath("$.title").value("饮酒后驾驶机动车"))
                    .andExpect(jsonPath("$.basisPenalty[0].article").value("第九十一条"));
        }
        mvc.perform(get("/api/v1/risk-points").param("q", "酒后驾驶").param("lang", "zh-TW"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == 'tp-rp-drink-driving')].title").value("飲酒後駕駛機動車"));
        // an exemption item: its words and questions in Traditional characters, its kind, subkind and types as written
        mvc.perform(get("/api/v1/exemptions/mr-ex-first-licence-display").param("lang", "zh-TW"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("mr-ex-first-licence-display"))
                .andExpect(jsonPath("$.violation").value("首次未將營業執照置於經營場所醒目位置"))
                .andExpect(jsonPath("$.kind").value("不予处罚"))
                .andExpect(jsonPath("$.subkind").value("首违不罚"))
                .andExpect(jsonPath("$.conditions[1].question").value("是否因此引發了消費糾紛或其他危害後果？"))
                .andExpect(jsonPath("$.conditions[1].metWhen").value("no"))
                .andExpect(jsonPath("$.conditions[2].type").value("corrected_within_days"));
        mvc.perform(get("/api/v1/exemptions").param("kind", "no_penalty").param("lang", "zh-TW"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].kind", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.equalTo("不予处罚"))));
        // the discretion benchmarks: violation, circumstances and penalties converted, the degrees' codes as written
        String benchmarks = mvc.perform(get("/api/v1/discretion").param("agency", "sample-traffic-police"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String violation = com.jayway.jsonpath.JsonPath.read(benchmarks, "$.items[0].violation");
        String penalty = com.jayway.jsonpath.JsonPath.read(benchmarks, "$.items[0].circumstances[2].penalty");
        assertThat(cn.gov.enforcement.portal.platform.ReaderScript.toTaiwan(violation + penalty))
                .isNotEqualTo(violation + penalty);
        mvc.perform(get("/api/v1/discretion").param("agency", "sample-traffic-police")
                        .header("Accept-Language", "zh-Hant-TW"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].violation")
                        .value(cn.gov.enforcement.portal.platform.ReaderScript.toTaiwan(violation)))
                .andExpect(jsonPath("$.items[0].circumstances[2].penalty")
                        .value(cn.gov.enforcement.portal.platform.ReaderScript.toTaiwan(penalty)))
                .andExpect(jsonPath("$.items[0].circumstances[*].level").value(
                        org.hamcrest.Matchers.contains("轻微", "一般", "严重")));
        // the eligibility check: the questions and the reasons' and next steps' own words of the item and its agency
        String harm = """
                {"itemId": "mr-ex-first-licence-display", "answers": {"0": "yes", "1": "是", "2": "yes"}}""";
        String agency = catalog.agencyName("sample-market-regulation");
        assertThat(cn.gov.enforcement.portal.platform.ReaderScript.toTaiwan(agency)).isNotEqualTo(agency);
        mvc.perform(post("/api/v1/exemptions/check").param("lang", "zh-TW")
                        .contentType(MediaType.APPLICATION_JSON).content(harm))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("not_covered"))
                .andExpect(jsonPath("$.conditions[1].question").value("是否因此引發了消費糾紛或其他危害後果？"))
                .andExpect(jsonPath("$.reasons[0]").value(
                        "第 2 題不符合：是否因此引發了消費糾紛或其他危害後果？（您的回答是「是」，回答「否」才符合本條件）"))
                .andExpect(jsonPath("$.contact.agency").value("sample-market-regulation"))
                .andExpect(jsonPath("$.contact.name")
                        .value(cn.gov.enforcement.portal.platform.ReaderScript.toTaiwan(agency)))
                .andExpect(jsonPath("$.nextSteps[1]").value(org.hamcrest.Matchers.containsString(
                        cn.gov.enforcement.portal.platform.ReaderScript.toTaiwan(agency))));
    }

    @Test
    void the_api_filters_read_a_sector_or_kind_in_traditional_characters() throws Exception {
        indexesBuilt();
        String sector = cn.gov.enforcement.portal.regulation.ChineseScript.toTraditional("建设项目环评");
        assertThat(sector).isNotEqualTo("建设项目环评");
        mvc.perform(get("/api/v1/risk-points").param("sector", sector))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThan(0)))
                .andExpect(jsonPath("$.items[*].sector", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.equalTo("建设项目环评"))));
        mvc.perform(get("/api/v1/exemptions").param("kind", "不予處罰"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThan(0)))
                .andExpect(jsonPath("$.items[*].kind", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.equalTo("不予处罚"))));
    }

    @Test
    void a_repeated_api_parameter_counts_with_its_first_value_as_on_the_pages() throws Exception {
        indexesBuilt();
        // bound as a String, Spring joined the values: "high,high" was refused as a level, "酒后驾驶,营业执照" found nothing
        mvc.perform(get("/api/v1/risk-points").param("level", "high", "high").param("agency", "sample-traffic-police"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].level").value("高"));
        mvc.perform(get("/api/v1/risk-points").param("q", "酒后驾驶", "营业执照"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", org.hamcrest.Matchers.hasItem("tp-rp-drink-driving")));
        mvc.perform(get("/api/v1/exemptions").param("kind", "no_penalty", "lighter").param("page", "0", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.items[0].kind").value("不予处罚"));
        mvc.perform(get("/api/v1/discretion").param("agency", "sample-traffic-police", "no such agency"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].agency").value("sample-traffic-police"));
        String csv = mvc.perform(get("/api/v1/exemptions.csv").param("agency", "sample-traffic-police", "x"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("tp-ex-clean-record-parking").doesNotContain("mr-ex-first-licence-display");
    }

    @Test
    void the_csv_download_starts_with_a_byte_order_mark_and_holds_the_filtered_entries() throws Exception {
        byte[] body = mvc.perform(get("/api/v1/exemptions.csv").param("agency", "sample-traffic-police"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(body[0]).isEqualTo((byte) 0xEF);
        assertThat(body[1]).isEqualTo((byte) 0xBB);
        assertThat(body[2]).isEqualTo((byte) 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\"编号\",\"执法机关\"").contains("tp-ex-clean-record-parking")
                .doesNotContain("mr-ex-first-licence-display");
        String risks = mvc.perform(get("/api/v1/risk-points.csv").param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(risks).contains("\"ID\",\"Agency\"").contains("《中华人民共和国道路交通安全法》第九十一条")
                .contains(",\"High\",").doesNotContain(",\"高\",");
    }

    @Test
    void an_api_request_body_larger_than_64_kilobytes_is_refused_before_it_is_read() throws Exception {
        // characters of three UTF-8 bytes each, just over the limit
        int chars = cn.gov.enforcement.portal.platform.ApiBodyLimitFilter.MAX_BODY / 3 + 1;
        String huge = "{\"itemId\": \"mr-ex-first-licence-display\", \"answers\": {\"0\": \"" + "是".repeat(chars) + "\"}}";
        mvc.perform(post("/api/v1/exemptions/check").param("lang", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.error").value("too_large"))
                .andExpect(jsonPath("$.message").value("The request body is too large: the API accepts at most 64 KB."));
    }

    @Test
    void the_eligibility_check_answers_with_outcome_reason_articles_and_next_steps() throws Exception {
        String all = """
                {"itemId": "mr-ex-first-licence-display", "answers": {"0": "yes", "no_harm": false, "2": "是"}}""";
        mvc.perform(post("/api/v1/exemptions/check").with(user("tester").roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON).content(all))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("no_penalty"))
                .andExpect(jsonPath("$.applies").value(true))
                // the reader's literal answer to 是否因此引发了消费纠纷…？, which meets the condition
                .andExpect(jsonPath("$.conditions[1].answer").value("no"))
                .andExpect(jsonPath("$.conditions[1].metWhen").value("no"))
                .andExpect(jsonPath("$.conditions[1].met").value(true))
                .andExpect(jsonPath("$.correctionDays").value(3))
                .andExpect(jsonPath("$.correctBy").doesNotExist())
                .andExpect(jsonPath("$.articles[0].title").value("中华人民共和国行政处罚法"))
                .andExpect(jsonPath("$.articles[0].article").value("第三十三条"))
                .andExpect(jsonPath("$.contact.supervisionPhone").isString())
                .andExpect(jsonPath("$.nextSteps[0]").value(
                        "请在执法机关责令改正时规定的期限内改正违法行为（本事项的条件是 3 日内改正）；尚未收到责令改正通知的，请尽快改正。"));
        // a yes to it: the item does not apply, and the reason says the answer no was needed
        String harm = """
                {"itemId": "mr-ex-first-licence-display", "answers": {"0": "yes", "1": "是", "2": "yes"}}""";
        mvc.perform(post("/api/v1/exemptions/check").contentType(MediaType.APPLICATION_JSON).content(harm))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("not_covered"))
                .andExpect(jsonPath("$.conditions[1].answer").value("yes"))
                .andExpect(jsonPath("$.conditions[1].met").value(false))
                .andExpect(jsonPath("$.reasons[0]").value(
                        "第 2 题不符合：是否因此引发了消费纠纷或其他危害后果？（您的回答是“是”，回答“否”才符合本条件）"));
        String tooLate = """
                {"itemId": "mr-ex-minor-change-registration", "answers": {"0": 90, "1": "no", "2": "yes"}}""";
        mvc.perform(post("/api/v1/exemptions/check").with(user("tester").roles("ADMIN")).param("lang", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(tooLate))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("not_covered"))
                .andExpect(jsonPath("$.conditions[0].met").value(false))
                .andExpect(jsonPath("$.conditions[1].met").value(true))
                .andExpect(jsonPath("$.message").value("This item does not apply"));
        // a JSON decimal: read as a Double ("1.23456785E7"), it was refused as not a number
        String decimal = """
                {"itemId": "mr-ex-minor-change-registration", "answers": {"0": 12345678.5, "1": "no", "2": "yes"}}""";
        mvc.perform(post("/api/v1/exemptions/check").param("lang", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(decimal))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("not_covered"))
                .andExpect(jsonPath("$.conditions[0].answer").value("12345678.5"));
        String missing = """
                {"itemId": "mr-ex-first-licence-display", "answers": {"0": "yes"}}""";
        mvc.perform(post("/api/v1/exemptions/check").with(user("tester").roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON).content(missing))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("请回答第 2 题。"))
                .andExpect(jsonPath("$.problems.length()").value(2))
                .andExpect(jsonPath("$.problems[0].question").value(1))
                .andExpect(jsonPath("$.problems[0].message").value("请回答第 2 题。"))
                .andExpect(jsonPath("$.problems[1].question").value(2))
                .andExpect(jsonPath("$.problems[1].message").value("请回答第 3 题。"));
        String badNumber = """
                {"itemId": "mr-ex-minor-change-registration", "answers": {"0": "abc", "1": "yes"}}""";
        mvc.perform(post("/api/v1/exemptions/check").param("lang", "en")
                        .contentType(MediaType.APPLICATION_JSON).content(badNumber))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bad_request"))
                .andExpect(jsonPath("$.problems.length()").value(2))
                .andExpect(jsonPath("$.problems[0].question").value(0))
                .andExpect(jsonPath("$.problems[1].question").value(2));
        mvc.perform(post("/api/v1/exemptions/check").with(user("tester").roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"itemId\": \"nope\", \"answers\": {}}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/exemptions/check").with(user("tester").roles("ADMIN"))
                        .contentType(MediaType.APPLICATION_JSON).content("not json"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anyone_may_run_the_eligibility_check_without_signing_in_but_other_posts_stay_closed() throws Exception {
        // an empty answer set is a clear 400 in the reader's language, not a login prompt
        mvc.perform(post("/api/v1/exemptions/check").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"itemId\": \"mr-ex-first-licence-display\", \"answers\": {}}"))
                .andExpect(status().isBadRequest());
        // no endpoint takes a POST there: 405 naming the methods it takes, before anything runs (an endpoint for staff
        // refuses a caller without an account with 401: ApiErrorsIT)
        mvc.perform(post("/api/v1/risk-points").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", org.hamcrest.Matchers.containsString("GET")))
                .andExpect(jsonPath("$.error").value("method_not_allowed"));
    }

    @Test
    void reloading_is_idempotent_changes_are_stored_and_a_broken_file_keeps_its_old_entries() throws Exception {
        List<LoadReport> again = knowledgeBase.loadAll();
        assertThat(reportOf(again, "risk-points").changed()).isZero();
        assertThat(reportOf(again, "exemptions").changed()).isZero();
        Path file = KNOWLEDGE_DIR.resolve("risk-points/sample-traffic-police.yaml");
        String original = Files.readString(file, StandardCharsets.UTF_8);
        try {
            Files.writeString(file, original.replace("title: 饮酒后驾驶机动车", "title: 酒后开车"), StandardCharsets.UTF_8);
            assertThat(reportOf(knowledgeBase.loadAll(), "risk-points").changed()).isEqualTo(1);
            assertThat(catalog.findRiskPoint("tp-rp-drink-driving").orElseThrow().title()).isEqualTo("酒后开车");

            Files.writeString(file, original.replace("level: 高", "level: 极高"), StandardCharsets.UTF_8);
            LoadReport broken = reportOf(knowledgeBase.loadAll(), "risk-points");
            assertThat(broken.skipped()).isEqualTo(1);
            assertThat(broken.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.file()).isEqualTo("knowledge-base/risk-points/sample-traffic-police.yaml");
                assertThat(p.line()).isPositive();
            });
            assertThat(catalog.findRiskPoint("tp-rp-drink-driving")).as("old entries stay").isPresent();
        } finally {
            Files.writeString(file, original, StandardCharsets.UTF_8);
            knowledgeBase.loadAll();
        }
        assertThat(catalog.findRiskPoint("tp-rp-drink-driving").orElseThrow().title()).isEqualTo("饮酒后驾驶机动车");
    }
}
