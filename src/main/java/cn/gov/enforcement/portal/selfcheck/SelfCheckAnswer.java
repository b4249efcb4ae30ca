package cn.gov.enforcement.portal.selfcheck;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32;

/**
 * A business's answer for one risk point: whether its prevention measures are in place, and for {@code PARTLY}
 * which of them (0-based positions in the risk point's list of measures).
 *
 * @param measures the {@link #fingerprint} of the risk point's measures as they were when the answer was given, so
 *     that an answer given before an editor changed them is not read against the new list (a tick by position
 *     would then tick another measure); null when unknown (an address from before fingerprints, an API caller)
 */
public record SelfCheckAnswer(Status status, Set<Integer> measuresDone, String measures) {

    public SelfCheckAnswer {
        measuresDone = status == Status.PARTLY ? Set.copyOf(new TreeSet<>(measuresDone)) : Set.of();
    }

    /** An answer without a fingerprint of the measures it was given for. */
    public SelfCheckAnswer(Status status, Set<Integer> measuresDone) {
        this(status, measuresDone, null);
    }

    public static SelfCheckAnswer of(Status status) {
        return new SelfCheckAnswer(status, Set.of());
    }

    /** True when the answer depends on which measures the risk point lists: all of them in place, or some. */
    public boolean aboutMeasures() {
        return status == Status.DONE || status == Status.PARTLY;
    }

    /** The fewest characters of a fingerprint: a shorter value is written with leading zeros. */
    static final int FINGERPRINT_MIN = 5;
    /** The most characters of a fingerprint: 2^32 - 1 in base 36 ({@code 1z141z3}). */
    static final int FINGERPRINT_MAX = 7;

    /**
     * A short fingerprint of a risk point's prevention measures in their order (CRC-32 of their text, base 36, at least
     * {@link #FINGERPRINT_MIN} characters): it changes when an editor adds, removes, rewrites or reorders a measure.
     */
    public static String fingerprint(List<String> measures) {
        CRC32 crc = new CRC32();
        crc.update(String.join("\n", measures).getBytes(StandardCharsets.UTF_8));
        String value = Long.toString(crc.getValue(), 36);
        return "0".repeat(Math.max(0, FINGERPRINT_MIN - value.length())) + value;
    }

    /**
     * True when {@code text} has the form of a {@link #fingerprint}: 5 to 7 base-36 characters of a 32-bit value. Any
     * other (a damaged address, {@code ~bad}) is unreadable, not the sign of an editor's change.
     */
    public static boolean isFingerprint(String text) {
        if (text == null || text.length() < FINGERPRINT_MIN || text.length() > FINGERPRINT_MAX
                || !text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))) {
            return false;
        }
        return Long.parseLong(text, 36) <= 0xFFFFFFFFL;
    }

    /** The four answers, in the order the page offers them. */
    public enum Status {
        /** Every prevention measure is in place. */
        DONE('D'),
        /** Some measures are in place. */
        PARTLY('P'),
        /** None is in place yet. */
        NOT_YET('N'),
        /** The risk does not concern this business. */
        NOT_APPLICABLE('X');

        private final char code;

        Status(char code) {
            this.code = code;
        }

        /** The letter that stands for the answer in the page's address. */
        public char code() {
            return code;
        }

        static Status ofCode(char c) {
            for (Status s : values()) {
                if (s.code == c) {
                    return s;
                }
            }
            return null;
        }
    }
}
