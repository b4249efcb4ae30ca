package cn.gov.enforcement.portal.knowledge;

import java.util.List;

/**
 * The outcome of loading one folder.
 *
 * @param folder the folder, e.g. {@code agencies}
 * @param files how many files were found
 * @param skipped how many files were skipped because of problems
 * @param changed how many records were added, changed or removed in the database
 * @param problems every problem found
 */
public record LoadReport(String folder, int files, int skipped, int changed, List<ContentProblem> problems) {

    public LoadReport {
        problems = List.copyOf(problems);
    }
}
