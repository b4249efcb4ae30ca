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
        importFiles(importService, runDataDir, "行政法", "行政处罚法(2021-01-22).md");
    }

    /**
     * Imports both versions of 废旧金属收购业治安管理办法 from the shared LawRefBook corpus, a real law amended after an
     * import: the version of 1994-01-25 (17 articles, SUPERSEDED once both are in) and the current one of 2023-07-20
     * (14 articles), so that 第十五条 to 第十七条 are held only by the older version.
     */
    public static void importScrapMetalRulesInTwoVersions(ImportService importService, Path runDataDir)
            throws IOException {
        importFiles(importService, runDataDir, "行政法规", "废旧金属收购业治安管理办法(1994-01-25).md",
                "废旧金属收购业治安管理办法(2023-07-20).md");
    }

    private static void importFiles(ImportService importService, Path runDataDir, String folder, String... files)
            throws IOException {
        Path corpus = Path.of(System.getProperty("portal.shared-dir", "../shared"), "corpus", "lawrefbook");
        if (!Files.isDirectory(corpus)) {
            corpus = Path.of("/work/shared/corpus/lawrefbook");
        }
        Path dir = Files.createDirectories(runDataDir.resolve("lists-import-" + System.nanoTime()).resolve(folder));
        for (String file : files) {
            Path source = corpus.resolve(folder).resolve(file);
            assertThat(source).as("the shared LawRefBook corpus").exists();
            Files.copy(source, dir.resolve(source.getFileName()));
        }
        importService.importFolder(dir.getParent(), line -> {});
    }
}
