package cn.gov.enforcement.portal.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.gov.enforcement.portal.lists.data.ListEntryEntity;
import cn.gov.enforcement.portal.lists.data.ListEntryRepository;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Two rebuilds of one list started close together: the index that stays is the one of the newer database state, even
 * when the older rebuild is slower (a CI run saw an older rebuild swap its index over a newer one).
 */
class ListIndexerTest {

    @Test
    void an_older_rebuild_never_replaces_the_index_of_a_newer_change() throws Exception {
        ListEntryRepository repository = mock(ListEntryRepository.class);
        ListIndex index = mock(ListIndex.class);
        AtomicReference<List<ListEntryEntity>> database = new AtomicReference<>(List.of(new ListEntryEntity("old")));
        AtomicReference<List<ListEntryEntity>> indexed = new AtomicReference<>();
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch firstHasRead = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        when(repository.findByListKindOrderByIdAsc("risk-points")).thenAnswer(i -> {
            List<ListEntryEntity> state = database.get();
            if (reads.incrementAndGet() == 1) {
                firstHasRead.countDown();
                // the first rebuild is slow: on the old code the second one reads, builds and swaps meanwhile;
                // rebuilds taking turns make the second wait for this one instead (hence the time limit)
                secondDone.await(2, TimeUnit.SECONDS);
            }
            return state;
        });
        doAnswer(i -> {
            indexed.set(i.getArgument(1));
            return null;
        }).when(index).rebuild(eq(ListKind.RISK_POINTS), any());
        ListIndexer indexer = new ListIndexer(repository, index,
                org.springframework.transaction.support.TransactionOperations.withoutTransaction());

        Thread first = new Thread(() -> indexer.reindex(ListKind.RISK_POINTS));
        first.start();
        assertThat(firstHasRead.await(5, TimeUnit.SECONDS)).isTrue();
        database.set(List.of(new ListEntryEntity("old"), new ListEntryEntity("new")));
        Thread second = new Thread(() -> {
            indexer.reindex(ListKind.RISK_POINTS);
            secondDone.countDown();
        });
        second.start();
        first.join(10_000);
        second.join(10_000);

        assertThat(indexed.get()).extracting(ListEntryEntity::getId).containsExactly("old", "new");
    }

    @Test
    void a_rebuild_waiting_for_its_turn_holds_no_transaction_and_so_no_database_connection() throws Exception {
        ListEntryRepository repository = mock(ListEntryRepository.class);
        ListIndex index = mock(ListIndex.class);
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        when(repository.findByListKindOrderByIdAsc("risk-points")).thenAnswer(i -> {
            if (reads.incrementAndGet() == 1) {
                firstInside.countDown();
                release.await(5, TimeUnit.SECONDS);
            }
            return List.of();
        });
        AtomicInteger open = new AtomicInteger();
        AtomicInteger mostOpen = new AtomicInteger();
        org.springframework.transaction.support.TransactionOperations counting =
                new org.springframework.transaction.support.TransactionOperations() {
                    @Override
                    public <T> T execute(org.springframework.transaction.support.TransactionCallback<T> action) {
                        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                        try {
                            return action.doInTransaction(null);
                        } finally {
                            open.decrementAndGet();
                        }
                    }
                };
        ListIndexer indexer = new ListIndexer(repository, index, counting);

        Thread first = new Thread(() -> indexer.reindex(ListKind.RISK_POINTS));
        first.start();
        assertThat(firstInside.await(5, TimeUnit.SECONDS)).isTrue();
        Thread second = new Thread(() -> indexer.reindex(ListKind.RISK_POINTS));
        second.start();
        // the second rebuild waits for its turn: blocked on the turn, not inside a transaction of its own
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (second.getState() != Thread.State.BLOCKED && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(second.getState()).isEqualTo(Thread.State.BLOCKED);
        assertThat(open.get()).as("transactions open while the second rebuild waits").isEqualTo(1);
        release.countDown();
        first.join(10_000);
        second.join(10_000);
        assertThat(reads.get()).isEqualTo(2);
        assertThat(mostOpen.get()).as("transactions of one list open at once").isEqualTo(1);
    }
}
