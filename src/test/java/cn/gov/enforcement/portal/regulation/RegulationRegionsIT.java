package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.IntegrationTest;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One province is one region: the corpus's folder 河南 (DLC/河南地方法规/地方性法规/河南) and a notice of 河南省 are both
 * 河南省, in the database, the filter's choices and the search's region filter, whichever name the filter is given.
 */
class RegulationRegionsIT extends IntegrationTest {

    private static final String LOCAL = "三门峡市文明行为促进条例";

    @Autowired ImportService importService;
    @Autowired RegulationCatalog catalog;
    @Autowired JdbcTemplate jdbc;
    @Autowired ElasticsearchClient es;

    private Path dir;

    @BeforeEach
    void importALocalRegulationAndAProvincialNotice() throws IOException {
        Path corpus = SharedData.require("corpus/lawrefbook");
        Path seeds = SharedData.require("seeds");
        dir = Files.createDirectories(RUN_DATA_DIR.resolve("regulation-regions"));
        Path local = dir.resolve("DLC/河南地方法规/地方性法规/河南/" + LOCAL + "(2020-11-19).md");
        Files.createDirectories(local.getParent());
        Files.copy(corpus.resolve("DLC/河南地方法规/地方性法规/河南/" + LOCAL + "(2020-11-19).md"), local,
                StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(dir.resolve("seeds"));
        Files.copy(seeds.resolve("003_fc8b619ff426a033.txt"), dir.resolve("seeds/003.txt"), StandardCopyOption.REPLACE_EXISTING);
        importService.importFolder(dir, line -> {});
    }

    private List<String> titlesIn(String region) {
        return catalog.search(new RegulationCatalog.Query("执法", 1, 100, null, region, null, DocumentStatus.CURRENT,
                null, null)).results().stream().map(RegulationCatalog.ArticleHit::title).distinct().toList();
    }

    @Test
    void the_corpus_s_short_region_name_and_a_notice_s_full_one_are_one_region() {
        assertThat(jdbc.queryForList("select region from regulation_document where title = ?", String.class, LOCAL))
                .containsOnly("河南省");
        assertThat(catalog.filterOptions().regions()).contains("河南省").doesNotContain("河南");
        List<String> henan = titlesIn("河南省");
        assertThat(henan).contains(LOCAL, "刚柔并济 包容审慎以服务型行政执法打造法治化营商环境");
        // the short name filters on the same region
        assertThat(titlesIn("河南")).containsExactlyInAnyOrderElementsOf(henan);
    }

    @Test
    void a_region_stored_by_its_short_name_is_mended_by_the_next_import_in_the_database_and_the_index()
            throws Exception {
        long id = jdbc.queryForObject("select id from regulation_document where title = ?", Long.class, LOCAL);
        // as an earlier portal stored and indexed it
        jdbc.update("update regulation_document set region = '河南' where id = ?", id);
        for (var hit : es.search(s -> s.index(RegulationIndex.ALIAS).size(1_000)
                .query(q -> q.term(t -> t.field("document_id").value(id))), java.util.Map.class).hits().hits()) {
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> source = new java.util.HashMap<>(hit.source());
            source.put("region", "河南");
            es.index(i -> i.index(hit.index()).id(hit.id()).document(source));
        }
        es.indices().refresh(r -> r.index(RegulationIndex.ALIAS));
        assertThat(titlesIn("河南省")).doesNotContain(LOCAL);

        ImportSummary again = importService.importFolder(dir, line -> {});

        assertThat(again.imported()).isZero();
        assertThat(jdbc.queryForObject("select region from regulation_document where id = ?", String.class, id))
                .isEqualTo("河南省");
        assertThat(titlesIn("河南省")).contains(LOCAL);
    }
}
