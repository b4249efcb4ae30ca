package cn.gov.enforcement.portal.knowledge;

import cn.gov.enforcement.portal.platform.Translations;
import java.util.Arrays;
import java.util.List;

/**
 * One validation problem in a knowledge-base file. What is wrong is a key of the translation bundle of the
 * module that checks the file ({@code knowledge.problem.*}, {@code agency.problem.*}, {@code lists.problem.*},
 * {@code regulation.guide.problem.*}) with its MessageFormat arguments, so that the administrators' page shows
 * it in the reader's language; {@link #message()} and {@link #describe()} give the English text for the log.
 *
 * @param file the file's label, e.g. {@code knowledge-base/agencies/x.yaml}
 * @param line 1-based line number (0 when unknown)
 * @param field the field path, e.g. {@code officers[1].certificate} (empty for the whole file)
 * @param key the translation key saying what is wrong, in plain words
 * @param args the key's arguments (values from the file, numbers, names of fields or files)
 */
public record ContentProblem(String file, int line, String field, String key, List<Object> args) {

    public ContentProblem {
        args = args == null ? List.of() : args.stream().map(a -> a == null ? "" : a).toList();
    }

    public ContentProblem(String file, int line, String field, String key, Object... args) {
        this(file, line, field, key, Arrays.asList(args));
    }

    /** What is wrong, in English (the log's language), e.g. {@code is required}. */
    public String message() {
        return English.TRANSLATIONS.get(Translations.EN, key, args.toArray());
    }

    /** The form used in the log: {@code knowledge-base/agencies/x.yaml:12 field officers[1].certificate: message}. */
    public String describe() {
        return file + ":" + line + (field == null || field.isEmpty() ? "" : " field " + field) + ": " + message();
    }

    /** The same problem at another place (the key and its arguments stay). */
    public ContentProblem at(int line, String field) {
        return new ContentProblem(file, line, field, key, args);
    }

    @Override
    public String toString() {
        return describe();
    }

    /** The bundles, read once when the first problem is described. */
    private static final class English {

        static final Translations TRANSLATIONS = new Translations();
    }
}
