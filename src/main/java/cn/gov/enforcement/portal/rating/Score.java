package cn.gov.enforcement.portal.rating;

/** The five levels of the national 好差评 scheme; the last two are bad ratings that the agency follows up. */
public enum Score {
    VERY_SATISFIED(5),
    SATISFIED(4),
    FAIRLY_SATISFIED(3),
    DISSATISFIED(2),
    VERY_DISSATISFIED(1);

    private final int value;

    Score(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public boolean bad() {
        return value <= 2;
    }

    public String messageKey() {
        return "rating.score." + name();
    }

    public static Score of(int value) {
        for (Score s : values()) {
            if (s.value == value) {
                return s;
            }
        }
        throw new IllegalArgumentException("No score " + value);
    }
}
