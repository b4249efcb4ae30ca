package cn.gov.enforcement.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real bge-small-zh model, in process: meaning decides the nearest text, and the cache saves work. */
class InProcessEmbeddingsTest {

    @TempDir
    static Path dir;

    static InProcessEmbeddings embeddings;

    @BeforeAll
    static void load() {
        embeddings = new InProcessEmbeddings(new EmbeddingSettings(true, 2, null, 10, 0, null), dir);
    }

    @AfterAll
    static void close() {
        embeddings.destroy();
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void the_session_without_spinning_threads_gives_the_vectors_of_langchain4js_own_model() {
        // the cache holds vectors computed by earlier versions with LangChain4j's model: they must stay valid
        String text = "中华人民共和国劳动合同法 第三十条\n用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。";
        float[] ours = new BgeSmallZh(Runnable::run).embed(text).content().vector();
        float[] theirs = new dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel()
                .embed(text).content().vector();
        assertThat(ours).hasSize(InProcessEmbeddings.DIMENSIONS);
        assertThat(ours).containsExactly(theirs, org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void a_question_in_plain_words_is_nearest_to_the_article_that_answers_it() {
        List<String> articles = List.of(
                "劳动合同 用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。",
                "道路交通安全 机动车驾驶人应当遵守道路交通安全法律、法规的规定，按照操作规范安全驾驶、文明驾驶。",
                "婚姻家庭 夫妻一方死亡的，生存一方有权继承遗产。");
        List<float[]> vectors = embeddings.documents(articles, n -> {});
        assertThat(vectors).hasSize(3).allSatisfy(v -> assertThat(v).hasSize(embeddings.dimensions()));
        float[] question = embeddings.query("老板拖欠工资不发怎么办");
        List<Double> similarities = new ArrayList<>();
        for (float[] v : vectors) {
            similarities.add(cosine(question, v));
        }
        assertThat(similarities.get(0)).isGreaterThan(similarities.get(1)).isGreaterThan(0);
        assertThat(similarities.get(0)).isGreaterThan(similarities.get(2));
    }

    @Test
    void a_query_is_embedded_as_written_unless_an_instruction_is_configured(@TempDir Path other) {
        String q = "房东不退押金怎么办";
        assertThat(cosine(embeddings.query(q), embeddings.documents(List.of(q), n -> {}).get(0)))
                .isGreaterThan(0.9999);
        InProcessEmbeddings instructed = new InProcessEmbeddings(
                new EmbeddingSettings(true, 2, null, 10, 0, EmbeddingSettings.BGE_QUERY_INSTRUCTION), other);
        try {
            float[] withInstruction = instructed.query(q);
            assertThat(cosine(withInstruction,
                    embeddings.documents(List.of(EmbeddingSettings.BGE_QUERY_INSTRUCTION + q), n -> {}).get(0)))
                    .isGreaterThan(0.9999);
            assertThat(cosine(withInstruction, embeddings.query(q))).isLessThan(0.99);
        } finally {
            instructed.destroy();
        }
    }

    @Test
    void texts_embedded_once_come_from_the_cache_the_next_time() {
        List<String> texts = List.of("行政处罚 初次违法且危害后果轻微并及时改正的，可以不予行政处罚。", "调解应当遵循自愿原则。");
        List<float[]> first = embeddings.documents(texts, n -> {});
        long computed = embeddings.computed();
        int[] progress = {0};
        List<float[]> again = embeddings.documents(texts, n -> progress[0] = n);
        assertThat(embeddings.computed()).isEqualTo(computed);
        assertThat(progress[0]).isEqualTo(2);
        assertThat(again.get(0)).containsExactly(first.get(0));
        assertThat(again.get(1)).containsExactly(first.get(1));
    }
}
