package cn.gov.enforcement.portal.selfcheck;

import java.util.Set;
import java.util.TreeSet;

/**
 * A business's answer for one risk point: whether its prevention measures are in place, and for {@code PARTLY}
 * which of them (0-based positions in the risk point's list of measures).
 */
public record SelfCheckAnswer(Status status, Set<Integer> measuresDone) {

    public SelfCheckAnswer {
        measuresDone = status == Status.PARTLY ? Set.copyOf(new TreeSet<>(measuresDone)) : Set.of();
    }

    public static SelfCheckAnswer of(Status status) {
        return new SelfCheckAnswer(status, Set.of());
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
