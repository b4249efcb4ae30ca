package cn.gov.enforcement.portal.search.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watchdog on a real node: a node whose server JVM is killed while the portal runs answers again on the same
 * port; a node the portal stops, even while its exit is being reported, is not started again.
 */
class EmbeddedNodeWatchdogTest {

    private static final Path DATA = Path.of("target", "test-data", "watchdog").toAbsolutePath();
    private static final Duration RESTART_DELAY = Duration.ofMillis(500);

    private EmbeddedNode node;

    @AfterEach
    void stopNode() {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void a_killed_node_answers_again_on_its_port_and_a_stopped_one_is_not_restarted() throws Exception {
        EmbeddedNode.killStaleNode(DATA.resolve("search/node.pid"));
        EmbeddedNode.deleteTree(DATA);
        node = new EmbeddedNode(new EmbeddedNode.Options(null, null, null, DATA, "512m", 0, 0, null, null, null,
                RESTART_DELAY, Duration.ofSeconds(2), 3, Duration.ofMinutes(10)));
        node.start();
        int port = node.httpPort();
        ProcessHandle cli = node.processHandle().orElseThrow();
        List<ProcessHandle> servers = cli.descendants().toList();
        assertThat(servers).as("the CLI process spawned the server JVM").isNotEmpty();

        // like the kernel's out-of-memory killer, which picks the server JVM, the largest process
        servers.forEach(ProcessHandle::destroyForcibly);

        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!(node.isReady() && health(port) == 200) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(health(port)).as("the node answers again on its port").isEqualTo(200);
        assertThat(node.httpPort()).isEqualTo(port);
        ProcessHandle restarted = node.processHandle().orElseThrow();
        assertThat(restarted.pid()).isNotEqualTo(cli.pid());
        assertThat(cli.isAlive()).as("the dead node's CLI process is gone").isFalse();
        assertThat(servers).noneMatch(ProcessHandle::isAlive);

        // the portal stops the node while the watchdog learns of its server's death
        List<ProcessHandle> family = new ArrayList<>(restarted.descendants().toList());
        family.add(restarted);
        restarted.descendants().forEach(ProcessHandle::destroyForcibly);
        node.stop();
        Thread.sleep(RESTART_DELAY.multipliedBy(6).toMillis());

        assertThat(family).noneMatch(ProcessHandle::isAlive);
        assertThat(node.processHandle()).isEmpty();
        assertThat(nodeProcesses()).as("no node process runs on the data directory").isEmpty();
        assertThat(health(port)).as("nothing answers on the port").isEqualTo(-1);
    }

    @Test
    void the_wait_before_a_restart_doubles_up_to_the_longest() {
        EmbeddedNode idle = new EmbeddedNode(EmbeddedNode.Options.defaults(DATA));
        assertThat(List.of(0, 1, 2, 3, 4, 5, 30).stream().map(idle::restartDelay).map(Duration::toSeconds).toList())
                .containsExactly(5L, 10L, 20L, 40L, 60L, 60L, 60L);
        // a window of no length would let every restart expire at once: restarts without end
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EmbeddedNode.Options(null, null, null, DATA, "512m",
                0, 0, null, null, null, null, null, 5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The HTTP status of {@code /_cluster/health} on the port, -1 when nothing listens there. */
    private static int health(int port) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_cluster/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (ConnectException e) {
            return -1;
        } catch (IOException e) {
            return -2;
        }
    }

    private static List<ProcessHandle> nodeProcesses() {
        return ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().orElse("").contains(DATA.resolve("search").toString()))
                .toList();
    }
}
