package cn.gov.enforcement.portal.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.mediation.internal.EvidenceFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceFilesTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0};

    @TempDir
    Path dir;

    @Test
    void types_are_recognised_from_the_content_not_the_name() {
        assertThat(EvidenceFiles.sniff(PDF)).contains("pdf");
        assertThat(EvidenceFiles.sniff(PNG)).contains("png");
        assertThat(EvidenceFiles.sniff(JPEG)).contains("jpeg");
        assertThat(EvidenceFiles.sniff(EXE)).isEmpty();
        assertThat(EvidenceFiles.sniff("<html><script>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(EvidenceFiles.sniff(new byte[] {'%', 'P'})).isEmpty();
        assertThat(EvidenceFiles.sniff(null)).isEmpty();
    }

    @Test
    void the_folder_and_the_files_are_readable_by_the_portals_account_only() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(cn.gov.enforcement.portal.platform.OwnerOnly.posix(dir));
        Path folder = dir.resolve("data/mediation-evidence");
        String name = new EvidenceFiles(folder).store(PDF, "pdf");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                .isEqualTo("rwx------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.resolve(name)))).isEqualTo("rw-------");
    }

    @Test
    void files_are_stored_under_generated_names_and_can_be_read_and_deleted() throws Exception {
        EvidenceFiles files = new EvidenceFiles(dir);
        String name = files.store(PDF, "pdf");
        assertThat(name).matches("[0-9a-f-]{36}\\.pdf");
        assertThat(Files.readAllBytes(dir.resolve(name))).isEqualTo(PDF);
        assertThat(files.read(name)).isEqualTo(PDF);
        files.delete(name);
        assertThat(files.exists(name)).isFalse();
    }

    @Test
    void names_outside_the_directory_are_refused() {
        EvidenceFiles files = new EvidenceFiles(dir.resolve("evidence"));
        assertThatThrownBy(() -> files.read("../secret.txt")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> files.delete("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
