package cn.gov.enforcement.portal.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;

/**
 * {@link SearchIndexes} on the Elasticsearch Java client. Alias {@code x} points at exactly one
 * version {@code x-v<yyyyMMddHHmmssSSS>} created from {@code classpath:search/x.json}.
 *
 * <p>While a rebuild runs in this JVM, {@link #upsert} and {@link #delete} are applied to the
 * version being built as well, so that changes made during the rebuild survive the swap.
 */
class ElasticsearchSearchIndexes implements SearchIndexes {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchSearchIndexes.class);
    private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9_-]{0,100}");
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    private final ElasticsearchClient client;
    private final Clock clock;
    private final int batchSize;
    private final Runnable awaitReady;
    private final boolean mergeSegments;
    private final int synchronousMergeLimit;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, Object> writeLocks = new ConcurrentHashMap<>();
    private final Map<String, String> building = new ConcurrentHashMap<>();
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    ElasticsearchSearchIndexes(ElasticsearchClient client, Clock clock, int batchSize, Runnable awaitReady) {
        this(client, clock, batchSize, awaitReady, true);
    }

    /**
     * @param mergeSegments whether a rebuilt version is merged into one segment per shard: before the swap when
     *     it is small, in the background once it serves when it is large ({@link #SYNCHRONOUS_MERGE_LIMIT})
     */
    ElasticsearchSearchIndexes(ElasticsearchClient client, Clock clock, int batchSize, Runnable awaitReady,
            boolean mergeSegments) {
        this(client, clock, batchSize, awaitReady, mergeSegments, SYNCHRONOUS_MERGE_LIMIT);
    }

    ElasticsearchSearchIndexes(ElasticsearchClient client, Clock clock, int batchSize, Runnable awaitReady,
            boolean mergeSegments, int synchronousMergeLimit) {
        this.client = client;
        this.clock = clock;
        this.batchSize = batchSize;
        this.awaitReady = awaitReady;
        this.mergeSegments = mergeSegments;
        this.synchronousMergeLimit = synchronousMergeLimit;
    }

    /**
     * A version of at most this many documents is merged before it replaces the old one, which takes a second
     * at most (our lists, the agencies, a small corpus), so that its ranking does not change under a reader
     * paging through results. A larger one (the national corpus: about 15 s of one core) serves at once and is
     * merged in the background; with a vector graph ({@code int8_hnsw}) its ranking may then change once, when
     * the merge is done, as approximate nearest-neighbour results from one graph differ slightly from those of
     * several (the shipped regulation mapping compares every vector, which gives the same neighbours either way).
     */
    static final int SYNCHRONOUS_MERGE_LIMIT = 20_000;

    @Override
    public void ensure(String alias) {
        check(alias);
        awaitReady.run();
        synchronized (lock(alias)) {
            try {
                if (aliasExists(alias)) {
                    unblockWrites(alias);
                    known.add(alias);
                    return;
                }
                String index = createVersion(alias);
                try {
                    client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(index).alias(alias))));
                } catch (IOException | RuntimeException e) {
                    deleteQuietly(index);
                    throw e;
                }
                known.add(alias);
                log.info("Created search index {} behind alias {}", index, alias);
            } catch (IOException | ElasticsearchException e) {
                throw new SearchIndexException("Cannot create search index " + alias + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Lifts a write block left on the live version by a revision whose process ended while it copied the version
     * ({@link #copy}); asked once per alias and process, before its first write.
     */
    private void unblockWrites(String alias) throws IOException {
        for (String target : aliasTargets(alias)) {
            var blocks = client.indices().getSettings(g -> g.index(target)).result().get(target).settings().index()
                    .blocks();
            if (blocks != null && Boolean.TRUE.equals(blocks.write())) {
                log.warn("Search index {} was left blocked for writes by an interrupted revision; unblocking it",
                        target);
                client.indices().putSettings(p -> p.index(target).settings(x -> x.blocks(b -> b.write(false))));
            }
        }
    }

    @Override
    public void rebuild(String alias, Iterable<IndexDocument> documents, IntConsumer progress) {
        check(alias);
        if (documents == null) {
            throw new IllegalArgumentException("documents must not be null");
        }
        IntConsumer report = progress == null ? n -> {} : progress;
        awaitReady.run();
        synchronized (lock(alias)) {
            String index;
            try {
                index = createVersion(alias);
            } catch (IOException | ElasticsearchException e) {
                throw new SearchIndexException("Cannot create a new version of search index " + alias + ": "
                        + e.getMessage(), e);
            }
            building.put(alias, index);
            try {
                int loaded = loadWithoutRefreshes(index, documents, List.of(), report);
                boolean mergeNow = mergeSegments && loaded <= synchronousMergeLimit;
                if (mergeNow) {
                    merge(index);
                }
                List<String> old = versions(alias).stream().filter(v -> !v.equals(index)).toList();
                List<String> current = aliasTargets(alias);
                if (client.indices().exists(e -> e.index(alias)).value() && current.isEmpty()) {
                    throw new SearchIndexException("A concrete index named " + alias
                            + " exists where the alias should be; delete it first");
                }
                swap(alias, current, index);
                building.remove(alias);
                known.add(alias);
                log.info("Rebuilt search index {}: {} documents in {}, replacing {}", alias, loaded, index, current);
                if (mergeSegments && !mergeNow) {
                    requestMerge(index);
                }
                for (String version : old) {
                    deleteQuietly(version);
                }
            } catch (Exception e) {
                throw abandon(alias, index, "Rebuilding", e);
            }
        }
    }

    @Override
    public void revise(String alias, Iterable<IndexDocument> upserts, List<String> deletes,
            java.util.function.LongSupplier expectedCount, IntConsumer progress) {
        check(alias);
        if (upserts == null || deletes == null) {
            throw new IllegalArgumentException("upserts and deletes must not be null");
        }
        IntConsumer report = progress == null ? n -> {} : progress;
        awaitReady.run();
        synchronized (lock(alias)) {
            List<String> current;
            try {
                current = aliasTargets(alias);
            } catch (IOException | ElasticsearchException e) {
                throw new SearchIndexException("Cannot read the alias " + alias + ": " + e.getMessage(), e);
            }
            if (current.size() != 1) {
                throw new SearchIndexException("Search index " + alias + " has no single live version to revise: "
                        + current);
            }
            String source = current.get(0);
            String index;
            // no write to the alias while it is copied; once copied, writes reach the copy as well
            synchronized (writeLock(alias)) {
                try {
                    index = copy(alias, source);
                } catch (IOException | ElasticsearchException e) {
                    throw new SearchIndexException("Cannot copy search index " + source + ": " + e.getMessage(), e);
                }
                building.put(alias, index);
            }
            try {
                loadWithoutRefreshes(index, upserts, deletes, report);
                long count = client.count(c -> c.index(index)).count();
                long expected = expectedCount == null ? -1 : expectedCount.getAsLong();
                if (expected >= 0 && count != expected) {
                    throw new SearchIndexException("The revised version of " + alias + " holds " + count
                            + " documents where " + expected + " were expected");
                }
                swap(alias, List.of(source), index);
                building.remove(alias);
                known.add(alias);
                log.info("Revised search index {}: {} in {}, replacing {}", alias, count, index, source);
                deleteQuietly(source);
            } catch (Exception e) {
                throw abandon(alias, index, "Revising", e);
            }
        }
    }

    /**
     * Loads {@code documents} into the version being built and removes {@code deletes} (ids) from it, with no
     * periodic refreshes meanwhile (fewer, larger segments to build and merge), then makes it all visible; the
     * interval is reset before the swap, so upserts that wait for a refresh work on the new version.
     *
     * @return the number of documents loaded
     */
    private int loadWithoutRefreshes(String index, Iterable<IndexDocument> documents, List<String> deletes,
            IntConsumer progress) throws IOException {
        client.indices().putSettings(p -> p.index(index).settings(x -> x.refreshInterval(t -> t.time("-1"))));
        int loaded = load(index, documents, progress);
        for (int from = 0; from < deletes.size(); from += batchSize) {
            send(bulk(index, List.of(), deletes.subList(from, Math.min(deletes.size(), from + batchSize))).build());
        }
        client.indices().putSettings(p -> p.index(index).settings(x -> x.refreshInterval(t -> t.time("1s"))));
        client.indices().refresh(r -> r.index(index));
        return loaded;
    }

    /** Points the alias at {@code index} instead of {@code current}, in one request: readers see one or the other. */
    private void swap(String alias, List<String> current, String index) throws IOException {
        List<Action> actions = new ArrayList<>();
        for (String target : current) {
            actions.add(Action.of(a -> a.remove(r -> r.index(target).alias(alias))));
        }
        actions.add(Action.of(a -> a.add(add -> add.index(index).alias(alias))));
        client.indices().updateAliases(u -> u.actions(actions));
    }

    /** Deletes the version {@code index} that failed to be built; the exception to throw says the old one serves. */
    private SearchIndexException abandon(String alias, String index, String doing, Exception e) {
        building.remove(alias);
        deleteQuietly(index);
        if (e instanceof SearchIndexException s) {
            return s;
        }
        return new SearchIndexException(doing + " search index " + alias + " failed; the previous version keeps "
                + "serving: " + e.getMessage(), e);
    }

    /**
     * Copies the live version {@code source} into a new version with the node's clone API, which hard-links the
     * segment files instead of indexing anything again: a moment even for the whole corpus. The clone needs the
     * source blocked for writes for that moment; the block is lifted whether or not the clone succeeds.
     */
    private String copy(String alias, String source) throws IOException {
        String index = alias + "-v" + VERSION.format(nextVersionInstant(alias));
        // the clone takes every setting but the replicas (the node's default of 1 would leave a one-node cluster
        // yellow, and a yellow version cannot be cloned for the next revision): give it the source's
        var settings = client.indices().getSettings(g -> g.index(source)).result().get(source).settings();
        String replicas = settings.index() != null && settings.index().numberOfReplicas() != null
                ? settings.index().numberOfReplicas() : settings.numberOfReplicas();
        Map<String, co.elastic.clients.json.JsonData> copied = new java.util.HashMap<>();
        if (replicas != null) {
            copied.put("index.number_of_replicas", co.elastic.clients.json.JsonData.of(replicas));
        }
        client.indices().putSettings(p -> p.index(source).settings(x -> x.blocks(b -> b.write(true))));
        try {
            client.indices().clone(c -> c.index(source).target(index).settings(copied)
                    .waitForActiveShards(w -> w.count(1)));
        } catch (IOException | RuntimeException e) {
            deleteQuietly(index);
            throw e;
        } finally {
            client.indices().putSettings(p -> p.index(source).settings(x -> x.blocks(b -> b.write(false))));
        }
        try {
            client.indices().putSettings(p -> p.index(index).settings(x -> x.blocks(b -> b.write(false))));
            client.cluster().health(h -> h.index(index).waitForStatus(
                    co.elastic.clients.elasticsearch._types.HealthStatus.Green).timeout(t -> t.time("20s")));
        } catch (IOException | RuntimeException e) {
            deleteQuietly(index);
            throw e;
        }
        return index;
    }

    /**
     * Sends the documents in bulk batches, {@link #IN_FLIGHT} at a time: while the node indexes one batch, the
     * next one is read, converted and serialised, so that both the portal and the node keep working.
     */
    private int load(String index, Iterable<IndexDocument> documents, IntConsumer progress) throws IOException {
        ElasticsearchAsyncClient async = new ElasticsearchAsyncClient(client._transport(), client._transportOptions());
        ArrayDeque<CompletableFuture<BulkResponse>> pending = new ArrayDeque<>();
        int loaded = 0;
        try {
            BulkRequest.Builder bulk = null;
            int inBatch = 0;
            for (IndexDocument document : documents) {
                validate(document);
                if (bulk == null) {
                    bulk = new BulkRequest.Builder().index(index);
                }
                bulk.operations(op -> op.index(i -> i.id(document.id()).document(document.source())));
                inBatch++;
                if (inBatch == batchSize) {
                    if (pending.size() == IN_FLIGHT) {
                        loaded += checked(await(pending.poll()));
                        progress.accept(loaded);
                    }
                    pending.add(async.bulk(bulk.build()));
                    bulk = null;
                    inBatch = 0;
                }
            }
            if (bulk != null) {
                pending.add(async.bulk(bulk.build()));
            }
            while (!pending.isEmpty()) {
                loaded += checked(await(pending.poll()));
                progress.accept(loaded);
            }
            return loaded;
        } finally {
            // on a failure, let the requests still under way finish before the caller deletes the version
            for (CompletableFuture<BulkResponse> f : pending) {
                try {
                    f.join();
                } catch (RuntimeException ignored) {
                    // the first failure is the one reported
                }
            }
        }
    }

    /** Bulk requests under way at once while loading a new version. */
    static final int IN_FLIGHT = 2;

    private static BulkResponse await(CompletableFuture<BulkResponse> response) throws IOException {
        try {
            return response.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new SearchIndexException(cause.toString(), cause);
        }
    }

    private int send(BulkRequest request) throws IOException {
        return checked(client.bulk(request));
    }

    /** The number of documents in a bulk response, or a {@link SearchIndexException} naming the rejected ones. */
    private static int checked(BulkResponse response) {
        if (response.errors()) {
            List<String> failures = response.items().stream()
                    .filter(item -> item.error() != null)
                    .limit(3)
                    .map(ElasticsearchSearchIndexes::describe)
                    .toList();
            long failed = response.items().stream().filter(item -> item.error() != null).count();
            throw new SearchIndexException(failed + " document(s) rejected, e.g. " + String.join("; ", failures));
        }
        return response.items().size();
    }

    private static String describe(BulkResponseItem item) {
        return "id " + item.id() + ": " + item.error().type() + " " + item.error().reason();
    }

    /**
     * Asks the node to merge the version into one segment per shard, and returns at once: the node merges in the
     * background while the version serves (versions above {@link #SYNCHRONOUS_MERGE_LIMIT} documents). A bulk
     * load leaves one segment per flush of the node's indexing buffer and per indexing thread (about ten for the
     * national corpus on the embedded node), and a search visits every segment, looking up each one's terms and
     * searching each one's vectors for its own candidates. On the national corpus one segment made the
     * node's BM25 search about a quarter cheaper and the API answer about a sixth more searches per second
     * (bench/README.md, eighth session); the merge takes about 15 s there and 38 s for the whole corpus, on one
     * core. A merge cut short by a shutdown is asked for again at the next start ({@link #mergeIfFragmented}).
     */
    private void requestMerge(String index) {
        try {
            client.indices().forcemerge(f -> f.index(index).maxNumSegments(1L).waitForCompletion(false));
            log.info("Merging {} into one segment in the background", index);
        } catch (IOException | ElasticsearchException e) {
            // searches work on any number of segments, only more slowly
            log.warn("Cannot ask the search node to merge {}: {}", index, e.getMessage());
        }
    }

    /** Merges the version into one segment per shard and waits until it is done ({@link #requestMerge}). */
    private void merge(String index) {
        try {
            client.indices().forcemerge(f -> f.index(index).maxNumSegments(1L).waitForCompletion(true));
        } catch (IOException | ElasticsearchException e) {
            // searches work on any number of segments, only more slowly
            log.warn("Cannot merge {} into one segment: {}", index, e.getMessage());
        }
    }

    @Override
    public boolean mergeIfFragmented(String alias, int maxSegments) {
        check(alias);
        if (!mergeSegments) {
            return false;
        }
        awaitReady.run();
        try {
            if (!aliasExists(alias)) {
                return false;
            }
            for (var entry : client.indices().segments(s -> s.index(alias)).indices().entrySet()) {
                int segments = entry.getValue().shards().values().stream().flatMap(List::stream)
                        .mapToInt(shard -> shard.segments().size()).max().orElse(0);
                if (segments > maxSegments) {
                    log.info("Search index {} has {} segments", entry.getKey(), segments);
                    if (count(alias) <= synchronousMergeLimit) {
                        merge(entry.getKey());
                    } else {
                        requestMerge(entry.getKey());
                    }
                    return true;
                }
            }
            return false;
        } catch (IOException | ElasticsearchException e) {
            log.warn("Cannot read the segments of {}: {}", alias, e.getMessage());
            return false;
        }
    }

    @Override
    public void upsert(String alias, IndexDocument document) {
        check(alias);
        validate(document);
        write(alias, () -> {
            try {
                String pending = building.get(alias);
                if (pending != null) {
                    client.index(i -> i.index(pending).id(document.id()).document(document.source()));
                }
                client.index(i -> i.index(alias).id(document.id()).document(document.source())
                        .refresh(Refresh.WaitFor));
            } catch (IOException | ElasticsearchException e) {
                throw new SearchIndexException("Cannot index document " + document.id() + " into " + alias + ": "
                        + e.getMessage(), e);
            }
        });
    }

    @Override
    public void delete(String alias, String id) {
        check(alias);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        write(alias, () -> {
            try {
                String pending = building.get(alias);
                if (pending != null) {
                    client.delete(d -> d.index(pending).id(id));
                }
                client.delete(d -> d.index(alias).id(id).refresh(Refresh.WaitFor));
            } catch (ElasticsearchException e) {
                if (e.status() != 404) {
                    throw new SearchIndexException("Cannot delete document " + id + " from " + alias + ": "
                            + e.getMessage(), e);
                }
            } catch (IOException e) {
                throw new SearchIndexException("Cannot delete document " + id + " from " + alias + ": "
                        + e.getMessage(), e);
            }
        });
    }

    @Override
    public void update(String alias, List<IndexDocument> upserts, List<String> deletes) {
        check(alias);
        if (upserts.isEmpty() && deletes.isEmpty()) {
            return;
        }
        upserts.forEach(ElasticsearchSearchIndexes::validate);
        write(alias, () -> {
            try {
                String pending = building.get(alias);
                if (pending != null) {
                    send(bulk(pending, upserts, deletes).build());
                }
                send(bulk(alias, upserts, deletes).refresh(Refresh.WaitFor).build());
            } catch (IOException | ElasticsearchException e) {
                throw new SearchIndexException("Cannot update " + alias + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * Runs one write to the alias (to the live version and, while one is built, to the new version too) under the
     * alias's write lock, which {@link #revise} holds while it copies the live version.
     */
    private void write(String alias, Runnable body) {
        // before the write lock: ensure may wait for a revision, which takes the write lock to copy
        knownAlias(alias);
        synchronized (writeLock(alias)) {
            body.run();
        }
    }

    private static BulkRequest.Builder bulk(String index, List<IndexDocument> upserts, List<String> deletes) {
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(index);
        for (IndexDocument d : upserts) {
            bulk.operations(op -> op.index(i -> i.id(d.id()).document(d.source())));
        }
        for (String id : deletes) {
            bulk.operations(op -> op.delete(x -> x.id(id)));
        }
        return bulk;
    }

    @Override
    public boolean mappingChanged(String alias) {
        check(alias);
        awaitReady.run();
        try {
            if (!aliasExists(alias)) {
                return false;
            }
            String expected = mappingHash(new ClassPathResource("search/" + alias + ".json"));
            return client.indices().getMapping(g -> g.index(alias)).result().values().stream()
                    .map(m -> m.mappings().meta() == null ? null : m.mappings().meta().get(MAPPING_HASH))
                    .anyMatch(hash -> hash == null || !expected.equals(hash.to(String.class)));
        } catch (IOException | ElasticsearchException e) {
            throw new SearchIndexException("Cannot read the mapping of " + alias + ": " + e.getMessage(), e);
        }
    }

    /** The {@code _meta} key under which each index version records the SHA-256 of the mapping file it came from. */
    static final String MAPPING_HASH = "portal_mapping_sha256";

    private static String mappingHash(ClassPathResource mapping) throws IOException {
        try (InputStream in = mapping.getInputStream()) {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(in.readAllBytes()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long count(String alias) {
        check(alias);
        awaitReady.run();
        try {
            if (!aliasExists(alias)) {
                return 0;
            }
            return client.count(c -> c.index(alias)).count();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return 0;
            }
            throw new SearchIndexException("Cannot count " + alias + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SearchIndexException("Cannot count " + alias + ": " + e.getMessage(), e);
        }
    }

    /** The concrete index versions of an alias, oldest first (whether or not the alias points at them). */
    List<String> versions(String alias) throws IOException {
        Pattern version = Pattern.compile(Pattern.quote(alias) + "-v\\d{17}");
        return client.indices().get(g -> g.index(alias + "-v*").allowNoIndices(true).ignoreUnavailable(true))
                .result().keySet().stream()
                .filter(name -> version.matcher(name).matches())
                .sorted()
                .toList();
    }

    /** The indices the alias points at now (empty when the alias is missing). */
    List<String> aliasTargets(String alias) throws IOException {
        if (!aliasExists(alias)) {
            return List.of();
        }
        return List.copyOf(client.indices().getAlias(g -> g.name(alias)).result().keySet());
    }

    private boolean aliasExists(String alias) throws IOException {
        return client.indices().existsAlias(e -> e.name(alias)).value();
    }

    private void knownAlias(String alias) {
        if (!known.contains(alias)) {
            ensure(alias);
        }
    }

    private String createVersion(String alias) throws IOException {
        ClassPathResource mapping = new ClassPathResource("search/" + alias + ".json");
        if (!mapping.exists()) {
            throw new SearchIndexException("No mapping for search index " + alias + ": expected classpath:search/"
                    + alias + ".json");
        }
        return createIndex(alias + "-v" + VERSION.format(nextVersionInstant(alias)), mapping);
    }

    /** The instant that names a new version: now, or later than every existing version's (never reuse a name). */
    private Instant nextVersionInstant(String alias) throws IOException {
        Instant now = clock.instant();
        // keep names increasing even when the clock stands still (tests)
        List<String> existing = versions(alias);
        if (!existing.isEmpty()) {
            String last = existing.get(existing.size() - 1);
            Instant lastInstant = Instant.from(VERSION.parse(last.substring(alias.length() + 2)));
            if (!now.isAfter(lastInstant)) {
                now = lastInstant.plusMillis(1);
            }
        }
        return now;
    }

    private String createIndex(String index, ClassPathResource mapping) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode body;
        try (InputStream in = mapping.getInputStream()) {
            body = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(in);
        }
        // record which mapping file the version was built from, so that a changed mapping is noticed
        body.withObject("/mappings/_meta").put(MAPPING_HASH, mappingHash(mapping));
        byte[] bytes = json.writeValueAsBytes(body);
        client.indices().create(c -> c.withJson(new java.io.ByteArrayInputStream(bytes)).index(index));
        return index;
    }

    private void deleteQuietly(String index) {
        try {
            client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot delete search index version {}: {}", index, e.getMessage());
        }
    }

    private Object lock(String alias) {
        return locks.computeIfAbsent(alias, a -> new Object());
    }

    /**
     * Held by each write to the alias, and by {@link #revise} while it copies the live version (blocked for writes
     * meanwhile) and until writes reach the copy too.
     */
    private Object writeLock(String alias) {
        return writeLocks.computeIfAbsent(alias, a -> new Object());
    }

    private static void check(String alias) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw new IllegalArgumentException("Search index alias must be lower-case letters, digits, - or _: " + alias);
        }
    }

    private static void validate(IndexDocument document) {
        if (document == null || document.id() == null || document.id().isBlank()) {
            throw new IllegalArgumentException("Every search document needs an id");
        }
        if (document.source() == null) {
            throw new IllegalArgumentException("Search document " + document.id() + " has no source");
        }
    }
}
