package cn.gov.enforcement.portal.search.embedded;

import cn.gov.enforcement.portal.search.DataDirectoryInUseException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory's lock across processes: a second portal (here this JVM) on a directory whose node another
 * process (a child JVM standing in for the running portal) owns is refused before it touches anything.
 */
class DataDirectoryLockTest {

    @TempDir
    Path dataDir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void endChildren() throws InterruptedException {
        for (Process child : children) {
            child.destroy();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A child JVM that takes the lock; its first line of output says whether it got it. */
    private Process otherPortal() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), dataDir.toString(), "elasticsearch")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        children.add(child);
        return child;
    }

    private static String firstLine(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        return out.readLine();
    }

    @Test
    void a_second_portal_on_a_data_directory_another_process_holds_is_refused_and_leaves_its_node_alone()
            throws Exception {
        Process running = otherPortal();
        assertThat(firstLine(running)).isEqualTo("locked");
        // the running portal's node, recorded as a node is (its command line names elasticsearch)
        Path pidFile = dataDir.resolve("search/node.pid");
        Files.writeString(pidFile, Long.toString(running.pid()), StandardCharsets.US_ASCII);

        EmbeddedNode second = new EmbeddedNode(EmbeddedNode.Options.defaults(dataDir));
        try {
            assertThatThrownBy(second::startAsync).isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("Another portal is using the data directory " + dataDir.toAbsolutePath().normalize())
                    .hasMessageContaining("--portal.data-dir");
        } finally {
            // as the portal's failing context does
            second.stop();
        }

        Thread.sleep(1000);
        assertThat(running.isAlive()).as("the running portal's node is not stopped").isTrue();
        assertThat(pidFile).as("nor is its pid file removed").hasContent(Long.toString(running.pid()));

        // once that portal has ended (stopped or crashed), its lock is free again
        running.getOutputStream().close();
        assertThat(running.waitFor(30, TimeUnit.SECONDS)).isTrue();
        DataDirectoryLock.acquire(dataDir).release();
    }

    @Test
    void nodes_of_one_jvm_share_its_lock_until_the_last_one_releases_it() throws Exception {
        DataDirectoryLock first = DataDirectoryLock.acquire(dataDir);
        DataDirectoryLock second = DataDirectoryLock.acquire(dataDir);
        first.release();
        first.release();

        Process refused = otherPortal();
        assertThat(firstLine(refused)).isEqualTo("in use");
        assertThat(refused.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.exitValue()).isEqualTo(2);

        second.release();
        Process accepted = otherPortal();
        assertThat(firstLine(accepted)).isEqualTo("locked");
        accepted.getOutputStream().close();
        assertThat(accepted.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(accepted.exitValue()).isZero();
    }
}
