package cn.gov.enforcement.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The search health while the cluster goes away and comes back: DOWN with a short reason on every call, but one
 * warning line (the exception's message, no stack trace) per outage and one line when it is UP again.
 */
class SearchHealthIndicatorTest {

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private HttpServer cluster;
    private RestClient client;
    private int port;

    @BeforeEach
    void setUp() throws Exception {
        logged.start();
        // the root logger: whichever class logs, a stack trace per failing call shows up here
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logged);
        cluster = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        port = cluster.getAddress().getPort();
        cluster.createContext("/_cluster/health", exchange -> {
            byte[] body = "{\"cluster_name\":\"portal\",\"status\":\"green\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            // no kept-alive connection: a call after the stop must find the port closed (Connection refused), not a
            // pooled connection the stop cut (Connection closed), which made the first check after it depend on timing
            exchange.getResponseHeaders().add("Connection", "close");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        client = RestClient.builder(new HttpHost("127.0.0.1", port, "http")).build();
    }

    @AfterEach
    void tearDown() throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logged);
        client.close();
        cluster.stop(0);
    }

    private HealthIndicator indicator() {
        return new SearchHealthIndicator(client);
    }

    private List<ILoggingEvent> warnings() {
        return logged.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
    }

    @Test
    void an_outage_is_logged_once_in_one_line_and_its_end_once() throws Exception {
        HealthIndicator health = indicator();
        cluster.start();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(logged.list).as("a healthy start logs nothing").isEmpty();

        cluster.stop(0);
        for (int i = 0; i < 5; i++) {
            Health down = health.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails().get("error").toString()).contains("Connection refused");
        }
        assertThat(warnings()).as("one warning for the outage, not one per call").hasSize(1);
        assertThat(warnings().get(0).getThrowableProxy()).as("no stack trace").isNull();
        assertThat(warnings().get(0).getFormattedMessage()).as("one line with the exception's message")
                .contains("Search health is DOWN", "ConnectException", "Connection refused").doesNotContain("\n");

        HttpServer again = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        again.createContext("/_cluster/health", exchange -> {
            byte[] body = "{\"cluster_name\":\"portal\",\"status\":\"yellow\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Connection", "close");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        again.start();
        cluster = again;
        logged.list.clear();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(logged.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.INFO);
            assertThat(e.getFormattedMessage()).contains("UP again");
        });

        cluster.stop(0);
        logged.list.clear();
        health.health();
        health.health();
        assertThat(warnings()).as("the next outage is logged once again").hasSize(1);
    }

    @Test
    void a_cluster_down_at_the_first_check_is_logged_once() {
        HealthIndicator health = indicator();
        // started and stopped: a bound server never started would take connections and leave them unanswered
        cluster.start();
        cluster.stop(0);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(warnings()).hasSize(1);
    }
}
