package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.platform.PortalSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** The upload folder of the import page: safe unpacking of archives and clean-up. */
class RegulationUploadsTest {

    @TempDir Path dataDir;
    /** Where the uploaded files lie, as the import page's temporary files do. */
    @TempDir Path received;
    private int uploadCount;

    private RegulationUploads uploads(long maxBytes, int maxEntries) {
        return new RegulationUploads(new PortalSettings(dataDir), new RegulationSettings("", null,
                new RegulationSettings.Upload(DataSize.ofMegabytes(10), DataSize.ofBytes(maxBytes), maxEntries)));
    }

    private RegulationUploads uploads() {
        return uploads(1_000_000, 100);
    }

    static byte[] zip(Map<String, String> entries, Charset charset) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, charset)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                if (!e.getKey().endsWith("/")) {
                    zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                }
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** An uploaded file as the import page hands it on: its bytes in a file of their own. */
    private RegulationUploads.UploadedFile upload(String name, byte[] content) throws IOException {
        return new RegulationUploads.UploadedFile(name, Files.write(received.resolve("upload-" + ++uploadCount), content));
    }

    private Path uploadFolder() {
        return dataDir.resolve(RegulationUploads.FOLDER);
    }

    private long leftOver() throws IOException {
        if (!Files.exists(uploadFolder())) {
            return 0;
        }
        try (Stream<Path> list = Files.list(uploadFolder())) {
            return list.count();
        }
    }

    private static String rejection(ThrowingUnpack unpack) throws IOException {
        try {
            unpack.run();
        } catch (RegulationUploads.Rejected e) {
            return e.messageKey();
        }
        throw new AssertionError("the upload was not rejected");
    }

    interface ThrowingUnpack {
        void run() throws RegulationUploads.Rejected, IOException;
    }

    @Test
    void an_archive_inside_the_archive_is_not_read_and_is_named_for_the_summary() throws Exception {
        byte[] archive = zip(new java.util.LinkedHashMap<>(Map.of(
                "a/示例法.md", "# 示例法\n\n第一条 内容。\n", "a/inner.zip", "PK", "notes.pdf", "not a document")),
                StandardCharsets.UTF_8);
        RegulationUploads u = uploads();
        List<cn.gov.enforcement.portal.regulation.importer.ImportProblem> notRead = new java.util.ArrayList<>();
        Path dir = u.unpack(List.of(upload("laws.zip", archive)), notRead);
        assertThat(dir.resolve("a/示例法.md")).exists();
        assertThat(dir.resolve("a/inner.zip")).doesNotExist();
        // the archive is named; a file of another kind is left out as before
        assertThat(notRead).singleElement().satisfies(p -> {
            assertThat(p.file()).as("named like the archive's other files").isEqualTo("a/inner.zip");
            assertThat(p.severity()).isEqualTo(cn.gov.enforcement.portal.regulation.importer.ImportProblem.Severity.WARNING);
            assertThat(p.messageKey()).isEqualTo("regulation.upload.nestedArchive");
        });
        u.delete(dir);
    }

    @Test
    void an_archive_and_loose_files_are_unpacked_with_their_folders_and_other_entries_are_left_out() throws Exception {
        byte[] archive = zip(new java.util.LinkedHashMap<>(Map.of(
                "行政法/", "", "行政法/示例法(2021-01-01).md", "# 示例法\n\n第一条 内容。\n",
                "notes.pdf", "not a document", "seeds/a.txt", "通知\n一、内容。\n")), StandardCharsets.UTF_8);
        RegulationUploads u = uploads();
        Path dir = u.unpack(List.of(upload("laws.zip", archive),
                upload("b.md", "# 乙\n\n第一条 内容。\n".getBytes(StandardCharsets.UTF_8))));
        assertThat(dir).startsWith(uploadFolder());
        assertThat(dir.resolve("行政法/示例法(2021-01-01).md")).exists();
        assertThat(Files.readString(dir.resolve("seeds/a.txt"))).isEqualTo("通知\n一、内容。\n");
        assertThat(dir.resolve("b.md")).exists();
        assertThat(dir.resolve("notes.pdf")).doesNotExist();
        u.delete(dir);
        assertThat(dir).doesNotExist();
        // the uploaded files are read, not taken: the import deletes them
        try (Stream<Path> files = Files.list(received)) {
            assertThat(files.count()).isEqualTo(2);
        }
    }

    @Test
    void a_loose_file_is_counted_by_its_size_and_a_second_one_of_the_same_name_replaces_the_first() throws Exception {
        assertThat(rejection(() -> uploads(100, 100).unpack(List.of(upload("big.md", new byte[101])))))
                .isEqualTo("regulation.upload.tooLarge");
        assertThat(leftOver()).isZero();
        RegulationUploads u = uploads();
        Path dir = u.unpack(List.of(upload("a.md", "# 甲\n".getBytes(StandardCharsets.UTF_8)),
                upload("a.md", "# 乙\n".getBytes(StandardCharsets.UTF_8))));
        assertThat(Files.readString(dir.resolve("a.md"))).isEqualTo("# 乙\n");
        u.delete(dir);
    }

    @Test
    void entries_that_escape_the_folder_reject_the_whole_archive_and_leave_nothing_behind() throws Exception {
        for (String evil : List.of("../evil.md", "a/../../evil.md", "/etc/evil.md", "C:\\evil.md", "..\\evil.txt")) {
            byte[] archive = zip(new java.util.LinkedHashMap<>(Map.of("ok.md", "# 甲\n\n第一条 内容。\n",
                    evil, "# 恶意\n")), StandardCharsets.UTF_8);
            assertThat(rejection(() -> uploads().unpack(List.of(upload("x.zip", archive)))))
                    .as(evil).isEqualTo("regulation.upload.unsafeEntry");
            assertThat(dataDir.getParent().resolve("evil.md")).doesNotExist();
            assertThat(leftOver()).as("temporary folders left after %s", evil).isZero();
        }
        // a loose file whose name carries folders is written under its base name only
        RegulationUploads u = uploads();
        Path dir = u.unpack(List.of(upload("../../up.md", "# 甲\n".getBytes(StandardCharsets.UTF_8))));
        assertThat(dir.resolve("up.md")).exists();
        u.delete(dir);
    }

    @Test
    void too_many_entries_or_too_many_bytes_reject_the_upload() throws Exception {
        Map<String, String> many = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            many.put("f" + i + ".md", "# 甲\n");
        }
        byte[] manyZip = zip(many, StandardCharsets.UTF_8);
        assertThat(rejection(() -> uploads(1_000_000, 5).unpack(List.of(
                upload("many.zip", manyZip)))))
                .isEqualTo("regulation.upload.tooManyEntries");
        // a small archive that unpacks to much more than allowed (the sizes are counted, not read from headers)
        byte[] bomb = zip(Map.of("big.md", "条".repeat(200_000)), StandardCharsets.UTF_8);
        assertThat(bomb.length).isLessThan(20_000);
        assertThat(rejection(() -> uploads(100_000, 100).unpack(List.of(
                upload("bomb.zip", bomb))))).isEqualTo("regulation.upload.tooLarge");
        assertThat(leftOver()).isZero();
    }

    @Test
    void gbk_entry_names_from_chinese_windows_are_read() throws Exception {
        byte[] archive = zip(Map.of("行政处罚法(2021-01-22).md", "# 中华人民共和国行政处罚法\n"), Charset.forName("GBK"));
        RegulationUploads u = uploads();
        Path dir = u.unpack(List.of(upload("gbk.zip", archive)));
        assertThat(dir.resolve("行政处罚法(2021-01-22).md")).exists();
        u.delete(dir);
    }

    @Test
    void other_file_types_broken_archives_and_empty_uploads_are_refused() throws IOException {
        assertThat(rejection(() -> uploads().unpack(List.of(upload("law.docx",
                new byte[] {1, 2, 3}))))).isEqualTo("regulation.upload.badType");
        assertThat(rejection(() -> uploads().unpack(List.of(upload("law.zip",
                "not a zip".getBytes(StandardCharsets.UTF_8)))))).isEqualTo("regulation.upload.badZip");
        assertThat(rejection(() -> uploads().unpack(List.of()))).isEqualTo("regulation.upload.nothing");
        // a valid archive of no file is said to be empty, not unreadable
        java.io.ByteArrayOutputStream empty = new java.io.ByteArrayOutputStream();
        new java.util.zip.ZipOutputStream(empty).close();
        assertThat(rejection(() -> uploads().unpack(List.of(upload("empty.zip", empty.toByteArray())))))
                .isEqualTo("regulation.upload.emptyZip");
    }

    @Test
    void an_upload_that_cannot_be_read_is_named_as_the_user_knows_it_not_by_the_server_s_path() throws Exception {
        RegulationUploads.UploadedFile gone = new RegulationUploads.UploadedFile("laws/甲.md", received.resolve("gone"));
        try {
            uploads().unpack(List.of(gone));
            throw new AssertionError("the upload was not rejected");
        } catch (RegulationUploads.Rejected e) {
            assertThat(e.messageKey()).isEqualTo("regulation.upload.unreadable");
            assertThat(e.args()).containsExactly("甲.md");
        }
        assertThat(leftOver()).isZero();
    }

    @Test
    void folders_left_by_an_import_that_did_not_end_are_deleted_when_older_than_a_day() throws Exception {
        Path old = Files.createDirectories(uploadFolder().resolve("import-old/行政法"));
        Files.writeString(old.resolve("a.md"), "# 甲\n");
        Files.setLastModifiedTime(old.getParent(), java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofDays(2))));
        Path recent = Files.createDirectories(uploadFolder().resolve("import-recent"));
        Path other = Files.createDirectories(uploadFolder().resolve("kept"));
        Files.setLastModifiedTime(other, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofDays(2))));

        uploads().sweepAtStart();

        assertThat(old.getParent()).doesNotExist();
        assertThat(recent).exists();
        assertThat(other).exists();
    }

    @Test
    void without_an_upload_folder_the_sweep_does_nothing() {
        assertThat(uploads().sweep(java.time.Duration.ofDays(1))).isZero();
        assertThat(uploadFolder()).doesNotExist();
    }
}
