package cn.gov.enforcement.portal.regulation;

import cn.gov.enforcement.portal.regulation.importer.ImportProblem;
import java.util.List;

/**
 * Outcome of one folder import.
 *
 * @param files     files read (skipped files such as README.md not counted)
 * @param imported  documents stored because their content hash was new
 * @param corrected documents of a file imported before whose text changed: the stored version of the same title,
 *                  date and file was replaced in place (same id, same address)
 * @param unchanged documents whose content hash was already stored (nothing written)
 * @param failed    files that produced no document (see {@code problems})
 * @param articles  articles written by this import
 * @param problems  errors and warnings, each with file and line
 */
public record ImportSummary(int files, int imported, int corrected, int unchanged, int failed, int articles,
                            List<ImportProblem> problems) {

    public ImportSummary {
        problems = List.copyOf(problems);
    }

    /** A summary without corrected documents. */
    public ImportSummary(int files, int imported, int unchanged, int failed, int articles, List<ImportProblem> problems) {
        this(files, imported, 0, unchanged, failed, articles, problems);
    }

    /** The errors (a file that produced no document). */
    public List<ImportProblem> errors() {
        return problems.stream().filter(p -> p.severity() == ImportProblem.Severity.ERROR).toList();
    }

    public boolean hasFailures() {
        return failed > 0;
    }

    /** One line for logs and the command line. */
    public String line() {
        return String.format("import finished: %d files, %d imported, %d corrected, %d unchanged, %d failed, %,d articles",
                files, imported, corrected, unchanged, failed, articles);
    }
}
