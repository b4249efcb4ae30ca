package cn.gov.enforcement.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code main} in a child JVM, as {@code java -jar portal.jar} runs it, on a data folder another running
 * portal holds and with a search node's port in use: the operator sees the message naming the cause and the setting,
 * nothing else (no "Application run failed", no stack trace), and the process ends with a non-zero status before it
 * opened anything in the data folder (the log file there is the running portal's).
 */
class PortalStartRefusalsTest {

    @TempDir Path temp;

    private record Run(int status, String output) {
    }

    /** Runs the portal's main with these arguments; its standard output and error together. */
    private static Run main(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(OtherPortal.java(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), PortalApplication.class.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        });
        if (!child.waitFor(180, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("The portal did not end within 180 s: " + output.getNow("(no output)"));
        }
        return new Run(child.exitValue(), output.get(10, TimeUnit.SECONDS));
    }

    @Test
    void a_second_portal_on_a_data_folder_in_use_shows_only_the_message_and_ends_with_status_1() throws Exception {
        Path data = Files.createDirectory(temp.resolve("data"));
        Process running = OtherPortal.holdingTheLockOf(data);
        Run run;
        try {
            run = main("--portal.data-dir=" + data, "--server.port=0");
        } finally {
            OtherPortal.end(running);
        }

        assertThat(run.output()).isEqualToIgnoringNewLines("The portal did not start:- Another portal is using the "
                + "data directory " + data.toAbsolutePath().normalize() + " (another process holds the lock "
                + data.toAbsolutePath().normalize().resolve("search/node.lock") + "). This portal does not start, so "
                + "that it does not stop that portal's search node or open its database. Stop the other portal first, "
                + "or start this one with its own data directory (--portal.data-dir or PORTAL_DATA_DIR).");
        assertThat(run.status()).isEqualTo(1);
        Path log = data.resolve("logs/portal.log"); // made owner-only before the checks, as the portal's own is
        assertThat(Files.exists(log) ? Files.size(log) : 0).as("the running portal's log is not written to").isZero();
        assertThat(data.resolve("db")).as("nor its database opened").doesNotExist();
    }

    @Test
    void an_import_into_a_data_folder_in_use_shows_only_the_message_and_ends_with_status_3() throws Exception {
        Path data = Files.createDirectory(temp.resolve("data"));
        Path laws = Files.createDirectory(temp.resolve("laws"));
        Process running = OtherPortal.holdingTheLockOf(data);
        Run run;
        try {
            run = main("--import=" + laws, "--portal.data-dir=" + data);
        } finally {
            OtherPortal.end(running);
        }

        assertThat(run.output()).startsWith("Nothing imported:" + System.lineSeparator().charAt(0)
                        + "- Another portal is using the data directory " + data.toAbsolutePath().normalize())
                .doesNotContain("Application run failed").doesNotContain("\tat ");
        assertThat(run.output().strip().lines()).hasSize(2);
        assertThat(run.status()).isEqualTo(3);
    }

    @Test
    void a_search_node_port_in_use_shows_only_the_message_and_ends_with_status_1() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            Run run = main("--portal.data-dir=" + temp.resolve("data"), "--server.port=0",
                    "--portal.search.embedded.port=" + port);

            assertThat(run.output()).isEqualToIgnoringNewLines("The portal did not start:- The search node's port "
                    + port + " (portal.search.embedded.port) is already in use: choose another, or 0 for a free one");
            assertThat(run.status()).isEqualTo(1);
        }
    }
}
