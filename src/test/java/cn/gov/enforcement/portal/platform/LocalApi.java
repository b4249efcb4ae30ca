package cn.gov.enforcement.portal.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Requests over HTTP to the portal a test started on a local port. */
final class LocalApi {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final int port;

    LocalApi(int port) {
        this.port = port;
    }

    HttpResponse<String> send(String method, String uri, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        return http.send(request(method, uri, headers, body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> sendBytes(String method, String uri, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        return http.send(request(method, uri, headers, body), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends a documented example, its body as JSON. */
    HttpResponse<byte[]> send(OpenApiExample example) throws IOException, InterruptedException {
        Map<String, String> headers = new LinkedHashMap<>(example.headers());
        String body = null;
        if (example.body() != null) {
            headers.putIfAbsent("Content-Type", "application/json");
            body = json.writeValueAsString(example.body());
        }
        return sendBytes(example.method(), example.uri(), headers, body);
    }

    private HttpRequest request(String method, String uri, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + uri))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return request.build();
    }
}
