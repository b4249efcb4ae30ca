package cn.gov.enforcement.portal.platform;

import static cn.gov.enforcement.portal.platform.OpenApiDocument.METHODS;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.IntegrationTest;
import cn.gov.enforcement.portal.mediation.MediationRateLimiter;
import cn.gov.enforcement.portal.regulation.SearchThrottle;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Every 429 the OpenAPI description documents, triggered for real over HTTP and checked against the documented
 * answer (status, {@code Retry-After} by its schema, a JSON body valid against {@code RateLimited}, no caching): the
 * article search over {@code portal.regulation.searches-per-minute}, the certificate check over
 * {@code portal.agency.certificate-checks-per-minute}, the four list downloads over their shared
 * {@code portal.lists.downloads-per-minute}, the mediation status after {@code portal.mediation.code-guesses-per-window}
 * failed look-ups. A context of its own with low limits: the throttles count per client address, and every test
 * sends from the same one, so the other tests' contexts keep their own counters and limits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"portal.regulation.searches-per-minute=" + OpenApiRateLimitsIT.LIMIT,
        "portal.agency.certificate-checks-per-minute=" + OpenApiRateLimitsIT.LIMIT,
        "portal.lists.downloads-per-minute=" + OpenApiRateLimitsIT.LIMIT,
        "portal.mediation.code-guesses-per-window=" + OpenApiRateLimitsIT.LIMIT})
class OpenApiRateLimitsIT extends IntegrationTest {

    /** The requests of a kind one client may send here before it is refused. */
    static final int LIMIT = 2;

    @LocalServerPort int port;
    @Autowired SearchThrottle searchThrottle;
    @Autowired MediationRateLimiter mediationLimiter;

    @Test
    void every_documented_429_is_answered_as_documented_once_its_limit_is_used_up() throws Exception {
        // the base class switches the search limit off for every other context: this one's must win
        assertThat(searchThrottle.perMinute()).as("portal.regulation.searches-per-minute here").isEqualTo(LIMIT);
        LocalApi api = new LocalApi(port);
        HttpResponse<String> served = api.send("GET", "/api/v1/openapi.yaml", Map.of(), null);
        assertThat(served.statusCode()).isEqualTo(200);
        OpenApiDocument description = new OpenApiDocument(served.body());
        mediationLimiter.reset();

        Set<String> documented = new TreeSet<>();
        description.root().path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (METHODS.contains(op.getKey()) && op.getValue().path("responses").has("429")) {
                documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        RateLimits limits = new RateLimits(api, description);

        limits.useUp("/api/v1/regulations/search", false, 200);
        limits.refused("/api/v1/regulations/search", false);

        limits.useUp("/api/v1/certificates/{number}", false, 200);
        limits.refused("/api/v1/certificates/{number}", false);

        // one limit for the four downloads together
        limits.useUp("/api/v1/risk-points.csv", false, 200);
        for (String download : List.of("/api/v1/risk-points.csv", "/api/v1/risk-points.xlsx", "/api/v1/exemptions.csv",
                "/api/v1/exemptions.xlsx")) {
            limits.refused(download, false);
        }

        // failed look-ups (the documented error example: a wrong code) count; then even they are refused
        limits.useUp("/api/v1/mediation/status", true, 404);
        limits.refused("/api/v1/mediation/status", true);

        assertThat(limits.failures).isEmpty();
        assertThat(limits.refused).as("the operations whose documented 429 was answered").isEqualTo(documented);
    }

    /** Sends the documented examples of operations of a document until their limits refuse them. */
    private static final class RateLimits {

        private final LocalApi api;
        private final OpenApiDocument description;
        final List<String> failures = new ArrayList<>();
        final Set<String> refused = new TreeSet<>();

        RateLimits(LocalApi api, OpenApiDocument description) {
            this.api = api;
            this.description = description;
        }

        /** The operation's example ({@code error}: its error example) as often as the limit lets through. */
        void useUp(String path, boolean error, int status) throws Exception {
            OpenApiExample example = example(path, error);
            for (int i = 0; i < LIMIT; i++) {
                HttpResponse<byte[]> answer = api.send(example);
                if (answer.statusCode() != status) {
                    failures.add(example.what() + " #" + (i + 1) + " within the limit: " + answer.statusCode()
                            + " instead of " + status + ": " + new String(answer.body(), StandardCharsets.UTF_8));
                }
            }
        }

        /** The operation's example once more: answered as the operation documents its 429. */
        void refused(String path, boolean error) throws Exception {
            OpenApiExample example = example(path, error);
            List<String> mismatches = description.mismatches(example.what(), OpenApiDocument.operation(path, "get"),
                    429, api.send(example), false);
            if (mismatches.isEmpty()) {
                refused.add("GET " + path);
            }
            failures.addAll(mismatches);
        }

        private OpenApiExample example(String path, boolean error) {
            OpenApiExample example = OpenApiExample.of(description, path, "get", Map.of());
            JsonNode errorExample = description.root().at(OpenApiDocument.operation(path, "get") + "/x-error-example");
            return error ? example.with(errorExample) : example;
        }
    }
}
