package cn.gov.enforcement.portal.regulation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One dated line of a document's history, e.g. {@code 2021年1月22日 第十三届全国人民代表大会常务委员会第二十五次会议修订}.
 *
 * @param date        the date the line starts with
 * @param kind        what happened, guessed from the wording
 * @param description the rest of the line as written
 */
public record HistoryEvent(LocalDate date, Kind kind, String description) {

    public enum Kind {
        PASSED, PROMULGATED, AMENDED, REVISED, IN_FORCE, REPEALED, OTHER;

        public String translationKey() {
            return "regulation.event." + name();
        }
    }

    public HistoryEvent {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        description = description == null ? "" : description;
    }

    /** Classifies a history description (Simplified or Traditional characters). */
    public static Kind classify(String description) {
        // judge by the words outside quoted titles: "《关于废止和修改部分法律的决定》修正" is an amendment
        String s = ChineseScript.toSimplified(description == null ? "" : description)
                .replaceAll("《[^》]*》", "").replaceAll("〈[^〉]*〉", "").replaceAll("<[^>]*>", "");
        String original = ChineseScript.toSimplified(description == null ? "" : description);
        if (original.contains("通过的") && original.contains("修正案")) {
            return Kind.AMENDED;
        }
        if (s.contains("废止")) {
            return Kind.REPEALED;
        }
        String trimmed = s.replaceAll("[。，,；;\\s]+$", "");
        if (s.contains("施行") || s.contains("生效") || trimmed.endsWith("执行") || trimmed.endsWith("实施")) {
            return Kind.IN_FORCE;
        }
        if (s.contains("修订")) {
            return Kind.REVISED;
        }
        if (s.contains("修正") || s.contains("修改")) {
            return Kind.AMENDED;
        }
        if (s.contains("通过") || s.contains("批准")) {
            return Kind.PASSED;
        }
        if (s.contains("公布") || s.contains("发布") || s.contains("印发") || s.contains("发文")) {
            return Kind.PROMULGATED;
        }
        return Kind.OTHER;
    }
}
