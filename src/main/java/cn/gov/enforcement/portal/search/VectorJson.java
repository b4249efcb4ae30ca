package cn.gov.enforcement.portal.search;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;

/**
 * Dense vectors written into an index document as a compact JSON array of fixed-point numbers.
 *
 * <p>Jackson writes a {@code float} with up to nine significant digits ({@code -0.048271537}); five
 * decimals ({@code -0.04827}) are far finer than the node's int8 quantisation and change a cosine
 * similarity by less than 10<sup>-5</sup>, while the array becomes about a third shorter and both the
 * portal (formatting) and the node (parsing) spend less time on it. Loading the whole corpus sends
 * some 75 million of these numbers.
 */
public final class VectorJson {

    /** Decimals kept. */
    static final int DECIMALS = 5;

    private static final int SCALE = 100_000;

    private VectorJson() {}

    /** A value for an {@link IndexDocument} source that serialises as the vector's JSON array. */
    public static Object of(float[] vector) {
        char[] json = chars(vector);
        return new Raw(json);
    }

    /** The JSON array, e.g. {@code [0.01234,-0.5,0]}. */
    static String format(float[] vector) {
        return new String(chars(vector));
    }

    /** The array as characters: at most 17 per number ({@code -123456789.01234,}). */
    private static char[] chars(float[] vector) {
        char[] out = new char[2 + vector.length * 17];
        int n = 0;
        out[n++] = '[';
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                out[n++] = ',';
            }
            n = append(out, n, vector[i]);
        }
        out[n++] = ']';
        return java.util.Arrays.copyOf(out, n);
    }

    /** Writes {@code value} at {@code n} and returns the position after it. */
    private static int append(char[] out, int n, float value) {
        if (!(Math.abs(value) < 1e9f)) {
            throw new IllegalArgumentException("a vector holds " + value + ", not a number below 10^9");
        }
        long scaled = Math.round((double) value * SCALE);
        if (scaled < 0) {
            out[n++] = '-';
            scaled = -scaled;
        }
        long whole = scaled / SCALE;
        int fraction = (int) (scaled % SCALE);
        if (whole < 10) {
            out[n++] = (char) ('0' + whole);
        } else {
            String digits = Long.toString(whole);
            digits.getChars(0, digits.length(), out, n);
            n += digits.length();
        }
        if (fraction == 0) {
            return n;
        }
        out[n++] = '.';
        int digits = DECIMALS;
        while (fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        for (int d = digits - 1; d >= 0; d--) {
            out[n + d] = (char) ('0' + fraction % 10);
            fraction /= 10;
        }
        return n + digits;
    }

    /** Serialised by Jackson as the characters themselves. */
    private record Raw(char[] json) implements JsonSerializable {

        @Override
        public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeRawValue(json, 0, json.length);
        }

        @Override
        public void serializeWithType(JsonGenerator generator, SerializerProvider provider, TypeSerializer type)
                throws IOException {
            serialize(generator, provider);
        }
    }
}
