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
 * @param queryInstruction put before a search query when it is embedded; default none. bge-small-zh-v1.5 was
 *        trained with a retrieval instruction for short queries ({@link #BGE_QUERY_INSTRUCTION}), but on the
 *        STARD questions it made no measurable difference to quality while making up about a third of the
 *        characters embedded per question, so about a third of the time (bench/README.md, sixth session)
 */
@ConfigurationProperties(prefix = "portal.embeddings")
public record EmbeddingSettings(Boolean enabled, int threads, Path cacheDir, int queryCacheSize, int maxChars,
        String queryInstruction) {

    /** The retrieval instruction of bge-small-zh-v1.5 for short queries against passages. */
    public static final String BGE_QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";

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
        if (queryInstruction == null) {
            queryInstruction = "";
        }
    }
}
