package cn.gov.enforcement.portal.regulation;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.KaribuViewTest;
import cn.gov.enforcement.portal.knowledge.ContentProblem;
import cn.gov.enforcement.portal.knowledge.KnowledgeBase;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The index rebuild at start runs in the background when the database is large: the start goes on at once, the old
 * version answers searches until the swap, the import page shows the progress, an import started meanwhile waits
 * and ends with a correct index, and a failed rebuild leaves the old version serving. "Large" is simulated by
 * lowering the synchronous limit to 0 articles; "out of step" by deleting one document's articles from the index.
 */
@ExtendWith(OutputCaptureExtension.class)
class RegulationBackgroundRebuildIT extends KaribuViewTest {

    private static final String SOURCE_MARK = "bg-rebuild-";

    @Autowired ImportService importService;
    @Autowired RegulationIndex index;
    @Autowired RegulationCatalog catalog;
    @Autowired KnowledgeBase knowledgeBase;
    @Autowired JdbcTemplate jdbc;
    @Autowired ElasticsearchClient es;

    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private long hidden;
    private long kept;

    @BeforeEach
    void twoDocumentsInStepThenOneOfThemMissingFromTheIndex() throws IOException {
        Path dir = Files.createDirectories(RUN_DATA_DIR.resolve(SOURCE_MARK + System.nanoTime()));
        write(dir, "hidden.txt", "重建测试文件甲（测试用文件）", "本文件用于检验后台重建，其中提到蓝鲸灯塔。");
        write(dir, "kept.txt", "重建测试文件乙（测试用文件）", "本文件用于检验后台重建，其中提到青松石桥。");
        importService.importFolder(dir, line -> {});
        assertThat(index.awaitRebuild(Duration.ofMinutes(2))).isTrue();
        if (index.isOutOfStep()) {
            index.rebuild();
        }
        hidden = documentId("重建测试文件甲（测试用文件）");
        kept = documentId("重建测试文件乙（测试用文件）");
        assertThat(indexed(hidden)).isPositive();
        // the test node has no delete-by-query: delete the articles one by one
        for (Integer sequence : jdbc.queryForList("select sequence from regulation_article where document_id = ?",
                Integer.class, hidden)) {
            es.delete(d -> d.index(RegulationIndex.ALIAS).id(hidden + "-" + sequence));
        }
        es.indices().refresh(r -> r.index(RegulationIndex.ALIAS));
        assertThat(indexed(hidden)).isZero();
        assertThat(index.isOutOfStep()).isTrue();
        importService.synchronousRebuildUpTo = 0;
        index.onBackgroundProgress(line -> {
            if (!line.startsWith("indexed ")) {
                return; // hold once the articles are loaded, before the swap
            }
            reached.countDown();
            try {
                release.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @AfterEach
    void cleanUp() {
        release.countDown();
        index.onBackgroundProgress(null);
        importService.synchronousRebuildUpTo = ImportService.SYNCHRONOUS_REBUILD_UP_TO;
        assertThat(index.awaitRebuild(Duration.ofMinutes(2))).isTrue();
        // imported documents' source paths are relative to their folder: pick them by title
        String mine = "title like ? or source_path = ?";
        Object[] values = {"重建测试文件%（测试用文件）", GUIDE_LABEL};
        jdbc.update("delete from regulation_article where document_id in (select id from regulation_document "
                + "where " + mine + ")", values);
        jdbc.update("delete from regulation_document where " + mine, values);
        index.rebuild();
        assertThat(index.isOutOfStep()).isFalse();
    }

    @Test
    void the_rebuild_at_start_runs_in_the_background_while_the_old_version_serves_and_the_page_shows_it()
            throws Exception {
        knowledgeBase.loadAll();
        // loading returned while the rebuild goes on in its own thread (it waits in the test hook until released)
        assertThat(index.rebuildActive()).isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).anySatisfy(t -> {
            assertThat(t.getName()).isEqualTo("regulation-reindex");
            assertThat(t.isDaemon()).isTrue();
        });
        assertThat(reached.await(2, TimeUnit.MINUTES)).as("the background rebuild reached its last batch").isTrue();

        // the old version answers: the kept document is found, the hidden one is not yet
        assertThat(finds("青松石桥", "重建测试文件乙")).isTrue();
        assertThat(finds("蓝鲸灯塔", "重建测试文件甲")).isFalse();
        // only the missing document's articles are indexed again, into a copy of the live version
        long missing = jdbc.queryForObject("select count(*) from regulation_article where document_id = ?",
                Long.class, hidden);
        assertThat(missing).isEqualTo(2).isLessThan(articleCount());
        assertThat(index.rebuildProgress()).hasValueSatisfying(p -> {
            assertThat(p.total()).isEqualTo(missing);
            assertThat(p.done()).isEqualTo(p.total());
        });

        // the administrators' import page shows the rebuild with its progress and polls
        signIn("admin", "ADMIN");
        UI.getCurrent().navigate("admin/regulations/import");
        assertThat(_get(Div.class, spec -> spec.withId("regulation-reindex")).isVisible()).isTrue();
        ProgressBar bar = _get(ProgressBar.class, spec -> spec.withId("regulation-reindex-progress"));
        assertThat(bar.getValue()).isEqualTo(bar.getMax()).isEqualTo((double) missing);
        assertThat(_get(H2.class, spec -> spec.withId("regulation-reindex-title")).getText()).isEqualTo("正在更新检索索引");
        assertThat(_get(Paragraph.class, spec -> spec.withId("regulation-reindex-text")).getText())
                .startsWith(String.format("已重新索引 %,d/%,d 条有变化的条文，其余条文保持不变", missing, missing))
                .contains("原有索引");
        assertThat(UI.getCurrent().getPollInterval()).isPositive();

        // a guide changed while the rebuild runs reaches the live version now and the new one after the swap
        Set<String> present = new LinkedHashSet<>(jdbc.queryForList(
                "select source_path from regulation_document where level = 'GUIDE'", String.class));
        present.add(GUIDE_LABEL);
        List<ContentProblem> problems = new ArrayList<>();
        LegalDocument guide = GuideParser.parse(GUIDE_LABEL, GUIDE, problems).orElseThrow();
        assertThat(importService.syncGuides(Map.of(GUIDE_LABEL, guide), present)).isEqualTo(1);
        assertThat(finds("白鹭渡口", "后台重建测试指南")).isTrue();

        release.countDown();
        assertThat(index.awaitRebuild(Duration.ofMinutes(2))).isTrue();
        assertThat(finds("蓝鲸灯塔", "重建测试文件甲")).isTrue();
        assertThat(finds("青松石桥", "重建测试文件乙")).isTrue();
        assertThat(finds("白鹭渡口", "后台重建测试指南")).isTrue();
        assertThat(indexed(hidden)).isPositive();
        assertThat(index.isOutOfStep()).isFalse();
        assertThat(index.rebuildProgress()).isEmpty();

        // the next poll hides the rebuild and stops polling
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
        assertThat(_find(Div.class, spec -> spec.withId("regulation-reindex"))).as("hidden when no rebuild runs").isEmpty();
        assertThat(UI.getCurrent().getPollInterval()).isNegative();
        assertThat(problems).isEmpty();
    }

    @Test
    void an_import_started_while_the_background_rebuild_runs_waits_for_it_and_ends_with_a_correct_index()
            throws Exception {
        knowledgeBase.loadAll();
        assertThat(reached.await(2, TimeUnit.MINUTES)).isTrue();
        Path dir = Files.createDirectories(RUN_DATA_DIR.resolve(SOURCE_MARK + "import-" + System.nanoTime()));
        write(dir, "added.txt", "重建测试文件丙（测试用文件）", "本文件在后台重建期间导入，其中提到红杉铁塔。");
        AtomicReference<ImportSummary> summary = new AtomicReference<>();
        List<String> progress = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread importing = new Thread(() -> summary.set(importService.importFolder(dir, progress::add)),
                "test-import");
        importing.start();
        importing.join(1_000);
        assertThat(importing.isAlive()).as("the import waits for the rebuild under way").isTrue();
        assertThat(finds("红杉铁塔", "重建测试文件丙")).isFalse();

        release.countDown();
        importing.join(TimeUnit.MINUTES.toMillis(2));
        assertThat(importing.isAlive()).isFalse();
        assertThat(summary.get().imported()).isEqualTo(1);
        assertThat(progress).anySatisfy(line -> assertThat(line).startsWith("indexed "));
        assertThat(index.awaitRebuild(Duration.ofMinutes(2))).isTrue();
        assertThat(finds("红杉铁塔", "重建测试文件丙")).isTrue();
        assertThat(finds("蓝鲸灯塔", "重建测试文件甲")).isTrue();
        assertThat(index.isOutOfStep()).isFalse();
    }

    @Test
    void an_index_emptied_outside_the_portal_is_rebuilt_in_full_and_the_page_says_so() throws Exception {
        // every article gone from the live version: nothing to revise, a full rebuild
        List<String> ids = es.search(s -> s.index(RegulationIndex.ALIAS).size(10_000).source(x -> x.fetch(false)),
                Void.class).hits().hits().stream().map(co.elastic.clients.elasticsearch.core.search.Hit::id).toList();
        assertThat(ids).isNotEmpty().hasSizeLessThan(10_000);
        es.bulk(b -> {
            ids.forEach(id -> b.operations(op -> op.delete(d -> d.index(RegulationIndex.ALIAS).id(id))));
            return b.refresh(co.elastic.clients.elasticsearch._types.Refresh.True);
        });
        assertThat(indexed(kept)).isZero();

        knowledgeBase.loadAll();
        assertThat(reached.await(2, TimeUnit.MINUTES)).isTrue();
        signIn("admin", "ADMIN");
        UI.getCurrent().navigate("admin/regulations/import");
        assertThat(_get(H2.class, spec -> spec.withId("regulation-reindex-title")).getText()).isEqualTo("正在重建检索索引");
        assertThat(_get(Paragraph.class, spec -> spec.withId("regulation-reindex-text")).getText())
                .startsWith(String.format("已处理 %,d/%,d 条条文", articleCount(), articleCount()))
                .contains("原有索引");

        release.countDown();
        assertThat(index.awaitRebuild(Duration.ofMinutes(2))).isTrue();
        assertThat(finds("青松石桥", "重建测试文件乙")).isTrue();
        assertThat(finds("蓝鲸灯塔", "重建测试文件甲")).isTrue();
        assertThat(index.isOutOfStep()).isFalse();
    }

    @Test
    void a_failed_background_rebuild_is_logged_and_leaves_the_old_version_serving(CapturedOutput output)
            throws Exception {
        String before = liveVersion();
        index.onBackgroundProgress(line -> {
            if (line.startsWith("indexed ")) {
                // after the copy of the live version is loaded; then again in the full rebuild tried next
                throw new IllegalStateException("test: the search node went away");
            }
        });
        knowledgeBase.loadAll();
        assertThat(index.awaitRebuild(Duration.ofMinutes(2))).isTrue();
        assertThat(output.getAll()).contains("Revising the regulation-articles index failed")
                .contains("Background rebuild of the regulation-articles index failed")
                .contains("test: the search node went away");
        assertThat(liveVersion()).isEqualTo(before);
        assertThat(finds("青松石桥", "重建测试文件乙")).isTrue();
        assertThat(indexed(hidden)).isZero();
        // the half-built version is gone: only the live one is left behind the alias's name
        assertThat(es.indices().get(g -> g.index(RegulationIndex.ALIAS + "-*")).result().keySet())
                .containsExactly(before);
    }

    private static final String GUIDE_LABEL = "knowledge-base/regulations/" + SOURCE_MARK + "guide.md";

    private static final String GUIDE = """
            ---
            title: 后台重建测试指南
            summary: 仅供测试，提到白鹭渡口。
            citations:
              - {law: 中华人民共和国行政处罚法, article: 第三十三条}
            ---

            ## 一节
            正文提到白鹭渡口。
            """;

    private static void write(Path dir, String name, String title, String sentence) throws IOException {
        Files.writeString(dir.resolve(name), title + "\n第一条 " + sentence + "\n第二条 本文件为测试样例，不具法律效力。\n",
                StandardCharsets.UTF_8);
    }

    private long documentId(String title) {
        return jdbc.queryForObject("select max(id) from regulation_document where title = ?", Long.class, title);
    }

    private long articleCount() {
        return jdbc.queryForObject("select count(*) from regulation_article", Long.class);
    }

    private long indexed(long documentId) {
        try {
            return es.count(c -> c.index(RegulationIndex.ALIAS)
                    .query(q -> q.term(t -> t.field("document_id").value(documentId)))).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when a search for {@code text} finds an article of a document whose title contains {@code title}. */
    private boolean finds(String text, String title) {
        return catalog.search(new RegulationCatalog.Query(text, 20, null, null, null)).results().stream()
                .anyMatch(hit -> hit.title().contains(title));
    }

    private String liveVersion() {
        try {
            return es.indices().getAlias(g -> g.name(RegulationIndex.ALIAS)).result().keySet().iterator().next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
