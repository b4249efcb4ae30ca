package cn.gov.enforcement.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The shell's static files over real HTTP, through the security filter chain, for a reader who is not signed in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShellResourcesIT extends IntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void anonymous_readers_get_the_favicon_where_browsers_ask_for_it() throws Exception {
        HttpResponse<byte[]> ico = get("/favicon.ico");
        assertThat(ico.statusCode()).isEqualTo(200);
        // an ICO directory: reserved 0, type 1 (icon), then its images
        assertThat(ico.body()).startsWith(0, 0, 1, 0);

        HttpResponse<byte[]> svg = get("/icons/favicon.svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(new String(svg.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("<svg");

        HttpResponse<byte[]> touch = get("/icons/icon-180.png");
        assertThat(touch.statusCode()).isEqualTo(200);
        assertThat(touch.body()).startsWith(0x89, 'P', 'N', 'G');
    }

    @org.springframework.beans.factory.annotation.Autowired
    cn.gov.enforcement.portal.knowledge.KnowledgeBase knowledgeBase;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @org.springframework.beans.factory.annotation.Autowired
    cn.gov.enforcement.portal.regulation.ImportService regulationImport;

    @Test
    void an_address_of_no_page_or_no_entry_answers_404_with_the_page_shell_and_a_known_one_200() throws Exception {
        // test classes with their own knowledge base share the database: load ours again
        knowledgeBase.loadAll();
        Long document = jdbc.queryForObject("select min(id) from regulation_document", Long.class);
        if (document == null) {
            java.nio.file.Path seeds = cn.gov.enforcement.portal.regulation.SharedData.require("seeds");
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(RUN_DATA_DIR.resolve("shell-not-found"));
            java.nio.file.Files.copy(seeds.resolve("000_d934e9e45ad9936f.txt"), dir.resolve("000.txt"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            regulationImport.importFolder(dir, line -> {});
            document = jdbc.queryForObject("select min(id) from regulation_document", Long.class);
        }
        for (String path : new String[] {"/no-such-page", "/no/such/page", "/risks/no-such-id", "/exemptions/no-such-id",
                "/exemptions/no-such-id/check", "/discretion/no-such-agency", "/agencies/nope", "/regulations/999999",
                "/regulations/not-a-number", "/risks/no-such-id?lang=en"}) {
            HttpResponse<byte[]> page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            // the same shell as any page: the browser still shows the friendly not-found page in the reader's language
            assertThat(new String(page.body(), java.nio.charset.StandardCharsets.UTF_8)).as(path)
                    .contains("<html").contains("<title>");
        }
        for (String path : new String[] {"/", "/risks", "/risks/mr-rp-price-tag", "/exemptions",
                "/exemptions/mr-ex-first-price-tag", "/exemptions/mr-ex-first-price-tag/check", "/discretion",
                "/discretion/sample-market-regulation", "/agencies", "/agencies/sample-market-regulation",
                "/regulations", "/regulations/" + document, "/self-check", "/login", "/risks/?lang=en"}) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void every_page_names_the_icon() throws Exception {
        HttpResponse<byte[]> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = new String(page.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("icons/favicon.svg").contains("favicon.ico");
    }

    @Test
    void the_first_answer_of_a_page_names_its_language_and_the_site_in_it() throws Exception {
        // what a link preview or a crawler that runs no script reads: the page's language (address, then cookie)
        assertShell(get("/risks?lang=en"), "en", "Service-Oriented Enforcement Portal");
        assertShell(get("/risks?lang=zh-TW"), "zh-TW", "服務型行政執法公共服務平臺");
        assertShell(get("/risks?lang=zh-Hant-HK"), "zh-TW", "服務型行政執法公共服務平臺");
        assertShell(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/risks"))
                .header("Cookie", "portal-lang=en").GET().build(), HttpResponse.BodyHandlers.ofByteArray()),
                "en", "Service-Oriented Enforcement Portal");
        // without either, Simplified Chinese, whatever the browser accepts
        assertShell(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/risks"))
                .header("Accept-Language", "en-US, en;q=0.9").GET().build(), HttpResponse.BodyHandlers.ofByteArray()),
                "zh-CN", "服务型行政执法公共服务平台");
    }

    @Test
    void pages_style_sheets_and_the_json_api_are_compressed_for_browsers_that_accept_it() throws Exception {
        for (String path : new String[] {"/", "/VAADIN/themes/portal/styles.css", "/api/v1/risk-points?size=100"}) {
            HttpResponse<byte[]> plain = get(path);
            HttpResponse<byte[]> gzip = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(plain.statusCode()).as(path).isEqualTo(200);
            assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            assertThat(gzip.statusCode()).as(path).isEqualTo(200);
            assertThat(gzip.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            byte[] unpacked = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip.body())).readAllBytes();
            assertThat(gzip.body().length).as(path).isLessThan(unpacked.length);
            if (!path.equals("/")) {
                // the shell differs between two answers (its masked token); the others must be the same bytes
                assertThat(unpacked).as(path).isEqualTo(plain.body());
            }
        }
    }

    @Test
    void the_bundles_files_are_kept_for_a_year_since_their_names_change_with_their_content() throws Exception {
        String html = new String(get("/").body(), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("VAADIN/build/[^\"/]+\\.js").matcher(html);
        assertThat(script.find()).as("the shell loads a bundle file").isTrue();
        HttpResponse<byte[]> bundle = get("/" + script.group());
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");

        // a name that is no file of the bundle is not kept, nor is the theme's style sheet, whose name stays the same
        assertThat(get("/VAADIN/build/indexhtml-Zz9Zz9Zz.js").headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).doesNotContain("immutable"));
        assertThat(get("/VAADIN/themes/portal/styles.css").headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).doesNotContain("immutable"));
    }

    @Test
    void the_themes_style_sheet_is_asked_for_again_each_time_and_answered_304_while_it_is_the_same() throws Exception {
        String path = "/VAADIN/themes/portal/styles.css";
        HttpResponse<byte[]> first = get(path);
        assertThat(first.statusCode()).isEqualTo(200);
        // kept, but never used without asking: a deploy's new styles reach readers at once, not after Vaadin's hour
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
        // one validator, a tag of the content: the same on every answer and after a restart of the same build; weak,
        // since Tomcat compresses no answer with a strong one (a strong tag names the exact bytes sent)
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("W/\"").endsWith("\"");
        assertThat(get(path).headers().firstValue("ETag")).hasValue(etag);
        assertThat(first.headers().firstValue("Last-Modified")).isEmpty();

        HttpResponse<byte[]> same = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("If-None-Match", etag).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(same.statusCode()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.headers().firstValue("ETag")).hasValue(etag);

        // a compressed answer has the same tag, and the browser's copy of it is still good
        HttpResponse<byte[]> gzip = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzip.headers().firstValue("ETag")).hasValue(etag);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Encoding", "gzip").header("If-None-Match", etag).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(304);

        // another release's copy (another tag) gets the file, even when it is newer than this jar (a rollback)
        HttpResponse<byte[]> other = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("If-None-Match", "\"0123456789abcdef\"")
                .header("If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).isEqualTo(first.body());
    }

    @Test
    void the_themes_styles_come_in_one_file_without_imports_the_browser_would_load_after_it() throws Exception {
        String css = new String(get("/VAADIN/themes/portal/styles.css").body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(css).doesNotContain("@import");
        // the lists module's rules, once a file of their own, and the shell's
        assertThat(css).contains(".lists-tools {").contains(".discretion-table {").contains(".portal-header {");
    }

    @Test
    void public_answers_of_published_data_may_be_kept_five_minutes_and_nothing_personal_or_failed_is() throws Exception {
        String risks = new String(get("/api/v1/risk-points?size=1").body(), java.nio.charset.StandardCharsets.UTF_8);
        String riskId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(risks).path("items").path(0).path("id").asText();
        String exemptions = new String(get("/api/v1/exemptions?size=1").body(), java.nio.charset.StandardCharsets.UTF_8);
        String exemptionId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(exemptions).path("items").path(0).path("id").asText();
        String agencies = new String(get("/api/v1/agencies?size=1").body(), java.nio.charset.StandardCharsets.UTF_8);
        String agencyId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(agencies).path("items").path(0).path("id").asText();
        assertThat(java.util.List.of(riskId, exemptionId, agencyId)).doesNotContain("");
        String q = java.net.URLEncoder.encode("合同", java.nio.charset.StandardCharsets.UTF_8);
        for (String path : new String[] {"/api/v1/risk-points?size=5", "/api/v1/risk-points/" + riskId,
                "/api/v1/exemptions", "/api/v1/exemptions/" + exemptionId, "/api/v1/discretion",
                "/api/v1/risk-points.csv", "/api/v1/exemptions.xlsx?lang=en", "/api/v1/agencies",
                "/api/v1/agencies/" + agencyId, "/api/v1/regulations/search?q=" + q, "/api/v1/self-check/sectors",
                "/api/v1/guidance/figures", "/api/v1/openapi.yaml"}) {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.headers().allValues("Cache-Control")).as(path).containsExactly("public, max-age=300");
            assertThat(answer.headers().firstValue("Pragma")).as(path).isEmpty();
            assertThat(answer.headers().firstValue("Expires")).as(path).isEmpty();
            // the language of an answer may follow Accept-Language: a shared cache keeps one copy per language
            assertThat(String.join(",", answer.headers().allValues("Vary")).toLowerCase(java.util.Locale.ROOT)).as(path)
                    .contains("accept-language");
            // the headers Spring Security writes on every answer otherwise stay
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }

        // a person's or a case's answer, a failure, a missing entry, credentials, a POST, a page: never kept
        java.util.List<HttpResponse<byte[]>> kept = new java.util.ArrayList<>();
        kept.add(get("/api/v1/certificates/ZF00000000"));
        kept.add(get("/api/v1/mediation/status?number=TJ-2026-000001&code=ABCDEFGH"));
        kept.add(get("/api/v1/self-check/report"));
        kept.add(get("/api/v1/risk-points/no-such-entry"));
        kept.add(get("/api/v1/agencies?category=nonsense"));
        kept.add(get("/api/v1/regulations/search?q=" + q + "&size=oops"));
        kept.add(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/risk-points"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("nobody:wrong".getBytes()))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray()));
        kept.add(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/exemptions/check"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"itemId\":\"" + exemptionId + "\",\"answers\":{}}")).build(),
                HttpResponse.BodyHandlers.ofByteArray()));
        kept.add(get("/risks"));
        // an error the framework raises on a published address (sendError before the status is known): not kept
        HttpResponse<byte[]> notAcceptable = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/risk-points")).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(notAcceptable.statusCode()).isNotEqualTo(200);
        kept.add(notAcceptable);
        for (HttpResponse<byte[]> answer : kept) {
            assertThat(answer.headers().firstValue("Cache-Control")).as(answer.request().method() + " " + answer.uri())
                    .hasValueSatisfying(v -> assertThat(v).contains("no-store").doesNotContain("public"));
        }
    }

    @Test
    void pages_files_and_the_api_carry_the_referrer_permissions_and_content_security_policies() throws Exception {
        java.util.List<HttpResponse<byte[]>> answers = new java.util.ArrayList<>();
        for (String path : new String[] {"/", "/login", "/staff", "/no-such-page", "/VAADIN/themes/portal/styles.css",
                "/icons/favicon.svg", "/api/v1/agencies", "/api/v1/nothing", "/actuator/health"}) {
            answers.add(get(path));
        }
        answers.add(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/exemptions/check"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{")).build(),
                HttpResponse.BodyHandlers.ofByteArray()));
        for (HttpResponse<byte[]> answer : answers) {
            String what = answer.request().method() + " " + answer.uri() + " " + answer.statusCode();
            // a link to another site names the portal, never the page (a case number, a search)
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(what).hasValue("strict-origin-when-cross-origin");
            assertThat(answer.headers().firstValue("Permissions-Policy")).as(what).hasValueSatisfying(policy ->
                    assertThat(policy).contains("camera=()", "microphone=()", "geolocation=()", "payment=()"));
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            // nothing from another site, no plug-ins, no framing (the browser tests fail on any violation)
            assertThat(answer.headers().firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(policy ->
                    assertThat(policy).contains("default-src 'self'", "connect-src 'self'", "object-src 'none'",
                            "frame-ancestors 'none'", "form-action 'self'"));
        }
    }

    private static void assertShell(HttpResponse<byte[]> page, String lang, String title) {
        assertThat(page.statusCode()).isEqualTo(200);
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(new String(page.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(html.selectFirst("html").attr("lang")).as(page.uri().toString()).isEqualTo(lang);
        assertThat(html.title()).as(page.uri().toString()).isEqualTo(title);
    }
}
