package cn.gov.enforcement.portal.regulation;

import cn.gov.enforcement.portal.platform.TextChecks;
import cn.gov.enforcement.portal.search.ChineseAnalysis;
import cn.gov.enforcement.portal.search.IndexDocument;
import cn.gov.enforcement.portal.search.SearchIndexes;
import cn.gov.enforcement.portal.search.TextEmbeddings;
import cn.gov.enforcement.portal.search.VectorJson;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.FieldAndFormat;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The {@code regulation-articles} index: one document per article, a rebuildable projection of the
 * regulation tables. Text fields use the unigram + bigram recipe of {@link ChineseAnalysis}; the
 * {@code *_s} fields hold a Simplified copy, and queries are converted to Simplified, so that
 * Traditional and Simplified find each other. The region keyword is stored (and filtered) in Simplified.
 */
@Component
class RegulationIndex {

    static final String ALIAS = "regulation-articles";

    /** Everyday words and their legal terms, added to the BM25 query of a question. */
    static final LayTerms LAY_TERMS = LayTerms.bundled();

    private static final Logger log = LoggerFactory.getLogger(RegulationIndex.class);

    private final ObjectProvider<SearchIndexes> indexes;
    private final ObjectProvider<ElasticsearchClient> client;
    private final RegulationStore store;
    private final ObjectProvider<TextEmbeddings> embeddings;
    private final RegulationSettings settings;
    private final java.util.concurrent.atomic.AtomicReference<co.elastic.clients.elasticsearch.ElasticsearchAsyncClient>
            asyncClient = new java.util.concurrent.atomic.AtomicReference<>();

    RegulationIndex(ObjectProvider<SearchIndexes> indexes, ObjectProvider<ElasticsearchClient> client,
            RegulationStore store, ObjectProvider<TextEmbeddings> embeddings, RegulationSettings settings) {
        this.settings = settings;
        this.indexes = indexes;
        this.client = client;
        this.store = store;
        this.embeddings = embeddings;
    }

    /**
     * True when the index is missing, holds a different number of articles than the database, or was built from
     * an older mapping (a new portal version added fields).
     */
    boolean isOutOfStep() {
        SearchIndexes search = indexes.getIfAvailable();
        if (search == null) {
            return false;
        }
        try {
            return search.count(ALIAS) != store.articleCount() || search.mappingChanged(ALIAS);
        } catch (RuntimeException e) {
            log.warn("Cannot count the {} index ({}); it will be rebuilt", ALIAS, e.getMessage());
            return true;
        }
    }

    /**
     * Once the portal is up and no rebuild is under way, asks the node to merge an index left in more than
     * {@value #MAX_SEGMENTS} segments: one built by a command-line import (whose process stopped the node before
     * the merge it asked for was done) or by an earlier portal version. A rebuild asks for its own merge. Not
     * reached in command-line mode, which exits before the portal is ready.
     */
    @EventListener(ApplicationReadyEvent.class)
    void mergeWhenFragmented() {
        SearchIndexes search = indexes.getIfAvailable();
        if (search != null && !rebuildActive()) {
            try {
                search.mergeIfFragmented(ALIAS, MAX_SEGMENTS);
            } catch (RuntimeException e) {
                // searches work on any number of segments; a start must not fail over an optimisation
                log.warn("Cannot check the segments of the {} index: {}", ALIAS, e.toString());
            }
        }
    }

    /**
     * More segments than this at start are merged into one. Small updates (our guides) add a few small segments,
     * which are not worth merging the whole index for; a bulk load leaves one segment per flush (about ten for the
     * national corpus).
     */
    static final int MAX_SEGMENTS = 4;

    /** Builds a new index version from the database and swaps the alias; the old version serves until then. */
    long rebuild() {
        return rebuild(line -> {});
    }

    /**
     * Builds a new index version from the database, document by document (never the whole corpus in memory),
     * with a vector per article when embeddings are on, and swaps the alias; the old version serves until then.
     * One rebuild at a time: a second call waits for the first, then builds from the database as it is then.
     * Changes made with {@link #update} while the rebuild runs are applied to the live version at once and again to
     * the new version right after the swap, so none is lost whichever documents the rebuild had already read.
     *
     * @param progress told lines such as {@code indexed 5,000/64,617 articles (1,200 embedded, 3,800 cached)}
     */
    long rebuild(Consumer<String> progress) {
        SearchIndexes search = indexes.getIfAvailable();
        if (search == null) {
            log.warn("No search index service; the {} index is not built", ALIAS);
            return 0;
        }
        rebuilding.lock();
        try {
            // this rebuild reads the database as it is from now on: it answers every request made so far
            startRecording();
            current = new RebuildProgress(0, store.articleCount());
            return rebuildFrom(search, readCorpus(), progress);
        } finally {
            stopRecording();
        }
    }

    /** The documents and their citation counts, as the database holds them now. */
    private record Corpus(List<RegulationStore.StoredDocument> documents, Map<Long, Integer> citations) {}

    private Corpus readCorpus() {
        List<RegulationStore.StoredDocument> documents = store.documents();
        Map<Long, RegulationStore.StoredDocument> byId = new HashMap<>();
        documents.forEach(d -> byId.put(d.id(), d));
        long started = System.nanoTime();
        Map<Long, Integer> citations = Citations.count(store, byId);
        log.info("Counted the citations of {} documents in {} ms", byId.size(), (System.nanoTime() - started) / 1_000_000);
        return new Corpus(documents, citations);
    }

    /**
     * The rebuild itself, from {@code corpus} read after changes began to be recorded ({@link #startRecording}), by
     * the caller holding {@code rebuilding}; the recorded changes are applied to the new version after the swap.
     */
    private long rebuildFrom(SearchIndexes search, Corpus corpus, Consumer<String> progress) {
        TextEmbeddings model = embeddings.getIfAvailable();
        boolean vectors = model != null && model.enabled();
        long total = store.articleCount();
        current = new RebuildProgress(0, total);
        long computedBefore = vectors ? model.computed() : 0;
        long[] sent = {0};
        long[] reported = {0};
        Iterable<IndexDocument> source = () -> new BatchIterator(corpus.documents(), corpus.citations(),
                vectors ? model : null);
        search.rebuild(ALIAS, source, n -> {
            sent[0] = n;
            current = new RebuildProgress(n, total);
            if (n - reported[0] >= PROGRESS_EVERY || n == total) {
                reported[0] = n;
                progress.accept(vectors
                        ? String.format("indexed %,d/%,d articles (%,d embedded, the others from the cache)", n,
                                total, model.computed() - computedBefore)
                        : String.format("indexed %,d/%,d articles", n, total));
            }
        });
        replayChangesMadeDuringTheRebuild(search);
        log.info("Rebuilt the {} index with {} articles{}", ALIAS, sent[0], vectors ? " and their vectors" : "");
        return sent[0];
    }

    /**
     * Brings the index in step with the database, indexing again only what differs when that is a small part of
     * it: the articles of documents imported since, and of documents whose status (a newer version came) or
     * citation count (a new document cites them) changed; documents no longer held are removed. The changes go
     * into a copy of the live version that replaces it when complete ({@link SearchIndexes#revise}), so a failure
     * leaves the live version as it was. A full {@link #rebuild} runs instead when the index is missing or from
     * an older mapping, when more than a {@link #MAX_REVISED_SHARE} of the articles would be indexed again, and
     * when the revision fails.
     *
     * @return the number of articles indexed
     */
    long bringInStep(Consumer<String> progress) {
        return bringInStep(progress, Set.of());
    }

    /**
     * Like {@link #bringInStep(Consumer)}, and indexes the documents {@code replaced} again whatever the index holds
     * of them: their text was replaced in place (a corrected file keeps its document's id), which the comparison of
     * article counts, statuses and dates does not see.
     */
    long bringInStep(Consumer<String> progress, Set<Long> replaced) {
        SearchIndexes search = indexes.getIfAvailable();
        ElasticsearchClient es = client.getIfAvailable();
        if (search == null || es == null) {
            return rebuild(progress);
        }
        rebuilding.lock();
        try {
            long total = store.articleCount();
            long live;
            try {
                live = search.count(ALIAS);
                // the articles the index lacks are a lower bound of those to index again: when they alone are too
                // many (an import into an empty database), rebuild without comparing
                if (live == 0 || total - live > total * MAX_REVISED_SHARE || search.mappingChanged(ALIAS)) {
                    return rebuild(progress);
                }
            } catch (RuntimeException e) {
                log.warn("Cannot read the {} index ({}); rebuilding it", ALIAS, e.getMessage());
                return rebuild(progress);
            }
            // what is read from now on answers every request made so far; a rebuild falling back from the revision
            // reuses what was read (rebuildFrom), with the changes recorded meanwhile
            startRecording();
            Corpus corpus = readCorpus();
            Revision plan;
            try {
                long compareStarted = System.nanoTime();
                plan = plan(es, corpus.documents(), store.articleCounts(), corpus.citations(), replaced);
                log.info("Compared the {} index with the database in {} ms", ALIAS,
                        (System.nanoTime() - compareStarted) / 1_000_000);
            } catch (java.io.IOException | RuntimeException e) {
                log.warn("Cannot compare the {} index with the database ({}); rebuilding it", ALIAS, e.toString());
                return rebuildFrom(search, corpus, progress);
            }
            if (plan.articles() > total * MAX_REVISED_SHARE) {
                progress.accept(String.format("%,d of %,d articles to index again: rebuilding the index",
                        plan.articles(), total));
                return rebuildFrom(search, corpus, progress);
            }
            if (plan.documents().isEmpty() && plan.deletes().isEmpty() && live == total) {
                progress.accept("the search index is in step with the database");
                return 0;
            }
            long planned = plan.articles();
            current = new RebuildProgress(0, planned, true);
            progress.accept(String.format("indexing %,d articles of %,d documents again and removing %,d; the other "
                    + "%,d articles stay as they are", planned, plan.documents().size(), plan.deletes().size(),
                    total - planned));
            TextEmbeddings model = embeddings.getIfAvailable();
            boolean vectors = model != null && model.enabled();
            long[] sent = {0};
            long[] reported = {0};
            try {
                search.revise(ALIAS, () -> new BatchIterator(plan.documents(), corpus.citations(),
                        vectors ? model : null),
                        plan.deletes(), store::articleCount, n -> {
                            sent[0] = n;
                            current = new RebuildProgress(n, planned, true);
                            if (n - reported[0] >= PROGRESS_EVERY || n == planned) {
                                reported[0] = n;
                                progress.accept(String.format("indexed %,d/%,d articles", n, planned));
                            }
                        });
            } catch (RuntimeException e) {
                log.warn("Revising the {} index failed ({}); rebuilding it", ALIAS, e.getMessage());
                return rebuildFrom(search, corpus, progress);
            }
            replayChangesMadeDuringTheRebuild(search);
            log.info("Revised the {} index: {} articles of {} documents indexed again, {} removed", ALIAS, sent[0],
                    plan.documents().size(), plan.deletes().size());
            return sent[0];
        } finally {
            stopRecording();
        }
    }

    /**
     * Above this share of the database's articles to index again, {@link #bringInStep} rebuilds the index instead:
     * a rebuild loads faster per article (no copy, no deleted documents left behind) and leaves one segment.
     */
    static final double MAX_REVISED_SHARE = 0.25;

    /** What {@link #bringInStep} changes: documents whose articles are indexed again, article ids removed. */
    private record Revision(List<RegulationStore.StoredDocument> documents, long articles, List<String> deletes) {}

    /** What the live index holds of one document: articles, the citation counts and statuses they carry. */
    private record Indexed(long articles, double minCitations, double maxCitations, List<String> statuses,
            List<LocalDate> inForceDates) {}

    /**
     * Compares the live index with the database, document by document: a document is indexed again when the index
     * lacks it, holds another number of its articles, or holds them with another status, citation count or in-force
     * date, or when it is among the documents {@code replaced} in place.
     */
    private Revision plan(ElasticsearchClient es, List<RegulationStore.StoredDocument> documents,
            Map<Long, Integer> articleCounts, Map<Long, Integer> citations, Set<Long> replaced)
            throws java.io.IOException {
        Map<Long, Indexed> indexed = indexedDocuments(es);
        List<RegulationStore.StoredDocument> again = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        long articles = 0;
        Set<Long> held = new java.util.HashSet<>();
        for (RegulationStore.StoredDocument d : documents) {
            held.add(d.id());
            int count = articleCounts.getOrDefault(d.id(), 0);
            Indexed i = indexed.get(d.id());
            int cited = citations.getOrDefault(d.id(), 0);
            boolean same = i != null && !replaced.contains(d.id()) && i.articles() == count && i.statuses().equals(List.of(d.status().name()))
                    && i.minCitations() == cited && i.maxCitations() == cited
                    && i.inForceDates().equals(d.effectiveDate() == null ? List.of() : List.of(d.effectiveDate()));
            if (same || (i == null && count == 0)) {
                continue;
            }
            again.add(d);
            articles += count;
            if (i != null && i.articles() > count) {
                // the index holds articles the database does not: remove those the new ones do not replace
                Set<String> kept = new java.util.HashSet<>();
                store.articles(d.id()).forEach(a -> kept.add(articleId(d.id(), a.sequence())));
                articleIds(es, d.id(), i.articles()).stream().filter(id -> !kept.contains(id)).forEach(deletes::add);
            }
        }
        for (Map.Entry<Long, Indexed> e : indexed.entrySet()) {
            if (!held.contains(e.getKey())) {
                deletes.addAll(articleIds(es, e.getKey(), e.getValue().articles()));
            }
        }
        return new Revision(again, articles, deletes);
    }

    /** Per document id, what the live index holds of it (one composite aggregation, a page at a time). */
    private static Map<Long, Indexed> indexedDocuments(ElasticsearchClient es) throws java.io.IOException {
        Map<Long, Indexed> out = new HashMap<>();
        Map<String, co.elastic.clients.elasticsearch._types.FieldValue> after = null;
        while (true) {
            Map<String, co.elastic.clients.elasticsearch._types.FieldValue> from = after;
            SearchResponse<Void> r = es.search(s -> s.index(ALIAS).size(0).trackTotalHits(t -> t.enabled(false))
                    .aggregations("documents", a -> a
                            .composite(c -> {
                                c.size(1_000).sources(Map.of("id", co.elastic.clients.elasticsearch._types
                                        .aggregations.CompositeAggregationSource.of(x -> x
                                                .terms(t -> t.field("document_id")))));
                                if (from != null) {
                                    c.after(from);
                                }
                                return c;
                            })
                            .aggregations("min_citations", m -> m.min(x -> x.field("citations")))
                            .aggregations("max_citations", m -> m.max(x -> x.field("citations")))
                            .aggregations("statuses", m -> m.terms(t -> t.field("status").size(10)))
                            .aggregations("in_force", m -> m.terms(t -> t.field("in_force_date").size(10)))), Void.class);
            var composite = r.aggregations().get("documents").composite();
            var buckets = composite.buckets().array();
            for (var b : buckets) {
                long id = b.key().get("id").longValue();
                List<String> statuses = b.aggregations().get("statuses").sterms().buckets().array().stream()
                        .map(x -> x.key().stringValue()).sorted().toList();
                List<LocalDate> inForce = b.aggregations().get("in_force").lterms().buckets().array().stream()
                        .map(x -> LocalDate.ofEpochDay(Math.floorDiv(x.key(), 86_400_000L))).sorted().toList();
                out.put(id, new Indexed(b.docCount(), b.aggregations().get("min_citations").min().value(),
                        b.aggregations().get("max_citations").max().value(), statuses, inForce));
            }
            if (buckets.isEmpty() || composite.afterKey() == null || composite.afterKey().isEmpty()) {
                return out;
            }
            after = new HashMap<>(composite.afterKey());
        }
    }

    /** The ids of the articles of one document in the live index ({@code expected} of them, at most 10,000). */
    private static List<String> articleIds(ElasticsearchClient es, long documentId, long expected)
            throws java.io.IOException {
        if (expected > 10_000) {
            throw new IllegalStateException("Document " + documentId + " has " + expected + " articles in the index");
        }
        SearchResponse<Void> r = es.search(s -> s.index(ALIAS).size((int) expected).source(x -> x.fetch(false))
                .query(q -> q.term(t -> t.field("document_id").value(documentId))), Void.class);
        return r.hits().hits().stream().map(Hit::id).toList();
    }

    /** From now on changes made with {@link #update} are remembered, to be applied again after the swap. */
    private void startRecording() {
        synchronized (state) {
            requested = false;
            recording = true;
            removedDuringRebuild.clear();
            addedDuringRebuild.clear();
        }
    }

    /** Ends a rebuild or revision (held by this thread): nothing is remembered any more, the lock is released. */
    private void stopRecording() {
        synchronized (state) {
            recording = false;
            removedDuringRebuild.clear();
            addedDuringRebuild.clear();
        }
        current = null;
        rebuilding.unlock();
    }

    /**
     * Applies the guide changes made while the rebuild ran to the new version (now live). Runs while holding
     * {@code state}, so that a change recorded after this point cannot exist: {@link #update} then finds recording
     * off and applies its change to the new version itself.
     */
    private void replayChangesMadeDuringTheRebuild(SearchIndexes search) {
        synchronized (state) {
            if (!removedDuringRebuild.isEmpty() || !addedDuringRebuild.isEmpty()) {
                apply(search, List.copyOf(removedDuringRebuild), List.copyOf(addedDuringRebuild));
                log.info("Applied {} article removal(s) and {} added document(s) made during the rebuild to the new "
                        + "version", removedDuringRebuild.size(), addedDuringRebuild.size());
            }
            recording = false;
        }
    }

    /**
     * Applies a change of a few documents to the live index without a rebuild: removes the articles
     * {@code removedArticleIds} ({@code <document id>-<sequence>}) and adds every article of the documents
     * {@code addedDocumentIds}, with their vectors. Used for our own guides, which no regulation cites (their
     * citation count is 0), so the other documents' counts stay right. While a rebuild runs, the change is also
     * remembered and applied to the new version after the swap.
     */
    void update(List<String> removedArticleIds, List<Long> addedDocumentIds) {
        SearchIndexes search = indexes.getIfAvailable();
        if (search == null) {
            return;
        }
        synchronized (state) {
            if (recording) {
                removedDuringRebuild.addAll(removedArticleIds);
                addedDuringRebuild.addAll(addedDocumentIds);
            }
        }
        apply(search, removedArticleIds, addedDocumentIds);
    }

    private void apply(SearchIndexes search, List<String> removedArticleIds, List<Long> addedDocumentIds) {
        TextEmbeddings model = embeddings.getIfAvailable();
        List<RegulationStore.StoredDocument> owners = new ArrayList<>();
        List<RegulationStore.StoredArticle> articles = new ArrayList<>();
        for (long id : addedDocumentIds) {
            store.document(id).ifPresent(d -> store.articles(id).forEach(a -> {
                owners.add(d);
                articles.add(a);
            }));
        }
        List<IndexDocument> added = new ArrayList<>();
        indexDocuments(owners, articles, model != null && model.enabled() ? model : null, Map.of(), added::add);
        search.update(ALIAS, added, removedArticleIds);
    }

    /**
     * How far a rebuild has come: {@code done} of {@code total} articles sent to the index; for a {@code revision}
     * ({@link #bringInStep}), of the articles indexed again.
     */
    record RebuildProgress(long done, long total, boolean revision) {

        RebuildProgress(long done, long total) {
            this(done, total, false);
        }
    }

    /** Held by the rebuild that runs; another waits for it. */
    private final ReentrantLock rebuilding = new ReentrantLock();
    /** Guards the fields below it. */
    private final Object state = new Object();
    private boolean recording;
    private final List<String> removedDuringRebuild = new ArrayList<>();
    private final Set<Long> addedDuringRebuild = new LinkedHashSet<>();
    private boolean requested;
    private Thread worker;
    private boolean closed;
    private volatile RebuildProgress current;
    private volatile Consumer<String> backgroundProgress = line -> {};

    /** The rebuild under way (any: at start, in the background, or at the end of an import), if one runs. */
    Optional<RebuildProgress> rebuildProgress() {
        return Optional.ofNullable(current);
    }

    /** True while a rebuild runs or a background rebuild is asked for and not done yet. */
    boolean rebuildActive() {
        synchronized (state) {
            return worker != null || rebuilding.isLocked();
        }
    }

    /**
     * Rebuilds the index in a background thread ({@code regulation-reindex}), so that the caller goes on at once;
     * the old version serves searches until the swap. Asked while a background rebuild runs, one more rebuild
     * follows it (it may have read the database before the caller's change); asked several times meanwhile, once.
     * Progress lines go to the log; a failure is logged as an error and leaves the old version serving.
     */
    void rebuildInBackground() {
        synchronized (state) {
            if (closed) {
                return;
            }
            requested = true;
            if (worker == null) {
                worker = new Thread(this::rebuildWhileAsked, "regulation-reindex");
                worker.setDaemon(true);
                worker.start();
            }
        }
    }

    private void rebuildWhileAsked() {
        try {
            rebuildUntilNoneAsked();
        } finally {
            // also when an Error ends the thread: nobody may wait for a worker that is gone
            synchronized (state) {
                if (worker == Thread.currentThread()) {
                    worker = null;
                }
                state.notifyAll();
            }
        }
    }

    private void rebuildUntilNoneAsked() {
        while (true) {
            synchronized (state) {
                if (!requested || closed) {
                    // in the same block as the check, so that a request made after it starts a new worker
                    worker = null;
                    return;
                }
                requested = false;
            }
            long started = System.nanoTime();
            try {
                log.info("Rebuilding the {} index in the background; the previous version serves searches until "
                        + "the new one is complete", ALIAS);
                long indexed = bringInStep(line -> {
                    log.info(line);
                    backgroundProgress.accept(line);
                });
                log.info("Background rebuild of the {} index done: {} articles in {} s", ALIAS, indexed,
                        (System.nanoTime() - started) / 1_000_000_000L);
            } catch (RuntimeException e) {
                if (isClosed()) {
                    log.warn("Background rebuild of the {} index stopped by the shutdown: {}", ALIAS, e.toString());
                    return;
                }
                log.error("Background rebuild of the {} index failed; the previous version keeps serving and the "
                        + "next start tries again", ALIAS, e);
            }
        }
    }

    /**
     * Waits until no rebuild runs or is asked for (for tests, and for an import that must see the index built).
     *
     * @return false when {@code timeout} passed first
     */
    boolean awaitRebuild(java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (state) {
            while (worker != null || rebuilding.isLocked()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    // a rebuild that ends does not notify (it holds no monitor when it unlocks): look again soon
                    state.wait(Math.max(1, Math.min(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(left), 50)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private boolean isClosed() {
        synchronized (state) {
            return closed;
        }
    }

    /** Test hook: told every progress line of a background rebuild, in its thread (may block to slow it down). */
    void onBackgroundProgress(Consumer<String> hook) {
        backgroundProgress = hook == null ? line -> {} : hook;
    }

    @jakarta.annotation.PreDestroy
    void stopBackgroundRebuilds() {
        synchronized (state) {
            closed = true;
            requested = false;
        }
    }

    /** Progress lines every this many articles. */
    static final int PROGRESS_EVERY = 5_000;

    /** Articles are embedded this many at a time. */
    private static final int EMBED_BATCH = 256;

    /** Reads documents one by one and yields their articles, embedded a batch at a time. */
    private final class BatchIterator implements Iterator<IndexDocument> {

        private final Iterator<RegulationStore.StoredDocument> documents;
        private final Map<Long, Integer> citations;
        private final TextEmbeddings model;
        private final ArrayDeque<IndexDocument> ready = new ArrayDeque<>();

        BatchIterator(List<RegulationStore.StoredDocument> documents, Map<Long, Integer> citations,
                TextEmbeddings model) {
            this.documents = documents.iterator();
            this.citations = citations;
            this.model = model;
        }

        @Override
        public boolean hasNext() {
            if (ready.isEmpty()) {
                fill();
            }
            return !ready.isEmpty();
        }

        @Override
        public IndexDocument next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.poll();
        }

        private void fill() {
            List<RegulationStore.StoredDocument> owners = new ArrayList<>();
            List<RegulationStore.StoredArticle> articles = new ArrayList<>();
            while (articles.size() < EMBED_BATCH && documents.hasNext()) {
                RegulationStore.StoredDocument d = documents.next();
                for (RegulationStore.StoredArticle a : store.articles(d.id())) {
                    owners.add(d);
                    articles.add(a);
                }
            }
            indexDocuments(owners, articles, model, citations, ready::add);
        }
    }

    /**
     * The index documents of {@code articles} (each owned by the document at the same position of
     * {@code owners}), embedded together when {@code model} is given, with each document's citation count
     * (0 when {@code citations} has none).
     */
    private static void indexDocuments(List<RegulationStore.StoredDocument> owners,
            List<RegulationStore.StoredArticle> articles, TextEmbeddings model, Map<Long, Integer> citations,
            Consumer<IndexDocument> out) {
        // each article's text in Simplified characters, converted once for the embedded text and the document
        List<String> simplified = new ArrayList<>(articles.size());
        for (RegulationStore.StoredArticle a : articles) {
            simplified.add(ChineseScript.toSimplified(a.text()));
        }
        List<float[]> vectors = null;
        if (model != null && !articles.isEmpty()) {
            List<String> texts = new ArrayList<>(articles.size());
            for (int i = 0; i < articles.size(); i++) {
                texts.add(embeddingText(owners.get(i), articles.get(i), simplified.get(i)));
            }
            vectors = model.documents(texts, n -> {});
        }
        for (int i = 0; i < articles.size(); i++) {
            RegulationStore.StoredDocument d = owners.get(i);
            out.accept(document(d, articles.get(i), simplified.get(i), vectors == null ? null : vectors.get(i),
                    citations.getOrDefault(d.id(), 0)));
        }
    }

    /**
     * What is embedded for an article: the document's title, the headings above the article and its text, in
     * Simplified characters (the model reads at most 512 tokens; the text is cut to the settings' length).
     */
    private static String embeddingText(RegulationStore.StoredDocument d, RegulationStore.StoredArticle a,
            String simplifiedText) {
        String headings = a.headingPath() == null ? "" : a.headingPath().replace(RegulationStore.HEADING_SEPARATOR, " ");
        return ChineseScript.toSimplified(d.displayTitle() + " " + headings).strip() + "\n" + simplifiedText;
    }

    static IndexDocument document(RegulationStore.StoredDocument d, RegulationStore.StoredArticle a) {
        return document(d, a, ChineseScript.toSimplified(a.text()), null, 0);
    }

    /**
     * @param citations how often other documents cite this one ({@link Citations}), a ranking prior
     */
    private static IndexDocument document(RegulationStore.StoredDocument d, RegulationStore.StoredArticle a,
            String textS, float[] vector, int citations) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("document_id", d.id());
        source.put("citations", citations);
        source.put("sequence", a.sequence());
        source.put("title", d.title());
        source.put("display_title", d.displayTitle());
        source.put("level", d.level().name());
        source.put("region", ChineseScript.toSimplified(d.region()));
        source.put("issuer", ChineseScript.toSimplified(d.issuer()));
        source.put("status", d.status().name());
        source.put("version_date", d.versionDate() == null ? null : d.versionDate().toString());
        source.put("in_force_date", d.effectiveDate() == null ? null : d.effectiveDate().toString());
        source.put("article", a.number());
        String section = section(a);
        if (section != null) {
            source.put("section", section);
        }
        source.put("text", a.text());
        // the searched copies fold 瞭著乾藉祇彷覆 as the queries do (ChineseScript.fold), so a zh-TW 瞭解 finds 了解;
        // the embedded text is not folded (the cached vectors stay valid)
        String folded = ChineseScript.fold(textS);
        source.put("text_s", folded);
        source.put("all_s", ChineseScript.fold(ChineseScript.toSimplified(d.displayTitle() + "\n" + a.headingPath() + "\n"
                + a.number())) + "\n" + folded);
        if (vector != null) {
            source.put("vector", VectorJson.of(vector));
        }
        return new IndexDocument(articleId(d.id(), a.sequence()), source);
    }

    /**
     * The heading that names an unnumbered part (a section of one of our guides), shown in place of an article
     * number; null for numbered articles and for parts without a heading.
     */
    private static String section(RegulationStore.StoredArticle a) {
        if (!a.number().isEmpty() || a.headingPath() == null || a.headingPath().isBlank()) {
            return null;
        }
        String path = a.headingPath();
        int last = path.lastIndexOf(RegulationStore.HEADING_SEPARATOR);
        return (last < 0 ? path : path.substring(last + RegulationStore.HEADING_SEPARATOR.length())).strip();
    }

    /** One page of a search: {@code legalTerms} are the legal terms also searched for ({@link LayTerms}). */
    record Found(long total, List<FoundArticle> hits, List<String> legalTerms) {

        Found(long total, List<FoundArticle> hits) {
            this(total, hits, List.of());
        }
    }

    /**
     * One article found: {@code title} is the title as shown (with the part, e.g. {@code 中华人民共和国民法典 合同编},
     * when the corpus splits a code into parts), {@code documentTitle} the document's full title alone.
     */
    record FoundArticle(long documentId, int sequence, String title, String documentTitle, String article,
                        String section, LegalLevel level, DocumentStatus status, LocalDate versionDate,
                        LocalDate inForceDate, String snippet, double score) {}

    /**
     * One search: the query text (already Simplified), the window ({@code from} hits skipped, {@code size}
     * returned) and the filters; a null filter means "any".
     */
    record Search(String simplifiedQuery, int from, int size, LegalLevel level, String region, String issuer,
                  DocumentStatus status, LocalDate effectiveFrom, LocalDate effectiveTo, List<String> pinned) {

        /**
         * @param pinned the ids ({@link #articleId}) of the articles the query names by law and number
         *     ({@link ArticleReferences}), best first: those the filters let through rank first
         */
        Search {
            pinned = pinned == null ? List.of() : List.copyOf(pinned);
        }

        Search(String simplifiedQuery, int from, int size, LegalLevel level, String region, String issuer,
                DocumentStatus status, LocalDate effectiveFrom, LocalDate effectiveTo) {
            this(simplifiedQuery, from, size, level, region, issuer, status, effectiveFrom, effectiveTo, List.of());
        }
    }

    /**
     * Every filter clause of a search (level, region, issuer, status, in-force date range), for the lexical
     * query and for any other retriever that must honour the same filters.
     */
    static List<Query> filters(Search search) {
        List<Query> filters = new ArrayList<>();
        if (search.level() != null) {
            filters.add(Query.of(f -> f.term(t -> t.field("level").value(search.level().name()))));
        }
        if (search.region() != null) {
            filters.add(Query.of(f -> f.term(t -> t.field("region")
                    .value(ChineseScript.toSimplified(search.region())))));
        }
        if (search.issuer() != null) {
            filters.add(Query.of(f -> f.term(t -> t.field("issuer")
                    .value(ChineseScript.toSimplified(search.issuer())))));
        }
        if (search.status() != null) {
            filters.add(Query.of(f -> f.term(t -> t.field("status").value(search.status().name()))));
        }
        if (search.effectiveFrom() != null || search.effectiveTo() != null) {
            filters.add(Query.of(f -> f.range(r -> r.date(d -> {
                d.field("in_force_date").format("yyyy-MM-dd");
                if (search.effectiveFrom() != null) {
                    d.gte(search.effectiveFrom().toString());
                }
                if (search.effectiveTo() != null) {
                    d.lte(search.effectiveTo().toString());
                }
                return d;
            }))));
        }
        return filters;
    }

    /**
     * Articles for {@code simplifiedQuery}, filtered by the non-null arguments: the BM25 list (unigrams and
     * bigrams of the Simplified text) and, when embeddings are on, the dense-vector list, fused by weighted
     * reciprocal rank (see {@link RegulationSettings.Ranking}); snippets are highlighted for the page returned.
     */
    Found search(Search search) throws java.io.IOException {
        ElasticsearchClient es = client.getIfAvailable();
        if (es == null) {
            return new Found(0, List.of());
        }
        String simplifiedQuery = search.simplifiedQuery();
        RegulationSettings.Ranking ranking = settings.ranking();
        // the legal terms of the question's everyday words join the BM25 query (boosted) and the embedded question
        List<String> legalTerms = ranking.layTermWeight() > 0 ? LAY_TERMS.expand(ChineseScript.fold(simplifiedQuery))
                : List.of();
        // every page up to the ranking's depth comes from the same ranking, so paging never repeats or skips a hit
        Ranked ranked = rank(es, search, legalTerms, ranking.depth());
        List<String> order = ranked.order();
        Map<String, Double> scores = ranked.scores();
        if (search.from() + search.size() > order.size() && order.size() >= ranking.depth()) {
            // deeper pages: the same first results, then those of one deeper ranking (as deep as any page may reach,
            // the same for every deeper page) that are not among them
            Ranked deeper = rank(es, search, legalTerms, Math.max(ranking.depth(), RegulationCatalog.MAX_WINDOW));
            Set<String> shown = new HashSet<>(order);
            List<String> continued = new ArrayList<>(order);
            deeper.order().stream().filter(id -> !shown.contains(id)).forEach(continued::add);
            order = continued;
            scores = new HashMap<>(deeper.scores());
            scores.putAll(ranked.scores());
        }
        List<String> page = order.stream().skip(search.from()).limit(search.size()).toList();
        return new Found(ranked.total(), fetch(es, simplifiedQuery, legalTerms, page, scores), legalTerms);
    }

    /** One ranking of a search's hits, best first, with the fused scores and the total it counts. */
    private record Ranked(List<String> order, Map<String, Double> scores, long total) {
        static final Ranked NONE = new Ranked(List.of(), Map.of(), 0);
    }

    private Ranked rank(ElasticsearchClient es, Search search, List<String> legalTerms, int depth)
            throws java.io.IOException {
        String simplifiedQuery = search.simplifiedQuery();
        RegulationSettings.Ranking ranking = settings.ranking();
        List<Query> filters = filters(search);
        // the BM25 search runs on the node while this thread embeds the question and runs the kNN search
        java.util.concurrent.CompletableFuture<Leg> lexicalLeg = ranking.lexicalWeight() > 0
                ? lexical(es, simplifiedQuery, legalTerms, depth, filters, ranking)
                : java.util.concurrent.CompletableFuture.completedFuture(Leg.NONE);
        TextEmbeddings model = embeddings.getIfAvailable();
        Leg dense;
        try {
            dense = ranking.denseWeight() > 0 && model != null && model.enabled()
                    ? dense(es, model.query(legalTerms.isEmpty() ? simplifiedQuery
                            : simplifiedQuery + " " + String.join(" ", legalTerms)), depth, filters, ranking)
                    : Leg.NONE;
        } catch (java.io.IOException | RuntimeException e) {
            lexicalLeg.cancel(true);
            throw e;
        }
        Leg lexical = await(lexicalLeg);
        List<String> pinned = pinned(es, search.pinned(), filters);
        if (ranking.lexicalWeight() > 0 && lexical.ids().isEmpty() && pinned.isEmpty()) {
            // not one character of the query occurs in any article (emoji, another script, a typo'd rarity):
            // nearest vectors would still exist, but they answer nothing, so the answer is "nothing found"
            return Ranked.NONE;
        }
        Map<String, Double> fused = new HashMap<>();
        Map<String, Long> documents = new HashMap<>(lexical.documents());
        documents.putAll(dense.documents());
        addRanks(fused, lexical.ids(), ranking.lexicalWeight(), ranking.k());
        addRanks(fused, dense.ids(), ranking.denseWeight(), ranking.k());
        addDocumentScores(fused, documents, ranking.documentWeight());
        List<String> ranked = fused.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        if (search.level() != LegalLevel.GUIDE) {
            Set<String> guides = new HashSet<>(lexical.guides());
            guides.addAll(dense.guides());
            ranked = spreadGuides(ranked, guides, documents, SECTIONS_PER_GUIDE);
        }
        long total = lexical.total() + dense.ids().stream().filter(id -> !lexical.documents().containsKey(id)).count();
        if (!pinned.isEmpty()) {
            // the articles the query names by law and number come first, above every score of the words
            double top = fused.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            List<String> first = new ArrayList<>(pinned);
            Set<String> named = new HashSet<>(pinned);
            total += pinned.stream().filter(id -> !fused.containsKey(id)).count();
            for (int i = 0; i < pinned.size(); i++) {
                fused.put(pinned.get(i), top + 1.0 + (pinned.size() - i) * 0.001);
            }
            ranked.stream().filter(id -> !named.contains(id)).forEach(first::add);
            ranked = first;
        }
        return new Ranked(ranked, fused, Math.max(total, fused.size()));
    }

    /**
     * Of the articles a query names by law and number, those the search's filters let through (status, level,
     * region, issuer, dates), in the given order; one small query by id.
     */
    private static List<String> pinned(ElasticsearchClient es, List<String> ids, List<Query> filters)
            throws java.io.IOException {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Query> all = new ArrayList<>(filters);
        all.add(Query.of(q -> q.ids(i -> i.values(ids))));
        @SuppressWarnings("rawtypes")
        SearchResponse<Map> response = es.search(s -> legFields(s.index(ALIAS).size(ids.size()))
                .query(q -> q.bool(b -> b.filter(all))), Map.class);
        Set<String> passed = new HashSet<>();
        for (@SuppressWarnings("rawtypes") Hit<Map> hit : response.hits().hits()) {
            passed.add(articleId(((Number) docValue(hit, "document_id")).longValue(),
                    ((Number) docValue(hit, "sequence")).intValue()));
        }
        return ids.stream().filter(passed::contains).toList();
    }

    /**
     * Articles of documents that hold several good hits rise: each article gains {@code weight} times its
     * document's score (the sum of the document's three best article scores), scaled so that the best document
     * adds {@code weight} times the best article score.
     */
    static void addDocumentScores(Map<String, Double> fused, Map<String, Long> documents, double weight) {
        if (weight <= 0 || fused.isEmpty()) {
            return;
        }
        Map<Long, List<Double>> byDocument = new HashMap<>();
        fused.forEach((id, score) -> byDocument.computeIfAbsent(documents.getOrDefault(id, -1L), d -> new ArrayList<>())
                .add(score));
        Map<Long, Double> documentScores = new HashMap<>();
        byDocument.forEach((d, scores) -> documentScores.put(d, scores.stream()
                .sorted(java.util.Comparator.reverseOrder()).limit(3).mapToDouble(Double::doubleValue).sum()));
        double best = fused.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double bestDocument = documentScores.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        fused.replaceAll((id, score) -> score
                + weight * best * documentScores.get(documents.getOrDefault(id, -1L)) / bestDocument);
    }

    /** Sections of one of our guides that keep their rank among the laws (unless only guides are searched). */
    static final int SECTIONS_PER_GUIDE = 2;

    /**
     * The ranked ids with at most {@code max} sections of each guide where they stand; a guide's further sections
     * follow every other hit, in their order. A guide is written for one question and its sections all match it,
     * so without this one guide could fill the first page (首违不罚 gave five of its sections) and push the
     * articles of the law out of sight.
     */
    static List<String> spreadGuides(List<String> ranked, Set<String> guides, Map<String, Long> documents, int max) {
        if (guides.isEmpty()) {
            return ranked;
        }
        Map<Long, Integer> shown = new HashMap<>();
        List<String> kept = new ArrayList<>(ranked.size());
        List<String> later = new ArrayList<>();
        for (String id : ranked) {
            if (guides.contains(id) && shown.merge(documents.getOrDefault(id, -1L), 1, Integer::sum) > max) {
                later.add(id);
            } else {
                kept.add(id);
            }
        }
        kept.addAll(later);
        return kept;
    }

    /** One ranked list: article ids best first, the document of each, which are guide sections, and how many matched. */
    private record Leg(List<String> ids, Map<String, Long> documents, Set<String> guides, long total) {

        static final Leg NONE = new Leg(List.of(), Map.of(), Set.of(), 0);
    }

    private static void addRanks(Map<String, Double> fused, List<String> ids, double weight, int k) {
        for (int rank = 0; rank < ids.size(); rank++) {
            fused.merge(ids.get(rank), weight / (k + rank + 1), Double::sum);
        }
    }

    /** Queries of at most this many characters must match every character; longer ones (questions) need not. */
    static final int SHORT_QUERY = 4;

    /**
     * Characters left out of the single-character clause of a longer query: each occurs in more than about a fifth
     * of the articles of the national corpus (measured on the LawRefBook national documents), so BM25 gives them
     * almost no weight while their long posting lists make up most of the query's cost. They still count inside
     * the character pairs (bigrams), and a short query keeps every character.
     */
    static final String COMMON_CHARACTERS = "第条的十人法定当应行有以和民规者理国二关一或管三事政务部机院对本其不四门在可五依用";

    /**
     * The BM25 query: every character of a short query must occur (or, for a short everyday word, every character
     * pair of one of its legal terms); a longer query (a question in plain words)
     * scores by its adjacent character pairs (bigrams) in title, headings and text, the pairs in the text counted
     * again at half weight, and by its less common single characters.
     */
    static Query lexicalQuery(String q) {
        return lexicalQuery(q, List.of(), 0);
    }

    /**
     * The BM25 query, and when {@code legalTerms} are given (the legal terms of the question's everyday words,
     * {@link LayTerms}), their character pairs as one more optional clause boosted by {@code legalTermWeight}.
     */
    static Query lexicalQuery(String question, List<String> legalTerms, double legalTermWeight) {
        boolean isShort = isShort(question);
        // a longer question's 怎么办 or 如何 would match only our guides' titles phrased as questions
        String q = isShort ? question : QuestionWords.blankOut(question);
        // a longer question's single-character clause leaves out the common characters, even when leaving out
        // its question words made it short
        String rare = isShort ? q : withoutCommonCharacters(q);
        boolean withTerms = !legalTerms.isEmpty() && legalTermWeight > 0;
        return Query.of(x -> x.bool(b -> {
            if (isShort) {
                Query allCharacters = Query.of(m -> m.match(t -> t.field("all_s").query(q).operator(Operator.And)));
                // a short everyday word (公摊, 醉驾) is rarely written in statutes: an article holding one of its
                // legal terms (共有部分) may stand in for one holding every character of the word
                // (each term counts when all its character pairs occur)
                b.must(!withTerms ? allCharacters : Query.of(m -> m.bool(either -> either.should(allCharacters)
                        .should(legalTerms.stream().map(term -> Query.of(s -> s.match(t -> t.field("all_s.bigram")
                                .query(term).operator(Operator.And)))).toList()))));
            } else {
                if (!rare.isBlank()) {
                    b.should(m -> m.match(t -> t.field("all_s").query(rare)));
                }
                b.minimumShouldMatch("1");
            }
            if (withTerms) {
                b.should(m -> m.match(t -> t.field("all_s.bigram").query(String.join(" ", legalTerms))
                        .boost((float) legalTermWeight)));
            }
            return b.should(m -> m.match(t -> t.field("all_s.bigram").query(q)))
                    .should(m -> m.match(t -> t.field("text_s.bigram").query(q).boost(0.5f)));
        }));
    }

    private static boolean isShort(String q) {
        return TextChecks.characters(q) <= SHORT_QUERY;
    }

    /** The query with {@link #COMMON_CHARACTERS} replaced by spaces (so no new pairs form across a gap). */
    static String withoutCommonCharacters(String q) {
        StringBuilder out = new StringBuilder(q.length());
        q.codePoints().forEach(c -> out.appendCodePoint(COMMON_CHARACTERS.indexOf(c) >= 0 ? ' ' : c));
        return out.toString();
    }

    /** The BM25 list, asked for without blocking (the node answers on the client's I/O threads). */
    @SuppressWarnings("rawtypes")
    private java.util.concurrent.CompletableFuture<Leg> lexical(ElasticsearchClient es, String q,
            List<String> legalTerms, int depth, List<Query> filters, RegulationSettings.Ranking ranking) {
        // the searched fields are folded (see document): so is what is searched for
        String foldedQ = ChineseScript.fold(q);
        List<String> foldedTerms = legalTerms.stream().map(ChineseScript::fold).toList();
        Query query = Query.of(x -> x.bool(b -> b.must(lexicalQuery(foldedQ, foldedTerms, ranking.layTermWeight()))
                .filter(filters)));
        return async(es).search(s -> legFields(s.index(ALIAS).size(depth).trackTotalHits(t -> t.enabled(true)))
                        .query(query), Map.class)
                .thenApply(response -> {
                    long total = response.hits().total() == null ? 0 : response.hits().total().value();
                    return leg(response, total, ranking, true, ranking.citationWeight());
                });
    }

    /**
     * The asynchronous client for the lexical search: one for the portal's life, created on first use from the
     * blocking client's transport (it holds no connections of its own, so creating one twice in a race is
     * harmless; one of them is kept).
     */
    private co.elastic.clients.elasticsearch.ElasticsearchAsyncClient async(ElasticsearchClient es) {
        co.elastic.clients.elasticsearch.ElasticsearchAsyncClient existing = asyncClient.get();
        if (existing != null) {
            return existing;
        }
        asyncClient.compareAndSet(null,
                new co.elastic.clients.elasticsearch.ElasticsearchAsyncClient(es._transport(), es._transportOptions()));
        return asyncClient.get();
    }

    private static Leg await(java.util.concurrent.CompletableFuture<Leg> leg) throws java.io.IOException {
        try {
            return leg.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while searching");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.io.IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new java.io.IOException(cause);
        }
    }

    @SuppressWarnings("rawtypes")
    private Leg dense(ElasticsearchClient es, float[] vector, int depth, List<Query> filters,
            RegulationSettings.Ranking ranking) throws java.io.IOException {
        double minSimilarity = ranking.minSimilarity();
        List<Float> v = new ArrayList<>(vector.length);
        for (float f : vector) {
            v.add(f);
        }
        SearchResponse<Map> response = es.search(s -> legFields(s.index(ALIAS).size(depth))
                .knn(k -> {
                    k.field("vector").queryVector(v).k(depth).numCandidates(Math.min(10_000, Math.max(ranking.candidates(), depth))).filter(filters);
                    return minSimilarity > 0 ? k.similarity((float) minSimilarity) : k;
                }), Map.class);
        return leg(response, 0, ranking, false, ranking.denseCitationWeight());
    }

    /**
     * What each list needs of a hit to identify and re-order it, read from doc values alone. No stored field is
     * read, not even {@code _id} (the article id is {@link #articleId} of two doc values): finding {@code _id}
     * in the compressed stored fields of 200 hits took the node longer than the search itself. Median times on
     * the node, national corpus: BM25 list 34 → 19 ms, kNN list 13 → 4 ms.
     */
    private static SearchRequest.Builder legFields(SearchRequest.Builder s) {
        return s.source(src -> src.fetch(false)).storedFields("_none_").docvalueFields(LEG_FIELDS);
    }

    private static final List<FieldAndFormat> LEG_FIELDS = java.util.stream.Stream
            .of("document_id", "sequence", "level", "citations").map(f -> FieldAndFormat.of(x -> x.field(f))).toList();

    /** The id of an article in the index ({@link #document}). */
    static String articleId(long documentId, int sequence) {
        return documentId + "-" + sequence;
    }

    /**
     * The first value of a doc-value field of a hit (a {@code Long}, {@code Double} or {@code String}), or null.
     * Read straight from the client's token buffer: {@code JsonData.to(List.class)} looked up its deserializer by
     * reflection for each of the about 3,200 values of a search's two lists (3 to 6 % of the portal's CPU under
     * load, bench/README.md, seventh session).
     */
    @SuppressWarnings("rawtypes")
    private static Object docValue(Hit<Map> hit, String field) {
        JsonData values = hit.fields().get(field);
        if (values == null) {
            return null;
        }
        if (!(values instanceof co.elastic.clients.json.JsonBuffer buffer)) {
            List<?> list = values.to(List.class);
            return list.isEmpty() ? null : list.get(0);
        }
        try (jakarta.json.stream.JsonParser parser = buffer.asParser()) {
            if (!parser.hasNext() || parser.next() != jakarta.json.stream.JsonParser.Event.START_ARRAY
                    || !parser.hasNext()) {
                return null;
            }
            return switch (parser.next()) {
                case VALUE_NUMBER -> parser.isIntegralNumber() ? (Object) parser.getLong()
                        : (Object) parser.getBigDecimal().doubleValue();
                case VALUE_STRING -> parser.getString();
                default -> null;
            };
        }
    }

    /**
     * The hits as a ranked list, re-ordered by score times the document's priors: its level's (when
     * {@code levelPriors}) and its citation count's ({@link Citations#prior}).
     */
    @SuppressWarnings("rawtypes")
    private static Leg leg(SearchResponse<Map> response, long total, RegulationSettings.Ranking ranking,
            boolean levelPriors, double citationWeight) {
        Map<String, Long> documents = new HashMap<>();
        Map<String, Double> scores = new HashMap<>();
        List<String> ids = new ArrayList<>();
        Set<String> guides = new HashSet<>();
        for (Hit<Map> hit : response.hits().hits()) {
            long documentId = ((Number) docValue(hit, "document_id")).longValue();
            String id = articleId(documentId, ((Number) docValue(hit, "sequence")).intValue());
            ids.add(id);
            documents.put(id, documentId);
            LegalLevel level = level(docValue(hit, "level"));
            if (level == LegalLevel.GUIDE) {
                guides.add(id);
            }
            double prior = 1.0;
            if (levelPriors) {
                prior *= ranking.prior(level);
            }
            Object citations = docValue(hit, "citations");
            prior *= Citations.prior(citations instanceof Number n ? n.intValue() : 0, citationWeight);
            scores.put(id, (hit.score() == null ? 0 : hit.score()) * prior);
        }
        ids.sort(java.util.Comparator.comparing((String id) -> scores.get(id)).reversed());
        return new Leg(ids, documents, guides, total);
    }

    /**
     * The articles of one page, in the fused order, with snippets marking the question and its legal terms
     * ({@link Snippets}, cut here rather than by the node's highlighter, so the node need not index the text for it).
     */
    @SuppressWarnings("rawtypes")
    private List<FoundArticle> fetch(ElasticsearchClient es, String q, List<String> legalTerms, List<String> page,
            Map<String, Double> scores) throws java.io.IOException {
        if (page.isEmpty()) {
            return List.of();
        }
        // a question's most common characters (的, 人, 法, ...) would be marked everywhere: not alone
        String common = isShort(q) || withoutCommonCharacters(q).isBlank() ? "" : COMMON_CHARACTERS;
        SearchResponse<Map> response = es.search(s -> s.index(ALIAS).size(page.size())
                .source(src -> src.filter(f -> f.includes("document_id", "sequence", "display_title", "title", "article",
                        "section", "level", "status", "version_date", "in_force_date", "text")))
                .query(x -> x.ids(i -> i.values(page))), Map.class);
        Map<String, FoundArticle> byId = new HashMap<>();
        for (Hit<Map> hit : response.hits().hits()) {
            Map src = hit.source();
            if (src == null) {
                continue;
            }
            Object text = src.get("text");
            String snippet = Snippets.of(text == null ? "" : text.toString(), q, common, legalTerms);
            byId.put(hit.id(), new FoundArticle(((Number) src.get("document_id")).longValue(),
                    ((Number) src.get("sequence")).intValue(), String.valueOf(src.get("display_title")),
                    String.valueOf(src.get("title")),
                    String.valueOf(src.get("article")), src.get("section") == null ? "" : src.get("section").toString(),
                    level(src.get("level")), status(src.get("status")), date(src.get("version_date")),
                    date(src.get("in_force_date")), snippet, scores.getOrDefault(hit.id(), 0.0)));
        }
        return page.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private static DocumentStatus status(Object value) {
        try {
            return value == null ? null : DocumentStatus.valueOf(value.toString());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static LocalDate date(Object value) {
        try {
            return value == null ? null : LocalDate.parse(value.toString());
        } catch (java.time.format.DateTimeParseException unreadable) {
            return null;
        }
    }

    private static LegalLevel level(Object value) {
        try {
            return value == null ? null : LegalLevel.valueOf(value.toString());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
