package cn.gov.enforcement.portal.regulation;

import cn.gov.enforcement.portal.regulation.importer.ImportProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A part of the LawRefBook layout imported on its own (a region folder of DLC/, a layout folder, a zip of a region
 * folder) gives its documents the level and region a whole-corpus import gives them; a file that cannot be read or
 * stored is reported with its file and a translated reason, never with the exception's text.
 */
class ImportServiceTest {

    @TempDir Path dir;

    private final RegulationStore store = mock(RegulationStore.class);
    private final List<LegalDocument> stored = new ArrayList<>();

    /** A small synthetic corpus in the LawRefBook layout; returns its root. */
    private Path corpus() throws Exception {
        Path root = dir.resolve("lawrefbook");
        write(root.resolve(HENAN), "河南省测试条例");
        write(root.resolve("行政法/测试法(2019-04-23).md"), "中华人民共和国测试法");
        write(root.resolve("案例/民法典/测试案例.md"), "测试案例");
        return root;
    }

    private static void write(Path file, String title) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# " + title + "\n\n<!-- INFO END -->\n\n第一条 测试内容。\n", StandardCharsets.UTF_8);
    }

    private ImportService service() {
        when(store.insert(any(), any(), any(), any())).thenAnswer(call -> {
            stored.add(call.getArgument(0));
            return (long) stored.size();
        });
        return new ImportService(store, mock(RegulationIndex.class), mock(PlatformTransactionManager.class),
                Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));
    }

    private static final String HENAN = "DLC/河南地方法规/地方性法规/河南/河南省测试条例(2020-01-01).md";

    /** The one document stored, with its source path, level and region. */
    private void storedOnly(String source, LegalLevel level, String region) {
        assertThat(stored).extracting(LegalDocument::source, LegalDocument::level, LegalDocument::region)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(source, level, region));
    }

    @Test
    void a_region_folder_of_dlc_imported_on_its_own_keeps_level_and_region() throws Exception {
        service().importFolder(corpus().resolve("DLC/河南地方法规"), line -> {});
        storedOnly(HENAN, LegalLevel.LOCAL_REGULATION, "河南省");
    }

    @Test
    void a_folder_deep_inside_dlc_imported_on_its_own_keeps_level_and_region() throws Exception {
        service().importFolder(corpus().resolve("DLC/河南地方法规/地方性法规/河南"), line -> {});
        storedOnly(HENAN, LegalLevel.LOCAL_REGULATION, "河南省");
    }

    @Test
    void one_file_of_a_region_folder_keeps_level_and_region() throws Exception {
        service().importFolder(corpus().resolve(HENAN), line -> {});
        storedOnly(HENAN, LegalLevel.LOCAL_REGULATION, "河南省");
    }

    @Test
    void a_region_folder_unpacked_from_a_zip_without_its_dlc_parent_keeps_level_and_region() throws Exception {
        Path upload = dir.resolve("import-1");
        write(upload.resolve(HENAN.substring("DLC/".length())), "河南省测试条例");
        service().importFolder(upload, line -> {});
        storedOnly(HENAN, LegalLevel.LOCAL_REGULATION, "河南省");
    }

    @Test
    void a_layout_folder_imported_on_its_own_keeps_its_level() throws Exception {
        service().importFolder(corpus().resolve("行政法"), line -> {});
        storedOnly("行政法/测试法(2019-04-23).md", LegalLevel.LAW, LegalDocument.NATIONAL);
    }

    @Test
    void the_cases_folder_imported_on_its_own_is_skipped_like_in_the_whole_corpus() throws Exception {
        service().importFolder(corpus().resolve("案例"), line -> {});
        assertThat(stored).isEmpty();
    }

    @Test
    void the_whole_corpus_gives_the_same_levels() throws Exception {
        service().importFolder(corpus(), line -> {});
        assertThat(stored).extracting(LegalDocument::source, LegalDocument::level, LegalDocument::region)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(HENAN, LegalLevel.LOCAL_REGULATION, "河南省"),
                        org.assertj.core.groups.Tuple.tuple("行政法/测试法(2019-04-23).md", LegalLevel.LAW,
                                LegalDocument.NATIONAL));
    }

    @Test
    void a_file_with_a_title_and_no_articles_is_an_error_naming_the_file_and_nothing_is_stored() throws Exception {
        Path folder = dir.resolve("upload");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("只有标题.md"), "# 只有标题\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("只有标题.txt"), "只有标题\n", StandardCharsets.UTF_8);
        ImportSummary summary = service().importFolder(folder, line -> {});
        assertThat(stored).isEmpty();
        assertThat(summary.imported()).isZero();
        assertThat(summary.failed()).isEqualTo(2);
        assertThat(summary.errors()).extracting(ImportProblem::file).containsExactly("只有标题.md", "只有标题.txt");
        assertThat(summary.errors()).first().extracting(ImportProblem::messageKey)
                .isEqualTo("regulation.import.noArticles");
    }

    @Test
    void a_file_that_cannot_be_stored_is_reported_without_the_database_s_message() throws Exception {
        ImportService service = service();
        when(store.insert(any(), any(), any(), any())).thenThrow(new org.springframework.dao.DataIntegrityViolationException(
                "could not execute statement [insert into regulation_document (title) values (?)]"));
        ImportSummary summary = service.importFolder(corpus().resolve("行政法"), line -> {});
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("行政法/测试法(2019-04-23).md");
            assertThat(p.messageKey()).isEqualTo("regulation.import.storeFailed");
            assertThat(p.args()).isEmpty();
        });
    }

    @Test
    void a_file_that_cannot_be_read_is_reported_without_the_server_s_path() throws Exception {
        Path folder = corpus().resolve("行政法");
        Path second = folder.resolve("测试法二.md");
        write(second, "中华人民共和国测试法二");
        // the second file goes after the files were listed, before it is read
        ImportSummary summary = service().importFolder(folder, line -> {}, (done, total) -> {
            if (done == 1) {
                second.toFile().delete();
            }
        });
        assertThat(summary.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("行政法/测试法二.md");
            assertThat(p.messageKey()).isEqualTo("regulation.import.unexpected");
            assertThat(p.args()).isEmpty();
        });
    }
}
