package cn.gov.enforcement.portal.regulation.importer;

import cn.gov.enforcement.portal.regulation.LegalDocument;
import java.util.List;

/**
 * Outcome of reading many files: the documents read, the problems found, and how many files were skipped on
 * purpose (_index.md, README.md, the template, 案例/ cases).
 */
public record ImportResult(List<LegalDocument> documents, List<ImportProblem> problems, int skippedFiles) {

    public ImportResult {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
    }

    public List<ImportProblem> errors() {
        return problems.stream().filter(p -> p.severity() == ImportProblem.Severity.ERROR).toList();
    }

    public List<ImportProblem> warnings() {
        return problems.stream().filter(p -> p.severity() == ImportProblem.Severity.WARNING).toList();
    }

    public int articleCount() {
        return documents.stream().mapToInt(d -> d.numberedArticles().size()).sum();
    }
}
