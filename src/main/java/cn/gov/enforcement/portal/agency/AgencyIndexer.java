package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.agency.data.AgencyRepository;
import cn.gov.enforcement.portal.search.IndexRetry;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the {@code agencies} index in step with the database. Rebuilds run one after the other and each reads the
 * agencies only once it has its turn, so an older rebuild never replaces the index of a newer change; it opens its
 * (read-only) transaction only then, so the ones waiting hold no database connection.
 */
@Component
class AgencyIndexer {

    /** The listener id, which {@link IndexRetry} knows as an index listener's (its failed rebuilds run again). */
    static final String LISTENER_ID = IndexRetry.LISTENER_ID_PREFIX + "agencies";

    private final AgencyRepository repository;
    private final AgencyIndex index;
    private final TransactionTemplate readOnly;
    private final Object turn = new Object();

    AgencyIndexer(AgencyRepository repository, AgencyIndex index, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.index = index;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * After the change's commit, in the background; the event publication stays incomplete if the rebuild fails, and
     * {@link IndexRetry} runs it again a few minutes later.
     */
    @Async
    @TransactionalEventListener(id = LISTENER_ID)
    void on(AgencyDirectoryChanged event) {
        reindex();
    }

    /** Rebuilds the index from the database (the system of record). */
    void reindex() {
        synchronized (turn) {
            readOnly.executeWithoutResult(tx -> index.rebuild(repository.findAllByOrderByIdAsc()));
        }
    }
}
