package cn.gov.enforcement.portal.search;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the in-process embedding model.
 *
 * @param enabled false switches semantic search off (lexical search only); default true
 * @param threads model threads; default the number of processors
 * @param cacheDir where document vectors are cached by content hash; default {@code <data-dir>/embeddings}
 * @param queryCacheSize recent query vectors kept in memory
 * @param maxChars longest text embedded, in characters (the model reads at most 512 tokens)
 */
@ConfigurationProperties(prefix = "portal.embeddings")
public record EmbeddingSettings(Boolean enabled, int threads, Path cacheDir, int queryCacheSize, int maxChars) {

    public EmbeddingSettings {
        if (enabled == null) {
            enabled = Boolean.TRUE;
        }
        if (threads <= 0) {
            threads = Runtime.getRuntime().availableProcessors();
        }
        if (queryCacheSize <= 0) {
            queryCacheSize = 2000;
        }
        if (maxChars <= 0) {
            maxChars = 480;
        }
    }
}
