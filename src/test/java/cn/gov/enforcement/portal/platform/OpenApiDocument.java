package cn.gov.enforcement.portal.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI description as the integration tests read it: the document with its JSON pointers and {@code $ref}s,
 * and what the document says of an answer, its status, media type, caching, {@code Retry-After} and body (JSON Schema
 * 2020-12, OpenAPI 3.1 dialect, formats asserted).
 */
final class OpenApiDocument {

    /** The address the document's schemas are registered under, so that their {@code $ref}s resolve in it. */
    private static final String DOCUMENT_IRI = "https://portal.invalid/api/v1/openapi.json";

    /** The keys of a path item that are operations. */
    static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private final ObjectMapper json = new ObjectMapper();
    private final JsonNode document;
    private final SchemaRegistry schemas;

    OpenApiDocument(String yaml) throws IOException {
        document = new YAMLMapper().readTree(yaml);
        String text = json.writeValueAsString(document);
        schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), registry -> registry
                .schemas(Map.of(DOCUMENT_IRI, text))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    /** The whole document. */
    JsonNode root() {
        return document;
    }

    /** The pointer of an operation: {@code /paths/~1api~1v1~1agencies/get}. */
    static String operation(String path, String method) {
        return "/paths/" + escape(path) + "/" + method;
    }

    /** The node at a JSON pointer of the document, following {@code $ref}s. */
    JsonNode resolve(String pointer) {
        return document.at(refTarget(pointer));
    }

    /** The pointer a node's {@code $ref}s lead to, or the pointer itself. */
    String refTarget(String pointer) {
        JsonNode node = document.at(pointer);
        for (int hops = 0; node.has("$ref") && hops < 10; hops++) {
            pointer = node.get("$ref").asText().substring(1);
            node = document.at(pointer);
        }
        return pointer;
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /**
     * What in an answer of the operation at {@code operationPointer} differs from what the document says of its
     * status; empty when it fits. A success answer that finds nothing counts as a mismatch: its schema would not be
     * tried on any entry.
     */
    List<String> mismatches(String what, String operationPointer, int status, HttpResponse<byte[]> answer,
            boolean success) throws IOException {
        List<String> failures = new ArrayList<>();
        if (answer.statusCode() != status) {
            failures.add(what + ": status " + answer.statusCode() + " instead of " + status + ": "
                    + new String(answer.body(), StandardCharsets.UTF_8));
            return failures;
        }
        String responsePointer = operationPointer + "/responses/" + status;
        JsonNode response = resolve(responsePointer);
        if (response.isMissingNode()) {
            failures.add(what + ": status " + status + " is not documented");
            return failures;
        }
        responsePointer = refTarget(responsePointer);
        String type = answer.headers().firstValue("Content-Type").orElse("");
        String mediaType = type.split(";")[0].strip();
        if (!response.path("content").has(mediaType)) {
            failures.add(what + ": Content-Type " + type + " is not documented for " + status + " ("
                    + response.path("content").properties().stream().map(Map.Entry::getKey).toList() + ")");
            return failures;
        }
        String cache = answer.headers().firstValue("Cache-Control").orElse("");
        String cacheRef = response.path("headers").path("Cache-Control").path("$ref").asText();
        if (cacheRef.endsWith("/PublicCache") && !cache.equals("public, max-age=300")
                || !cacheRef.endsWith("/PublicCache") && !cache.contains("no-store")) {
            failures.add(what + ": Cache-Control " + cache + " against the documented " + cacheRef);
        }
        if (!response.path("headers").path("Retry-After").isMissingNode()) {
            String retryAfter = answer.headers().firstValue("Retry-After").orElse(null);
            String schemaPointer = refTarget(responsePointer + "/headers/Retry-After") + "/schema";
            if (retryAfter == null) {
                failures.add(what + ": no Retry-After");
            } else if (!validate(schemaPointer, headerValue(retryAfter)).isEmpty()) {
                failures.add(what + ": Retry-After " + retryAfter + " does not fit " + schemaPointer);
            }
        }
        if (mediaType.equals("application/json")) {
            JsonNode content = json.readTree(answer.body());
            if (success && isEmptyList(content)) {
                failures.add(what + ": the example finds nothing, so its schema is not tried");
            }
            String schemaPointer = responsePointer + "/content/" + escape(mediaType) + "/schema";
            List<Error> errors = validate(schemaPointer, content);
            if (!errors.isEmpty()) {
                failures.add(what + ": the answer does not fit " + schemaPointer + ": "
                        + errors.stream().map(Error::toString).toList() + " in " + content);
            }
        } else if (mediaType.endsWith("spreadsheetml.sheet")) {
            if (answer.body().length < 4 || answer.body()[0] != 'P' || answer.body()[1] != 'K') {
                failures.add(what + ": not a workbook");
            }
        } else if (mediaType.equals("text/csv")) {
            String csv = new String(answer.body(), StandardCharsets.UTF_8);
            if (!csv.startsWith("\uFEFF") || csv.lines().count() < 2) {
                failures.add(what + ": no rows or no byte order mark");
            }
        } else if (mediaType.endsWith("yaml") || mediaType.endsWith("openapi")) {
            new YAMLMapper().readTree(answer.body());
        }
        return failures;
    }

    /** The errors of a value against the schema at a pointer of the document. */
    List<Error> validate(String schemaPointer, JsonNode value) {
        return schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + schemaPointer)).validate(value);
    }

    /** A header's value as its schema sees it: a JSON number, boolean or null as such, anything else as text. */
    private JsonNode headerValue(String value) {
        try {
            JsonNode parsed = json.readTree(value);
            return parsed != null && parsed.isValueNode() && !parsed.isTextual() ? parsed : TextNode.valueOf(value);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(value);
        }
    }

    /** True for an answer whose list is empty: {@code items}, {@code results}, {@code agencies}, a top-level array. */
    private static boolean isEmptyList(JsonNode content) {
        if (content.isArray()) {
            return content.isEmpty();
        }
        for (String list : List.of("items", "results", "agencies", "riskPoints")) {
            if (content.has(list) && content.get(list).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
