package cn.gov.enforcement.portal.platform;

import static cn.gov.enforcement.portal.platform.OpenApiDocument.METHODS;
import static cn.gov.enforcement.portal.platform.OpenApiDocument.escape;
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
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
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
import cn.gov.enforcement.portal.account.PortalUserDetailsService;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description served at {@code /api/v1/openapi.yaml} against the real API, over HTTP, on the sample
 * knowledge base: every {@code @JsonApi} endpoint of the code is documented and everything documented exists; every
 * documented operation answers its documented example request with the documented success status, media type,
 * caching and a body valid against the documented schema (JSON Schema 2020-12, OpenAPI 3.1 dialect), and so do its
 * further success examples ({@code x-success-examples}, each replacing or adding parameters); and its
 * documented error example ({@code x-error-example}) gets the documented error status with a body valid against that
 * status's schema.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDescriptionIT extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired MediationService mediation;
    @Autowired GuidanceService guidance;
    @Autowired AccountService accounts;
    @Autowired PortalUserDetailsService users;
    @Autowired KnowledgeBase knowledgeBase;

    private final ObjectMapper json = new ObjectMapper();
    private LocalApi api;
    private OpenApiDocument description;
    private JsonNode document;

    @BeforeEach
    void readTheServedDocument() throws Exception {
        api = new LocalApi(port);
        HttpResponse<String> served = api.send("GET", "/api/v1/openapi.yaml", Map.of(), null);
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        description = new OpenApiDocument(served.body());
        document = description.root();
    }

    @Test
    void the_description_is_served_as_yaml_public_and_cached_like_published_data() throws Exception {
        HttpResponse<String> yaml = api.send("GET", "/api/v1/openapi.yaml", Map.of(), null);
        assertThat(yaml.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/yaml"));
        assertThat(yaml.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        try (InputStream in = new ClassPathResource(OpenApiController.LOCATION).getInputStream()) {
            assertThat(yaml.body()).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(document.path("openapi").asText()).startsWith("3.1.");

        HttpResponse<String> openapi = api.send("GET", "/api/v1/openapi.yaml",
                Map.of("Accept", "application/vnd.oai.openapi"), null);
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/vnd.oai.openapi"));

        // another method: the API's JSON error, not the staff sign-in
        HttpResponse<String> post = api.send("POST", "/api/v1/openapi.yaml?lang=en", Map.of("Content-Type", "application/json"), "{}");
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
                String pointer = OpenApiDocument.operation(path.getKey(), op.getKey());
                OpenApiExample example = OpenApiExample.of(description, path.getKey(), op.getKey(), liveValues);
                check(example, successStatus(op.getValue()), pointer, failures, true);
                // further requests the operation documents as answered with success (a search that leaves entries
                // out, whose answer holds more than the plain example's)
                for (JsonNode more : op.getValue().path("x-success-examples")) {
                    check(example.with(more), successStatus(op.getValue()), pointer, failures, true);
                }

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
                if (!response.isMissingNode() && description.resolve(OpenApiDocument.operation(path.getKey(), op.getKey())
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
    private void check(OpenApiExample example, int status, String pointer, List<String> failures, boolean success)
            throws Exception {
        HttpResponse<byte[]> answer = api.send(example);
        if (success && example.path().equals("/api/v1/regulations/search")) {
            // the guides are indexed after the start: wait until the example finds them
            for (int tries = 0; tries < 60 && answer.statusCode() == 200
                    && json.readTree(answer.body()).path("total").asLong() == 0; tries++) {
                Thread.sleep(1000);
                answer = api.send(example);
            }
        }
        failures.addAll(description.mismatches(example.what(), pointer, status, answer, success));
    }
}
