package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.IntegrationTest;
import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.account.Role;
import cn.gov.enforcement.portal.testsupport.StaffAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every error answer under /api/ over real HTTP, through the security filters and the servlet container: those no
 * controller gives (no endpoint at the address, a method or a body type the endpoint does not take, a caller the
 * security rules refuse) have the API's JSON error body in the caller's language too, never Spring's error page nor
 * a redirect to the staff sign-in page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ApiErrorsIT.StaffOnlyApi.class)
class ApiErrorsIT extends IntegrationTest {

    /** An endpoint no public rule opens: only administrators may call it, as any future staff API. */
    @RestController
    @JsonApi
    static class StaffOnlyApi {

        @PostMapping(path = "/api/v1/test-staff-only", produces = "application/json")
        Map<String, Object> call() {
            return Map.of("done", true);
        }
    }

    @LocalServerPort int port;
    @Autowired Translations translations;
    @Autowired AccountService accounts;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> send(String method, String path, String contentType, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Asserts the status and the API's error body with the code and the message of the key in the language. */
    private void assertError(HttpResponse<String> answer, int status, String code, Locale language, String key)
            throws Exception {
        String what = answer.request().method() + " " + answer.uri();
        assertThat(answer.statusCode()).as(what + ": " + answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).as(what)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = json.readTree(answer.body());
        assertThat(body.path("error").asText()).as(what).isEqualTo(code);
        assertThat(body.path("message").asText()).as(what).isEqualTo(translations.get(language, key));
        assertThat(body.has("timestamp")).as(what + ": Spring's error body").isFalse();
    }

    @Test
    void an_address_no_endpoint_answers_is_404_in_the_callers_language_for_every_method() throws Exception {
        assertError(send("GET", "/api/v1/nothing", null, null, "Accept-Language", "fr-FR, en;q=0.9"),
                404, "not_found", Translations.EN, "platform.api.notFound");
        assertError(send("GET", "/api/v1/nothing?lang=zh-TW", null, null),
                404, "not_found", Translations.ZH_TW, "platform.api.notFound");
        assertError(send("POST", "/api/v2/nothing", "application/json", "{}"),
                404, "not_found", Translations.ZH_CN, "platform.api.notFound");
        assertError(send("DELETE", "/api/v1/nothing", null, null, "Accept-Language", "en"),
                404, "not_found", Translations.EN, "platform.api.notFound");
    }

    @Test
    void head_is_as_open_as_get_and_answers_without_a_body() throws Exception {
        HttpResponse<String> agencies = send("HEAD", "/api/v1/agencies", null, null);
        assertThat(agencies.statusCode()).isEqualTo(200);
        assertThat(agencies.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(agencies.body()).isEmpty();
        assertThat(send("HEAD", "/api/v1/nothing", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void a_method_the_endpoint_does_not_take_is_405_with_the_methods_it_takes() throws Exception {
        HttpResponse<String> post = send("POST", "/api/v1/agencies?lang=en", "application/json", "{}");
        assertError(post, 405, "method_not_allowed", Translations.EN, "platform.api.methodNotAllowed");
        assertThat(post.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
        assertThat(post.headers().firstValue("Location")).as("no redirect to the sign-in page").isEmpty();

        HttpResponse<String> delete = send("DELETE", "/api/v1/exemptions/check", null, null, "Accept-Language", "zh-HK");
        assertError(delete, 405, "method_not_allowed", Translations.ZH_TW, "platform.api.methodNotAllowed");
        assertThat(delete.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
    }

    @Test
    void options_on_a_public_endpoint_lists_its_methods_without_asking_for_an_account() throws Exception {
        for (String path : new String[] {"/api/v1/agencies", "/api/v1/exemptions/check", "/api/v1/risk-points.csv"}) {
            HttpResponse<String> options = send("OPTIONS", path, null, null);
            assertThat(options.statusCode()).as(path + ": " + options.body()).isEqualTo(200);
            assertThat(options.headers().firstValue("WWW-Authenticate")).as(path).isEmpty();
            assertThat(options.headers().firstValue("Allow")).as(path).hasValueSatisfying(allow -> assertThat(allow)
                    .contains("OPTIONS").contains(path.endsWith("check") ? "POST" : "GET"));
        }
        assertThat(send("OPTIONS", "/api/v1/agencies", null, null).headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("HEAD"));
        assertError(send("OPTIONS", "/api/v1/nothing", null, null), 404, "not_found", Translations.ZH_CN,
                "platform.api.notFound");
    }

    @Test
    void a_405_names_head_beside_get_and_options() throws Exception {
        HttpResponse<String> patch = send("PATCH", "/api/v1/agencies", "application/json", "{}");
        assertError(patch, 405, "method_not_allowed", Translations.ZH_CN, "platform.api.methodNotAllowed");
        assertThat(patch.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
        HttpResponse<String> delete = send("DELETE", "/api/v1/exemptions/check", null, null);
        assertThat(delete.statusCode()).isEqualTo(405);
        // GET and HEAD there too: the address also names an exemption item (/api/v1/exemptions/{id})
        assertThat(delete.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow.split(", "))
                .containsExactlyInAnyOrder("POST", "GET", "HEAD", "OPTIONS"));
        assertThat(ApiErrorFilter.withImplicitMethods("GET,HEAD")).isEqualTo("GET, HEAD, OPTIONS");
    }

    @Test
    void a_body_of_another_type_is_415_and_malformed_json_400() throws Exception {
        HttpResponse<String> text = send("POST", "/api/v1/exemptions/check", "text/plain", "itemId=x",
                "Accept-Language", "en-GB");
        assertError(text, 415, "unsupported_media_type", Translations.EN, "platform.api.unsupportedMediaType");
        assertThat(text.headers().firstValue("Accept")).hasValueSatisfying(
                accept -> assertThat(accept).contains("application/json"));

        assertError(send("POST", "/api/v1/exemptions/check", "application/json", "{not json", "Accept-Language", "en"),
                400, "bad_request", Translations.EN, "lists.api.badParameter");
    }

    @Test
    void a_staff_endpoint_refuses_callers_with_a_json_401_or_403_not_the_sign_in_page() throws Exception {
        SecurityContextHolder.setContext(new SecurityContextImpl(new UsernamePasswordAuthenticationToken("test-admin",
                null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))));
        String password;
        try {
            // the account of an earlier run against the same database is reused with a new password
            password = StaffAccounts.createOrReset(accounts, new AccountService.NewUser("api-errors-officer", "贺接口",
                    Role.OFFICER, "sample-traffic-police"));
        } finally {
            SecurityContextHolder.clearContext();
        }

        HttpResponse<String> anonymous = send("POST", "/api/v1/test-staff-only?lang=en", "application/json", "{}");
        assertError(anonymous, 401, "unauthorized", Translations.EN, "platform.api.unauthorized");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic"));

        String officer = "Basic " + Base64.getEncoder().encodeToString(("api-errors-officer:" + password)
                .getBytes(StandardCharsets.UTF_8));
        assertError(send("POST", "/api/v1/test-staff-only", "application/json", "{}", "Authorization", officer),
                403, "forbidden", Translations.ZH_CN, "platform.api.forbidden");
    }
}
