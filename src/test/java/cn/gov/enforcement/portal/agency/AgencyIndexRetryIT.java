package cn.gov.enforcement.portal.agency;

import static cn.gov.enforcement.portal.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import cn.gov.enforcement.portal.knowledge.KnowledgeBase;
import cn.gov.enforcement.portal.search.IndexRetry;
import cn.gov.enforcement.portal.search.SearchIndexException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A change made while the search node refuses the rebuild (as when it is down) reaches the index once the node is back
 * and {@link IndexRetry} runs, without a restart of the portal. The index of this Spring context fails its next
 * rebuild, the way a node that is down fails it; the agencies' data and index are those every test shares, so the
 * file, the database and the index are restored afterwards, and so is the event publication registry: a run that
 * stops between the failed rebuild and its run again leaves that rebuild pending, and every later agency test would
 * wait in vain for it to end.
 */
class AgencyIndexRetryIT extends AgencyTestSupport {

    @MockitoSpyBean AgencyIndex index;
    @Autowired KnowledgeBase knowledgeBase;
    @Autowired AgencyDirectory directory;
    @Autowired IndexRetry retry;
    @Autowired JdbcTemplate jdbc;
    @Autowired EventPublicationRepository publications;

    /** The pending publications whose rebuild this test made fail, found when the rebuild failed. */
    private final Set<UUID> failedRebuilds = ConcurrentHashMap.newKeySet();

    private long pendingRebuilds() {
        return pendingRebuildIds().size();
    }

    private List<UUID> pendingRebuildIds() {
        return jdbc.queryForList("select cast(id as varchar(64)) from event_publication where completion_date is null "
                + "and listener_id = ?", String.class, AgencyIndexer.LISTENER_ID).stream().map(UUID::fromString).toList();
    }

    /**
     * Completes the publications whose rebuild this test made fail and that are still pending (the test stopped before
     * they ran again), as a successful run again would have; the rebuild after the restored file has brought the
     * index in step with the database already. Other publications, such as that rebuild's own, are left to end.
     */
    @AfterEach
    void completeTheRebuildsLeftPending() {
        doCallRealMethod().when(index).rebuild(anyList());
        List<UUID> pending = pendingRebuildIds();
        for (UUID failed : failedRebuilds) {
            if (pending.contains(failed)) {
                publications.markCompleted(failed, Instant.now());
            }
        }
        failedRebuilds.clear();
    }

    @Test
    void a_rebuild_that_failed_while_the_node_was_down_runs_again_and_the_index_follows_the_database()
            throws Exception {
        eventually(() -> pendingRebuilds() == 0, "no agencies index rebuild is pending");
        Path file = AGENCIES.resolve(AGENCY_WITH_FOLDED_CHARACTER + ".yaml");
        String original = Files.readString(file, StandardCharsets.UTF_8);
        BooleanSupplier indexed = () -> directory.search(POWER_WITH_FOLDED_CHARACTER, null, 0, 10).items().stream()
                .anyMatch(a -> a.id().equals(AGENCY_WITH_FOLDED_CHARACTER));
        assertThat(indexed.getAsBoolean()).isFalse();
        try {
            // the node is down for the next rebuild only (the context's start rebuilt the index already)
            org.mockito.Mockito.clearInvocations(index);
            doAnswer(invocation -> {
                // the publication of this rebuild, pending until it runs again (no other was pending before)
                failedRebuilds.addAll(pendingRebuildIds());
                throw new SearchIndexException("Test: the search node is down");
            }).doCallRealMethod().when(index).rebuild(anyList());
            Files.writeString(file, original.replace("\npowers:\n",
                    "\npowers:\n  - name: " + POWER_WITH_FOLDED_CHARACTER + "\n    kind: other\n"), StandardCharsets.UTF_8);
            knowledgeBase.loadAll();
            verify(index, timeout(60_000)).rebuild(anyList());
            assertThat(pendingRebuilds()).as("the failed rebuild stays pending").isEqualTo(1);
            assertThat(indexed.getAsBoolean()).as("the index still has the agency's old powers").isFalse();

            // the node is back: the job (here without waiting the minute a scheduled run waits) runs the rebuild again
            assertThat(retry.resubmit(Duration.ZERO)).contains(AgencyIndexer.LISTENER_ID);

            eventually(indexed, "the index has the power added while the node was down");
            eventually(() -> pendingRebuilds() == 0, "the rebuild run again has completed");
        } finally {
            doCallRealMethod().when(index).rebuild(anyList());
            Files.writeString(file, original, StandardCharsets.UTF_8);
            knowledgeBase.loadAll();
            eventually(() -> !indexed.getAsBoolean(), "the index is back without the power");
        }
    }
}
