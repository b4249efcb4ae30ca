package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.gov.enforcement.portal.platform.PortalSettings;
import cn.gov.enforcement.portal.platform.Translations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import from the import page stopped by an unexpected error: the page is told so without the exception's text. */
class RegulationImportJobsTest {

    @TempDir Path dataDir;
    @TempDir Path received;

    @Test
    void an_import_stopped_by_an_error_is_reported_as_stopped_not_as_nothing_imported() throws Exception {
        ImportService importService = mock(ImportService.class);
        // the documents are stored, then the index cannot be written
        when(importService.importFolder(any(), any(), any())).thenThrow(new IllegalStateException(
                "bulk request to http://10.0.0.7:9200/regulation-articles-v2 failed"));
        RegulationUploads uploads = new RegulationUploads(new PortalSettings(dataDir), new RegulationSettings("", null));
        RegulationImportJobs jobs = new RegulationImportJobs(importService, uploads, mock(RegulationIndex.class));
        CompletableFuture<List<Object>> failure = new CompletableFuture<>();
        Path file = Files.writeString(received.resolve("upload-1"), "# 测试\n第一条 内容。\n", StandardCharsets.UTF_8);
        try {
            jobs.start(List.of(new RegulationImportJobs.UploadedFile("测试.md", file)), new RegulationImportJobs.Listener() {
                @Override
                public void progress(int done, int total) {}

                @Override
                public void finished(ImportSummary summary) {
                    failure.complete(List.of());
                }

                @Override
                public void failed(String messageKey, Object... args) {
                    failure.complete(List.of(messageKey, List.of(args)));
                }
            });
            assertThat(failure.get(30, TimeUnit.SECONDS)).containsExactly(RegulationImportJobs.ABORTED, List.of());
        } finally {
            jobs.shutdown();
        }
        assertThat(jobs.lastOutcome()).hasValueSatisfying(o -> {
            assertThat(o.messageKey()).isEqualTo(RegulationImportJobs.ABORTED);
            assertThat(o.args()).isEmpty();
        });
        // the page's words, in every language, say what happened and that a new import completes it
        Translations translations = new Translations();
        assertThat(translations.getTranslation(RegulationImportJobs.ABORTED, Locale.SIMPLIFIED_CHINESE))
                .contains("中止").contains("日志").doesNotContain("未导入任何内容");
        assertThat(translations.getTranslation(RegulationImportJobs.ABORTED, Locale.ENGLISH)).contains("log");
    }
}
