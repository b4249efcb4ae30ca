package cn.gov.enforcement.portal.lists;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.regulation.ImportService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Imports real regulation files for tests of citation links. */
public final class ListsTestImports {

    private ListsTestImports() {}

    /** Imports 行政处罚法 (2021) from the shared LawRefBook corpus; 道路交通安全法 stays not imported. */
    public static void importAdministrativePenaltyLaw(ImportService importService, Path runDataDir) throws IOException {
        Path corpus = Path.of(System.getProperty("portal.shared-dir", "../shared"), "corpus", "lawrefbook");
        if (!Files.isDirectory(corpus)) {
            corpus = Path.of("/work/shared/corpus/lawrefbook");
        }
        Path source = corpus.resolve("行政法/行政处罚法(2021-01-22).md");
        assertThat(source).as("the shared LawRefBook corpus").exists();
        Path dir = Files.createDirectories(runDataDir.resolve("lists-import-" + System.nanoTime()).resolve("行政法"));
        Files.copy(source, dir.resolve(source.getFileName()));
        importService.importFolder(dir.getParent(), line -> {});
    }
}
