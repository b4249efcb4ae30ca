package cn.gov.enforcement.portal.search;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * {@code bge-small-zh-v1.5} through LangChain4j's ONNX runtime, in process. The model (about 100 MB) is
 * loaded on first use; document vectors go through {@link EmbeddingCache}; recent query vectors are kept in
 * memory. Texts are cut to {@link EmbeddingSettings#maxChars()} characters.
 */
final class InProcessEmbeddings implements TextEmbeddings, DisposableBean {

    static final String MODEL = "bge-small-zh-v1.5";
    static final int DIMENSIONS = 512;

    private static final Logger log = LoggerFactory.getLogger(InProcessEmbeddings.class);
    private static final int CHUNK = 64;

    private final EmbeddingSettings settings;
    private final Path cacheFile;
    private final AtomicLong computed = new AtomicLong();
    private final Map<String, float[]> queries;
    private volatile EmbeddingModel model;
    private volatile EmbeddingCache cache;
    private ExecutorService executor;

    InProcessEmbeddings(EmbeddingSettings settings, Path cacheDir) {
        this.settings = settings;
        this.cacheFile = cacheDir.resolve(MODEL + ".vectors");
        int max = settings.queryCacheSize();
        this.queries = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > max;
            }
        });
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public long computed() {
        return computed.get();
    }

    /** Loads the model and the cache now (they are otherwise loaded on first use). */
    void warmUp() {
        if (enabled()) {
            query("预热");
        }
    }

    @Override
    public List<float[]> documents(List<String> texts, IntConsumer progress) {
        requireEnabled();
        EmbeddingCache c = cache();
        float[][] out = new float[texts.size()][];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = cut(texts.get(i));
            Optional<float[]> hit = c.get(text);
            if (hit.isPresent()) {
                out[i] = hit.get();
            } else {
                missing.add(i);
            }
        }
        AtomicInteger done = new AtomicInteger(texts.size() - missing.size());
        progress.accept(done.get());
        for (int from = 0; from < missing.size(); from += CHUNK) {
            List<Integer> chunk = missing.subList(from, Math.min(missing.size(), from + CHUNK));
            List<TextSegment> segments = chunk.stream().map(i -> TextSegment.from(cut(texts.get(i)))).toList();
            List<Embedding> vectors = loadedModel().embedAll(segments).content();
            for (int j = 0; j < chunk.size(); j++) {
                float[] v = vectors.get(j).vector();
                out[chunk.get(j)] = v;
                c.put(segments.get(j).text(), v);
            }
            computed.addAndGet(chunk.size());
            progress.accept(done.addAndGet(chunk.size()));
        }
        return List.of(out);
    }

    @Override
    public float[] query(String text) {
        requireEnabled();
        String key = cut(text);
        float[] hit = queries.get(key);
        if (hit != null) {
            return hit;
        }
        float[] vector = loadedModel().embed(settings.queryInstruction() + key).content().vector();
        queries.put(key, vector);
        return vector;
    }

    private String cut(String text) {
        String s = text == null ? "" : text.strip();
        if (s.length() > settings.maxChars()) {
            int end = settings.maxChars();
            if (Character.isHighSurrogate(s.charAt(end - 1))) {
                end--;
            }
            s = s.substring(0, end);
        }
        return s.isEmpty() ? " " : s;
    }

    private void requireEnabled() {
        if (!enabled()) {
            throw new IllegalStateException("Embeddings are switched off (portal.embeddings.enabled=false)");
        }
    }

    private EmbeddingModel loadedModel() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    long start = System.nanoTime();
                    executor = Executors.newFixedThreadPool(settings.threads(), r -> {
                        Thread t = new Thread(r, "embeddings");
                        t.setDaemon(true);
                        return t;
                    });
                    model = new BgeSmallZh(executor);
                    log.info("Loaded the {} embedding model in {} ms ({} threads)", MODEL,
                            (System.nanoTime() - start) / 1_000_000, settings.threads());
                }
                m = model;
            }
        }
        return m;
    }

    private EmbeddingCache cache() {
        EmbeddingCache c = cache;
        if (c == null) {
            synchronized (this) {
                if (cache == null) {
                    cache = EmbeddingCache.open(cacheFile, DIMENSIONS);
                    log.info("Embedding cache {} holds {} vectors", cacheFile, cache.size());
                }
                c = cache;
            }
        }
        return c;
    }

    @Override
    public synchronized void destroy() {
        if (cache != null) {
            cache.close();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
