package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.lists.data.ListEntryRepository;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps the {@code risk-points} and {@code exemptions} indexes in step with the database. */
@Component
class ListIndexer {

    private final ListEntryRepository repository;
    private final ListIndex index;

    ListIndexer(ListEntryRepository repository, ListIndex index) {
        this.repository = repository;
        this.index = index;
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
        index.rebuild(kind, repository.findByListKindOrderByIdAsc(kind.folder()));
    }
}
