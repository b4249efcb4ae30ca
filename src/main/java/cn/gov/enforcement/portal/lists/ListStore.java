package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.knowledge.ContentProblem;
import cn.gov.enforcement.portal.knowledge.KnowledgeFile;
import cn.gov.enforcement.portal.lists.data.ListEntryEntity;
import cn.gov.enforcement.portal.lists.data.ListEntryRepository;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the valid entries of one list into the database in one transaction and publishes
 * {@link ListsChanged} (delivered after commit). Unchanged entries (same hash) cause no write;
 * entries of a broken file are kept as they were; entries of a file that is gone are removed.
 */
@Component
class ListStore {

    private static final Logger log = LoggerFactory.getLogger(ListStore.class);

    private final ListEntryRepository repository;
    private final ApplicationEventPublisher events;
    private final ListIndex index;
    private final Clock clock;
    private final ListVersionStore versions;

    ListStore(ListEntryRepository repository, ApplicationEventPublisher events, ListIndex index, Clock clock,
            ListVersionStore versions) {
        this.repository = repository;
        this.events = events;
        this.index = index;
        this.clock = clock;
        this.versions = versions;
    }

    record Stored(Object entry, String sourceFile) {}

    /** What one sync did: the number of rows added, changed or removed, and the file changes not applied. */
    record SyncResult(int changed, List<ContentProblem> conflicts) {}

    /** Label stored as the source of entries created in the back office. */
    static final String BACK_OFFICE_SOURCE = "back-office";

    /**
     * Makes an entry public (or replaces its public content) and has the index follow after commit.
     * Call inside a transaction.
     */
    void putPublished(ListKind kind, Object entry) {
        String id = ListFileParser.idOf(entry);
        ListEntryEntity entity = repository.findById(id).orElseGet(() -> new ListEntryEntity(id));
        String source = entity.getSourceFile() == null ? BACK_OFFICE_SOURCE : entity.getSourceFile();
        String payload = ListJson.write(entry);
        String hash = KnowledgeFile.sha256((source + "\n" + payload).getBytes(StandardCharsets.UTF_8));
        fill(entity, kind, entry, payload, source, hash);
        repository.save(entity);
        repository.flush();
        events.publishEvent(new ListsChanged(kind.folder(), List.of(id), List.of()));
    }

    /** Takes an entry off the public lists. Call inside a transaction. */
    void removePublished(ListKind kind, String id) {
        if (repository.existsById(id)) {
            repository.deleteById(id);
            repository.flush();
            events.publishEvent(new ListsChanged(kind.folder(), List.of(), List.of(id)));
        }
    }

    /**
     * @param entries the entries of the valid files
     * @param validFiles labels of the valid files
     * @param presentFiles labels of every file in the folder (valid or not)
     * @return the number of entries added, changed or removed
     */
    @Transactional
    public SyncResult sync(ListKind kind, List<Stored> entries, Set<String> validFiles, Set<String> presentFiles) {
        // every row of the list is locked first (in id order) and only then is it read which entries the back office
        // maintains: a first back-office save or withdrawal that took an entry over meanwhile held the entry's row, so
        // it has committed by now and its versions are seen here; one that comes later waits for this transaction and
        // takes over what it wrote (ListsBackOffice). A file is never applied over an entry the back office took over.
        Map<String, ListEntryEntity> existing = repository.lockByListKindOrderById(kind.folder()).stream()
                .collect(Collectors.toMap(ListEntryEntity::getId, Function.identity()));
        // entries maintained in the back office are owned by the database: files never change or remove them
        Set<String> owned = versions.ownedIds(kind.folder());
        List<ContentProblem> conflicts = new ArrayList<>();
        Set<String> validIds = entries.stream().map(s -> ListFileParser.idOf(s.entry())).collect(Collectors.toSet());
        List<String> removed = new ArrayList<>();
        for (ListEntryEntity entity : existing.values()) {
            if (owned.contains(entity.getId())) {
                continue;
            }
            boolean fileGone = !presentFiles.contains(entity.getSourceFile());
            boolean idGone = validFiles.contains(entity.getSourceFile()) && !validIds.contains(entity.getId());
            if (fileGone || idGone) {
                removed.add(entity.getId());
            }
        }
        if (!removed.isEmpty()) {
            repository.deleteAllById(removed);
            repository.flush();
        }
        List<String> changed = new ArrayList<>();
        for (Stored stored : entries) {
            Object entry = stored.entry();
            String id = ListFileParser.idOf(entry);
            String payload = ListJson.write(entry);
            String hash = KnowledgeFile.sha256((stored.sourceFile() + "\n" + payload).getBytes(StandardCharsets.UTF_8));
            if (owned.contains(id)) {
                if (!versions.payloads(id).contains(payload)) {
                    conflicts.add(new ContentProblem(stored.sourceFile(), 0, "id", "lists.problem.backOfficeOwned", id));
                }
                continue;
            }
            ListEntryEntity entity = existing.get(id);
            if (entity == null) {
                ListEntryEntity other = repository.findById(id).orElse(null);
                if (other != null && !removed.contains(id)) {
                    // the same id in another list: the first one keeps it
                    log.warn("List entry id {} of {} is already used by the {} list; skipped", id, kind.folder(),
                            other.getListKind());
                    continue;
                }
            }
            if (entity != null && !removed.contains(id) && hash.equals(entity.getContentHash())) {
                continue;
            }
            if (entity == null || removed.contains(id)) {
                entity = new ListEntryEntity(id);
            }
            fill(entity, kind, entry, payload, stored.sourceFile(), hash);
            repository.save(entity);
            changed.add(id);
        }
        repository.flush();
        if (!changed.isEmpty() || !removed.isEmpty()) {
            log.info("List {}: {} added or changed, {} removed", kind.folder(), changed.size(), removed.size());
            events.publishEvent(new ListsChanged(kind.folder(), List.copyOf(changed), List.copyOf(removed)));
        } else if (index.isOutOfStep(kind, repository.countByListKind(kind.folder()))) {
            log.info("List {} unchanged but its search index is missing or out of step; rebuilding it", kind.folder());
            events.publishEvent(new ListsChanged(kind.folder(), List.of(), List.of()));
        }
        conflicts.forEach(c -> log.warn("Not applied: {}", c.describe()));
        return new SyncResult(changed.size() + removed.size(), List.copyOf(conflicts));
    }

    private void fill(ListEntryEntity entity, ListKind kind, Object entry, String payload, String sourceFile, String hash) {
        if (entry instanceof RiskPoint r) {
            entity.replace(kind.folder(), r.agency(), r.sector(), r.level(), null, r.title(),
                    r.sample(), r.effectiveFrom(), r.effectiveTo(), payload, sourceFile, hash, clock.instant());
        } else if (entry instanceof ExemptionItem e) {
            entity.replace(kind.folder(), e.agency(), e.sector(), null, e.kind(), e.violation(),
                    e.sample(), e.effectiveFrom(), e.effectiveTo(), payload, sourceFile, hash, clock.instant());
        } else if (entry instanceof DiscretionBenchmark d) {
            entity.replace(kind.folder(), d.agency(), null, null, null, d.violation(),
                    d.sample(), d.effectiveFrom(), d.effectiveTo(), payload, sourceFile, hash, clock.instant());
        } else {
            throw new IllegalArgumentException("Not a list entry: " + entry);
        }
    }
}
