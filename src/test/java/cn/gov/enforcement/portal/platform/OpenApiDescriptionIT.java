package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.IntegrationTest;
import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.account.Role;
import cn.gov.enforcement.portal.guidance.GuidanceInput;
import cn.gov.enforcement.portal.guidance.GuidanceKind;
import cn.gov.enforcement.portal.guidance.GuidanceService;
import cn.gov.enforcement.portal.knowledge.KnowledgeBase;
import cn.gov.enforcement.portal.mediation.DisputeCategory;
import cn.gov.enforcement.portal.mediation.MediationService;
import cn.gov.enforcement.portal.mediation.MediationTestSupport;
import cn.gov.enforcement.portal.mediation.SubmissionReceipt;
import cn.gov.enforcement.portal.testsupport.StaffAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description served at {@code /api/v1/openapi.yaml} against the real API, over HTTP, on the sample
 * knowledge base: every {@code @JsonApi} endpoint of the code is documented and everything documented exists; every
 * documented operation answers its documented example request with the documented success status, media type,
 * caching and a body valid against the documented schema (JSON Schema 2020-12, OpenAPI 3.1 dialect); and its
 * documented error example ({@code x-error-example}) gets the documented error status with a body valid against that
 * status's schema.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDescriptionIT extends IntegrationTest {

    private static final String DOCUMENT_IRI = "https://portal.invalid/api/v1/openapi.json";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @LocalServerPort int port;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired MediationService mediation;
    @Autowired GuidanceService guidance;
    @Autowired AccountService accounts;
    @Autowired UserDetailsService users;
    @Autowired KnowledgeBase knowledgeBase;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private JsonNode document;
    private SchemaRegistry schemas;

    @BeforeEach
    void readTheServedDocument() throws Exception {
        HttpResponse<String> served = send("GET", "/api/v1/openapi.yaml", Map.of(), null);
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        document = new YAMLMapper().readTree(served.body());
        String text = json.writeValueAsString(document);
        schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), registry -> registry
                .schemas(Map.of(DOCUMENT_IRI, text))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    @Test
    void the_description_is_served_as_yaml_public_and_cached_like_published_data() throws Exception {
        HttpResponse<String> yaml = send("GET", "/api/v1/openapi.yaml", Map.of(), null);
        assertThat(yaml.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/yaml"));
        assertThat(yaml.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        try (InputStream in = new ClassPathResource(OpenApiController.LOCATION).getInputStream()) {
            assertThat(yaml.body()).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(document.path("openapi").asText()).startsWith("3.1.");

        HttpResponse<String> openapi = send("GET", "/api/v1/openapi.yaml",
                Map.of("Accept", "application/vnd.oai.openapi"), null);
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/vnd.oai.openapi"));

        // another method: the API's JSON error, not the staff sign-in
        HttpResponse<String> post = send("POST", "/api/v1/openapi.yaml?lang=en", Map.of("Content-Type", "application/json"), "{}");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
        assertThat(json.readTree(post.body()).path("error").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void every_json_api_endpoint_is_documented_and_every_documented_operation_exists() {
        Set<String> inCode = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (AnnotatedElementUtils.hasAnnotation(method.getBeanType(), JsonApi.class)) {
                assertThat(info.getMethodsCondition().getMethods()).as(method + " names its HTTP method").isNotEmpty();
                for (String path : info.getPatternValues()) {
                    info.getMethodsCondition().getMethods().forEach(m -> inCode.add(m.name() + " " + path));
                }
            }
        });
        Set<String> documented = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        assertThat(inCode).as("the @JsonApi endpoints").hasSizeGreaterThan(15);
        assertThat(documented).as("documented in " + OpenApiController.LOCATION).isEqualTo(inCode);
    }

    @Test
    void every_documented_operation_answers_its_examples_as_documented() throws Exception {
        // test classes with their own knowledge base share the database: the examples name entries of the samples
        knowledgeBase.loadAll();
        // a case to look up: its number and access code stand in for the documented placeholders
        SubmissionReceipt receipt = mediation.submit(MediationTestSupport.application(DisputeCategory.CONSUMER, null),
                Locale.SIMPLIFIED_CHINESE);
        issueGuidance(); // the figures then list an agency
        Map<String, String> liveValues = Map.of("number", receipt.caseNumber(), "X-Access-Code", receipt.accessCode());

        List<String> failures = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String pointer = "/paths/" + escape(path.getKey()) + "/" + op.getKey();
                Example example = example(path.getKey(), op.getKey(), pointer, op.getValue(), liveValues);
                check(example, successStatus(op.getValue()), pointer, failures, true);

                JsonNode error = op.getValue().path("x-error-example");
                if (error.isMissingNode()) {
                    failures.add(pointer + ": no x-error-example");
                    continue;
                }
                check(example.with(error), error.path("status").asInt(), pointer, failures, false);
            }
        }
        assertThat(operations).isGreaterThan(15);
        assertThat(failures).isEmpty();
    }

    @Test
    void every_reference_resolves_and_every_operation_id_is_unique() {
        List<String> broken = new ArrayList<>();
        collectBrokenRefs(document, "", broken);
        assertThat(broken).isEmpty();
        List<String> ids = new ArrayList<>();
        document.path("paths").forEach(path -> path.fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                ids.add(op.getValue().path("operationId").asText());
            }
        }));
        assertThat(ids).doesNotContain("").doesNotHaveDuplicates();
    }

    private void collectBrokenRefs(JsonNode node, String at, List<String> broken) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && (!ref.asText().startsWith("#/") || document.at(ref.asText().substring(1)).isMissingNode())) {
                broken.add(at + ": " + ref.asText());
            }
            node.fields().forEachRemaining(e -> collectBrokenRefs(e.getValue(), at + "/" + escape(e.getKey()), broken));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectBrokenRefs(node.get(i), at + "/" + i, broken);
            }
        }
    }

    @Test
    void every_rate_limit_and_unavailable_answer_documents_retry_after() {
        List<String> missing = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            for (String status : List.of("429", "503")) {
                JsonNode response = op.getValue().path("responses").path(status);
                if (!response.isMissingNode() && resolve("/paths/" + escape(path.getKey()) + "/" + op.getKey()
                        + "/responses/" + status)
                        .path("headers").path("Retry-After").isMissingNode()) {
                    missing.add(op.getKey() + " " + path.getKey() + " " + status);
                }
            }
        }));
        assertThat(missing).isEmpty();
    }

    /** Written guidance of the sample market agency, issued by an officer of it, so that the figures count one. */
    private void issueGuidance() {
        String agency = "sample-market-regulation";
        SecurityContextHolder.setContext(new SecurityContextImpl(new UsernamePasswordAuthenticationToken("test-admin",
                null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))));
        StaffAccounts.createOrReset(accounts, new AccountService.NewUser("openapi-officer", "接口测试指导员", Role.OFFICER,
                agency));
        SecurityContextHolder.setContext(new SecurityContextImpl(new UsernamePasswordAuthenticationToken(
                users.loadUserByUsername("openapi-officer"), null, List.of(new SimpleGrantedAuthority("ROLE_OFFICER")))));
        try {
            guidance.issue(new GuidanceInput(GuidanceKind.REMINDER, "SJ-990100-2021-0003", "某某餐饮管理有限公司", null,
                    "zh-CN", "食品经营许可证即将到期", "贵单位的食品经营许可证将于下月到期，目前尚未提出延续申请。",
                    "请在许可证有效期届满三十日前向原发证部门提出延续申请，以免到期后无证经营。",
                    "《中华人民共和国食品安全法》第三十五条", guidance.today().plusDays(20), guidance.today().plusDays(30)));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** A request built from the documented examples. */
    private record Example(String method, String path, Map<String, String> pathValues, Map<String, List<String>> query,
            Map<String, String> headers, JsonNode body) {

        /** This request with the parts an {@code x-error-example} replaces or adds. */
        Example with(JsonNode error) {
            Map<String, String> p = new LinkedHashMap<>(pathValues);
            error.path("path").fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asText()));
            Map<String, List<String>> q = new LinkedHashMap<>(query);
            error.path("query").fields().forEachRemaining(e -> q.put(e.getKey(), List.of(e.getValue().asText())));
            Map<String, String> h = new LinkedHashMap<>(headers);
            error.path("headers").fields().forEachRemaining(e -> h.put(e.getKey(), e.getValue().asText()));
            return new Example(method, path, p, q, h, error.has("body") ? error.get("body") : body);
        }

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
    }

    private Example example(String path, String method, String pointer, JsonNode operation, Map<String, String> live) {
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, List<String>> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode p : operation.path("parameters")) {
            JsonNode parameter = resolve(p.has("$ref") ? p.get("$ref").asText().substring(1) : pointer + "/parameters/" + i);
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
        return new Example(method.toUpperCase(Locale.ROOT), path, pathValues, query, headers,
                body.isMissingNode() ? null : body);
    }

    /** The one 2xx status an operation documents. */
    private static int successStatus(JsonNode operation) {
        List<String> success = new ArrayList<>();
        operation.path("responses").fieldNames().forEachRemaining(s -> {
            if (s.startsWith("2")) {
                success.add(s);
            }
        });
        assertThat(success).as("the success answers of " + operation.path("operationId")).hasSize(1);
        return Integer.parseInt(success.get(0));
    }

    /** Sends the example and checks the answer against what the document says of that status. */
    private void check(Example example, int status, String pointer, List<String> failures, boolean success)
            throws Exception {
        String what = example.method() + " " + example.uri();
        Map<String, String> headers = new LinkedHashMap<>(example.headers());
        String body = null;
        if (example.body() != null) {
            headers.putIfAbsent("Content-Type", "application/json");
            body = json.writeValueAsString(example.body());
        }
        HttpResponse<byte[]> answer = sendBytes(example.method(), example.uri(), headers, body);
        if (success && example.path().equals("/api/v1/regulations/search")) {
            // the guides are indexed after the start: wait until the example finds them
            for (int tries = 0; tries < 60 && answer.statusCode() == 200
                    && json.readTree(answer.body()).path("total").asLong() == 0; tries++) {
                Thread.sleep(1000);
                answer = sendBytes(example.method(), example.uri(), headers, body);
            }
        }
        if (answer.statusCode() != status) {
            failures.add(what + ": status " + answer.statusCode() + " instead of " + status + ": "
                    + new String(answer.body(), StandardCharsets.UTF_8));
            return;
        }
        String responsePointer = pointer + "/responses/" + status;
        JsonNode response = resolve(responsePointer);
        if (response.isMissingNode()) {
            failures.add(what + ": status " + status + " is not documented");
            return;
        }
        responsePointer = refTarget(responsePointer);
        String type = answer.headers().firstValue("Content-Type").orElse("");
        String mediaType = type.split(";")[0].strip();
        if (!response.path("content").has(mediaType)) {
            failures.add(what + ": Content-Type " + type + " is not documented for " + status + " ("
                    + response.path("content").properties().stream().map(Map.Entry::getKey).toList() + ")");
            return;
        }
        String cache = answer.headers().firstValue("Cache-Control").orElse("");
        String cacheRef = response.path("headers").path("Cache-Control").path("$ref").asText();
        if (cacheRef.endsWith("/PublicCache") && !cache.equals("public, max-age=300")
                || !cacheRef.endsWith("/PublicCache") && !cache.contains("no-store")) {
            failures.add(what + ": Cache-Control " + cache + " against the documented " + cacheRef);
        }
        if (!response.path("headers").path("Retry-After").isMissingNode()
                && answer.headers().firstValue("Retry-After").isEmpty()) {
            failures.add(what + ": no Retry-After");
        }
        if (mediaType.equals("application/json")) {
            JsonNode content = json.readTree(answer.body());
            if (success && isEmptyList(content)) {
                failures.add(what + ": the example finds nothing, so its schema is not tried");
            }
            String schemaPointer = responsePointer + "/content/" + escape(mediaType) + "/schema";
            List<Error> errors = schemas.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + schemaPointer))
                    .validate(content);
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

    /** The node at a JSON pointer of the document, following {@code $ref}s. */
    private JsonNode resolve(String pointer) {
        return document.at(refTarget(pointer));
    }

    /** The pointer a node's {@code $ref}s lead to, or the pointer itself. */
    private String refTarget(String pointer) {
        JsonNode node = document.at(pointer);
        for (int hops = 0; node.has("$ref") && hops < 10; hops++) {
            pointer = node.get("$ref").asText().substring(1);
            node = document.at(pointer);
        }
        return pointer;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private HttpResponse<String> send(String method, String uri, Map<String, String> headers, String body)
            throws Exception {
        return http.send(request(method, uri, headers, body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> sendBytes(String method, String uri, Map<String, String> headers, String body)
            throws Exception {
        return http.send(request(method, uri, headers, body), HttpResponse.BodyHandlers.ofByteArray());
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
