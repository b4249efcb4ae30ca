package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.agency.data.AgencyRepository;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code agencies} index in step with the database. Rebuilds run one after the other and each reads the
 * agencies only once it has its turn, so an older rebuild never replaces the index of a newer change.
 */
@Component
class AgencyIndexer {

    private final AgencyRepository repository;
    private final AgencyIndex index;
    private final Object turn = new Object();

    AgencyIndexer(AgencyRepository repository, AgencyIndex index) {
        this.repository = repository;
        this.index = index;
    }

    @ApplicationModuleListener
    void on(AgencyDirectoryChanged event) {
        reindex();
    }

    /** Rebuilds the index from the database (the system of record). */
    void reindex() {
        synchronized (turn) {
            index.rebuild(repository.findAllByOrderByIdAsc());
        }
    }
}
