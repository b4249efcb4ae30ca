package cn.gov.enforcement.portal.knowledge;

/**
 * One validation problem in a knowledge-base file.
 *
 * @param file the file's label, e.g. {@code knowledge-base/agencies/x.yaml}
 * @param line 1-based line number (0 when unknown)
 * @param field the field path, e.g. {@code officers[1].certificate} (empty for the whole file)
 * @param message what is wrong, in plain words
 */
public record ContentProblem(String file, int line, String field, String message) {

    /** The form used in the log: {@code knowledge-base/agencies/x.yaml:12 field officers[1].certificate: message}. */
    public String describe() {
        return file + ":" + line + (field == null || field.isEmpty() ? "" : " field " + field) + ": " + message;
    }

    @Override
    public String toString() {
        return describe();
    }
}
