package cn.gov.enforcement.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.IntegrationTest;
import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.account.Role;
import cn.gov.enforcement.portal.testsupport.StaffAccounts;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The first answer of a staff page of one entry, over HTTP as an officer signed in: 404 for a number or id of no
 * entry, and the same for another agency's, so that the status tells nothing the page does not; 200 for the officer's
 * own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffPagesNotFoundStatusIT extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** An officer of the traffic police, signed in, with a password of their own (no change asked for). */
    private String signedInOfficer() throws Exception {
        return signedIn("status-officer", Role.OFFICER);
    }

    /** A staff member of the traffic police with that role, signed in; the session cookie. */
    private String signedIn(String username, Role role) throws Exception {
        String password = StaffAccounts.createOrResetAsAdmin(accounts, new AccountService.NewUser(username,
                "状态示例", role, "sample-traffic-police"));
        jdbc.update("update portal_user set must_change_password = false where username = ?", username);
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.headers().firstValue("Location")).get().asString().endsWith("/staff");
        return signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.split(";", 2)[0]).reduce((first, last) -> last).orElseThrow();
    }

    private int status(String path, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Cookie", cookie)
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void a_staff_page_of_no_entry_of_the_officers_agency_answers_404_and_of_one_200() throws Exception {
        String cookie = signedInOfficer();

        for (String path : new String[] {"/staff/rating/PJ-2099-999999", "/staff/guidance/document/ZD-2099-999999",
                "/staff/mediation/case/TJ-2099-999999", "/staff/mediation/letter/AAAAAAAAAAAA",
                "/staff/agency/no-such-agency",
                // another agency's page: the same answer as an unknown one's
                "/staff/agency/sample-ecology-environment"}) {
            assertThat(status(path, cookie)).as(path).isEqualTo(404);
        }
        for (String path : new String[] {"/staff/agency/sample-traffic-police", "/staff/agency", "/staff/ratings",
                "/staff"}) {
            assertThat(status(path, cookie)).as(path).isEqualTo(200);
        }
    }

    @Test
    void the_agency_form_of_another_agency_answers_404_like_an_unknown_one() throws Exception {
        String cookie = signedIn("status-editor", Role.EDITOR);
        for (String path : new String[] {"/staff/agency/edit/no-such-agency", "/staff/agency/edit/sample-ecology-environment"}) {
            assertThat(status(path, cookie)).as(path).isEqualTo(404);
        }
        // the audit log is no agency's page (no agency "audit"), whatever agency its address names
        for (String path : new String[] {"/staff/agency/edit/sample-traffic-police", "/staff/agency/edit",
                "/staff/agency/audit", "/staff/agency/audit?agency=sample-ecology-environment"}) {
            assertThat(status(path, cookie)).as(path).isEqualTo(200);
        }
    }

    @Test
    void the_list_entry_pages_of_another_agencys_entry_answer_404_like_an_unknown_one() throws Exception {
        String cookie = signedIn("status-editor", Role.EDITOR);
        for (String path : new String[] {"/staff/lists/edit/exemptions/ee-ex-first-dust-cover",
                "/staff/lists/edit/exemptions/no-such-entry", "/staff/lists/edit/no-such-kind/tp-ex-clean-record-parking",
                // the entry's list is part of its address
                "/staff/lists/edit/risk-points/tp-ex-clean-record-parking",
                "/staff/lists/history/ee-ex-first-dust-cover", "/staff/lists/history/no-such-entry",
                "/staff/lists/preview/ee-ex-first-dust-cover", "/staff/lists/preview/tp-ex-clean-record-parking?version=999",
                "/staff/lists/preview/tp-ex-clean-record-parking?version=x"}) {
            assertThat(status(path, cookie)).as(path).isEqualTo(404);
        }
        for (String path : new String[] {"/staff/lists/edit/exemptions/tp-ex-clean-record-parking",
                "/staff/lists/edit/exemptions", "/staff/lists/edit/risk-points/tp-rp-drink-driving",
                "/staff/lists/history/tp-ex-clean-record-parking", "/staff/lists/preview/tp-ex-clean-record-parking"}) {
            assertThat(status(path, cookie)).as(path).isEqualTo(200);
        }
    }

    @Test
    void a_document_of_no_case_or_of_no_kind_answers_404() throws Exception {
        String cookie = signedInOfficer();
        for (String path : new String[] {"/staff/mediation/document/TJ-2099-999999/AGREEMENT",
                "/staff/mediation/document/TJ-2099-999999/NO_SUCH_KIND"}) {
            assertThat(status(path, cookie)).as(path).isEqualTo(404);
        }
    }
}
