package cn.gov.enforcement.portal.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class EvidenceDownloadTest {

    @Test
    void a_readable_file_is_sent_with_its_name_type_and_length() throws IOException {
        byte[] bytes = "%PDF-1.4 合同".getBytes(StandardCharsets.UTF_8);
        DownloadResponse response = MediationCaseView.evidenceDownload("TJ-2026-000001", 7,
                () -> new MediationBackOffice.EvidenceContent("合同.pdf", "application/pdf", bytes));
        assertThat(response.hasError()).isFalse();
        assertThat(response.getFileName()).isEqualTo("合同.pdf");
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getContentLength()).isEqualTo(bytes.length);
        assertThat(response.getInputStream().readAllBytes()).isEqualTo(bytes);
    }

    @Test
    void a_case_out_of_reach_or_a_file_missing_on_disk_is_a_plain_404_not_a_server_error() {
        DownloadResponse gone = MediationCaseView.evidenceDownload("TJ-2026-000001", 7, () -> {
            throw new CaseNotFoundException();
        });
        assertThat(gone.hasError()).isTrue();
        assertThat(gone.getError()).isEqualTo(404);
        DownloadResponse missing = MediationCaseView.evidenceDownload("TJ-2026-000001", 7, () -> {
            throw new UncheckedIOException("Cannot read an evidence file", new NoSuchFileException("ab/cd.bin"));
        });
        assertThat(missing.hasError()).isTrue();
        assertThat(missing.getError()).isEqualTo(404);
    }
}
