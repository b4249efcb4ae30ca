package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.platform.TextChecks;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.platform.ValidationFailure.FieldProblem;
import java.util.Optional;

/**
 * The checks of text typed into the mediation pages, the applicants' and the officers' alike, each problem with a
 * message of its own: a text missing or too short gets the field's own message ("please enter …"); one with control
 * characters {@link TextChecks#SINGLE_LINE} (a line: a name, a place) or {@link TextChecks#CONTROL_CHARACTERS} (a text:
 * facts, a reason, a message, which may hold line breaks and tabs); one too long {@link #MAX_LENGTH}, which says the
 * limit and not "please enter" of a field that was filled.
 */
final class TypedText {

    /** The message of a text longer than allowed; its argument is the limit. */
    static final String MAX_LENGTH = "mediation.error.maxLength";

    private TypedText() {
    }

    /** Whether a field is one line (a name, a place) or a text that may hold line breaks and tabs. */
    enum Kind {
        LINE, TEXT
    }

    /**
     * The problem of a typed value (stripped), or empty when it may be stored. Its length is counted in characters as
     * a person counts them ({@link TextChecks#characters}: an emoji or 𠀀 is one, not the two UTF-16 units it takes).
     *
     * @param min the least number of characters: 0 for an optional field (null or blank is fine then)
     * @param emptyKey the field's message for a value missing or shorter than {@code min}, with {@code emptyArgs}
     */
    static Optional<FieldProblem> problem(String field, String value, Kind kind, int min, int max, String emptyKey,
            Object... emptyArgs) {
        String v = value == null ? "" : value.strip();
        if (TextChecks.characters(v) < min) {
            return Optional.of(new FieldProblem(field, emptyKey, emptyArgs));
        }
        // what is stored is stripped or trimmed, which drop different characters at the ends: neither may hold any
        String trimmed = value == null ? "" : value.trim();
        if (kind == Kind.LINE ? !(TextChecks.isSingleLine(v) && TextChecks.isSingleLine(trimmed))
                : !(TextChecks.isPlainText(v) && TextChecks.isPlainText(trimmed))) {
            return Optional.of(new FieldProblem(field, kind == Kind.LINE ? TextChecks.SINGLE_LINE : TextChecks.CONTROL_CHARACTERS));
        }
        if (TextChecks.characters(v) > max) {
            return Optional.of(new FieldProblem(field, MAX_LENGTH, String.valueOf(max)));
        }
        return Optional.empty();
    }

    /**
     * The value stripped, when {@link #problem} finds none.
     *
     * @throws ValidationFailure with the problem otherwise
     */
    static String require(String field, String value, Kind kind, int min, int max, String emptyKey, Object... emptyArgs) {
        problem(field, value, kind, min, max, emptyKey, emptyArgs).ifPresent(p -> {
            throw new ValidationFailure(java.util.List.of(p));
        });
        return value == null ? null : value.strip();
    }
}
