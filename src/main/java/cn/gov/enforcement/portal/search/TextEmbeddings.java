package cn.gov.enforcement.portal.search;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * Dense text embeddings for semantic search, computed in process (no network). Document vectors are
 * cached by content hash, so that embedding the same text again costs a file read, not a model run.
 * Vectors are L2-normalised.
 */
public interface TextEmbeddings {

    /** False when embeddings are switched off ({@code portal.embeddings.enabled=false}); the others then fail. */
    boolean enabled();

    /** Length of every vector. */
    int dimensions();

    /** A short name of the model, e.g. {@code bge-small-zh-v1.5}. */
    String model();

    /**
     * Vectors of {@code texts} in the same order, from the cache where possible.
     *
     * @param progress told the number of texts done so far (may be a no-op)
     */
    List<float[]> documents(List<String> texts, IntConsumer progress);

    /** The vector of a search query (with the model's retrieval instruction where it has one). */
    float[] query(String text);

    /** Texts embedded by the model (not served from the cache) since start. */
    long computed();
}
