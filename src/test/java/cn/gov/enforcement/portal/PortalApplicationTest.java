package cn.gov.enforcement.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.search.DataDirectoryInUseException;
import cn.gov.enforcement.portal.search.SearchNodePortInUseException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;

/** The command line's handling in {@code main}, without starting Spring. */
class PortalApplicationTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String[]> started = new ArrayList<>();

    private int launch(Consumer<String[]> starter, String... args) {
        return PortalApplication.launch(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), starter);
    }

    private static DataDirectoryInUseException inUse() {
        return new DataDirectoryInUseException(Path.of("/srv/portal"), Path.of("/srv/portal/search/node.lock"));
    }

    private int launch(String... args) {
        return launch(started::add, args);
    }

    @Test
    void help_prints_the_usage_and_starts_nothing() {
        for (String help : List.of("--help", "-h")) {
            out.reset();
            assertThat(launch(help)).as(help).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage:")
                    .contains("--import=<folder>").contains("--server.port=").contains("--portal.data-dir=")
                    .contains("--spring.profiles.active=prod").contains("README.md");
        }
        assertThat(launch("--server.port=9000", "--help")).isZero();
        assertThat(started).isEmpty();
    }

    @Test
    void other_arguments_start_the_portal() {
        assertThat(launch("--server.port=9000")).isEqualTo(PortalApplication.RUNNING);
        assertThat(started).singleElement().isEqualTo(new String[] {"--server.port=9000"});
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void failed_checks_print_their_message_and_end_with_status_1_without_a_stack_trace() {
        int status = launch(args -> {
            throw new StartupChecks.Failure(List.of("PORTAL_DB_URL (spring.datasource.url) is not set"));
        }, "--spring.profiles.active=prod");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("The portal did not start:\n- PORTAL_DB_URL (spring.datasource.url) is not set"
                        + System.lineSeparator());
    }

    @Test
    void an_import_refused_because_another_portal_holds_the_data_folder_ends_with_status_3() {
        DataDirectoryInUseException inUse = inUse();
        int status = launch(args -> {
            throw new BeanCreationException("embeddedNodeLauncher", "cannot start", inUse);
        }, "--import=/srv/laws");

        assertThat(status).isEqualTo(PortalApplication.DATA_FOLDER_IN_USE).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Nothing imported:\n- " + inUse.getMessage()
                + System.lineSeparator());
    }

    @Test
    void an_import_refused_by_the_checks_because_another_portal_holds_the_data_folder_ends_with_status_3() {
        DataDirectoryInUseException inUse = inUse();
        int status = launch(args -> {
            throw new StartupChecks.Failure(List.of(inUse.getMessage()), inUse);
        }, "--import=/srv/laws");

        assertThat(status).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Nothing imported:\n- Another portal is using "
                + "the data directory /srv/portal");
    }

    @Test
    void serving_refused_because_another_portal_holds_the_data_folder_prints_the_message_and_ends_with_status_1() {
        DataDirectoryInUseException inUse = inUse();
        int status = launch(args -> {
            // as the context fails when another portal took the folder after the checks
            throw new BeanCreationException("embeddedNodeLauncher", "cannot start", inUse);
        }, "--server.port=9000");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("The portal did not start:\n- "
                + inUse.getMessage() + System.lineSeparator());
    }

    @Test
    void a_search_node_port_in_use_prints_the_message_and_ends_with_status_1() {
        SearchNodePortInUseException busy = new SearchNodePortInUseException(19302, "portal.search.embedded.port",
                "Address already in use");
        int status = launch(args -> {
            throw new IllegalStateException("wrapped", busy);
        }, "--import=/srv/laws");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("The portal did not start:\n- The search node's "
                + "port 19302 (portal.search.embedded.port) is already in use: choose another, or 0 for a free one"
                + System.lineSeparator());
    }

    @Test
    void other_failures_of_an_import_are_not_taken_for_a_folder_in_use() {
        IllegalStateException other = new IllegalStateException("database down");
        assertThatThrownBy(() -> launch(args -> {
            throw other;
        }, "--import=/srv/laws")).isSameAs(other);
    }
}
