package cn.gov.enforcement.portal.regulation;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.KaribuViewTest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The administrators' import page: upload a zip, import in the background, summary and problems. */
class RegulationImportViewIT extends KaribuViewTest {

    @Autowired RegulationImportJobs jobs;
    @Autowired JdbcTemplate jdbc;

    private static byte[] zipOf(Path... files) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Path file : files) {
                zip.putNextEntry(new ZipEntry("upload/" + file.getFileName()));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("upload/broken.md"));
            zip.write("no title here\n第一条 text\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** The temporary files the page's uploads are streamed to, in the system's temporary directory. */
    private static List<Path> tempFiles() throws java.io.IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith(RegulationImportView.TEMP_PREFIX)).toList();
        }
    }

    /** The temporary files of uploads made since {@code before} was listed and not deleted yet. */
    private static List<Path> newTempFiles(List<Path> before) throws java.io.IOException {
        return tempFiles().stream().filter(f -> !before.contains(f)).toList();
    }

    /** Lets the background import finish, then runs what it pushed to the UI. */
    private void awaitImport() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (jobs.isRunning() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(jobs.isRunning()).as("the import is still running").isFalse();
        // the import frees the page for a new start just before it hands over its outcome (ui.access from the import's
        // thread): give that thread a moment to do so, or the round trip below may come too early
        Thread.sleep(300);
        MockVaadin.clientRoundtrip();
    }

    @Test
    void an_administrator_uploads_a_zip_and_sees_the_summary_and_the_problem_with_file_and_line() throws Exception {
        Path seeds = SharedData.require("seeds");
        Path corpus = SharedData.require("corpus/lawrefbook");
        signIn("admin", "ADMIN");
        UI.getCurrent().navigate("admin/regulations/import");
        Button start = _get(Button.class, spec -> spec.withId("regulation-import-start"));
        assertThat(start.isEnabled()).isFalse();
        // before an import there are no problems, and no "problems found" heading either
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.html.H2.class,
                spec -> spec.withId("regulation-import-problems-title"))).isEmpty();
        // no index rebuild runs: nothing about it is shown and the page does not poll
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withId("regulation-reindex"))).isEmpty();
        assertThat(UI.getCurrent().getPollInterval()).isNegative();

        byte[] zip = zipOf(seeds.resolve("002_bdbcc8da2c5c7a22.txt"), corpus.resolve("行政法/行政许可法(2019-04-23).md"));
        List<Path> before = tempFiles();
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("regulation-upload")), "laws.zip", "application/zip", zip);
        MockVaadin.clientRoundtrip();
        assertThat(_get(Paragraph.class, spec -> spec.withId("regulation-import-files")).getText()).contains("laws.zip");
        assertThat(start.isEnabled()).isTrue();
        // the upload waits in a temporary file, not in memory
        List<Path> waiting = newTempFiles(before);
        assertThat(waiting).hasSize(1);
        assertThat(Files.readAllBytes(waiting.get(0))).isEqualTo(zip);

        _click(start);
        assertThat(_get(ProgressBar.class, spec -> spec.withId("regulation-import-progress")).isVisible()).isTrue();
        assertThat(UI.getCurrent().getPollInterval()).isPositive();
        awaitImport();

        String summary = _get(Paragraph.class, spec -> spec.withId("regulation-import-summary")).getText();
        // the two good files are new or (imported by an earlier test of this run) unchanged; the broken one fails
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "共读取 3 个文件：新导入 (\\d) 个，原地更正 0 个，未变化 (\\d) 个，失败 1 个；写入 [\\d,]+ 条条文。").matcher(summary);
        assertThat(m.matches()).as(summary).isTrue();
        assertThat(Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2))).isEqualTo(2);
        assertThat(summary).contains("失败 1 个");
        @SuppressWarnings("unchecked")
        Grid<cn.gov.enforcement.portal.regulation.importer.ImportProblem> problems =
                _get(Grid.class, spec -> spec.withId("regulation-import-problems"));
        assertThat(problems.isVisible()).isTrue();
        assertThat(_get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId("regulation-import-problems-title"))
                .isVisible()).isTrue();
        assertThat(problems.getGenericDataView().getItems().toList()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("upload/broken.md");
            assertThat(p.line()).isPositive();
        });
        // on a phone each problem is a card: the message, then the file, the line and the kind (four columns left
        // the message a sliver)
        RegulationImportView view = _get(RegulationImportView.class);
        cn.gov.enforcement.portal.platform.NarrowWindowEvents.tell(view, true);
        assertThat(cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(problems)).containsExactly("problem");
        int broken = problems.getGenericDataView().getItems().toList().indexOf(problems.getGenericDataView().getItems()
                .filter(p -> p.file().equals("upload/broken.md")).findFirst().orElseThrow());
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(problems, broken, "problem")
                .getElement().getTextRecursively()).contains("文件：upload/broken.md", "行：", "类别：");
        cn.gov.enforcement.portal.platform.NarrowWindowEvents.tell(view, false);
        assertThat(cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(problems))
                .containsExactly("file", "line", "severity", "message");
        assertThat(_get(Paragraph.class, spec -> spec.withId("regulation-import-status")).getText())
                .isEqualTo(UI.getCurrent().getTranslation("regulation.upload.doneWithFailures"));
        assertThat(UI.getCurrent().getPollInterval()).isNegative();
        assertThat(jdbc.queryForObject("select count(*) from regulation_document where title = ?", Integer.class,
                "中华人民共和国行政许可法")).isEqualTo(1);
        // the temporary folder is gone, and so is the uploaded file
        Path uploads = RUN_DATA_DIR.resolve(RegulationUploads.FOLDER);
        try (Stream<Path> left = Files.list(uploads)) {
            assertThat(left.toList()).isEmpty();
        }
        assertThat(newTempFiles(before)).isEmpty();
    }

    @Test
    void a_second_start_while_an_import_runs_is_refused() throws Exception {
        Path seeds = SharedData.require("seeds");
        signIn("admin", "ADMIN");
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        RegulationImportJobs.Listener blocking = new RegulationImportJobs.Listener() {
            @Override
            public void progress(int done, int total) {
                reached.countDown();
                try {
                    hold.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void finished(ImportSummary summary) {
                finished.countDown();
            }

            @Override
            public void failed(String messageKey, Object... args) {
                finished.countDown();
            }
        };
        Path a = Files.copy(seeds.resolve("003_fc8b619ff426a033.txt"), Files.createTempFile("regulation-import-it-", ".txt"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path refused = Files.copy(a, Files.createTempFile("regulation-import-it-", ".txt"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<Path> before = tempFiles();
        assertThat(jobs.start(List.of(new RegulationImportJobs.UploadedFile("a.txt", a)), blocking))
                .isEqualTo(RegulationImportJobs.Start.STARTED);
        try {
            assertThat(jobs.isRunning()).isTrue();
            assertThat(jobs.start(List.of(new RegulationImportJobs.UploadedFile("a.txt", refused)), blocking))
                    .isEqualTo(RegulationImportJobs.Start.BUSY);
            // a refused start leaves the files to the caller
            assertThat(refused).exists();

            // a page opened meanwhile (or reloaded) follows the import under way; opened once the import holds at its
            // progress, since a page opened as the import moved on to its progress (between the page's attach and its
            // first refresh) showed that progress at once, not the notice (a PostgreSQL run saw it)
            assertThat(reached.await(1, TimeUnit.MINUTES)).isTrue();
            UI.getCurrent().navigate("admin/regulations/import");
            assertThat(_get(Paragraph.class, spec -> spec.withId("regulation-import-status")).getText())
                    .isEqualTo(UI.getCurrent().getTranslation("regulation.upload.following"));
            assertThat(_get(ProgressBar.class, spec -> spec.withId("regulation-import-progress")).isVisible()).isTrue();
            assertThat(UI.getCurrent().getPollInterval()).isPositive();
            UploadKt._upload(_get(Upload.class, spec -> spec.withId("regulation-upload")), "b.txt", "text/plain",
                    "通知\n一、内容。\n".getBytes(StandardCharsets.UTF_8));
            MockVaadin.clientRoundtrip();
            _click(_get(Button.class, spec -> spec.withId("regulation-import-start")));
            assertThat(_get(Paragraph.class, spec -> spec.withId("regulation-import-status")).getText())
                    .isEqualTo(UI.getCurrent().getTranslation("regulation.upload.busy"));
            // the refused files stay ready for a later start
            assertThat(_get(Paragraph.class, spec -> spec.withId("regulation-import-files")).getText()).contains("b.txt");
            assertThat(newTempFiles(before)).hasSize(1);
        } finally {
            hold.countDown();
            assertThat(finished.await(2, TimeUnit.MINUTES)).isTrue();
            Files.deleteIfExists(refused);
        }
        awaitImport();
        // the import deleted the file it was given
        assertThat(a).doesNotExist();
        // at its next poll the following page shows the outcome, as the starting page did
        com.vaadin.flow.component.ComponentUtil.fireEvent(UI.getCurrent(),
                new com.vaadin.flow.component.PollEvent(UI.getCurrent(), true));
        assertThat(_get(Paragraph.class, spec -> spec.withId("regulation-import-summary")).getText()).startsWith("共读取 1 个文件");
        assertThat(_get(Paragraph.class, spec -> spec.withId("regulation-import-status")).getText()).startsWith("上次导入（");
        // and once more after a reload
        UI.getCurrent().navigate("privacy");
        // the file never imported went with the page that held it
        assertThat(newTempFiles(before)).isEmpty();
        UI.getCurrent().navigate("admin/regulations/import");
        assertThat(_get(Paragraph.class, spec -> spec.withId("regulation-import-summary")).getText()).startsWith("共读取 1 个文件");
        UI.getCurrent().navigate("privacy");
        UI.getCurrent().navigate("admin/regulations/import");
        assertThat(_get(Paragraph.class, spec -> spec.withId("regulation-import-summary")).getText()).isEmpty();
    }

    @Test
    void an_unsafe_archive_is_refused_with_a_message_and_nothing_is_imported() throws Exception {
        signIn("admin", "ADMIN");
        UI.getCurrent().navigate("admin/regulations/import");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("../../escape.md"));
            zip.write("# 越界\n\n第一条 内容。\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        List<Path> before = tempFiles();
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("regulation-upload")), "evil.zip", "application/zip",
                bytes.toByteArray());
        MockVaadin.clientRoundtrip();
        _click(_get(Button.class, spec -> spec.withId("regulation-import-start")));
        awaitImport();
        assertThat(_get(Paragraph.class, spec -> spec.withId("regulation-import-status")).getText())
                .isEqualTo(UI.getCurrent().getTranslation("regulation.upload.refused",
                        UI.getCurrent().getTranslation("regulation.upload.unsafeEntry", "../../escape.md")));
        assertThat(jdbc.queryForObject("select count(*) from regulation_document where title = ?", Integer.class,
                "越界")).isZero();
        // a refused upload's file is deleted as well
        assertThat(newTempFiles(before)).isEmpty();
    }

    @Test
    void an_import_stopped_by_an_unexpected_error_says_so_without_the_exception_s_text() throws Exception {
        // the import service of the running portal fails (the search node away, say) for this test only
        Object target = org.springframework.test.util.AopTestUtils.getUltimateTargetObject(jobs);
        Object importService = org.springframework.test.util.ReflectionTestUtils.getField(target, "importService");
        ImportService failing = org.mockito.Mockito.mock(ImportService.class);
        org.mockito.Mockito.when(failing.importFolder(org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any()))
                .thenThrow(new IllegalStateException("bulk request to http://10.0.0.7:9200 failed"));
        org.springframework.test.util.ReflectionTestUtils.setField(target, "importService", failing);
        try {
            signIn("admin", "ADMIN");
            UI.getCurrent().navigate("admin/regulations/import");
            UploadKt._upload(_get(Upload.class, spec -> spec.withId("regulation-upload")), "甲.md", "text/markdown",
                    "# 甲\n\n第一条 内容。\n".getBytes(StandardCharsets.UTF_8));
            MockVaadin.clientRoundtrip();
            _click(_get(Button.class, spec -> spec.withId("regulation-import-start")));
            awaitImport();
        } finally {
            org.springframework.test.util.ReflectionTestUtils.setField(target, "importService", importService);
        }
        // not "nothing was imported": documents stored before the error stay, and the page says so
        assertThat(_get(Paragraph.class, spec -> spec.withId("regulation-import-status")).getText())
                .isEqualTo(UI.getCurrent().getTranslation(RegulationImportJobs.ABORTED))
                .doesNotContain("9200");
    }

    @Test
    void a_file_removed_from_the_list_is_not_imported_and_an_upper_case_extension_is_read() throws Exception {
        Path seeds = SharedData.require("seeds");
        signIn("admin", "ADMIN");
        UI.getCurrent().navigate("admin/regulations/import");
        Upload upload = _get(Upload.class, spec -> spec.withId("regulation-upload"));
        List<Path> before = tempFiles();
        UploadKt._upload(upload, "通知.TXT", "text/plain", Files.readAllBytes(seeds.resolve("003_fc8b619ff426a033.txt")));
        byte[] removed = "# 不应导入的文件\n\n第一条 内容。\n".getBytes(StandardCharsets.UTF_8);
        UploadKt._upload(upload, "移除.md", "text/markdown", removed);
        MockVaadin.clientRoundtrip();
        assertThat(_get(Paragraph.class, spec -> spec.withId("regulation-import-files")).getText()).contains("移除.md");
        assertThat(newTempFiles(before)).hasSize(2);
        com.vaadin.flow.component.ComponentUtil.fireEvent(upload,
                new com.vaadin.flow.component.upload.FileRemovedEvent(upload, "移除.md"));
        assertThat(_get(Paragraph.class, spec -> spec.withId("regulation-import-files")).getText())
                .contains("通知.TXT").doesNotContain("移除.md");
        // the removed file's temporary file is deleted, the other one waits for the import
        List<Path> waiting = newTempFiles(before);
        assertThat(waiting).hasSize(1);
        assertThat(Files.readAllBytes(waiting.get(0))).isNotEqualTo(removed);

        _click(_get(Button.class, spec -> spec.withId("regulation-import-start")));
        awaitImport();
        String summary = _get(Paragraph.class, spec -> spec.withId("regulation-import-summary")).getText();
        // one file read (new, or unchanged when an earlier test imported the seed), none failed
        assertThat(summary).startsWith("共读取 1 个文件").contains("失败 0 个");
        assertThat(newTempFiles(before)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from regulation_document where title = ?", Integer.class,
                "不应导入的文件")).isZero();
    }
}
