package cn.gov.enforcement.portal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.time.Clock;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Versioned indexes behind an alias, on the test run's real node. */
class ElasticsearchSearchIndexesTest {

    private static final String ALIAS = "test-items";

    private static RestClient rest;
    private static ElasticsearchClient client;
    private ElasticsearchSearchIndexes indexes;

    @BeforeAll
    static void connect() {
        rest = RestClient.builder(HttpHost.create(TestSearchNode.uri())).build();
        client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }

    @AfterAll
    static void disconnect() throws Exception {
        rest.close();
    }

    @BeforeEach
    void clean() throws Exception {
        // the node refuses wildcard deletes (action.destructive_requires_name): delete by name
        for (String index : client.indices().get(g -> g.index(ALIAS + "*").allowNoIndices(true)).result().keySet()) {
            client.indices().delete(d -> d.index(index));
        }
        // a small batch size so that rebuilds below span several bulk requests
        indexes = new ElasticsearchSearchIndexes(client, Clock.systemUTC(), 2, () -> {});
    }

    private static IndexDocument item(String id, String title) {
        return new IndexDocument(id, Map.of("title", title, "rank", 1));
    }

    private List<String> titles(String query) throws Exception {
        return client.search(s -> s.index(ALIAS).query(ChineseAnalysis.query("title", query)), Map.class)
                .hits().hits().stream()
                .map(Hit::source)
                .map(source -> (String) source.get("title"))
                .toList();
    }

    private List<String> allVersions() throws Exception {
        return indexes.versions(ALIAS);
    }

    @Test
    void count_of_a_missing_alias_is_zero_and_ensure_creates_an_empty_first_version() throws Exception {
        assertThat(indexes.count(ALIAS)).isZero();

        indexes.ensure(ALIAS);
        indexes.ensure(ALIAS);

        assertThat(indexes.count(ALIAS)).isZero();
        assertThat(allVersions()).hasSize(1).allMatch(v -> v.matches("test-items-v\\d{17}"));
        assertThat(indexes.aliasTargets(ALIAS)).isEqualTo(allVersions());
    }

    @Test
    void rebuild_loads_every_document_swaps_the_alias_and_deletes_the_old_version() throws Exception {
        indexes.rebuild(ALIAS, List.of(item("1", "旧的")), n -> {});
        String first = indexes.aliasTargets(ALIAS).get(0);

        List<Integer> progress = new ArrayList<>();
        indexes.rebuild(ALIAS, List.of(item("1", "一"), item("2", "二"), item("3", "三"), item("4", "四"),
                item("5", "五")), progress::add);

        List<String> now = indexes.aliasTargets(ALIAS);
        assertThat(now).hasSize(1).doesNotContain(first);
        assertThat(allVersions()).isEqualTo(now);
        assertThat(indexes.count(ALIAS)).isEqualTo(5);
        assertThat(progress).containsExactly(2, 4, 5);
        // refreshes were off while loading and are back on, so later upserts become visible
        assertThat(client.indices().getSettings(g -> g.index(now.get(0))).result().get(now.get(0)).settings().index()
                .refreshInterval().time()).isEqualTo("1s");
    }

    @Test
    void a_document_the_mapping_rejects_leaves_the_old_version_serving_and_no_stray_index() throws Exception {
        indexes.rebuild(ALIAS, List.of(item("1", "旧的"), item("2", "也旧")), n -> {});
        List<String> before = indexes.aliasTargets(ALIAS);

        List<IndexDocument> bad = List.of(item("1", "新的"), item("2", "新的"),
                new IndexDocument("3", Map.of("title", "新的", "rank", "not a number")));
        assertThatThrownBy(() -> indexes.rebuild(ALIAS, bad, n -> {}))
                .isInstanceOf(SearchIndexException.class)
                .hasMessageContaining("id 3");

        assertThat(indexes.aliasTargets(ALIAS)).isEqualTo(before);
        assertThat(allVersions()).isEqualTo(before);
        assertThat(indexes.count(ALIAS)).isEqualTo(2);
    }

    @Test
    void a_failing_document_source_leaves_the_old_version_serving_and_no_stray_index() throws Exception {
        indexes.rebuild(ALIAS, List.of(item("1", "旧的")), n -> {});
        List<String> before = indexes.aliasTargets(ALIAS);
        List<IndexDocument> failing = new AbstractList<>() {
            @Override
            public IndexDocument get(int index) {
                if (index == 3) {
                    throw new IllegalStateException("database went away");
                }
                return item(Integer.toString(index), "新的");
            }

            @Override
            public int size() {
                return 10;
            }
        };

        assertThatThrownBy(() -> indexes.rebuild(ALIAS, failing, n -> {}))
                .isInstanceOf(SearchIndexException.class)
                .hasMessageContaining("database went away");

        assertThat(indexes.aliasTargets(ALIAS)).isEqualTo(before);
        assertThat(allVersions()).isEqualTo(before);
        assertThat(indexes.count(ALIAS)).isEqualTo(1);
    }

    /** The largest number of segments a shard of the alias's live version has. */
    private static int segments() throws Exception {
        return client.indices().segments(s -> s.index(ALIAS)).indices().values().stream()
                .flatMap(index -> index.shards().values().stream()).flatMap(List::stream)
                .mapToInt(shard -> shard.segments().size()).max().orElse(0);
    }

    private static int segmentsAfterMerging() throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        int segments = segments();
        while (segments > 1 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            segments = segments();
        }
        return segments;
    }

    /** Adds documents straight to the live version, one refresh (so one new segment) each. */
    private static void fragment(String prefix, int documents) throws Exception {
        for (int i = 0; i < documents; i++) {
            String id = prefix + i;
            client.index(x -> x.index(ALIAS).id(id).document(Map.of("title", "段" + id, "rank", 1)));
            client.indices().refresh(r -> r.index(ALIAS));
        }
    }

    /** Nine documents; the source refreshes the version being built now and then, as a full buffer does. */
    private static List<IndexDocument> loadedInSeveralSegments() {
        return new AbstractList<>() {
            @Override
            public IndexDocument get(int index) {
                if (index % 2 == 0 && index > 0) {
                    refreshBuilding();
                }
                return item(Integer.toString(index), "第" + index + "条");
            }

            @Override
            public int size() {
                return 9;
            }
        };
    }

    @Test
    void a_small_version_loaded_in_several_segments_is_merged_into_one_before_it_serves() throws Exception {
        indexes.rebuild(ALIAS, loadedInSeveralSegments(), n -> {});

        assertThat(segments()).isEqualTo(1);
        assertThat(indexes.count(ALIAS)).isEqualTo(9);
        assertThat(titles("第3条")).first().isEqualTo("第3条");
    }

    @Test
    void a_large_version_is_merged_into_one_segment_in_the_background() throws Exception {
        var large = new ElasticsearchSearchIndexes(client, Clock.systemUTC(), 2, () -> {}, true, 5);
        large.rebuild(ALIAS, loadedInSeveralSegments(), n -> {});

        assertThat(segmentsAfterMerging()).isEqualTo(1);
        assertThat(indexes.count(ALIAS)).isEqualTo(9);
    }

    @Test
    void with_merging_off_a_rebuilt_version_keeps_its_segments() throws Exception {
        var unmerged = new ElasticsearchSearchIndexes(client, Clock.systemUTC(), 2, () -> {}, false);
        unmerged.rebuild(ALIAS, loadedInSeveralSegments(), n -> {});

        assertThat(segments()).isGreaterThan(1);
    }

    private static void refreshBuilding() {
        try {
            client.indices().refresh(r -> r.index(ALIAS + "-v*"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void a_fragmented_live_version_is_merged_only_above_the_limit_and_only_when_merging_is_on() throws Exception {
        assertThat(indexes.mergeIfFragmented(ALIAS, 1)).as("no alias yet").isFalse();
        indexes.rebuild(ALIAS, List.of(item("1", "一")), n -> {});
        fragment("a", 4);
        int before = segments();
        assertThat(before).isGreaterThan(3);

        var unmerged = new ElasticsearchSearchIndexes(client, Clock.systemUTC(), 2, () -> {}, false);
        assertThat(unmerged.mergeIfFragmented(ALIAS, 1)).isFalse();
        assertThat(indexes.mergeIfFragmented(ALIAS, before)).isFalse();
        assertThat(segments()).isEqualTo(before);

        assertThat(indexes.mergeIfFragmented(ALIAS, before - 1)).isTrue();
        assertThat(segments()).as("a small version is merged before the call returns").isEqualTo(1);
        assertThat(indexes.count(ALIAS)).isEqualTo(5);

        // a large one in the background
        fragment("b", 3);
        var large = new ElasticsearchSearchIndexes(client, Clock.systemUTC(), 2, () -> {}, true, 1);
        assertThat(large.mergeIfFragmented(ALIAS, 2)).isTrue();
        assertThat(segmentsAfterMerging()).isEqualTo(1);
        assertThat(indexes.count(ALIAS)).isEqualTo(8);
    }

    @Test
    void upsert_and_delete_are_visible_to_the_next_search_at_once() throws Exception {
        indexes.upsert(ALIAS, item("a", "行政执法公示"));
        assertThat(indexes.count(ALIAS)).isEqualTo(1);
        assertThat(titles("执法")).containsExactly("行政执法公示");

        indexes.upsert(ALIAS, item("a", "行政调解"));
        assertThat(titles("执法")).isEmpty();

        indexes.delete(ALIAS, "a");
        indexes.delete(ALIAS, "never-existed");
        assertThat(indexes.count(ALIAS)).isZero();
        assertThat(allVersions()).hasSize(1);
    }

    @Test
    void update_applies_upserts_and_deletes_in_one_request_visible_at_once() throws Exception {
        indexes.rebuild(ALIAS, List.of(item("a", "行政执法公示"), item("b", "行政调解")), n -> {});
        indexes.update(ALIAS, List.of(item("c", "执法证件查询"), item("b", "执法人员")), List.of("a", "never-existed"));
        assertThat(indexes.count(ALIAS)).isEqualTo(2);
        assertThat(titles("执法")).containsExactlyInAnyOrder("执法证件查询", "执法人员");
        indexes.update(ALIAS, List.of(), List.of());
        assertThatThrownBy(() -> indexes.update(ALIAS, List.of(new IndexDocument("d", Map.of("no_such_field", 1))),
                List.of("b"))).isInstanceOf(SearchIndexException.class);
    }

    /** Whether the index version is blocked for writes (the clone needs its source blocked for a moment). */
    private static boolean writeBlocked(String index) throws Exception {
        var blocks = client.indices().getSettings(g -> g.index(index)).result().get(index).settings().index()
                .blocks();
        return blocks != null && Boolean.TRUE.equals(blocks.write());
    }

    @Test
    void revise_copies_the_live_version_applies_the_changes_to_the_copy_and_swaps_the_alias() throws Exception {
        indexes.rebuild(ALIAS, List.of(item("1", "行政执法公示"), item("2", "行政调解"), item("3", "执法证件"),
                item("4", "行政复议")), n -> {});
        String before = indexes.aliasTargets(ALIAS).get(0);
        List<Integer> progress = new ArrayList<>();

        indexes.revise(ALIAS, List.of(item("5", "执法人员"), item("2", "执法监督"), item("6", "执法文书")),
                List.of("3", "never-existed"), () -> 5, progress::add);

        List<String> now = indexes.aliasTargets(ALIAS);
        assertThat(now).hasSize(1).doesNotContain(before);
        assertThat(allVersions()).as("the old version is deleted").isEqualTo(now);
        assertThat(indexes.count(ALIAS)).isEqualTo(5);
        assertThat(titles("执法")).containsExactlyInAnyOrder("行政执法公示", "执法人员", "执法监督", "执法文书");
        assertThat(progress).containsExactly(2, 3);
        assertThat(writeBlocked(now.get(0))).isFalse();
        var settings = client.indices().getSettings(g -> g.index(now.get(0))).result().get(now.get(0)).settings()
                .index();
        assertThat(settings.refreshInterval().time()).isEqualTo("1s");
        // the clone keeps the mapping file's replica count (0), so the one-node cluster stays green for the next
        assertThat(settings.numberOfReplicas()).isEqualTo("0");
        assertThat(client.cluster().health(h -> h.index(now.get(0))).status())
                .isEqualTo(co.elastic.clients.elasticsearch._types.HealthStatus.Green);
        indexes.revise(ALIAS, List.of(item("8", "执法主体")), List.of(), () -> 6, n -> {});
        assertThat(indexes.count(ALIAS)).isEqualTo(6);
        assertThat(allVersions()).hasSize(1);
        // the copy keeps the mapping's record of its file, so no rebuild is thought due
        assertThat(indexes.mappingChanged(ALIAS)).isFalse();
        indexes.upsert(ALIAS, item("7", "执法检查"));
        assertThat(indexes.count(ALIAS)).isEqualTo(7);
    }

    @Test
    void a_failed_revision_leaves_the_live_version_serving_unchanged_and_writable_and_no_copy() throws Exception {
        indexes.rebuild(ALIAS, List.of(item("1", "行政执法公示"), item("2", "行政调解")), n -> {});
        List<String> before = indexes.aliasTargets(ALIAS);

        assertThatThrownBy(() -> indexes.revise(ALIAS, List.of(item("3", "执法证件"),
                new IndexDocument("4", Map.of("title", "执法", "rank", "not a number"))), List.of("1"), () -> 3, n -> {}))
                .isInstanceOf(SearchIndexException.class).hasMessageContaining("id 4");
        assertThatThrownBy(() -> indexes.revise(ALIAS, List.of(item("3", "执法证件")), List.of(), () -> 99, n -> {}))
                .isInstanceOf(SearchIndexException.class).hasMessageContaining("99 were expected");

        assertThat(indexes.aliasTargets(ALIAS)).isEqualTo(before);
        assertThat(allVersions()).isEqualTo(before);
        assertThat(titles("执法")).containsExactly("行政执法公示");
        assertThat(writeBlocked(before.get(0))).isFalse();
        indexes.upsert(ALIAS, item("5", "执法人员"));
        assertThat(indexes.count(ALIAS)).isEqualTo(3);
    }

    @Test
    void a_write_block_left_by_an_interrupted_revision_is_lifted_before_the_next_process_writes() throws Exception {
        indexes.rebuild(ALIAS, List.of(item("1", "行政调解")), n -> {});
        String live = indexes.aliasTargets(ALIAS).get(0);
        // what a process killed while it copied the live version leaves behind
        client.indices().putSettings(p -> p.index(live).settings(x -> x.blocks(b -> b.write(true))));
        var next = new ElasticsearchSearchIndexes(client, Clock.systemUTC(), 2, () -> {});

        next.upsert(ALIAS, item("2", "执法人员"));

        assertThat(writeBlocked(live)).isFalse();
        assertThat(next.count(ALIAS)).isEqualTo(2);
    }

    @Test
    void revise_needs_a_live_version() {
        assertThatThrownBy(() -> indexes.revise(ALIAS, List.of(item("1", "行政调解")), List.of(), () -> 1, n -> {}))
                .isInstanceOf(SearchIndexException.class).hasMessageContaining("no single live version");
    }

    @Test
    void a_version_built_from_another_mapping_file_is_reported_as_changed() throws Exception {
        assertThat(indexes.mappingChanged(ALIAS)).isFalse(); // no alias yet
        indexes.ensure(ALIAS);
        assertThat(indexes.mappingChanged(ALIAS)).isFalse();
        // a version created without the recorded hash, as an older portal created them
        String old = ALIAS + "-v20000101000000000";
        client.indices().create(c -> c.index(old).mappings(m -> m.properties("title", p -> p.text(t -> t))));
        String current = indexes.versions(ALIAS).get(indexes.versions(ALIAS).size() - 1);
        client.indices().updateAliases(u -> u.actions(a -> a.remove(r -> r.index(current).alias(ALIAS)))
                .actions(a -> a.add(x -> x.index(old).alias(ALIAS))));
        assertThat(indexes.mappingChanged(ALIAS)).isTrue();
        indexes.rebuild(ALIAS, List.of(item("a", "行政执法公示")), n -> {});
        assertThat(indexes.mappingChanged(ALIAS)).isFalse();
    }

    @Test
    void a_short_chinese_query_finds_the_full_name_and_adjacent_characters_rank_first() throws Exception {
        indexes.rebuild(ALIAS, List.of(
                item("1", "市场监督管理局"),
                item("2", "城市管理局"),
                item("3", "监督场所的管理市"),
                item("4", "Public Security Bureau")), n -> {});

        assertThat(titles("市场监管")).as("every character occurs in both").containsExactly("市场监督管理局", "监督场所的管理市");
        assertThat(titles("市场监督")).first().isEqualTo("市场监督管理局");
        assertThat(titles("市场监察")).as("察 occurs nowhere").isEmpty();
        assertThat(titles("管理局")).containsExactlyInAnyOrder("市场监督管理局", "城市管理局");
        assertThat(titles("security")).containsExactly("Public Security Bureau");
    }

    @Test
    void an_alias_without_a_mapping_file_is_refused_and_creates_nothing() throws Exception {
        assertThatThrownBy(() -> indexes.rebuild("no-such-mapping", List.of(item("1", "x")), n -> {}))
                .isInstanceOf(SearchIndexException.class)
                .hasMessageContaining("classpath:search/no-such-mapping.json");
        assertThat(indexes.count("no-such-mapping")).isZero();
        assertThatThrownBy(() -> indexes.ensure("Bad Name")).isInstanceOf(IllegalArgumentException.class);
    }
}
