package cn.gov.enforcement.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.search.embedded.EmbeddedNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Provisioning the embedded node for real: unpack, start, health, stop, stale pid files. */
class EmbeddedNodeTest {

    private static final Path DATA = Path.of("target", "test-data", "provisioning").toAbsolutePath();
    private final List<EmbeddedNode> nodes = new ArrayList<>();

    @BeforeEach
    void wipe() throws Exception {
        EmbeddedNode.killStaleNode(DATA.resolve("search/node.pid"));
        EmbeddedNode.deleteTree(DATA);
    }

    @AfterEach
    void stopAll() {
        nodes.forEach(EmbeddedNode::stop);
    }

    private EmbeddedNode node() {
        return node(EmbeddedNode.Options.defaults(DATA));
    }

    private EmbeddedNode node(EmbeddedNode.Options options) {
        EmbeddedNode node = new EmbeddedNode(options);
        nodes.add(node);
        return node;
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_started_node_is_healthy_and_stopping_it_leaves_no_process() throws Exception {
        EmbeddedNode node = node();
        node.start();

        HttpResponse<String> health = get(URI.create(node.uri() + "/_cluster/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"cluster_name\":\"portal\"").doesNotContain("\"status\":\"red\"");
        assertThat(node.layout().pidFile()).exists();
        assertThat(node.layout().logFile()).exists();
        assertThat(node.layout().consoleLog()).exists();
        assertThat(node.layout().data()).isEqualTo(DATA.resolve("search/data"));
        assertThat(node.layout().logs()).as("beside its data, outside the portal's owner-only logs folder")
                .isEqualTo(DATA.resolve("search/logs"));
        String release = Files.readString(node.javaHome().resolve("release"));
        String version = release.replaceAll("(?s).*JAVA_VERSION=\"([^\"]+)\".*", "$1");
        assertThat(get(URI.create(node.uri() + "/_nodes/_local/jvm")).body())
                .as("the node runs on the Java installation it reports").contains("\"version\":\"" + version + "\"");

        ProcessHandle cli = node.processHandle().orElseThrow();
        List<ProcessHandle> family = new ArrayList<>(cli.descendants().toList());
        family.add(cli);
        assertThat(family).as("the CLI spawns the server JVM").hasSizeGreaterThan(1);

        node.stop();

        assertThat(family).noneMatch(ProcessHandle::isAlive);
        assertThat(node.layout().pidFile()).doesNotExist();
    }

    @Test
    void a_second_start_kills_the_node_a_crashed_run_left_and_reuses_the_unpacked_distribution() throws Exception {
        // restarts off: the watchdog of a crashed portal is gone with it, and would start its node again
        EmbeddedNode crashed = node(new EmbeddedNode.Options(null, null, null, DATA, "512m", 0, 0, null, null, null,
                null, null, 0, null));
        crashed.start();
        Object inode = Files.getAttribute(crashed.layout().home(), "unix:ino");
        List<Path> firstFlags = finalFlagsFolders(crashed.layout().tmp());
        assertThat(firstFlags).as("the launcher makes its final-flags folders in the node's tmp, not in /tmp")
                .isNotEmpty();
        ProcessHandle orphan = crashed.processHandle().orElseThrow();
        List<ProcessHandle> orphanFamily = new ArrayList<>(orphan.descendants().toList());
        orphanFamily.add(orphan);

        // no stop(): like a portal killed with SIGKILL, the pid file stays behind
        EmbeddedNode second = node();
        second.start();

        assertThat(orphanFamily).noneMatch(ProcessHandle::isAlive);
        assertThat(Files.getAttribute(second.layout().home(), "unix:ino")).as("unpacked once, reused").isEqualTo(inode);
        assertThat(Files.readString(second.layout().pidFile()).trim())
                .isEqualTo(Long.toString(second.processHandle().orElseThrow().pid()));
        assertThat(get(URI.create(second.uri() + "/_cluster/health")).statusCode()).isEqualTo(200);
        assertThat(finalFlagsFolders(second.layout().tmp())).as("the first start's final-flags folders are gone")
                .hasSameSizeAs(firstFlags).doesNotContainAnyElementsOf(firstFlags);
    }

    private static List<Path> finalFlagsFolders(Path dir) throws java.io.IOException {
        try (var entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("final-flags")).toList();
        }
    }

    @Test
    void a_stale_pid_file_of_another_program_is_removed_without_killing_that_program() throws Exception {
        Path pidFile = DATA.resolve("search/node.pid");
        Files.createDirectories(pidFile.getParent());
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(pidFile, Long.toString(sleeper.pid()), StandardCharsets.US_ASCII);

            EmbeddedNode.killStaleNode(pidFile);

            assertThat(sleeper.isAlive()).isTrue();
            assertThat(pidFile).doesNotExist();
        } finally {
            sleeper.destroy();
            sleeper.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void invalid_heap_settings_are_refused_with_a_clear_message() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EmbeddedNode.Options(null, null, null, DATA,
                        "lots", 0, 0, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heap");
    }
}
