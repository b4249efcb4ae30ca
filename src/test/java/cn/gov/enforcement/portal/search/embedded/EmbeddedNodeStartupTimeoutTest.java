package cn.gov.enforcement.portal.search.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A start given up after its startup timeout: the launch going on in the background starts no node afterwards, and
 * the data directory's lock is free once that launch has ended.
 */
class EmbeddedNodeStartupTimeoutTest {

    private static final Path DATA = Path.of("target", "test-data", "startup-timeout").toAbsolutePath();

    @Test
    void a_launch_given_up_after_the_startup_timeout_starts_no_node_and_frees_the_lock() throws Exception {
        EmbeddedNode.killStaleNode(DATA.resolve("search/node.pid"));
        EmbeddedNode.deleteTree(DATA);
        // a timeout of 1 ms gives the start up before the background launch (about 100 ms) has started the node
        EmbeddedNode node = new EmbeddedNode(new EmbeddedNode.Options(null, null, null, DATA, "512m", 0, 0,
                Duration.ofMillis(1), null, null, null, null, null, null));
        try {
            var launch = node.startAsync();
            // called at once, before assertion classes are loaded, which alone takes longer than the launch
            IllegalStateException given = null;
            try {
                node.awaitReady();
            } catch (IllegalStateException e) {
                given = e;
            }
            assertThat(given).as("the start was given up").isNotNull().hasMessageContaining("took longer than");

            // the launch goes on until it reaches the point where it would start the node
            launch.handle((ok, failure) -> null).get(120, TimeUnit.SECONDS);
            Thread.sleep(500);

            assertThat(node.processHandle()).as("no node was started after the start was given up").isEmpty();
            assertThat(DATA.resolve("search/node.pid")).doesNotExist();
            assertThat(otherPortalLocks(DATA)).as("the lock is free once the launch ended").isEqualTo("locked");
        } finally {
            node.stop();
        }
    }

    /** What a child JVM taking the lock says: {@code locked} or {@code in use}. */
    private static String otherPortalLocks(Path dataDir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), dataDir.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            return out.readLine();
        } finally {
            child.getOutputStream().close();
            child.waitFor(30, TimeUnit.SECONDS);
            child.destroy();
        }
    }
}
