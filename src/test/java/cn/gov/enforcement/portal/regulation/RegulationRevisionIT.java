package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.IntegrationTest;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An import that changes a small part of the corpus revises a copy of the live index version instead of rebuilding
 * it: only the new documents' articles, those of the version they supersede and those of the document they cite
 * are indexed again, and the result is the same index a full rebuild makes. Documents gone from the database leave
 * the index the same way.
 */
class RegulationRevisionIT extends IntegrationTest {

    private static final String SOURCE_MARK = "revision-it-";
    private static final String LAW = "修订测试法（测试用文件）";
    private static final String CITED = "被引测试条例（测试用文件）";

    @Autowired ImportService importService;
    @Autowired RegulationIndex index;
    @Autowired JdbcTemplate jdbc;
    @Autowired ElasticsearchClient es;

    private Path dir;

    @BeforeEach
    void aCorpusInStep() throws IOException {
        dir = Files.createDirectories(RUN_DATA_DIR.resolve(SOURCE_MARK + System.nanoTime()));
        write("测试法/修订测试法(2020-01-01).md", LAW, "2020年1月1日 测试会议通过",
                "本法为测试样例，规定灰雁湖的管理。", "管理灰雁湖应当依法进行。", "本法自2020年1月1日起施行。");
        write("测试法/被引测试条例.md", CITED, "2019年5月1日 测试会议通过",
                "本条例为测试样例，规定白桦林的保护。", "保护白桦林应当依法进行。", "本条例自公布之日起施行。");
        for (int i = 1; i <= 8; i++) {
            write("测试法/填充测试规定" + i + ".md", "填充测试规定" + i + "（测试用文件）", "2018年3月1日 测试会议通过",
                    "本规定为测试样例之" + i + "。", "第二条内容。", "第三条内容。", "第四条内容。", "第五条内容。");
        }
        importService.importFolder(dir, line -> {});
        assertThat(index.awaitRebuild(Duration.ofMinutes(2))).isTrue();
        if (index.isOutOfStep()) {
            index.rebuild();
        }
    }

    @AfterEach
    void cleanUp() {
        // the documents' source paths are relative to the imported folder: pick them by title
        String mine = "title in (?, ?) or title like ?";
        Object[] titles = {LAW, CITED, "填充测试规定%（测试用文件）"};
        jdbc.update("delete from regulation_article where document_id in (select id from regulation_document where "
                + mine + ")", titles);
        jdbc.update("delete from regulation_document where " + mine, titles);
        index.rebuild();
        assertThat(index.isOutOfStep()).isFalse();
    }

    @Test
    void a_new_version_citing_another_document_revises_only_the_documents_it_changes() throws Exception {
        String before = liveVersion();
        assertThat(indexedCitations(CITED)).containsOnly(0);
        write("测试法/修订测试法(2023-06-01).md", LAW, "2023年6月1日 测试会议修订",
                "本法为测试样例，规定灰雁湖的管理，依照《" + CITED + "》保护湖边的白桦林。",
                "管理灰雁湖应当依法进行。", "本法自2023年6月1日起施行。");
        List<String> progress = new ArrayList<>();

        ImportSummary summary = importService.importFolder(dir, progress::add);

        assertThat(summary.imported()).isEqualTo(1);
        assertThat(summary.unchanged()).isEqualTo(10);
        // the new version, the version it supersedes, the document it cites: 3 documents of 3 articles each
        assertThat(progress).contains("indexing 9 articles of 3 documents again and removing 0; the other "
                + String.format("%,d", articles() - 9) + " articles stay as they are", "indexed 9/9 articles");
        String after = liveVersion();
        assertThat(after).isNotEqualTo(before);
        assertThat(es.indices().get(g -> g.index(RegulationIndex.ALIAS + "-*")).result().keySet())
                .as("the revised copy replaced the old version").containsExactly(after);
        assertThat(index.isOutOfStep()).isFalse();
        assertThat(indexedStatuses(LAW)).containsOnlyKeys("SUPERSEDED", "CURRENT")
                .containsEntry("SUPERSEDED", 3).containsEntry("CURRENT", 3);
        assertThat(indexedCitations(CITED)).containsOnly(1);

        // the same index as a full rebuild makes from the database
        Map<String, String> revised = snapshot();
        index.rebuild();
        assertThat(snapshot()).isEqualTo(revised);
    }

    @Test
    void documents_gone_from_the_database_leave_the_index_and_an_index_in_step_is_left_alone() throws Exception {
        long filler = jdbc.queryForObject("select id from regulation_document where title = ?", Long.class,
                "填充测试规定3（测试用文件）");
        jdbc.update("delete from regulation_article where document_id = ?", filler);
        jdbc.update("delete from regulation_document where id = ?", filler);
        assertThat(index.isOutOfStep()).isTrue();
        List<String> progress = new ArrayList<>();

        assertThat(index.bringInStep(progress::add)).isZero();

        assertThat(progress).anySatisfy(line -> assertThat(line).startsWith(
                "indexing 0 articles of 0 documents again and removing 5;"));
        assertThat(index.isOutOfStep()).isFalse();
        assertThat(snapshot().values()).noneMatch(v -> v.startsWith(filler + "|"));

        String live = liveVersion();
        progress.clear();
        assertThat(index.bringInStep(progress::add)).isZero();
        assertThat(progress).containsExactly("the search index is in step with the database");
        assertThat(liveVersion()).isEqualTo(live);
    }

    @Test
    void a_version_that_comes_into_force_becomes_current_at_the_daily_refresh_and_the_index_follows()
            throws Exception {
        write("测试法/修订测试法(2024-06-01).md", LAW, "2024年6月1日 测试会议修订\n\n2099年1月1日 起施行",
                "本法为测试样例，规定灰雁湖的管理和湖中鱼类的保护。", "管理灰雁湖应当依法进行。", "本法自2099年1月1日起施行。");
        importService.importFolder(dir, line -> {});
        assertThat(indexedStatuses(LAW)).containsEntry("CURRENT", 3).containsEntry("PENDING", 3).hasSize(2);
        assertThat(importService.refreshStatuses(importService.today())).as("nothing changes today").isZero();
        String before = liveVersion();

        assertThat(importService.refreshStatuses(LocalDate.of(2099, 1, 1))).isEqualTo(2);

        assertThat(jdbc.queryForList("select status from regulation_document where title = ? order by version_date",
                String.class, LAW)).containsExactly("SUPERSEDED", "CURRENT");
        assertThat(indexedStatuses(LAW)).containsEntry("SUPERSEDED", 3).containsEntry("CURRENT", 3).hasSize(2);
        assertThat(liveVersion()).as("revised, not left as it was").isNotEqualTo(before);
        assertThat(index.isOutOfStep()).isFalse();

        // back to today's statuses for the other tests
        assertThat(importService.refreshStatuses(importService.today())).isEqualTo(2);
        assertThat(indexedStatuses(LAW)).containsEntry("CURRENT", 3).containsEntry("PENDING", 3).hasSize(2);
    }

    @Test
    void a_file_corrected_since_its_import_replaces_its_version_in_place_and_keeps_its_address() throws Exception {
        long before = jdbc.queryForObject("select id from regulation_document where title = ?", Long.class, LAW);
        write("测试法/修订测试法(2020-01-01).md", LAW, "2020年1月1日 测试会议通过",
                "本法为测试样例，规定灰雁湖和青石滩的管理。", "管理灰雁湖应当依法进行。", "本法自2020年1月1日起施行。");

        ImportSummary summary = importService.importFolder(dir, line -> {});

        assertThat(summary.imported()).isZero();
        assertThat(summary.corrected()).isEqualTo(1);
        assertThat(summary.line()).contains("0 imported, 1 corrected");
        // the same document, its id and so its address and permalinks kept, with the corrected text
        assertThat(jdbc.queryForList("select id from regulation_document where title = ?", Long.class, LAW))
                .containsExactly(before);
        assertThat(jdbc.queryForObject("select body from regulation_article where document_id = ? and sequence = 1",
                String.class, before)).contains("青石滩");
        assertThat(jdbc.queryForObject("select count(*) from regulation_article where document_id = ?", Long.class,
                before)).isEqualTo(3);
        assertThat(indexedStatuses(LAW)).containsOnly(Map.entry("CURRENT", 3));
        // the index holds the corrected text under the same id, as a rebuild would
        es.indices().refresh(r -> r.index(RegulationIndex.ALIAS));
        assertThat(es.search(s -> s.index(RegulationIndex.ALIAS).size(10)
                .query(q -> q.term(t -> t.field("document_id").value(before))), Map.class).hits().hits())
                .hasSize(3).anySatisfy(hit -> assertThat(String.valueOf(hit.source().get("text"))).contains("青石滩"));
        assertThat(index.isOutOfStep()).isFalse();
    }

    @Test
    void an_import_stopped_before_the_statuses_were_decided_is_mended_by_the_next_one() throws Exception {
        // as an import stopped after storing a version and before deciding the statuses leaves it: a wrong status
        jdbc.update("update regulation_document set status = 'SUPERSEDED' where title = ?", LAW);
        index.rebuild();
        assertThat(indexedStatuses(LAW)).containsOnly(Map.entry("SUPERSEDED", 3));

        ImportSummary summary = importService.importFolder(dir, line -> {});

        assertThat(summary.imported()).isZero();
        assertThat(jdbc.queryForList("select status from regulation_document where title = ?", String.class, LAW))
                .containsExactly("CURRENT");
        assertThat(indexedStatuses(LAW)).containsOnly(Map.entry("CURRENT", 3));
        assertThat(index.isOutOfStep()).isFalse();
    }

    @Test
    void an_in_force_date_read_anew_from_an_unchanged_file_reaches_the_database_and_the_index() throws Exception {
        // the history names no in-force date, the closing article does
        write("测试法/修订测试法(2023-06-01).md", LAW, "2023年6月1日 测试会议修订",
                "本法为测试样例，规定灰雁湖的管理和保护。", "管理灰雁湖应当依法进行。", "本法自2023年9月1日起施行。");
        importService.importFolder(dir, line -> {});
        assertThat(inForceDates()).containsExactly(LocalDate.of(2020, 1, 1), LocalDate.of(2023, 9, 1));
        assertThat(indexedInForce(LAW)).containsExactlyInAnyOrder("2020-01-01", "2023-09-01");

        // as an import by an earlier portal, which read in-force dates from the history lines only, left them
        jdbc.update("update regulation_document set in_force_date = null where title = ?", LAW);
        index.rebuild();
        assertThat(indexedInForce(LAW)).as("the version dates stand in").containsExactlyInAnyOrder("2020-01-01",
                "2023-06-01");

        ImportSummary summary = importService.importFolder(dir, line -> {});

        assertThat(summary.imported()).isZero();
        assertThat(inForceDates()).containsExactly(LocalDate.of(2020, 1, 1), LocalDate.of(2023, 9, 1));
        assertThat(indexedInForce(LAW)).containsExactlyInAnyOrder("2020-01-01", "2023-09-01");
        assertThat(index.isOutOfStep()).isFalse();
    }

    private List<LocalDate> inForceDates() {
        return jdbc.queryForList("select in_force_date from regulation_document where title = ? order by version_date",
                java.sql.Date.class, LAW).stream().map(d -> d == null ? null : d.toLocalDate()).toList();
    }

    /** The distinct in-force dates the title's indexed articles carry. */
    private java.util.Set<String> indexedInForce(String title) throws IOException {
        es.indices().refresh(r -> r.index(RegulationIndex.ALIAS));
        return es.search(s -> s.index(RegulationIndex.ALIAS).size(100)
                        .query(q -> q.term(t -> t.field("display_title").value(title))), Map.class)
                .hits().hits().stream().map(h -> String.valueOf(h.source().get("in_force_date")))
                .collect(java.util.stream.Collectors.toSet());
    }

    private void write(String name, String title, String history, String... articles) throws IOException {
        StringBuilder text = new StringBuilder("# ").append(title).append("\n\n").append(history)
                .append("\n\n<!-- INFO END -->\n\n");
        String[] numbers = {"一", "二", "三", "四", "五", "六"};
        for (int i = 0; i < articles.length; i++) {
            text.append("第").append(numbers[i]).append("条 ").append(articles[i]).append("\n\n");
        }
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private long articles() {
        return jdbc.queryForObject("select count(*) from regulation_article", Long.class);
    }

    private String liveVersion() throws IOException {
        return es.indices().getAlias(g -> g.name(RegulationIndex.ALIAS)).result().keySet().iterator().next();
    }

    /** Every indexed article: id → document id, status, citations and article number. */
    private Map<String, String> snapshot() throws IOException {
        es.indices().refresh(r -> r.index(RegulationIndex.ALIAS));
        Map<String, String> out = new TreeMap<>();
        for (Hit<Map> hit : es.search(s -> s.index(RegulationIndex.ALIAS).size(10_000), Map.class).hits().hits()) {
            Map<?, ?> source = hit.source();
            out.put(hit.id(), source.get("document_id") + "|" + source.get("status") + "|" + source.get("citations")
                    + "|" + source.get("article") + "|" + source.get("display_title"));
        }
        return out;
    }

    /** Articles of the title in the index, by status. */
    private Map<String, Integer> indexedStatuses(String title) throws IOException {
        Map<String, Integer> out = new TreeMap<>();
        for (Hit<Map> hit : es.search(s -> s.index(RegulationIndex.ALIAS).size(100)
                .query(q -> q.term(t -> t.field("display_title").value(title))), Map.class).hits().hits()) {
            out.merge(String.valueOf(hit.source().get("status")), 1, Integer::sum);
        }
        return out;
    }

    /** The citation counts the title's indexed articles carry. */
    private List<Integer> indexedCitations(String title) throws IOException {
        return es.search(s -> s.index(RegulationIndex.ALIAS).size(100)
                        .query(q -> q.term(t -> t.field("display_title").value(title))), Map.class)
                .hits().hits().stream().map(h -> ((Number) h.source().get("citations")).intValue()).toList();
    }
}
