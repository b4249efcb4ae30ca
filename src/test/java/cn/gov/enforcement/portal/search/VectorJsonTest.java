package cn.gov.enforcement.portal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Vectors written as compact fixed-point JSON: the text, the precision, and what the client sends. */
class VectorJsonTest {

    @Test
    void numbers_keep_five_decimals_without_trailing_zeros() {
        assertThat(VectorJson.format(new float[] {0.0123456f, -0.5f, 0f, -0f, 1f, -0.000004f, 0.000006f, -1.25f,
                        0.10000001f}))
                .isEqualTo("[0.01235,-0.5,0,0,1,0,0.00001,-1.25,0.1]");
        assertThat(VectorJson.format(new float[0])).isEqualTo("[]");
        assertThat(VectorJson.format(new float[] {12.5f, -987654.3f})).isEqualTo("[12.5,-987654.3125]");
    }

    @Test
    void a_unit_vector_survives_with_its_cosine_similarities_intact() throws Exception {
        Random random = new Random(7);
        float[] a = unit(random);
        float[] b = unit(random);
        double[] a2 = new ObjectMapper().readValue(VectorJson.format(a), double[].class);
        double[] b2 = new ObjectMapper().readValue(VectorJson.format(b), double[].class);

        assertThat(a2).hasSize(512);
        for (int i = 0; i < a.length; i++) {
            assertThat(Math.abs(a2[i] - a[i])).isLessThanOrEqualTo(0.5e-5 + 1e-9);
        }
        assertThat(Math.abs(cosine(a2, b2) - cosine(toDouble(a), toDouble(b)))).isLessThan(1e-5);
    }

    @Test
    void the_client_sends_the_array_inside_the_document() {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("id", "x");
        source.put("vector", VectorJson.of(new float[] {0.25f, -0.125f}));
        JacksonJsonpMapper mapper = new JacksonJsonpMapper();
        StringWriter out = new StringWriter();
        try (var generator = mapper.jsonProvider().createGenerator(out)) {
            mapper.serialize(source, generator);
        }
        assertThat(out.toString()).isEqualTo("{\"id\":\"x\",\"vector\":[0.25,-0.125]}");
    }

    @Test
    void a_vector_that_is_not_a_number_is_refused() {
        assertThatThrownBy(() -> VectorJson.format(new float[] {Float.NaN})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VectorJson.format(new float[] {1e10f})).isInstanceOf(IllegalArgumentException.class);
    }

    private static float[] unit(Random random) {
        float[] v = new float[512];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static double cosine(double[] a, double[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
