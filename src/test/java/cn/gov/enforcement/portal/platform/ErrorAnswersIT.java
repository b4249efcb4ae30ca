package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The answers no page or endpoint writes, over a plain socket (an HTTP client would mend or refuse these addresses):
 * the portal's page in the reader's language or the API's JSON, always with the security headers; a doubled slash
 * sent on; a file request that opens no session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorAnswersIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** An answer as it came over the wire. */
    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private Answer send(String method, String path, String... headers) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(bytes);
            String raw = bytes.toString(StandardCharsets.ISO_8859_1);
            int end = raw.indexOf("\r\n\r\n");
            String[] lines = raw.substring(0, end).split("\r\n");
            Map<String, String> parsed = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                // several Set-Cookie lines are joined: only their presence matters here
                parsed.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip(), (a, b) -> a + "\n" + b);
            }
            byte[] body = raw.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
            if ("chunked".equalsIgnoreCase(parsed.get("transfer-encoding"))) {
                body = unchunk(body);
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), parsed, new String(body, StandardCharsets.UTF_8));
        }
    }

    /** The body of a chunked answer (none for a HEAD request). */
    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int eol = at;
            while (eol + 1 < chunked.length && !(chunked[eol] == '\r' && chunked[eol + 1] == '\n')) {
                eol++;
            }
            int size = Integer.parseInt(new String(chunked, at, eol - at, StandardCharsets.ISO_8859_1).strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, eol + 2, size);
            at = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static void assertSecurityHeaders(Answer answer, String what) {
        assertThat(answer.header("Content-Security-Policy")).as(what).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(answer.header("X-Frame-Options")).as(what).isEqualTo("DENY");
        assertThat(answer.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(answer.header("Referrer-Policy")).as(what).isEqualTo(SecurityHeaders.REFERRER_POLICY);
        assertThat(answer.header("Permissions-Policy")).as(what).isEqualTo(SecurityHeaders.PERMISSIONS_POLICY);
    }

    private static void assertPage(Answer answer, int status, String lang, String title, String what) {
        assertThat(answer.status()).as(what).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(what).startsWith("text/html");
        assertThat(answer.body()).as(what).contains("<html lang=\"" + lang + "\"", "<h1>" + title + "</h1>",
                        "<header id=\"error-site\"><a href=\"/") // the portal's name above, linking home
                .doesNotContain("Whitelabel", "HTTP Status", "Tomcat", "Exception");
        assertSecurityHeaders(answer, what);
        assertThat(answer.header("Set-Cookie")).as(what + ": no session for an error").isNull();
    }

    @Test
    void an_address_the_firewall_refuses_gets_the_portals_400_page_in_the_readers_language() throws Exception {
        for (String path : new String[] {"/regulations/%2e%2e", "/staff;jsessionid=1", "/risks/%2e%2e/x"}) {
            assertPage(send("GET", path), 400, "zh-CN", "无法识别这个网址", path);
        }
        assertPage(send("GET", "/regulations/%2e%2e", "Cookie: portal-lang=en"), 400, "en",
                "This address cannot be read", "the language cookie");
        assertPage(send("GET", "/regulations/%2e%2e?lang=zh-TW"), 400, "zh-TW", "無法識別這個網址", "?lang=");
        // the pages do not follow Accept-Language, nor does their error page
        assertPage(send("GET", "/staff;jsessionid=1", "Accept-Language: en"), 400, "zh-CN", "无法识别这个网址",
                "Accept-Language");
        assertPage(send("POST", "//login", "Content-Length: 0"), 400, "zh-CN", "无法识别这个网址", "a POST with //");
    }

    @Test
    void a_doubled_slash_is_sent_on_to_the_address_with_single_slashes() throws Exception {
        Answer risks = send("GET", "//risks?lang=en");
        assertThat(risks.status()).isEqualTo(301);
        assertThat(risks.header("Location")).isEqualTo("/risks?lang=en");
        assertSecurityHeaders(risks, "a redirect");
        assertThat(send("HEAD", "/regulations//3").header("Location")).isEqualTo("/regulations/3");
        Answer api = send("GET", "/api/v1//risk-points");
        assertThat(api.status()).isEqualTo(301);
        assertThat(api.header("Location")).isEqualTo("/api/v1/risk-points");
        // still refused with single slashes: no redirect to it
        assertThat(send("GET", "//regulations/%2e%2e").status()).isEqualTo(400);
    }

    @Test
    void under_the_api_the_refusal_is_the_apis_json_with_the_security_headers() throws Exception {
        for (String path : new String[] {"/api/v1/%2e%2e", "/api/v1/risk-points;x=1", "/api/v1/x%00"}) {
            Answer answer = send("GET", path, "Accept-Language: en");
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(path).startsWith("application/json");
            assertThat(answer.body()).as(path).contains("\"error\":\"bad_request\"", "The request cannot be read.");
            assertSecurityHeaders(answer, path);
        }
    }

    @Test
    void addresses_tomcat_refuses_get_the_portals_page_with_the_security_headers() throws Exception {
        for (String path : new String[] {"/%", "/x%00", "/a%2fb"}) {
            assertPage(send("GET", path), 400, "zh-CN", "无法识别这个网址", path);
        }
        assertPage(send("GET", "/a%2fb", "Cookie: other=1; portal-lang=en"), 400, "en", "This address cannot be read",
                "the cookie, read without the application");
    }

    @Test
    void the_error_page_opened_directly_is_an_address_of_no_page() throws Exception {
        Answer error = send("GET", "/error", "Accept: application/json");
        assertPage(error, 404, "zh-CN", "没有找到这个页面", "/error");
        assertThat(error.body()).doesNotContain("999", "None");
        assertPage(send("GET", "/error?lang=en"), 404, "en", "Page not found", "/error in English");
    }

    /** GET and HEAD of each path answer 404 with the not-found page and the security headers, and open no session. */
    private void assertNotThereWithoutSession(String... paths) throws Exception {
        for (String path : paths) {
            for (String method : new String[] {"GET", "HEAD"}) {
                Answer answer = send(method, path);
                assertThat(answer.status()).as(method + " " + path).isEqualTo(404);
                assertThat(answer.header("Set-Cookie")).as(method + " " + path).isNull();
                assertSecurityHeaders(answer, method + " " + path);
                if (method.equals("GET")) {
                    assertThat(answer.body()).as(path).contains("没有找到这个页面").doesNotContain("Whitelabel", "timestamp");
                }
            }
        }
    }

    @Test
    void a_missing_file_answers_404_without_opening_a_session() throws Exception {
        assertNotThereWithoutSession("/icons/icon.png", "/images/x.png", "/VAADIN/", "/VAADIN/nothing",
                "/VAADIN/build/nothing-Zz9Zz9Zz.js", "/wp-login.php", "/apple-touch-icon.png");
        // a file that is there is still served, and a page still opens its session
        Answer icon = send("GET", "/icons/favicon.svg");
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.body()).contains("<svg");
        assertThat(send("GET", "/risks").header("Set-Cookie")).contains("JSESSIONID");
    }

    @Test
    void a_file_s_name_where_a_page_takes_an_id_answers_404_without_opening_a_session() throws Exception {
        assertNotThereWithoutSession("/risks/x.png", "/agencies/a.js", "/regulations/1.css", "/exemptions/logo.svg",
                "/discretion/a.map", "/mediation/track/document/a.txt", "/risks/ee-rp-eia-before-construction.json",
                // staff pages: not sent to the sign-in either (which kept the address in a new session)
                "/staff/agency/a.css", "/staff/lists/edit/exemptions/x.xml", "/staff/lists/history/x.woff2");
        assertPage(send("GET", "/agencies/a.js?lang=en"), 404, "en", "Page not found", "in the reader's language");
        // the portal's own files with such an extension are served, without a session
        for (String path : new String[] {"/robots.txt", "/sitemap.xml", "/sitemap/portal.xml", "/api/v1/openapi.yaml",
                "/favicon.ico", "/icons/favicon.svg"}) {
            Answer answer = send("GET", path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.header("Set-Cookie")).as(path).isNull();
        }
        // the pages of real ids still open, with their session
        for (String path : new String[] {"/risks/ee-rp-eia-before-construction", "/agencies/sample-ecology-environment"}) {
            Answer answer = send("GET", path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.header("Set-Cookie")).as(path).contains("JSESSIONID");
        }
    }

    @Test
    void no_id_a_page_takes_ends_in_the_extension_of_a_file() {
        // agencies and list entries by their slugs, regulations by their numbers: none is taken for a file
        List<String> ids = new ArrayList<>(jdbc.queryForList("select id from agency", String.class));
        ids.addAll(jdbc.queryForList("select id from lists_entry", String.class));
        ids.addAll(jdbc.queryForList("select cast(id as varchar(20)) from regulation_document", String.class));
        assertThat(ids).isNotEmpty();
        assertThat(ids).noneMatch(id -> FileRequestsWithoutSession.FILE.matcher("/x/" + id).matches());
        assertThat(FileRequestsWithoutSession.FILE.matcher("/risks/x.png").matches()).isTrue();
    }
}
