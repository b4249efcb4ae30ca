package cn.gov.enforcement.portal.search.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.search.SearchNodePortInUseException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configured port another process holds fails the start at once, naming the port and its setting; a node that
 * exited before it was ready is explained by the cause its log names.
 */
class EmbeddedNodePortsTest {

    @TempDir Path data;

    private static ServerSocket holdPort() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return socket;
    }

    private EmbeddedNode node(int httpPort, int transportPort) {
        return new EmbeddedNode(new EmbeddedNode.Options(null, null, null, data, "512m", httpPort, transportPort, null,
                null, null, null, null, null, null));
    }

    @Test
    void an_http_port_in_use_fails_the_start_at_once_naming_the_port_and_the_setting() throws IOException {
        try (ServerSocket taken = holdPort()) {
            int port = taken.getLocalPort();
            EmbeddedNode node = node(port, 0);
            try {
                assertThatThrownBy(node::startAsync).isInstanceOf(SearchNodePortInUseException.class)
                        .hasMessage("The search node's port " + port + " (portal.search.embedded.port) is already in "
                                + "use: choose another, or 0 for a free one");
                assertThat(node.processHandle()).isEmpty();
                assertThat(node.layout()).as("nothing provisioned").isNull();
            } finally {
                node.stop();
            }
        }
    }

    @Test
    void a_transport_port_in_use_fails_the_start_at_once() throws IOException {
        try (ServerSocket taken = holdPort()) {
            EmbeddedNode node = node(0, taken.getLocalPort());
            try {
                assertThatThrownBy(node::startAsync)
                        .hasMessageContaining("port " + taken.getLocalPort()
                                + " (portal.search.embedded.transport-port) is already in use");
            } finally {
                node.stop();
            }
        }
    }

    @Test
    void free_and_zero_ports_pass_the_check() throws IOException {
        int port;
        try (ServerSocket probe = holdPort()) {
            port = probe.getLocalPort();
        }
        EmbeddedNode.requireFree(port, "portal.search.embedded.port");
        EmbeddedNode.requireFree(0, "portal.search.embedded.port");
    }

    @Test
    void the_bind_error_buried_under_stack_frames_is_found_from_this_launch_on() throws IOException {
        Path console = data.resolve("elasticsearch-console.log");
        String earlier = "[2026-12-01] BindTransportException: an earlier start's problem\n";
        Files.writeString(console, earlier
                + "[2026-12-06T17:00:00] [INFO ][o.e.n.Node] starting ...\n"
                + "[2026-12-06T17:00:01] [ERROR][o.e.b.Elasticsearch] fatal exception while booting Elasticsearch "
                + "org.elasticsearch.http.BindHttpException: Failed to bind to 127.0.0.1:19302\n"
                + "\tat org.elasticsearch.http.AbstractHttpServerTransport.bindAddress(AbstractHttpServerTransport.java:251)\n"
                + "Caused by: java.net.BindException: Address already in use\n"
                + "\tat io.netty.channel.unix.Errors.newIOException(Errors.java:122)\n", StandardCharsets.UTF_8);

        assertThat(EmbeddedNode.knownCause(console, earlier.getBytes(StandardCharsets.UTF_8).length)).get()
                .asString().startsWith("[2026-12-06T17:00:01]")
                .contains("BindHttpException: Failed to bind to 127.0.0.1:19302");
        assertThat(EmbeddedNode.knownCause(console, 0)).get().asString().contains("an earlier start's problem");
        assertThat(EmbeddedNode.knownCause(console, 1_000_000)).as("a shorter file is a new one: read from its start")
                .get().asString().contains("an earlier start's problem");
    }

    @Test
    void a_log_without_a_known_cause_or_no_log_gives_none() throws IOException {
        Path log = Files.writeString(data.resolve("portal.log"), "[INFO ] starting\n\tat io.netty.Foo.bar(Foo.java:1)\n");
        assertThat(EmbeddedNode.knownCause(log, 0)).isEmpty();
        assertThat(EmbeddedNode.knownCause(data.resolve("missing.log"), 0)).isEmpty();
    }
}
