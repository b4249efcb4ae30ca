package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.lists.data.ListEntryRepository;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code risk-points} and {@code exemptions} indexes in step with the database.
 *
 * <p>Changes arrive one rebuild each, in the background, possibly several at once. One list's rebuilds run one after
 * the other and each reads the list only once it has its turn, so the one that swaps the alias last has read the
 * database last: an older rebuild that read the list before a newer change committed can never replace the newer
 * index (it did, now and then, when two changes followed each other quickly).
 */
@Component
class ListIndexer {

    private final ListEntryRepository repository;
    private final ListIndex index;
    private final Map<ListKind, Object> turns = new EnumMap<>(ListKind.class);

    ListIndexer(ListEntryRepository repository, ListIndex index) {
        this.repository = repository;
        this.index = index;
        for (ListKind kind : ListKind.values()) {
            turns.put(kind, new Object());
        }
    }

    @ApplicationModuleListener
    void on(ListsChanged event) {
        for (ListKind kind : ListKind.values()) {
            if (kind.folder().equals(event.list())) {
                reindex(kind);
            }
        }
    }

    void reindex(ListKind kind) {
        synchronized (turns.get(kind)) {
            index.rebuild(kind, repository.findByListKindOrderByIdAsc(kind.folder()));
        }
    }
}
