package cn.gov.enforcement.portal.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.json.JsonParser;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.util.StreamUtils;

/**
 * Health component {@code elasticsearch}, in place of Boot's {@code ElasticsearchRestClientHealthIndicator} and with
 * its answers: UP with the cluster's health for a green or yellow cluster, OUT_OF_SERVICE for a red one, DOWN with a
 * short reason when the cluster cannot be asked. Boot's check logs a warning with the whole stack trace on every
 * failing call, and {@code /actuator/health} is public and may be polled every few seconds; this one logs once when
 * the search health stops being UP (one line with the exception's message, no stack trace) and once when it is UP
 * again, and otherwise not at all.
 */
class SearchHealthIndicator implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(SearchHealthIndicator.class);

    private final RestClient client;
    private final JsonParser json = JsonParserFactory.getJsonParser();
    /** The status of the last check; null before the first. */
    private final AtomicReference<Status> last = new AtomicReference<>();

    SearchHealthIndicator(RestClient client) {
        this.client = client;
    }

    @Override
    public Health health() {
        Health health;
        Exception failure = null;
        try {
            health = check();
        } catch (Exception e) {
            failure = e;
            health = Health.down().withDetail("error", e.getClass().getName() + ": " + e.getMessage()).build();
        }
        Status previous = last.getAndSet(health.getStatus());
        boolean up = Status.UP.equals(health.getStatus());
        if (up && previous != null && !Status.UP.equals(previous)) {
            log.info("Search health is UP again");
        } else if (!up && (previous == null || Status.UP.equals(previous))) {
            // once per outage: the checks that follow while it lasts log nothing
            if (failure != null) {
                // one line: the stack trace of a refused connection (175 lines) says nothing more
                log.warn("Search health is {}: the search cluster cannot be asked: {}", health.getStatus(),
                        failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
            } else {
                log.warn("Search health is {}: {}", health.getStatus(), health.getDetails());
            }
        }
        return health;
    }

    private Health check() throws IOException {
        Response response = client.performRequest(new Request("GET", "/_cluster/health/"));
        int code = response.getStatusLine().getStatusCode();
        if (code != 200) {
            return Health.down().withDetail("statusCode", code)
                    .withDetail("reasonPhrase", response.getStatusLine().getReasonPhrase()).build();
        }
        Map<String, Object> cluster;
        try (InputStream body = response.getEntity().getContent()) {
            cluster = json.parseMap(StreamUtils.copyToString(body, StandardCharsets.UTF_8));
        }
        Health.Builder builder = "red".equals(cluster.get("status")) ? Health.outOfService() : Health.up();
        return builder.withDetails(cluster).build();
    }
}
