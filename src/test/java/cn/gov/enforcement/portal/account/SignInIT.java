package cn.gov.enforcement.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.IntegrationTest;
import cn.gov.enforcement.portal.platform.Translations;
import cn.gov.enforcement.portal.testsupport.MutableClock;
import cn.gov.enforcement.portal.testsupport.StaffAccounts;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The staff sign-in over real HTTP, through the security filters: the throttle counts each attempt once, the sessions
 * the portal ends (password changed, account disabled, timed out) reach the sign-in with their notice, and a sign-in
 * form sent from another site is refused. A context of its own with a clock that moves only when a test moves it: every
 * request comes from one address, whose failures the tests wait out by moving the clock past the lockout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SignInIT.MovableClock.class)
class SignInIT extends IntegrationTest {

    @TestConfiguration
    static class MovableClock {

        @Bean
        @Primary
        MutableClock signInTestClock() {
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
    }

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired AccountLog log;
    @Autowired MutableClock clock;
    @Autowired ApplicationContext context;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void earlierFailuresHaveRunTheirCourse() {
        clock.advance(Duration.ofMinutes(16));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void runAs(String name, String role) {
        cn.gov.enforcement.portal.testsupport.StaffAccounts.runAs(name, role);
    }

    private String account(String username) {
        runAs("test-admin", "ADMIN");
        try {
            return StaffAccounts.createOrReset(accounts, new AccountService.NewUser(username, "登录示例", Role.OFFICER,
                    "sample-traffic-police"));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private long idOf(String username) {
        runAs("test-admin", "ADMIN");
        try {
            return accounts.list().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow().id();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private List<AccountLogEntry> logOf(String username, AccountAction action) {
        runAs("test-admin", "ADMIN");
        try {
            return log.entries(username, action);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private HttpResponse<String> signIn(String username, String password, String... headers) throws Exception {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value the answer sets for a cookie, if it sets it. */
    private static Optional<String> setCookie(HttpResponse<?> answer, String name) {
        return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1).split(";", 2)[0]).reduce((first, last) -> last);
    }

    private static String location(HttpResponse<?> answer) {
        return answer.headers().firstValue("Location").orElse("");
    }

    /** Signs in and returns the session's cookie header. */
    private String signedIn(String username, String password) throws Exception {
        HttpResponse<String> answer = signIn(username, password);
        assertThat(location(answer)).as(answer.statusCode() + " " + location(answer)).endsWith("/staff");
        return "JSESSIONID=" + setCookie(answer, "JSESSIONID").orElseThrow();
    }

    @Test
    void every_wrong_password_counts_once_and_the_name_locks_at_the_fifth() throws Exception {
        // no UserDetailsService bean: Spring Security's warning that the global manager ignores it beside the
        // provider bean is gone, and the one provider runs once per attempt
        assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
        String password = account("signin-count");
        long id = idOf("signin-count");
        for (int i = 1; i <= 4; i++) {
            HttpResponse<String> wrong = signIn("signin-count", "wrong-password-" + i);
            assertThat(location(wrong)).endsWith("/login?error");
            assertThat(logOf("signin-count", AccountAction.SIGN_IN_FAILED)).as("attempt " + i).hasSize(i);
        }
        runAs("test-admin", "ADMIN");
        assertThat(accounts.signInLocks()).as("four failures do not lock").doesNotContainKey(id);
        SecurityContextHolder.clearContext();
        signIn("signin-count", "wrong-password-5");
        assertThat(logOf("signin-count", AccountAction.SIGN_IN_FAILED)).hasSize(5);
        runAs("test-admin", "ADMIN");
        assertThat(accounts.signInLocks()).as("the fifth does").containsKey(id);
        SecurityContextHolder.clearContext();
        HttpResponse<String> locked = signIn("signin-count", password);
        assertThat(location(locked)).endsWith("/login?error");
        assertThat(logOf("signin-count", AccountAction.SIGN_IN_BLOCKED)).hasSize(1);
        assertThat(logOf("signin-count", AccountAction.SIGNED_IN)).isEmpty();
    }

    @Test
    void one_address_is_refused_after_twenty_failures_not_ten() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String name = "signin-address-" + i + "-" + clock.millis();
            names.add(name);
            assertThat(location(signIn(name, "wrong-password"))).endsWith("/login?error");
        }
        for (String name : names) {
            assertThat(logOf(name, null)).as(name).extracting(AccountLogEntry::action)
                    .containsExactly(AccountAction.SIGN_IN_FAILED);
        }
        String another = "signin-address-last-" + clock.millis();
        signIn(another, "wrong-password");
        assertThat(logOf(another, null)).extracting(AccountLogEntry::action).as("the 21st")
                .containsExactly(AccountAction.SIGN_IN_BLOCKED);
    }

    @Test
    void an_administrators_reset_ends_the_sessions_signed_in_before_it() throws Exception {
        String initial = account("signin-reset");
        String before = signedIn("signin-reset", initial);
        assertThat(send("GET", "/staff", before).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        long id = idOf("signin-reset");
        runAs("test-admin", "ADMIN");
        String reset = accounts.resetPassword(id);
        SecurityContextHolder.clearContext();
        clock.advance(Duration.ofSeconds(11)); // past the look-up interval of an open session
        HttpResponse<String> ended = send("GET", "/staff", before);
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(location(ended)).endsWith("/login?passwordChanged");
        assertThat(logOf("signin-reset", AccountAction.SESSION_ENDED)).first()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("passwordChanged"));
        // the old session stays ended; one signed in with the new password goes on
        assertThat(location(send("GET", "/staff", before))).doesNotEndWith("/staff");
        String after = signedIn("signin-reset", reset);
        clock.advance(Duration.ofSeconds(11));
        assertThat(send("GET", "/staff", after).statusCode()).isEqualTo(200);
    }

    @Test
    void a_persons_own_password_change_keeps_this_session_and_ends_the_others() {
        String initial = account("signin-own");
        Instant signedIn = clock.instant();
        var details = new SignInDetails("192.0.2.7", "this-session", signedIn);
        var other = new SignInDetails("192.0.2.8", "other-session", signedIn);
        var token = UsernamePasswordAuthenticationToken.authenticated("signin-own", null,
                List.of(new SimpleGrantedAuthority("ROLE_OFFICER")));
        token.setDetails(details);
        SecurityContextHolder.setContext(new SecurityContextImpl(token));
        clock.advance(Duration.ofSeconds(5));
        accounts.changeOwnPassword(initial, "own-new-secret-77", "own-new-secret-77");
        var renewed = (SignInDetails) SecurityContextHolder.getContext().getAuthentication().getDetails();
        assertThat(renewed.getSessionId()).isEqualTo("this-session");
        assertThat(renewed.signedInAt()).isEqualTo(clock.instant());
        SecurityContextHolder.clearContext();
        assertThat(accounts.sessionState("signin-own", renewed.signedInAt())).isEqualTo(AccountService.SessionState.VALID);
        assertThat(accounts.sessionState("signin-own", other.signedInAt()))
                .isEqualTo(AccountService.SessionState.PASSWORD_CHANGED);
        assertThat(accounts.sessionState("no-such-account", signedIn)).isEqualTo(AccountService.SessionState.DISABLED);
    }

    @Test
    void a_click_in_an_open_page_of_a_disabled_account_and_a_timed_out_session_reach_the_sign_in_with_their_notice()
            throws Exception {
        String password = account("signin-disabled");
        String session = signedIn("signin-disabled", password);
        HttpResponse<String> page = send("GET", "/staff", session);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(setCookie(page, DisabledAccountFilter.COOKIE)).as("the browser notes its staff session").hasValue("1");
        long id = idOf("signin-disabled");
        runAs("test-admin", "ADMIN");
        accounts.setEnabled(id, false);
        SecurityContextHolder.clearContext();
        clock.advance(Duration.ofSeconds(11));
        // a request of the open page (its heartbeat, a click): the session ends, the cookie says why
        HttpResponse<String> click = send("POST", "/?v-r=heartbeat&v-uiId=0", session + "; portal-staff=1");
        assertThat(setCookie(click, DisabledAccountFilter.COOKIE)).hasValue("disabled");
        // the page then reloads, with the ended session
        HttpResponse<String> reload = send("GET", "/staff", session + "; portal-staff=disabled");
        assertThat(location(reload)).endsWith("/login?disabled");
        assertThat(setCookie(reload, DisabledAccountFilter.COOKIE)).as("the notice is given once").hasValue("");

        // a session that timed out (or that the server no longer has): a page that needs an account says so
        HttpResponse<String> expired = send("GET", "/staff/mediation", "JSESSIONID=no-such-session; portal-staff=1");
        assertThat(location(expired)).endsWith("/login?expired");
        // a public page opens as before and forgets the note; without the note, the plain sign-in
        HttpResponse<String> reading = send("GET", "/risks", "JSESSIONID=no-such-session; portal-staff=1");
        assertThat(reading.statusCode()).isEqualTo(200);
        assertThat(setCookie(reading, DisabledAccountFilter.COOKIE)).hasValue("");
        assertThat(location(send("GET", "/staff", "JSESSIONID=no-such-session"))).doesNotContain("expired");
    }

    @Test
    void a_sign_in_form_sent_from_another_site_is_refused() throws Exception {
        String password = account("signin-origin");
        String own = "http://localhost:" + port;
        for (String[] foreign : new String[][] {{"Origin", "https://attacker.example"}, {"Origin", "null"},
                {"Referer", "https://attacker.example/login-csrf.html"}, {"Origin", own + ".attacker.example"},
                {"Origin", "http://localhost:" + (port + 1)}}) {
            HttpResponse<String> refused = signIn("signin-origin", password, foreign);
            assertThat(refused.statusCode()).as(String.join(": ", foreign)).isEqualTo(403);
            assertThat(setCookie(refused, "JSESSIONID")).as("no session").isEmpty();
        }
        assertThat(logOf("signin-origin", null)).extracting(AccountLogEntry::action).as("nothing tried, nothing written")
                .doesNotContain(AccountAction.SIGN_IN_FAILED, AccountAction.SIGNED_IN);
        assertThat(location(signIn("signin-origin", password, "Origin", own))).endsWith("/staff");
        assertThat(location(signIn("signin-origin", password, "Referer", own + "/login?error"))).endsWith("/staff");
        // a client that sends neither (not a browser) is no cross-site request
        assertThat(location(signIn("signin-origin", password))).endsWith("/staff");
    }

    @Test
    void the_language_of_the_last_sign_in_is_the_language_of_the_persons_own_mails() throws Exception {
        String password = account("signin-language");
        assertThat(accounts.mailLanguage("signin-language")).as("before any sign-in").isEqualTo(Translations.ZH_CN);
        assertThat(location(signIn("signin-language", password, "Cookie", "portal-lang=en"))).endsWith("/staff");
        assertThat(accounts.mailLanguage("signin-language")).isEqualTo(Translations.EN);
        assertThat(location(signIn("signin-language", password, "Cookie", "portal-lang=zh-TW"))).endsWith("/staff");
        assertThat(accounts.mailLanguage("signin-language")).isEqualTo(Translations.ZH_TW);
        // a browser that remembers no language signs in on the Simplified Chinese pages
        assertThat(location(signIn("signin-language", password))).endsWith("/staff");
        assertThat(accounts.mailLanguage("signin-language")).isEqualTo(Translations.ZH_CN);
        assertThat(accounts.mailLanguage("nobody-of-that-name")).isEqualTo(Translations.ZH_CN);
    }

    @Test
    void the_session_cookie_is_same_site_lax_and_pages_carry_the_referrer_and_permissions_policies() throws Exception {
        String password = account("signin-cookie");
        HttpResponse<String> answer = signIn("signin-cookie", password);
        assertThat(answer.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement().satisfies(c -> assertThat(c).contains("SameSite=Lax").contains("HttpOnly"));
        HttpResponse<String> page = send("GET", "/login", null);
        assertThat(page.body()).as("Vaadin's sign-in page, not Spring's own form").contains("<html")
                .doesNotContain("Please sign in");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(page.headers().firstValue("Permissions-Policy")).hasValueSatisfying(
                p -> assertThat(p).contains("camera=()", "microphone=()", "geolocation=()"));
    }
}
