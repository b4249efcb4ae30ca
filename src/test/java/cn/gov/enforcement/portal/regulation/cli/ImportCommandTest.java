package cn.gov.enforcement.portal.regulation.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gov.enforcement.portal.platform.Translations;
import cn.gov.enforcement.portal.regulation.ImportService;
import cn.gov.enforcement.portal.regulation.ImportSummary;
import cn.gov.enforcement.portal.regulation.RegulationSettings;
import cn.gov.enforcement.portal.regulation.importer.ImportProblem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/** {@code --import=<folder>}: web server on a free loopback port, progress and summary printed, exit status. */
class ImportCommandTest {

    @TempDir Path folder;

    private final ImportService importService = mock(ImportService.class);
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final List<Integer> exits = new ArrayList<>();

    private RegulationImportRunner runner(String importOnStart) {
        RegulationImportRunner runner = new RegulationImportRunner(importService,
                new RegulationSettings(importOnStart, null), new Translations(),
                mock(ConfigurableApplicationContext.class));
        runner.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        runner.exit = exits::add;
        return runner;
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_import_option_moves_the_web_server_to_a_free_loopback_port() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SimpleCommandLinePropertySource("--import=/srv/laws"));
        new ImportModeEnvironmentPostProcessor().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("server.port")).isEqualTo("0");
        assertThat(env.getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(env.getProperty("portal.knowledge.load-on-start")).isEqualTo("false");
    }

    @Test
    void without_the_import_option_the_web_server_settings_stay_as_they_are() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SimpleCommandLinePropertySource("--portal.data-dir=/srv/portal"));
        new ImportModeEnvironmentPostProcessor().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("server.port")).isNull();
        assertThat(env.getProperty("server.address")).isNull();
        assertThat(env.getProperty("portal.knowledge.load-on-start")).isNull();
    }

    @Test
    void a_clean_import_prints_progress_and_summary_and_exits_with_zero() {
        when(importService.importFolder(eq(folder), any())).thenAnswer(call -> {
            call.<java.util.function.Consumer<String>>getArgument(1).accept("imported 2/2 files, 40 articles");
            return new ImportSummary(2, 2, 0, 0, 40, List.of());
        });
        runner("").run(new DefaultApplicationArguments("--import=" + folder));
        assertThat(exits).containsExactly(0);
        assertThat(printed()).contains("imported 2/2 files, 40 articles")
                .contains("import finished: 2 files, 2 imported, 0 corrected, 0 unchanged, 0 failed, 40 articles");
    }

    @Test
    void a_failed_file_is_printed_with_file_and_line_and_the_exit_status_is_one() {
        ImportProblem problem = new ImportProblem("行政法/broken.md", 3, ImportProblem.Severity.ERROR,
                "regulation.import.noTitle", List.of());
        when(importService.importFolder(eq(folder), any())).thenReturn(new ImportSummary(2, 1, 0, 1, 10, List.of(problem)));
        runner("").run(new DefaultApplicationArguments("--import=" + folder));
        assertThat(exits).containsExactly(1);
        assertThat(printed()).contains("ERROR 行政法/broken.md:3 ");
    }

    @Test
    void a_missing_folder_is_explained_and_the_exit_status_is_two() {
        runner("").run(new DefaultApplicationArguments("--import=" + folder.resolve("nope")));
        assertThat(exits).containsExactly(2);
        assertThat(printed()).contains("No such folder").contains("--import=<folder>");
        verify(importService, never()).importFolder(any(), any());
    }

    @Test
    void without_the_option_and_without_import_on_start_nothing_is_imported_and_the_portal_keeps_running() {
        runner("").run(new DefaultApplicationArguments("--server.port=9000"));
        verify(importService, never()).importFolder(any(), any());
        assertThat(exits).isEmpty();
    }

    @Test
    void import_on_start_imports_the_configured_folder_and_the_portal_keeps_running() {
        when(importService.importAtStart(eq(folder), any())).thenReturn(new ImportSummary(0, 0, 0, 0, 0, List.of()));
        runner(folder.toString()).run(new DefaultApplicationArguments());
        verify(importService).importAtStart(eq(folder), any());
        verify(importService, never()).importFolder(any(), any());
        assertThat(exits).isEmpty();
    }
}
