package cn.gov.enforcement.portal.platform;

import java.util.List;

/**
 * Thrown by application services when input is invalid. Carries one translation key per field so
 * that a view can show each message next to its field in the reader's language, and an API can
 * answer 400 with the same messages.
 */
public class ValidationFailure extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public ValidationFailure(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public static ValidationFailure of(String field, String messageKey, Object... args) {
        return new ValidationFailure(List.of(new FieldProblem(field, messageKey, args)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** A problem with one field: the field name and a translation key with its arguments. */
    public record FieldProblem(String field, String messageKey, Object... args) implements java.io.Serializable {
        @Override
        public String toString() {
            return field + ": " + messageKey;
        }
    }
}
