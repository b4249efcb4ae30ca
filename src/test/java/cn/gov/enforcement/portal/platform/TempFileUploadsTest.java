package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Uploads streamed to temporary files: handed over, and never left behind. */
class TempFileUploadsTest {

    /** A prefix of this test alone, so that other files in the temporary directory do not count. */
    private final String prefix = "portal-test-" + UUID.randomUUID() + "-";
    private Div page;

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        page = new Div();
        UI.getCurrent().add(page);
    }

    @AfterEach
    void tearDown() throws IOException {
        MockVaadin.tearDown();
        for (Path left : files()) {
            Files.delete(left);
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
        }
    }

    private UploadEvent upload(String fileName, InputStream content) throws IOException {
        Part part = mock(Part.class);
        when(part.getInputStream()).thenReturn(content);
        return new UploadEvent(VaadinRequest.getCurrent(), VaadinResponse.getCurrent(), VaadinSession.getCurrent(),
                fileName, -1, "application/pdf", page.getElement(), null, part);
    }

    @Test
    void a_file_is_streamed_to_a_temporary_file_handed_to_the_page_and_kept_until_it_is_deleted() throws Exception {
        TempFileUploads uploads = new TempFileUploads(page, prefix);
        List<Path> received = new ArrayList<>();
        UploadHandler handler = uploads.handler((metadata, file) -> {
            assertThat(metadata.fileName()).isEqualTo("../证据 (1).pdf");
            received.add(file);
        });
        byte[] content = "%PDF-1.4 the evidence".getBytes(StandardCharsets.US_ASCII);
        // a name with a path in it would not do as part of a file name: the temporary file is named by the page
        handler.handleUploadRequest(upload("../证据 (1).pdf", new ByteArrayInputStream(content)));
        MockVaadin.clientRoundtrip();

        assertThat(received).hasSize(1);
        Path file = received.get(0);
        assertThat(file.getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
        assertThat(file.getFileName().toString()).startsWith(prefix).doesNotContain("证据");
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(uploads.heldCount()).isEqualTo(1);

        uploads.delete(file);
        assertThat(file).doesNotExist();
        assertThat(uploads.heldCount()).isZero();
    }

    @Test
    void a_transfer_that_breaks_off_leaves_no_file_and_reaches_no_page() throws Exception {
        TempFileUploads uploads = new TempFileUploads(page, prefix);
        List<Path> received = new ArrayList<>();
        UploadHandler handler = uploads.handler((metadata, file) -> received.add(file));
        InputStream broken = new SequenceInputStream(new ByteArrayInputStream(new byte[100_000]), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        });
        assertThatThrownBy(() -> handler.handleUploadRequest(upload("big.pdf", broken))).isInstanceOf(IOException.class);
        MockVaadin.clientRoundtrip();

        assertThat(received).isEmpty();
        assertThat(files()).isEmpty();
        assertThat(uploads.heldCount()).isZero();
    }

    @Test
    void a_file_the_page_refuses_by_throwing_is_deleted() throws Exception {
        TempFileUploads uploads = new TempFileUploads(page, prefix);
        UploadHandler handler = uploads.handler((metadata, file) -> {
            throw new IOException("refused");
        });
        handler.handleUploadRequest(upload("a.pdf", new ByteArrayInputStream(new byte[] {1, 2, 3})));
        // the page's failure goes on to the error handler as ever (Karibu passes it up the round trip)
        assertThatThrownBy(MockVaadin::clientRoundtrip).hasRootCauseMessage("refused");
        assertThat(files()).isEmpty();
        assertThat(uploads.heldCount()).isZero();
    }

    @Test
    void the_files_still_held_are_deleted_when_the_page_is_detached_and_released_ones_are_left() throws Exception {
        TempFileUploads uploads = new TempFileUploads(page, prefix);
        List<Path> received = new ArrayList<>();
        UploadHandler handler = uploads.handler((metadata, file) -> received.add(file));
        handler.handleUploadRequest(upload("a.txt", new ByteArrayInputStream(new byte[] {1})));
        handler.handleUploadRequest(upload("b.txt", new ByteArrayInputStream(new byte[] {2})));
        MockVaadin.clientRoundtrip();
        assertThat(received).hasSize(2);
        assertThat(files()).hasSize(2);

        // handed on (to an import, say), the first one is deleted by whoever took it
        uploads.release(received.get(0));
        UI.getCurrent().remove(page);
        assertThat(received.get(0)).exists();
        assertThat(received.get(1)).doesNotExist();
        assertThat(uploads.heldCount()).isZero();
    }

    @Test
    void left_overs_of_a_killed_portal_older_than_the_limit_are_swept_and_nothing_else() throws Exception {
        Path dir = Files.createTempDirectory("sweep-test");
        try {
            Path old = Files.writeString(dir.resolve("portal-evidence-1.upload"), "x");
            Path recent = Files.writeString(dir.resolve("portal-evidence-2.upload"), "x");
            Path other = Files.writeString(dir.resolve("someone-else.upload"), "x");
            Path notUpload = Files.writeString(dir.resolve("portal-evidence-3.txt"), "x");
            java.nio.file.attribute.FileTime twoDaysAgo = java.nio.file.attribute.FileTime.from(
                    java.time.Instant.now().minus(java.time.Duration.ofDays(2)));
            for (Path p : java.util.List.of(old, other, notUpload)) {
                Files.setLastModifiedTime(p, twoDaysAgo);
            }
            assertThat(TempFileUploads.sweep(dir, java.time.Duration.ofDays(1))).isEqualTo(1);
            assertThat(old).doesNotExist();
            assertThat(recent).exists();
            assertThat(other).exists();
            assertThat(notUpload).exists();
            // a page may not name its files so that they escape the sweep
            assertThatThrownBy(() -> new TempFileUploads(new com.vaadin.flow.component.html.Div(), "evidence-"))
                    .isInstanceOf(IllegalArgumentException.class);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }
}
