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
                law.replace("初次违法且危害后果轻微并及时改正的，可以不予行政处罚。", ""), StandardCharsets.UTF_8);
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
        assertThat(fieldNames(hit)).containsExactly("title", "article", "snippet", "url", "score");
        assertThat(hit.get("title").asText()).isEqualTo("中华人民共和国行政处罚法");
        assertThat(hit.get("article").asText()).isEqualTo("第三十三条");
        assertThat(hit.get("score").isNumber()).isTrue();
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

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }
}
