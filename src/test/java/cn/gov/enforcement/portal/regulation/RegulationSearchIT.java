package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.gov.enforcement.portal.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Import → database → {@code regulation-articles} index → search and JSON API, on the real search node,
 * with real corpus files (行政处罚法, 民法典 合同编) and the five seeds from the shared directory.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegulationSearchIT extends IntegrationTest {

    private static Path folder;
    private static ImportSummary first;

    @Autowired ImportService importService;
    @Autowired RegulationCatalog catalog;
    @Autowired JdbcTemplate jdbc;
    @Autowired RegulationIndex index;
    @Autowired cn.gov.enforcement.portal.search.TextEmbeddings embeddings;
    @Autowired WebApplicationContext context;
    @Autowired co.elastic.clients.elasticsearch.ElasticsearchClient es;

    private MockMvc mvc;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void importOnce() throws IOException {
        Path corpus = SharedData.require("corpus/lawrefbook");
        Path seeds = SharedData.require("seeds");
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
        if (folder != null) {
            return;
        }
        Path dir = Files.createDirectories(RUN_DATA_DIR.resolve("regulation-import-" + System.nanoTime()));
        copy(corpus.resolve("行政法/行政处罚法(2021-01-22).md"), dir.resolve("行政法/行政处罚法(2021-01-22).md"));
        copy(corpus.resolve("民法典/合同编.md"), dir.resolve("民法典/合同编.md"));
        // an older version of the same law (without the 2021 sentence on first violations)
        String law = Files.readString(corpus.resolve("行政法/行政处罚法(2021-01-22).md"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("行政法/行政处罚法(2017-09-01).md"),
                // as the real 2017 version, which closes with the first version's date
                law.replace("初次违法且危害后果轻微并及时改正的，可以不予行政处罚。", "")
                        .replace("本法自2021年7月15日起施行", "本法自1996年10月1日起施行"), StandardCharsets.UTF_8);
        try (var list = Files.list(seeds)) {
            for (Path seed : list.filter(p -> p.toString().endsWith(".txt")).toList()) {
                copy(seed, dir.resolve("seeds").resolve(seed.getFileName()));
            }
        }
        Files.writeString(dir.resolve("行政法/broken.md"), "no title here\n第一条 text\n", StandardCharsets.UTF_8);
        // start from empty tables (another test class or an earlier run on PostgreSQL may have imported)
        jdbc.update("delete from regulation_article");
        jdbc.update("delete from regulation_document");
        List<String> progress = new ArrayList<>();
        first = importService.importFolder(dir, progress::add);
        System.out.println(first.line() + " " + first.problems());
        assertThat(progress).anySatisfy(line -> assertThat(line).matches("imported 9/9 files, [\\d,]+ articles"));
        folder = dir;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    @Order(1)
    void import_stores_every_good_file_and_reports_the_broken_one_with_file_and_line() {
        assertThat(first.files()).isEqualTo(9);
        assertThat(first.imported()).isEqualTo(8);
        assertThat(first.failed()).isEqualTo(1);
        assertThat(first.hasFailures()).isTrue();
        assertThat(first.errors()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("行政法/broken.md");
            assertThat(p.line()).isPositive();
        });
        assertThat(jdbc.queryForList("select status from regulation_document where title = ? order by version_date",
                String.class, "中华人民共和国行政处罚法")).containsExactly("SUPERSEDED", "CURRENT");
        assertThat(jdbc.queryForObject("select count(*) from regulation_article a join regulation_document d "
                + "on a.document_id = d.id where d.title = ? and a.number = ?", Integer.class,
                "中华人民共和国行政处罚法", "第三十三条")).isEqualTo(2);
        assertThat(first.articles()).isGreaterThan(500);
        assertThat(catalog.documentCount()).isEqualTo(8);
    }

    @Autowired SearchThrottle throttle;

    @Test
    void more_searches_from_one_address_than_the_limit_are_answered_429_with_retry_after() throws Exception {
        throttle.limit(2);
        try {
            for (int i = 0; i < 2; i++) {
                mvc.perform(get("/api/v1/regulations/search").param("q", "行政处罚 " + i)
                        .with(r -> { r.setRemoteAddr("203.0.113.7"); return r; })).andExpect(status().isOk());
            }
            var refused = mvc.perform(get("/api/v1/regulations/search").param("q", "行政处罚").param("lang", "en")
                    .with(r -> { r.setRemoteAddr("203.0.113.7"); return r; }))
                    .andExpect(status().isTooManyRequests())
                    .andExpect(jsonPath("$.error").value("rate_limited"))
                    .andReturn().getResponse();
            assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 60L);
            assertThat(json.readTree(refused.getContentAsString(StandardCharsets.UTF_8)).get("message").asText())
                    .startsWith("Too many searches from your address; please try again in ");
            // another client is not held up by this one
            mvc.perform(get("/api/v1/regulations/search").param("q", "行政处罚")
                    .with(r -> { r.setRemoteAddr("203.0.113.8"); return r; })).andExpect(status().isOk());
            // a bad request is refused before it counts
            throttle.limit(1);
            mvc.perform(get("/api/v1/regulations/search").param("q", "行政处罚").param("size", "x")
                    .with(r -> { r.setRemoteAddr("203.0.113.9"); return r; })).andExpect(status().isBadRequest());
            mvc.perform(get("/api/v1/regulations/search").param("q", "行政处罚")
                    .with(r -> { r.setRemoteAddr("203.0.113.9"); return r; })).andExpect(status().isOk());
        } finally {
            throttle.limit(0);
        }
    }

    @Test
    @Order(2)
    void importing_the_same_folder_again_writes_nothing() {
        Long before = jdbc.queryForObject("select count(*) from regulation_article", Long.class);
        ImportSummary again = importService.importFolder(folder, line -> {});
        assertThat(again.imported()).isZero();
        assertThat(again.unchanged()).isEqualTo(8);
        assertThat(again.articles()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from regulation_article", Long.class)).isEqualTo(before);
    }

    @Test
    void a_simplified_query_finds_the_article_of_the_administrative_penalty_law() {
        RegulationCatalog.Results results = catalog.search(new RegulationCatalog.Query("初次违法且危害后果轻微", 10,
                null, null, DocumentStatus.CURRENT));
        assertThat(results.results()).anySatisfy(hit -> {
            assertThat(hit.title()).isEqualTo("中华人民共和国行政处罚法");
            assertThat(hit.article()).isEqualTo("第三十三条");
            assertThat(hit.url()).matches("/regulations/\\d+#第三十三条");
            assertThat(hit.snippet()).contains("<em>");
        });
        assertThat(results.results().get(0).article()).isEqualTo("第三十三条");
    }

    @Test
    void a_question_in_plain_words_finds_the_article_through_the_semantic_leg() {
        // hardly a word of the question occurs in Art. 33 (初次违法且危害后果轻微并及时改正的，可以不予行政处罚)
        RegulationCatalog.Results results = catalog.search(new RegulationCatalog.Query(
                "我是第一次犯错，问题也不严重，已经马上改好了，还会被罚款吗？", 10, null, null, DocumentStatus.CURRENT));
        assertThat(results.results()).anySatisfy(hit -> {
            assertThat(hit.title()).isEqualTo("中华人民共和国行政处罚法");
            assertThat(hit.article()).isEqualTo("第三十三条");
        });
    }

    @Test
    void everyday_words_are_also_searched_as_the_legal_terms_of_the_statutes() {
        // 房东 (landlord) is 出租人 in the Civil Code; the question never says 出租人
        RegulationCatalog.Results results = current("房东一直不修漏水的房子怎么办");
        assertThat(results.legalTerms()).contains("出租人");
        assertThat(topThree(results))
                .anySatisfy(hit -> assertThat(hit.snippet()).containsPattern("<em>[^<]*出租人[^<]*</em>"));
        // the question's common characters (的) are not marked in the snippets, its rarer ones and the terms are
        assertThat(results.results()).allSatisfy(hit -> assertThat(hit.snippet())
                .doesNotContainPattern("<em>[^<]*的[^<]*</em>"));

        assertThat(current("出租人应当履行租赁物的维修义务").legalTerms()).isEmpty();
    }

    @Test
    void a_first_violation_in_everyday_words_finds_the_article_on_it_first() {
        // 首次违法 (the 首违不罚 of the lists) is 初次违法 in the statute (Art. 33); 首次 alone is in many articles
        RegulationCatalog.Results results = current("首次违法会被罚款吗");
        assertThat(results.legalTerms()).contains("初次违法");
        assertThat(results.results().get(0).title()).isEqualTo("中华人民共和国行政处罚法");
        assertThat(results.results().get(0).article()).isEqualTo("第三十三条");
    }

    @Test
    void a_short_everyday_word_alone_finds_the_articles_of_its_legal_term() {
        // a query of up to four characters must contain all of them; no Civil Code article says 房东, so the
        // legal term 出租人 has to stand in for the word itself
        RegulationCatalog.Results results = current("房东");
        assertThat(results.legalTerms()).contains("出租人");
        assertThat(topThree(results)).allSatisfy(hit -> assertThat(hit.snippet()).contains("<em>出租人</em>"));
        // a short query in statutory words is searched as written, without legal terms
        RegulationCatalog.Results statutory = current("出租人");
        assertThat(statutory.legalTerms()).isEmpty();
        assertThat(topThree(statutory)).allSatisfy(hit -> assertThat(hit.snippet()).contains("<em>出租人</em>"));
    }

    /** The first page (10 hits) of current articles for {@code q}. */
    private RegulationCatalog.Results current(String q) {
        return catalog.search(new RegulationCatalog.Query(q, 10, null, null, DocumentStatus.CURRENT));
    }

    /** The first three hits, failing when there is none. */
    private static List<RegulationCatalog.ArticleHit> topThree(RegulationCatalog.Results results) {
        assertThat(results.results()).isNotEmpty();
        return results.results().subList(0, Math.min(3, results.results().size()));
    }

    @Test
    void rebuilding_the_index_takes_every_vector_from_the_cache() {
        long computed = embeddings.computed();
        long articles = jdbc.queryForObject("select count(*) from regulation_article", Long.class);
        List<String> progress = new ArrayList<>();
        assertThat(index.rebuild(progress::add)).isEqualTo(articles);
        assertThat(embeddings.computed()).isEqualTo(computed);
        assertThat(progress).last().asString().startsWith(String.format("indexed %,d/%,d articles", articles, articles));
        assertThat(catalog.search(new RegulationCatalog.Query("初次违法且危害后果轻微", 10, null, null,
                DocumentStatus.CURRENT)).results().get(0).article()).isEqualTo("第三十三条");
    }

    @Test
    void a_traditional_query_finds_simplified_text_and_a_simplified_query_finds_traditional_text() {
        RegulationCatalog.Results traditional = catalog.search(new RegulationCatalog.Query("初次違法且危害後果輕微", 10,
                null, null, null));
        assertThat(traditional.results()).anySatisfy(hit -> assertThat(hit.article()).isEqualTo("第三十三条"));

        // seed 000 is written in Traditional characters (洛陽市服務型行政執法實施辦法)
        RegulationCatalog.Results simplified = catalog.search(new RegulationCatalog.Query("洛阳市服务型行政执法", 10,
                null, null, null));
        assertThat(simplified.results()).anySatisfy(hit -> assertThat(hit.title()).isEqualTo("洛陽市服務型行政執法實施辦法"));
    }

    @Test
    void characters_a_zh_tw_page_writes_for_other_simplified_ones_find_them_and_are_marked() {
        // 瞭, 覆 stay themselves in the character table, though a zh-TW page writes 瞭解, 答覆 for 了解, 答复
        for (String[] pair : new String[][] {{"瞭解", "了解"}, {"答覆", "答复"}}) {
            List<String> traditional = current(pair[0]).results().stream().map(RegulationCatalog.ArticleHit::url).toList();
            List<String> simplified = current(pair[1]).results().stream().map(RegulationCatalog.ArticleHit::url).toList();
            assertThat(simplified).as(pair[1]).isNotEmpty();
            // the words match alike (the question's vector differs a little, so the order may)
            assertThat(traditional).as(pair[0]).contains(simplified.get(0));
            if (pair[1].equals("答复")) { // 了 is a filler word, never marked: 了解 marks 解 alone
                assertThat(current(pair[0]).results()).as(pair[0])
                        .filteredOn(h -> h.snippet().contains("<em>" + pair[1] + "</em>"))
                        .extracting(RegulationCatalog.ArticleHit::url)
                        .isNotEmpty()
                        .containsExactlyInAnyOrderElementsOf(current(pair[1]).results().stream()
                                .filter(h -> h.snippet().contains("<em>" + pair[1] + "</em>"))
                                .map(RegulationCatalog.ArticleHit::url).toList());
            }
        }
    }

    @Test
    void level_and_region_filters_narrow_the_results() {
        RegulationCatalog.Results laws = catalog.search(new RegulationCatalog.Query("行政执法", 100,
                LegalLevel.LAW, null, null));
        assertThat(laws.results()).isNotEmpty()
                .allSatisfy(hit -> assertThat(hit.title()).startsWith("中华人民共和国"));
        RegulationCatalog.Results local = catalog.search(new RegulationCatalog.Query("行政执法", 100,
                LegalLevel.LOCAL_GOVERNMENT_RULE, null, null));
        assertThat(local.results()).isNotEmpty()
                .allSatisfy(hit -> assertThat(hit.title()).doesNotStartWith("中华人民共和国"));
        RegulationCatalog.Results luoyang = catalog.search(new RegulationCatalog.Query("行政执法", 100, null,
                "洛阳市", null));
        assertThat(luoyang.results()).isNotEmpty()
                .allSatisfy(hit -> assertThat(hit.title()).isEqualTo("洛陽市服務型行政執法實施辦法"));
        RegulationCatalog.Results superseded = catalog.search(new RegulationCatalog.Query("行政处罚", 100, null, null,
                DocumentStatus.SUPERSEDED));
        assertThat(superseded.results()).isNotEmpty()
                .allSatisfy(hit -> assertThat(hit.title()).isEqualTo("中华人民共和国行政处罚法"));
        RegulationCatalog.Results current = catalog.search(new RegulationCatalog.Query("行政处罚", 100, null, null,
                DocumentStatus.CURRENT));
        assertThat(current.results()).extracting(RegulationCatalog.ArticleHit::documentId)
                .doesNotContainAnyElementsOf(superseded.results().stream()
                        .map(RegulationCatalog.ArticleHit::documentId).toList());
    }

    @Test
    void the_api_answers_with_total_and_results_in_exactly_the_documented_shape() throws Exception {
        String body = mvc.perform(get("/api/v1/regulations/search").param("q", "危害后果轻微").param("size", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").isNumber())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode root = json.readTree(body);
        assertThat(fieldNames(root)).containsExactly("total", "results");
        assertThat(root.get("results").size()).isBetween(1, 3);
        JsonNode hit = root.get("results").get(0);
        assertThat(fieldNames(hit)).containsExactly("title", "article", "snippet", "url", "score", "level", "status",
                "versionDate", "inForceDate");
        assertThat(hit.get("title").asText()).isEqualTo("中华人民共和国行政处罚法");
        assertThat(hit.get("article").asText()).isEqualTo("第三十三条");
        assertThat(hit.get("score").isNumber()).isTrue();
        // level and status as the filters spell them; the dates tell the versions apart
        assertThat(hit.get("level").asText()).isEqualTo("law");
        assertThat(hit.get("status").asText()).isEqualTo("current");
        Map<String, Object> version = jdbc.queryForMap("select version_date, coalesce(in_force_date, version_date) "
                + "as applies from regulation_document where title = ? and status = 'CURRENT'", "中华人民共和国行政处罚法");
        assertThat(hit.get("versionDate").asText()).isEqualTo(version.get("version_date").toString());
        assertThat(hit.get("inForceDate").asText()).isEqualTo(version.get("applies").toString());
    }

    @Test
    void the_api_title_is_the_full_title_without_the_part_of_a_code_the_page_shows_the_part() throws Exception {
        String q = "出卖人转移标的物的所有权于买受人，买受人支付价款的合同";
        JsonNode hit = json.readTree(mvc.perform(get("/api/v1/regulations/search").param("q", q).param("size", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .get("results").get(0);
        assertThat(hit.get("title").asText()).isEqualTo("中华人民共和国民法典");
        assertThat(hit.get("article").asText()).isEqualTo("第五百九十五条");
        RegulationCatalog.ArticleHit shown = catalog.search(new RegulationCatalog.Query(q, 1, null, null,
                DocumentStatus.CURRENT)).results().get(0);
        assertThat(shown.title()).isEqualTo("中华人民共和国民法典 合同编");
        assertThat(shown.documentTitle()).isEqualTo("中华人民共和国民法典");
    }

    @Test
    void odd_query_text_never_causes_an_error() throws Exception {
        List<String> odd = List.of("", "   ", "条".repeat(2000), "\"行政 AND (处罚 OR *)~2 ^3 /[a-z]+/ \\ {}",
                "😀🚓⚖️", "行政處罰 administrative 处罚 ｑｕｅｒｙ", "<script>alert(1)</script>", "\u0000\u0007\uD800");
        for (String q : odd) {
            mvc.perform(get("/api/v1/regulations/search").param("q", q))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").isNumber())
                    .andExpect(jsonPath("$.results").isArray());
        }
        mvc.perform(get("/api/v1/regulations/search").param("q", "合同").param("size", "5000"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.results.length()").value(100));
        mvc.perform(get("/api/v1/regulations/search").param("q", "行政处罚").param("level", "nonsense")
                .param("lang", "en")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("Unknown level")));
    }

    // --- filters and paging ---

    private String column(long documentId, String column) {
        return jdbc.queryForObject("select " + column + " from regulation_document where id = ?", String.class,
                documentId);
    }

    private RegulationCatalog.Results search(String q, Integer page, Integer size, LegalLevel level, String region,
            String issuer, DocumentStatus status, java.time.LocalDate from, java.time.LocalDate to) {
        return catalog.search(new RegulationCatalog.Query(q, page, size, level, region, issuer, status, from, to));
    }

    @Test
    void the_issuer_filter_keeps_only_that_issuers_documents() {
        RegulationCatalog.Results all = search("行政", 1, 100, null, null, null, null, null, null);
        RegulationCatalog.Results henan = search("行政", 1, 100, null, null, "河南省司法厅", null, null, null);
        assertThat(henan.results()).isNotEmpty()
                .allSatisfy(hit -> assertThat(column(hit.documentId(), "issuer")).isEqualTo("河南省司法厅"));
        assertThat(henan.total()).isLessThan(all.total());
        // an issuer nobody has finds nothing (no error)
        assertThat(search("行政", 1, 100, null, null, "不存在的机关", null, null, null).results()).isEmpty();
    }

    @Test
    void the_in_force_date_range_keeps_only_versions_in_force_within_it() {
        java.time.LocalDate from = java.time.LocalDate.of(2021, 1, 1);
        java.time.LocalDate to = java.time.LocalDate.of(2021, 12, 31);
        RegulationCatalog.Results in2021 = search("行政处罚", 1, 100, LegalLevel.LAW, null, null, null, from, to);
        assertThat(in2021.results()).isNotEmpty().allSatisfy(hit -> {
            String date = jdbc.queryForObject("select coalesce(in_force_date, version_date) from regulation_document "
                    + "where id = ?", String.class, hit.documentId());
            assertThat(java.time.LocalDate.parse(date)).isBetween(from, to);
        });
        // the 2017 version of the penalty law is outside the range; only the 2021 one is found
        assertThat(in2021.results()).extracting(RegulationCatalog.ArticleHit::documentId)
                .allSatisfy(id -> assertThat(column(id, "version_date")).startsWith("2021"));
        RegulationCatalog.Results before2018 = search("行政处罚", 1, 100, LegalLevel.LAW, null, null, null, null,
                java.time.LocalDate.of(2017, 12, 31));
        assertThat(before2018.results()).isNotEmpty()
                .allSatisfy(hit -> assertThat(column(hit.documentId(), "version_date")).startsWith("2017"));
        assertThat(search("行政处罚", 1, 100, null, null, null, null, java.time.LocalDate.of(2100, 1, 1), null)
                .results()).isEmpty();
    }

    @Test
    void without_a_status_only_current_versions_are_searched_and_any_searches_all() throws Exception {
        long superseded = jdbc.queryForObject("select id from regulation_document where title = ? and status = ?",
                Long.class, "中华人民共和国行政处罚法", "SUPERSEDED");
        JsonNode current = json.readTree(mvc.perform(get("/api/v1/regulations/search").param("q", "行政处罚")
                .param("size", "100")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(current.get("results")).isNotEmpty().allSatisfy(hit -> {
            assertThat(hit.get("url").asText()).doesNotStartWith("/regulations/" + superseded + "#");
            assertThat(hit.get("status").asText()).isEqualTo("current");
        });
        JsonNode any = json.readTree(mvc.perform(get("/api/v1/regulations/search").param("q", "行政处罚")
                .param("size", "100").param("status", "any").param("level", "law")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(any.get("total").asLong()).isGreaterThan(0);
        JsonNode old = json.readTree(mvc.perform(get("/api/v1/regulations/search").param("q", "行政处罚")
                .param("status", "superseded")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(old.get("results")).isNotEmpty().allSatisfy(hit -> {
            assertThat(hit.get("url").asText()).startsWith("/regulations/" + superseded + "#");
            assertThat(hit.get("status").asText()).isEqualTo("superseded");
        });
    }

    @Test
    void every_filter_works_through_the_api() throws Exception {
        mvc.perform(get("/api/v1/regulations/search").param("q", "行政执法").param("region", "洛陽市"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].title").value("洛陽市服務型行政執法實施辦法"));
        mvc.perform(get("/api/v1/regulations/search").param("q", "行政").param("issuer", "河南省司法厅")
                .param("size", "100")).andExpect(status().isOk())
                .andExpect(jsonPath("$.results.length()").value(org.hamcrest.Matchers.greaterThan(0)));
        String body = mvc.perform(get("/api/v1/regulations/search").param("q", "行政处罚").param("level", "law")
                .param("from", "2021-01-01").param("to", "2021-12-31").param("size", "100"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json.readTree(body).get("results")).isNotEmpty().allSatisfy(hit -> assertThat(
                hit.get("title").asText()).startsWith("中华人民共和国"));
        mvc.perform(get("/api/v1/regulations/search").param("q", "行政处罚").param("level", "LOCAL_GOVERNMENT_RULE"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[*].title", org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.startsWith("中华人民共和国")))));
    }

    @Test
    void pages_beyond_the_ranking_depth_continue_the_first_ones_without_repeating_or_skipping_a_hit() {
        // 法 is in most articles of the test corpus: more hits than the ranking's depth (400)
        RegulationCatalog.Results first = search("法", 1, 100, null, null, null, null, null, null);
        assertThat(first.total()).isGreaterThan(500);
        java.util.List<String> paged = new java.util.ArrayList<>();
        for (int page = 1; page <= 6; page++) {
            RegulationCatalog.Results r = search("法", page, 100, null, null, null, null, null, null);
            assertThat(r.total()).as("page %d", page).isEqualTo(first.total());
            r.results().forEach(h -> paged.add(h.url()));
        }
        assertThat(paged).doesNotHaveDuplicates().hasSize((int) Math.min(600, first.total()));
        // pages 1 to 4 are the same whether a deeper page was asked for or not
        java.util.List<String> fourPages = new java.util.ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            search("法", page, 100, null, null, null, null, null, null).results().forEach(h -> fourPages.add(h.url()));
        }
        assertThat(paged.subList(0, 400)).containsExactlyElementsOf(fourPages);
        // pages of 10 around and beyond the depth agree with the pages of 100, position by position
        java.util.List<String> small = new java.util.ArrayList<>();
        for (int page = 39; page <= 45; page++) {
            RegulationCatalog.Results r = search("法", page, 10, null, null, null, null, null, null);
            assertThat(r.total()).as("page %d of 10", page).isEqualTo(first.total());
            r.results().forEach(h -> small.add(h.url()));
        }
        assertThat(small).containsExactlyElementsOf(paged.subList(380, 450));
    }

    @Test
    void pages_do_not_overlap_and_the_total_stays_the_same() throws Exception {
        RegulationCatalog.Results first = search("合同", 1, 10, null, null, null, null, null, null);
        RegulationCatalog.Results second = search("合同", 2, 10, null, null, null, null, null, null);
        assertThat(first.total()).isGreaterThan(20).isEqualTo(second.total());
        assertThat(first.results()).hasSize(10);
        assertThat(second.results()).hasSize(10);
        assertThat(second.page()).isEqualTo(2);
        assertThat(second.results()).extracting(RegulationCatalog.ArticleHit::url)
                .doesNotContainAnyElementsOf(first.results().stream().map(RegulationCatalog.ArticleHit::url).toList());
        RegulationCatalog.Results twenty = search("合同", 1, 20, null, null, null, null, null, null);
        assertThat(twenty.results().subList(10, 20)).extracting(RegulationCatalog.ArticleHit::url)
                .containsExactlyElementsOf(second.results().stream().map(RegulationCatalog.ArticleHit::url).toList());
        // the last reachable page and the first one beyond the window: this search has fewer than 1,000 results
        // (a node with more articles than these few laws is needed for one that is too deep: RegulationCatalogWindowTest),
        // so a page beyond the window is past its end, with the search's total, and no advice to narrow the search
        assertThat(first.total()).isLessThanOrEqualTo(RegulationCatalog.MAX_WINDOW);
        assertThat(search("合同", 100, 10, null, null, null, null, null, null).tooDeep()).isFalse();
        RegulationCatalog.Results beyond = search("合同", 101, 10, null, null, null, null, null, null);
        assertThat(beyond.tooDeep()).isFalse();
        assertThat(beyond.total()).isEqualTo(first.total());
        assertThat(beyond.results()).isEmpty();
        assertThat(first.pages()).isEqualTo((int) Math.min((first.total() + 9) / 10, 100));

        String page2 = mvc.perform(get("/api/v1/regulations/search").param("q", "合同").param("size", "10")
                .param("page", "2")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(json.readTree(page2).get("results").get(0).get("url").asText())
                .isEqualTo(second.results().get(0).url());
        // a page past the last one is an empty page, not an error, within the window and beyond it
        for (String page : new String[] {"10", "11"}) {
            mvc.perform(get("/api/v1/regulations/search").param("q", "合同").param("size", "100").param("page", page))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(first.total()))
                    .andExpect(jsonPath("$.results.length()").value(0));
        }
    }

    @Test
    void bad_filter_values_are_a_400_with_a_message_in_the_requests_language() throws Exception {
        String[][] bad = {{"page", "0"}, {"page", "abc"}, {"page", "-1"}, {"size", "0"}, {"size", "x"},
            {"level", "nonsense"}, {"status", "old"}, {"from", "2021-13-01"}, {"to", "yesterday"},
            {"region", "区".repeat(201)}, {"issuer", "机".repeat(300)}};
        for (String[] param : bad) {
            mvc.perform(get("/api/v1/regulations/search").param("q", "行政").param(param[0], param[1])
                    .param("lang", "zh-CN")).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.matchesPattern(".*[\u4e00-\u9fff].*")));
        }
        mvc.perform(get("/api/v1/regulations/search").param("q", "行政").param("from", "2022-01-01")
                .param("to", "2021-01-01").header("Accept-Language", "en")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("The \"from\" date must not be after the \"to\" date."));
        mvc.perform(get("/api/v1/regulations/search").param("q", "行政").param("page", "0").param("lang", "zh-TW"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("頁碼必須是從 1 開始的整數。"));
    }

    @Test
    void years_the_search_node_cannot_store_are_a_400_with_the_date_message_not_a_500() throws Exception {
        String[][] bad = {{"from", "0000-01-01"}, {"from", "-0001-01-01"}, {"to", "+10000-01-01"}};
        for (String[] param : bad) {
            mvc.perform(get("/api/v1/regulations/search").param("q", "合同").param(param[0], param[1])
                    .param("lang", "en")).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value("bad_request"))
                    .andExpect(jsonPath("$.message").value("Dates must be written as yyyy-MM-dd, e.g. 2021-07-15."));
        }
        mvc.perform(get("/api/v1/regulations/search").param("q", "合同").param("from", "0001-01-01")
                .param("to", "9999-12-31")).andExpect(status().isOk()).andExpect(jsonPath("$.total").isNumber());
    }

    private long total(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).get("total").asLong();
    }

    @Test
    void a_repeated_parameter_counts_with_its_first_value_as_on_the_search_page() throws Exception {
        String api = "/api/v1/regulations/search";
        // not "合同,借款"
        long contract = total(get(api).param("q", "合同"));
        assertThat(contract).isGreaterThan(0);
        assertThat(total(get(api).param("q", "合同", "借款"))).isEqualTo(contract);
        // not the region "全国,河南省", which no document has
        long national = total(get(api).param("q", "行政处罚").param("region", "全国"));
        assertThat(national).isGreaterThan(0);
        assertThat(total(get(api).param("q", "行政处罚").param("region", "全国", "河南省"))).isEqualTo(national);
        // not the level "law,law", which is no level
        long laws = total(get(api).param("q", "行政处罚").param("level", "law"));
        assertThat(total(get(api).param("q", "行政处罚").param("level", "law", "law"))).isEqualTo(laws);
        assertThat(total(get(api).param("q", "行政处罚").param("level", "law", "nonsense"))).isEqualTo(laws);
        assertThat(total(get(api).param("q", "合同").param("size", "3", "5").param("page", "2", "9")))
                .isEqualTo(contract);
        mvc.perform(get(api).param("q", "合同").param("size", "3", "5")).andExpect(status().isOk())
                .andExpect(jsonPath("$.results.length()").value(3));
    }

    @Test
    void odd_query_text_with_filters_and_pages_still_answers() throws Exception {
        List<String> odd = List.of("", "条".repeat(2000), "\"(*~^:/\\[", "😀🚓⚖️", "行政處罰 administrative 处罚 ｑｕｅｒｙ",
                "初次違法且危害後果輕微");
        for (String q : odd) {
            mvc.perform(get("/api/v1/regulations/search").param("q", q).param("level", "law").param("status", "any")
                    .param("from", "2000-01-01").param("page", "2").param("size", "5"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.total").isNumber());
        }
        RegulationCatalog.Results traditional = search("初次違法且危害後果輕微", 1, 10, LegalLevel.LAW, "全國", null,
                DocumentStatus.CURRENT, null, null);
        assertThat(traditional.results()).anySatisfy(hit -> assertThat(hit.article()).isEqualTo("第三十三条"));
    }

    @Test
    void the_filter_options_come_from_the_data() {
        RegulationCatalog.FilterOptions options = catalog.filterOptions();
        assertThat(options.levels()).contains(LegalLevel.LAW, LegalLevel.LOCAL_GOVERNMENT_RULE,
                LegalLevel.NORMATIVE_DOCUMENT, LegalLevel.OTHER_MATERIAL).doesNotContain(LegalLevel.JUDICIAL_INTERPRETATION);
        // regions in Simplified characters, once each
        assertThat(options.regions()).contains("全国", "洛阳市", "河南省").doesNotContain("洛陽市").doesNotHaveDuplicates();
        assertThat(options.issuers()).contains("河南省司法厅", "郑州市人民防空办公室");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    @SuppressWarnings("rawtypes")
    void articles_carry_how_often_other_documents_cite_their_document() throws Exception {
        // a document of our own that cites the administrative penalty law twice (once by its short title)
        Path dir = Files.createDirectories(RUN_DATA_DIR.resolve("regulation-citing-" + System.nanoTime()));
        Files.writeString(dir.resolve("citing.txt"), """
                某市轻微违法行为处理工作指引（测试用文件）
                第一条 为规范轻微违法行为的处理，依据《中华人民共和国行政处罚法》，制定本指引。
                第二条 当事人有证据足以证明没有主观过错的，依照《行政处罚法》的规定不予行政处罚。
                """, StandardCharsets.UTF_8);
        java.util.function.Function<String, List<Number>> citations = title -> {
            try {
                return es.search(s -> s.index(RegulationIndex.ALIAS).size(1000)
                        .query(q -> q.term(t -> t.field("display_title").value(title))), java.util.Map.class)
                        .hits().hits().stream().map(h -> (Number) h.source().get("citations")).toList();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        assertThat(citations.apply("中华人民共和国行政处罚法")).isNotEmpty().allSatisfy(n -> assertThat(n).isEqualTo(0));
        try {
            importService.importFolder(dir, line -> {});
            // both versions of the law (its own mentions of its title do not count), every article
            assertThat(citations.apply("中华人民共和国行政处罚法")).hasSizeGreaterThan(100)
                    .allSatisfy(n -> assertThat(n.intValue()).isEqualTo(2));
            assertThat(citations.apply("中华人民共和国民法典 合同编")).isNotEmpty()
                    .allSatisfy(n -> assertThat(n.intValue()).isEqualTo(0));
        } finally {
            jdbc.update("delete from regulation_article where document_id in "
                    + "(select id from regulation_document where source_path like '%citing.txt')");
            jdbc.update("delete from regulation_document where source_path like '%citing.txt'");
            index.rebuild();
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    @Test
    void many_cited_articles_are_linked_together_as_one_by_one() {
        List<RegulationCatalog.CitedArticle> cited = List.of(
                new RegulationCatalog.CitedArticle("中华人民共和国行政处罚法", "第三十三条"),
                new RegulationCatalog.CitedArticle("行政处罚法", "第 三十三 条"),
                new RegulationCatalog.CitedArticle("中华人民共和国行政处罚法", "第一条"),
                new RegulationCatalog.CitedArticle("中华人民共和国行政处罚法", "第九百条"),
                new RegulationCatalog.CitedArticle("中华人民共和国道路交通安全法", "第九十一条"),
                new RegulationCatalog.CitedArticle(null, "第一条"));
        java.util.Map<RegulationCatalog.CitedArticle, String> urls = catalog.articleUrls(cited);
        for (RegulationCatalog.CitedArticle c : cited) {
            assertThat(java.util.Optional.ofNullable(urls.get(c))).as(c.toString())
                    .isEqualTo(catalog.articleUrl(c.law(), c.article()));
        }
        assertThat(urls).containsKeys(cited.get(0), cited.get(1)).doesNotContainKey(cited.get(3));
        assertThat(catalog.articleUrls(List.of())).isEmpty();

        // how each resolves, for the back office's warning: linked, the law without the article, no such law
        assertThat(catalog.resolutions(cited)).hasValueSatisfying(resolved -> assertThat(cited.stream().map(resolved::get))
                .containsExactly(RegulationCatalog.Resolution.FOUND, RegulationCatalog.Resolution.FOUND,
                        RegulationCatalog.Resolution.FOUND, RegulationCatalog.Resolution.NO_ARTICLE,
                        RegulationCatalog.Resolution.NO_LAW, RegulationCatalog.Resolution.NO_LAW));
        assertThat(catalog.resolutions(List.of(new RegulationCatalog.CitedArticle("中华人民共和国行政处罚罚法", "第一条"))))
                .hasValueSatisfying(resolved -> assertThat(resolved.values())
                        .containsExactly(RegulationCatalog.Resolution.NO_LAW));
        assertThat(catalog.resolutions(List.of())).hasValueSatisfying(resolved -> assertThat(resolved).isEmpty());
    }

    @Test
    void an_article_named_by_law_and_number_comes_first_in_the_version_the_filters_ask_for() throws Exception {
        // 第, 条 and the numerals are in every law: by words alone 第五百条 and 第八十五条 were not in the first ten
        for (String[] asked : new String[][] {{"民法典第五百条", "中华人民共和国民法典", "第五百条"},
                {"中华人民共和国行政处罚法第三十三条", "中华人民共和国行政处罚法", "第三十三条"},
                {"《行政处罚法》第33条", "中华人民共和国行政处罚法", "第三十三条"},
                {"行政处罚法 第六条", "中华人民共和国行政处罚法", "第六条"},
                {"根据行政处罚法第三十二条，哪些情形应当从轻处罚", "中华人民共和国行政处罚法", "第三十二条"},
                {"行政處罰法第三十三條", "中华人民共和国行政处罚法", "第三十三条"}}) {
            RegulationCatalog.Results results = catalog.search(new RegulationCatalog.Query(asked[0], 10, null, null,
                    DocumentStatus.CURRENT));
            assertThat(results.results()).as(asked[0]).isNotEmpty();
            RegulationCatalog.ArticleHit first = results.results().get(0);
            assertThat(first.documentTitle()).as(asked[0]).isEqualTo(asked[1]);
            assertThat(first.article()).as(asked[0]).isEqualTo(asked[2]);
            assertThat(first.status()).as(asked[0]).isEqualTo(DocumentStatus.CURRENT);
        }
        // two numbers of one law, in the order asked
        assertThat(catalog.search(new RegulationCatalog.Query("行政处罚法第三十三条和第三十二条", 10, null, null,
                DocumentStatus.CURRENT)).results()).extracting(RegulationCatalog.ArticleHit::article)
                .startsWith("第三十三条", "第三十二条");
        // every version when any status is asked for, the current one first; the superseded one alone when asked
        JsonNode any = json.readTree(mvc.perform(get("/api/v1/regulations/search").param("q", "行政处罚法第三十三条")
                .param("status", "any")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(any.get("results").get(0).get("article").asText()).isEqualTo("第三十三条");
        assertThat(any.get("results").get(0).get("status").asText()).isEqualTo("current");
        assertThat(any.get("results").get(1).get("article").asText()).isEqualTo("第三十三条");
        assertThat(any.get("results").get(1).get("status").asText()).isEqualTo("superseded");
        RegulationCatalog.ArticleHit old = catalog.search(new RegulationCatalog.Query("行政处罚法第三十三条", 10, null,
                null, DocumentStatus.SUPERSEDED)).results().get(0);
        assertThat(old.article()).isEqualTo("第三十三条");
        assertThat(old.status()).isEqualTo(DocumentStatus.SUPERSEDED);
        // a filter that excludes the law leaves the article out; a number the law lacks, or no law named, pins nothing
        assertThat(catalog.search(new RegulationCatalog.Query("行政处罚法第三十三条", 10, LegalLevel.GUIDE, null,
                DocumentStatus.CURRENT)).results()).noneSatisfy(h -> assertThat(h.article()).isEqualTo("第三十三条"));
        assertThat(catalog.namedArticles("行政处罚法第九百条")).isEmpty();
        assertThat(catalog.namedArticles("第三十三条")).isEmpty();
        assertThat(catalog.namedArticles("不存在的法第三十三条")).isEmpty();
        assertThat(catalog.namedArticles("民法典第五百条")).hasSize(1);
    }
}
