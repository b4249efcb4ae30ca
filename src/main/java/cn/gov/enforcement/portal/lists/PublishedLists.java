package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.lists.data.ListEntryEntity;
import cn.gov.enforcement.portal.lists.data.ListEntryRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The stored entries of the three lists held in memory, parsed once, for the public pages and the modules that read
 * the lists (self-check, assistant, sitemap): those used to read every row of a list with its payload and parse it on
 * every visit.
 *
 * <p>A snapshot holds every row of one list (in force or not, in the order of the database), so that an entry whose
 * effective dates make it enter or leave the public lists at midnight does so on the right day without a reload:
 * {@link Snapshot#on} filters by the day asked for (and keeps the answer of the last day asked).
 *
 * <p>Every change of the table announces itself with {@link ListsChanged} (publish, withdraw, knowledge-base sync);
 * after that transaction completes (committed or rolled back) every snapshot is dropped and the next call reads the
 * list again. A snapshot read while a change commits is not kept (the generation it was read for is outdated), so a
 * change is never hidden by an older snapshot. {@link #invalidate()} drops them by hand (a knowledge-base reload does,
 * also when it found nothing to change, so that rows edited in the database directly show after a reload).
 */
@Component
class PublishedLists {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PublishedLists.class);

    /** One stored entry: the columns the public filters use, and the parsed payload. */
    record Cached(String id, String listKind, String agency, String sector, String level, String kind, String title,
            LocalDate effectiveFrom, LocalDate effectiveTo, ListEntry entry) {

        boolean inForce(LocalDate day) {
            return ListsCatalog.inForce(effectiveFrom, effectiveTo, day);
        }
    }

    /** The entries of one list in force on one day, in the order of the database, with the ids of the others. */
    record Day(LocalDate date, List<Cached> inForce, List<String> notInForce) {}

    /** Every stored entry of one list, immutable. */
    static final class Snapshot {

        private final long generation;
        private final List<Cached> all;
        private final Map<String, Cached> byId;
        private final AtomicReference<Day> lastDay = new AtomicReference<>();

        Snapshot(long generation, List<Cached> all) {
            this.generation = generation;
            this.all = List.copyOf(all);
            Map<String, Cached> ids = new LinkedHashMap<>();
            all.forEach(c -> ids.put(c.id(), c));
            this.byId = Map.copyOf(ids);
        }

        /** The entry with this id, in force or not; null when the list has none. */
        Cached find(String id) {
            return byId.get(id);
        }

        /** The entries in force on the given day (from ≤ day ≤ to). */
        Day on(LocalDate date) {
            Day known = lastDay.get();
            if (known != null && known.date().equals(date)) {
                return known;
            }
            List<Cached> inForce = new ArrayList<>();
            List<String> notInForce = new ArrayList<>();
            for (Cached c : all) {
                if (c.inForce(date)) {
                    inForce.add(c);
                } else {
                    notInForce.add(c.id());
                }
            }
            Day day = new Day(date, List.copyOf(inForce), List.copyOf(notInForce));
            lastDay.set(day);
            return day;
        }
    }

    private final ListEntryRepository repository;
    private final AtomicLong generation = new AtomicLong();
    private final Map<ListKind, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<ListKind, Object> loading = new EnumMap<>(ListKind.class);

    PublishedLists(ListEntryRepository repository) {
        this.repository = repository;
        for (ListKind kind : ListKind.values()) {
            loading.put(kind, new Object());
        }
    }

    /**
     * The snapshot of one list, read from the database when there is none or the lists changed since. Call inside a
     * (read-only) transaction; one caller reads a list at a time, the others wait for its answer.
     */
    Snapshot of(ListKind kind) {
        Snapshot known = current(kind);
        if (known != null) {
            return known;
        }
        synchronized (loading.get(kind)) {
            known = current(kind);
            if (known != null) {
                return known;
            }
            long readFor = generation.get();
            List<Cached> entries = new ArrayList<>();
            for (ListEntryEntity e : repository.findByListKindOrderByIdAsc(kind.folder())) {
                ListEntry entry;
                try {
                    entry = parse(kind, e.getPayload());
                } catch (RuntimeException unreadable) {
                    // a row changed by hand that no longer reads hides itself, not every page of its list
                    LOG.warn("The {} entry {} cannot be read and is left out of the public list: {}", kind.folder(),
                            e.getId(), unreadable.toString());
                    continue;
                }
                entries.add(new Cached(e.getId(), e.getListKind(), e.getAgency(), e.getSector(), e.getLevel(),
                        e.getKind(), e.getTitle(), e.getEffectiveFrom(), e.getEffectiveTo(), entry));
            }
            Snapshot read = new Snapshot(readFor, entries);
            // a change that completed meanwhile made readFor outdated: the next call reads again
            snapshots.merge(kind, read, (old, fresh) -> old.generation > fresh.generation ? old : fresh);
            return read;
        }
    }

    private Snapshot current(ListKind kind) {
        Snapshot known = snapshots.get(kind);
        return known != null && known.generation == generation.get() ? known : null;
    }

    private static ListEntry parse(ListKind kind, String payload) {
        return switch (kind) {
            case RISK_POINTS -> ListJson.read(payload, RiskPoint.class);
            case EXEMPTIONS -> ListJson.read(payload, ExemptionItem.class);
            case DISCRETION -> ListJson.read(payload, DiscretionBenchmark.class);
        };
    }

    /** Any list changed: once the change is committed (or rolled back), every snapshot is read again. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(ListsChanged event) {
        invalidate();
    }

    /** Drops every snapshot: the next call reads the lists from the database. */
    void invalidate() {
        generation.incrementAndGet();
    }
}
