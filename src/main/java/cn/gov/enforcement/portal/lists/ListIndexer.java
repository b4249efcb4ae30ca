package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.lists.data.ListEntryRepository;
import cn.gov.enforcement.portal.search.IndexRetry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the {@code risk-points} and {@code exemptions} indexes in step with the database.
 *
 * <p>Changes arrive one rebuild each, in the background, possibly several at once. One list's rebuilds run one after
 * the other and each reads the list only once it has its turn, so the one that swaps the alias last has read the
 * database last: an older rebuild that read the list before a newer change committed can never replace the newer
 * index (it did, now and then, when two changes followed each other quickly). A rebuild opens its (read-only)
 * transaction only once it has its turn, so the ones waiting hold no database connection.
 */
@Component
class ListIndexer {

    /** The listener id, which {@link IndexRetry} knows as an index listener's (its failed rebuilds run again). */
    static final String LISTENER_ID = IndexRetry.LISTENER_ID_PREFIX + "lists";

    private final ListEntryRepository repository;
    private final ListIndex index;
    private final TransactionOperations readOnly;
    private final Map<ListKind, Object> turns = new EnumMap<>(ListKind.class);

    @Autowired
    ListIndexer(ListEntryRepository repository, ListIndex index, PlatformTransactionManager transactions) {
        this(repository, index, readOnly(transactions));
    }

    ListIndexer(ListEntryRepository repository, ListIndex index, TransactionOperations readOnly) {
        this.repository = repository;
        this.index = index;
        this.readOnly = readOnly;
        for (ListKind kind : ListKind.values()) {
            turns.put(kind, new Object());
        }
    }

    /**
     * After the change's commit, in the background; the event publication stays incomplete if the rebuild fails, and
     * {@link IndexRetry} runs it again a few minutes later.
     */
    @Async
    @TransactionalEventListener(id = LISTENER_ID)
    void on(ListsChanged event) {
        for (ListKind kind : ListKind.values()) {
            if (kind.folder().equals(event.list())) {
                reindex(kind);
            }
        }
    }

    void reindex(ListKind kind) {
        synchronized (turns.get(kind)) {
            readOnly.executeWithoutResult(tx -> index.rebuild(kind, repository.findByListKindOrderByIdAsc(kind.folder())));
        }
    }

    static TransactionOperations readOnly(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setReadOnly(true);
        return template;
    }
}
