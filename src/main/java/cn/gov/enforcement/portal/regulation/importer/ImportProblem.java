package cn.gov.enforcement.portal.regulation.importer;

import java.util.List;

/**
 * Something wrong in one input file. ERROR means the file produced no document; WARNING means the
 * document was kept. {@code messageKey} is a key of the {@code regulation} translation bundle, formatted
 * with {@code args} (MessageFormat); {@link #toString()} gives an English-ish line for logs and tests.
 *
 * @param file relative path or name of the file
 * @param line 1-based line number, 0 when the problem concerns the whole file
 */
public record ImportProblem(String file, int line, Severity severity, String messageKey, List<Object> args) {

    public enum Severity { WARNING, ERROR }

    public ImportProblem {
        args = List.copyOf(args == null ? List.of() : args);
    }

    static ImportProblem error(String file, int line, String key, Object... args) {
        return new ImportProblem(file, line, Severity.ERROR, key, List.of(args));
    }

    static ImportProblem warning(String file, int line, String key, Object... args) {
        return new ImportProblem(file, line, Severity.WARNING, key, List.of(args));
    }

    @Override
    public String toString() {
        return severity + " " + file + ":" + line + " " + messageKey + " " + args;
    }
}
