package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.gov.enforcement.portal.search.IndexDocument;
import cn.gov.enforcement.portal.search.SearchIndexes;
import cn.gov.enforcement.portal.search.TextEmbeddings;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

/**
 * How {@link RegulationIndex} coordinates rebuilds, on a fake index service whose rebuild waits until the test lets
 * it swap: one at a time, changes made meanwhile applied again after the swap, background rebuilds asked for
 * several times run once more, a failure leaves nothing running.
 */
class RegulationIndexRebuildTest {

    private static final RegulationStore.StoredDocument LAW = new RegulationStore.StoredDocument(1, "某法", "",
            LegalLevel.LAW, "", "", "", null, DocumentStatus.CURRENT, "a.md", "某法", null, null, "h1");
    private static final RegulationStore.StoredDocument GUIDE = new RegulationStore.StoredDocument(2, "某指南", "",
            LegalLevel.GUIDE, "", "", "", null, DocumentStatus.CURRENT, "g.md", "某指南", null, null, "h2");
    private static final RegulationStore.StoredArticle ARTICLE = new RegulationStore.StoredArticle(1, "第一条", 1, 0,
            "", "正文。");

    /** Records what happens, in order; its rebuild holds until {@link #release} is counted down. */
    private static final class FakeIndexes implements SearchIndexes {

        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger rebuilds = new AtomicInteger();
        volatile CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch release = new CountDownLatch(1);
        volatile RuntimeException failure;

        @Override
        public void ensure(String alias) {}

        @Override
        public void revise(String alias, Iterable<IndexDocument> upserts, List<String> deletes,
                java.util.function.LongSupplier expectedCount, IntConsumer progress) {
            throw new UnsupportedOperationException("not used: the fake has no client, so every rebuild is full");
        }

        @Override
        public void rebuild(String alias, Iterable<IndexDocument> documents, IntConsumer progress) {
            int n = rebuilds.incrementAndGet();
            events.add("rebuild " + n + " started");
            int loaded = 0;
            for (IndexDocument d : documents) {
                loaded++;
            }
            progress.accept(loaded);
            entered.countDown();
            try {
                assertThat(release.await(1, TimeUnit.MINUTES)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            if (failure != null) {
                events.add("rebuild " + n + " failed");
                throw failure;
            }
            events.add("rebuild " + n + " swapped");
        }

        @Override
        public void upsert(String alias, IndexDocument document) {}

        @Override
        public void delete(String alias, String id) {}

        @Override
        public void update(String alias, List<IndexDocument> upserts, List<String> deletes) {
            events.add("update +" + upserts.stream().map(IndexDocument::id).toList() + " -" + deletes);
        }

        @Override
        public boolean mergeIfFragmented(String alias, int maxSegments) {
            events.add("merge " + alias + " above " + maxSegments);
            if (failure != null) {
                throw failure;
            }
            return true;
        }

        @Override
        public boolean mappingChanged(String alias) {
            return false;
        }

        @Override
        public long count(String alias) {
            return 0;
        }
    }

    private final FakeIndexes fake = new FakeIndexes();
    private final RegulationIndex index = index(fake);
    private final List<Thread> threads = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private static RegulationIndex index(SearchIndexes indexes) {
        ObjectProvider<SearchIndexes> search = mock(ObjectProvider.class);
        when(search.getIfAvailable()).thenReturn(indexes);
        ObjectProvider<ElasticsearchClient> client = mock(ObjectProvider.class);
        ObjectProvider<TextEmbeddings> embeddings = mock(ObjectProvider.class);
        RegulationStore store = mock(RegulationStore.class);
        when(store.documents()).thenReturn(List.of(LAW));
        when(store.articleCount()).thenReturn(1L);
        when(store.articles(anyLong())).thenReturn(List.of(ARTICLE));
        when(store.document(1L)).thenReturn(Optional.of(LAW));
        when(store.document(2L)).thenReturn(Optional.of(GUIDE));
        return new RegulationIndex(search, client, store, embeddings, new RegulationSettings("", null));
    }

    private Thread start(Runnable r) {
        Thread t = new Thread(r, "test-rebuild");
        t.setDaemon(true);
        threads.add(t);
        t.start();
        return t;
    }

    @AfterEach
    void letEverythingFinish() throws InterruptedException {
        fake.release.countDown();
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
        index.stopBackgroundRebuilds();
    }

    @Test
    void a_change_made_during_a_rebuild_goes_to_the_live_version_at_once_and_to_the_new_one_after_the_swap()
            throws Exception {
        Thread rebuild = start(index::rebuild);
        assertThat(fake.entered.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(index.rebuildProgress()).contains(new RegulationIndex.RebuildProgress(1, 1));

        index.update(List.of("7-1"), List.of(2L));
        assertThat(fake.events).containsExactly("rebuild 1 started", "update +[2-1] -[7-1]");

        fake.release.countDown();
        rebuild.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(fake.events).containsExactly("rebuild 1 started", "update +[2-1] -[7-1]", "rebuild 1 swapped",
                "update +[2-1] -[7-1]");
        assertThat(index.rebuildProgress()).isEmpty();

        // after the rebuild a change is applied once
        index.update(List.of("8-1"), List.of());
        assertThat(fake.events).last().isEqualTo("update +[] -[8-1]");
        assertThat(fake.events).hasSize(5);
    }

    @Test
    void a_fragmented_index_is_merged_once_the_portal_is_ready_unless_a_rebuild_runs() throws Exception {
        index.mergeWhenFragmented();
        assertThat(fake.events).containsExactly("merge regulation-articles above " + RegulationIndex.MAX_SEGMENTS);

        // a rebuild asks for its own merge once its version serves
        start(index::rebuild);
        assertThat(fake.entered.await(30, TimeUnit.SECONDS)).isTrue();
        index.mergeWhenFragmented();
        assertThat(fake.events).hasSize(2).last().isEqualTo("rebuild 1 started");
        fake.release.countDown();
        assertThat(index.awaitRebuild(Duration.ofSeconds(30))).isTrue();
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }

        // an unreachable node does not stop the start
        fake.failure = new IllegalStateException("test: the node went away");
        index.mergeWhenFragmented();
        assertThat(fake.events).last().isEqualTo("merge regulation-articles above " + RegulationIndex.MAX_SEGMENTS);
    }

    @Test
    void a_second_rebuild_waits_for_the_first_and_then_reads_the_database_again() throws Exception {
        start(index::rebuild);
        assertThat(fake.entered.await(30, TimeUnit.SECONDS)).isTrue();
        Thread second = start(index::rebuild);
        second.join(300);
        assertThat(second.isAlive()).isTrue();
        assertThat(fake.rebuilds).hasValue(1);

        fake.release.countDown();
        second.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(fake.events).containsExactly("rebuild 1 started", "rebuild 1 swapped", "rebuild 2 started",
                "rebuild 2 swapped");
    }

    @Test
    void background_rebuilds_asked_for_while_one_runs_are_done_once_more_and_awaited() throws Exception {
        index.rebuildInBackground();
        assertThat(index.rebuildActive()).isTrue();
        assertThat(fake.entered.await(30, TimeUnit.SECONDS)).isTrue();
        // the running rebuild may have read the database before these requests: one more rebuild follows
        index.rebuildInBackground();
        index.rebuildInBackground();
        assertThat(index.awaitRebuild(Duration.ofMillis(200))).isFalse();

        fake.release.countDown();
        assertThat(index.awaitRebuild(Duration.ofSeconds(30))).isTrue();
        assertThat(fake.rebuilds).hasValue(2);
        assertThat(index.rebuildActive()).isFalse();
        assertThat(index.rebuildProgress()).isEmpty();
    }

    @Test
    void a_failed_background_rebuild_ends_the_thread_and_the_next_request_starts_a_new_one() throws Exception {
        fake.failure = new IllegalStateException("test: the node went away");
        index.rebuildInBackground();
        assertThat(fake.entered.await(30, TimeUnit.SECONDS)).isTrue();
        fake.release.countDown();
        assertThat(index.awaitRebuild(Duration.ofSeconds(30))).isTrue();
        assertThat(fake.events).containsExactly("rebuild 1 started", "rebuild 1 failed");
        assertThat(index.rebuildActive()).isFalse();

        // a change after the failure goes to the live version once, nothing is remembered for a replay
        index.update(List.of("7-1"), List.of());
        fake.failure = null;
        index.rebuildInBackground();
        assertThat(index.awaitRebuild(Duration.ofSeconds(30))).isTrue();
        assertThat(fake.events).containsExactly("rebuild 1 started", "rebuild 1 failed", "update +[] -[7-1]",
                "rebuild 2 started", "rebuild 2 swapped");
    }

    @Test
    void after_shutdown_no_background_rebuild_starts() {
        index.stopBackgroundRebuilds();
        index.rebuildInBackground();
        assertThat(index.rebuildActive()).isFalse();
        assertThat(fake.rebuilds).hasValue(0);
    }
}
