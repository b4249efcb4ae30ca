package cn.gov.enforcement.portal.search;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * Versioned indexes behind aliases. The mapping and settings of alias {@code x} are committed in
 * {@code src/main/resources/search/x.json}. Readers always query the alias.
 */
public interface SearchIndexes {

    /** Makes sure the alias exists, creating an empty first index version when it does not. */
    void ensure(String alias);

    /**
     * Builds a new index version from the committed mapping, loads every document, then swaps the
     * alias to it atomically and deletes older versions. If anything fails the old version keeps
     * serving and the half-built one is deleted.
     *
     * @param documents read once, in order; may be a lazy sequence (documents are sent in bulk batches as
     *     they come, so the whole set never needs to be in memory)
     * @param progress told the number of documents loaded so far (may be a no-op)
     */
    void rebuild(String alias, Iterable<IndexDocument> documents, IntConsumer progress);

    /**
     * Copies the live version into a new version (the node links the segment files rather than indexing them
     * again), adds or replaces {@code upserts} and removes {@code deletes} in the copy, and swaps the alias to it
     * atomically when it holds as many documents as {@code expectedCount} tells, asked at that moment (any number
     * when it is null or tells a negative number); the old version is then
     * deleted. If anything fails the old version keeps serving, unchanged, and the copy is deleted. For changes too
     * many for {@link #update} yet a small part of the whole, where a {@link #rebuild} would index every document
     * again.
     *
     * @param upserts read once, in order; may be a lazy sequence
     * @param progress told the number of upserts loaded so far (may be a no-op)
     * @throws SearchIndexException when the alias has no single live version, or the copy cannot be built
     */
    void revise(String alias, Iterable<IndexDocument> upserts, List<String> deletes,
            java.util.function.LongSupplier expectedCount, IntConsumer progress);

    /**
     * Asks for the live version to be merged into one segment per shard, in the background, when a shard has more
     * than {@code maxSegments} segments (for example a version whose merge a shutdown cut short).
     *
     * @return whether a merge was asked for
     */
    default boolean mergeIfFragmented(String alias, int maxSegments) {
        return false;
    }

    /** Adds or replaces one document in the live version and makes it visible to searches. */
    void upsert(String alias, IndexDocument document);

    /** Removes one document from the live version. */
    void delete(String alias, String id);

    /**
     * Adds or replaces {@code upserts} and removes {@code deletes} (ids; missing ones are ignored) in the live
     * version in one bulk request, and makes the changes visible to searches.
     */
    void update(String alias, List<IndexDocument> upserts, List<String> deletes);

    /**
     * True when the live version was created from another mapping than the committed
     * {@code search/<alias>.json} (a new portal version changed the fields), so a rebuild is due; false when the
     * alias is missing.
     */
    boolean mappingChanged(String alias);

    /** Number of documents in the live version (0 when the alias is missing). */
    long count(String alias);
}
