package cn.gov.enforcement.portal.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A request to an operation of the OpenAPI description, built from the examples the description gives. */
record OpenApiExample(String method, String path, Map<String, String> pathValues, Map<String, List<String>> query,
        Map<String, String> headers, JsonNode body) {

    /**
     * The documented example request of an operation: every parameter with an {@code example}, the JSON request
     * body's example; {@code live} replaces the example of the parameters it names (a case number that exists).
     */
    static OpenApiExample of(OpenApiDocument description, String path, String method, Map<String, String> live) {
        String pointer = OpenApiDocument.operation(path, method);
        JsonNode operation = description.root().at(pointer);
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, List<String>> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode p : operation.path("parameters")) {
            JsonNode parameter = description.resolve(pointer + "/parameters/" + i);
            i++;
            String name = parameter.path("name").asText();
            JsonNode value = parameter.path("example");
            if (value.isMissingNode()) {
                continue;
            }
            String text = live.getOrDefault(name, value.asText());
            switch (parameter.path("in").asText()) {
                case "path" -> pathValues.put(name, text);
                case "header" -> headers.put(name, text);
                case "query" -> {
                    List<String> values = new ArrayList<>();
                    if (value.isArray()) {
                        value.forEach(v -> values.add(v.asText()));
                    } else {
                        values.add(text);
                    }
                    query.put(name, values);
                }
                default -> throw new IllegalStateException(pointer + ": parameter in " + parameter.path("in"));
            }
        }
        JsonNode body = operation.path("requestBody").path("content").path("application/json").path("example");
        return new OpenApiExample(method.toUpperCase(Locale.ROOT), path, pathValues, query, headers,
                body.isMissingNode() ? null : body);
    }

    /** This request with the parts an {@code x-error-example} replaces or adds. */
    OpenApiExample with(JsonNode error) {
        Map<String, String> p = new LinkedHashMap<>(pathValues);
        error.path("path").fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asText()));
        Map<String, List<String>> q = new LinkedHashMap<>(query);
        error.path("query").fields().forEachRemaining(e -> q.put(e.getKey(), List.of(e.getValue().asText())));
        Map<String, String> h = new LinkedHashMap<>(headers);
        error.path("headers").fields().forEachRemaining(e -> h.put(e.getKey(), e.getValue().asText()));
        return new OpenApiExample(method, path, p, q, h, error.has("body") ? error.get("body") : body);
    }

    /** The path with its values and the query. */
    String uri() {
        String uri = path;
        for (var e : pathValues.entrySet()) {
            uri = uri.replace("{" + e.getKey() + "}", URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)
                    .replace("+", "%20"));
        }
        StringBuilder q = new StringBuilder();
        query.forEach((name, values) -> values.forEach(v -> q.append(q.isEmpty() ? "?" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return uri + q;
    }

    /** The method and the URI, to name the request in a failure. */
    String what() {
        return method + " " + uri();
    }
}
