package cn.gov.enforcement.portal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.IntegrationTest;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import cn.gov.enforcement.portal.testsupport.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import jakarta.servlet.http.HttpSessionEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The account log records every account change and sign-in attempt, only administrators read it, and it expires.
 * The portal's clock stands still in these tests ({@link StoppedClock}), so that a time the portal stamps (a sign-in,
 * the end of a lock) is the test's own {@code clock.instant()} exactly.
 */
@Import(AccountLogIT.StoppedClock.class)
class AccountLogIT extends IntegrationTest {

    /** A clock at the context's start, to the second, that moves only when a test moves it. */
    @TestConfiguration
    static class StoppedClock {

        @Bean
        @Primary
        MutableClock stoppedTestClock() {
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
    }

    @Autowired AccountService accounts;
    @Autowired AccountLog log;
    @Autowired ThrottledAuthenticationProvider authentication;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;
    @Autowired SessionEndLog sessionEnds;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void runAs(String name, String role) {
        cn.gov.enforcement.portal.testsupport.StaffAccounts.runAs(name, role);
    }

    private Authentication signIn(String user, String password, String address) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return authentication.authenticate(token);
    }

    private List<AccountLogEntry> of(String username) {
        runAs("admin", "ADMIN");
        try {
            return log.entries(username, null);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void administrators_changes_are_logged_with_who_did_them_and_a_refused_change_writes_no_entry() {
        runAs("admin", "ADMIN");
        assertThatThrownBy(() -> accounts.create(new AccountService.NewUser("log-officer", "", Role.OFFICER,
                "sample-market-regulation"))).isInstanceOf(ValidationFailure.class);
        assertThat(log.entries("log-officer", null)).as("nothing half-written").isEmpty();
        var created = accounts.create(new AccountService.NewUser("log-officer", "刘示例", Role.OFFICER,
                "sample-market-regulation"));
        long id = created.user().id();
        accounts.update(id, "刘示例", null);
        accounts.update(id, "刘示例改", "liu@scjg.sample.gov.cn");
        accounts.resetPassword(id);
        accounts.setEnabled(id, false);
        accounts.setEnabled(id, false);
        accounts.setEnabled(id, true);

        List<AccountLogEntry> entries = log.entries("LOG-OFFICER", null);
        assertThat(entries).extracting(AccountLogEntry::action).as("newest first; an edit or step that changes nothing"
                + " is not logged").containsExactly(AccountAction.ENABLED, AccountAction.DISABLED,
                AccountAction.PASSWORD_RESET, AccountAction.EDITED, AccountAction.CREATED);
        assertThat(entries).extracting(AccountLogEntry::actor).containsOnly("admin");
        assertThat(entries).extracting(AccountLogEntry::username).containsOnly("log-officer");
        assertThat(entries.get(3).detail()).isEqualTo("displayName email");
        assertThat(entries.get(4).detail()).isEqualTo("OFFICER sample-market-regulation");
        assertThat(entries).allSatisfy(e -> assertThat(e.detail() == null ? "" : e.detail())
                .as("no address or password in the log").doesNotContain("@", created.initialPassword()));
        assertThat(log.entries("log-officer", AccountAction.DISABLED)).hasSize(1);
        assertThat(log.entries(null, AccountAction.INITIAL_ADMIN_CREATED)).extracting(AccountLogEntry::username)
                .as("the first start").contains("admin");
    }

    @Test
    void every_sign_in_attempt_is_logged_with_its_address_and_never_the_password() {
        runAs("admin", "ADMIN");
        var created = accounts.create(new AccountService.NewUser("log-signin", "签到示例", Role.EDITOR,
                "sample-urban-management"));
        SecurityContextHolder.clearContext();

        signIn("LOG-SIGNIN", created.initialPassword(), "192.0.2.41");
        runAs("admin", "ADMIN");
        assertThat(accounts.list()).filteredOn(u -> u.username().equals("log-signin")).singleElement()
                .satisfies(u -> assertThat(u.lastSignInAt().toInstant()).as("user management shows the last sign-in")
                        .isEqualTo(clock.instant()));
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> signIn("log-signin", "wrong-password-1", "192.0.2.42"))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("log-nobody-here", "whatever-it-is", "192.0.2.43"))
                .isInstanceOf(BadCredentialsException.class);
        List<AccountLogEntry> mine = of("log-signin");
        assertThat(mine.get(0)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(AccountAction.SIGN_IN_FAILED);
            assertThat(e.clientAddress()).isEqualTo("192.0.2.42");
            assertThat(e.detail()).isEqualTo("badCredentials");
            assertThat(e.actor()).isNull();
        });
        assertThat(mine.get(1)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(AccountAction.SIGNED_IN);
            assertThat(e.username()).as("the account's own spelling").isEqualTo("log-signin");
            assertThat(e.clientAddress()).isEqualTo("192.0.2.41");
        });
        assertThat(of("log-nobody-here")).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AccountAction.SIGN_IN_FAILED);
            assertThat(e.clientAddress()).isEqualTo("192.0.2.43");
        });
        assertThat(jdbc.queryForObject("select count(*) from account_event where detail like ? or username like ?",
                Integer.class, "%wrong-password-1%", "%wrong-password-1%")).isZero();

        runAs("admin", "ADMIN");
        accounts.setEnabled(created.user().id(), false);
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> signIn("log-signin", created.initialPassword(), "192.0.2.44"))
                .isInstanceOf(DisabledException.class);
        assertThat(of("log-signin").get(0)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(AccountAction.SIGN_IN_FAILED);
            assertThat(e.detail()).isEqualTo("disabled");
        });

        String longName = "x".repeat(300);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn("log-throttled", "wrong-password-2", "192.0.2.45"))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn("log-throttled", "wrong-password-2", "192.0.2.45")).isInstanceOf(LockedException.class);
        assertThat(of("log-throttled").get(0).action()).isEqualTo(AccountAction.SIGN_IN_BLOCKED);
        assertThatThrownBy(() -> signIn(longName, "pw", "192.0.2.46")).isInstanceOf(BadCredentialsException.class);
        assertThat(of("x".repeat(64))).as("an over-long name is cut to its column").hasSize(1);
    }

    @Test
    void an_administrator_lifts_a_sign_in_lock_and_the_person_signs_in_at_once() {
        runAs("admin", "ADMIN");
        var created = accounts.create(new AccountService.NewUser("log-locked", "锁定示例", Role.OFFICER,
                "sample-traffic-police"));
        long id = created.user().id();
        accounts.releaseSignInLock(id);
        assertThat(of("log-locked")).as("an account that is not locked: nothing to lift, nothing written").hasSize(1);
        SecurityContextHolder.clearContext();
        for (int i = 0; i < 5; i++) {
            int attempt = i;
            assertThatThrownBy(() -> signIn("log-locked", "wrong-password-3", "192.0.2.5" + attempt))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn("log-locked", created.initialPassword(), "192.0.2.56"))
                .as("the right password is refused too while locked").isInstanceOf(LockedException.class);

        runAs("log-locked-colleague", "OFFICER");
        assertThatThrownBy(accounts::signInLocks).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.releaseSignInLock(id)).isInstanceOf(AccessDeniedException.class);
        runAs("admin", "ADMIN");
        assertThat(accounts.signInLocks()).as("locked for the lockout after the first failure")
                .containsEntry(id, OffsetDateTime.now(clock).plus(Duration.ofMinutes(15)).plusNanos(1));
        accounts.releaseSignInLock(id);
        assertThat(accounts.signInLocks()).doesNotContainKey(id);
        assertThat(of("log-locked").get(0)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(AccountAction.SIGN_IN_UNLOCKED);
            assertThat(e.actor()).isEqualTo("admin");
        });
        SecurityContextHolder.clearContext();
        assertThat(signIn("log-locked", created.initialPassword(), "192.0.2.57").isAuthenticated()).isTrue();
        assertThatThrownBy(() -> accounts.releaseSignInLock(id)).as("signed out again")
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void a_session_that_ends_without_signing_out_is_logged_once_and_a_sign_out_or_a_visitor_writes_nothing() {
        var authenticated = UsernamePasswordAuthenticationToken.authenticated("log-session", null,
                List.of(new SimpleGrantedAuthority("ROLE_OFFICER")));
        var timedOut = new org.springframework.mock.web.MockHttpSession();
        timedOut.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(authenticated));
        sessionEnds.sessionDestroyed(new HttpSessionEvent(timedOut));
        assertThat(of("log-session")).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AccountAction.SESSION_ENDED);
            assertThat(e.detail()).isEqualTo("timeout");
            assertThat(e.actor()).isNull();
        });

        var signedOut = new org.springframework.mock.web.MockHttpSession();
        signedOut.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(authenticated));
        SessionEndLog.signingOut(signedOut);
        sessionEnds.sessionDestroyed(new HttpSessionEvent(signedOut));
        var visitor = new org.springframework.mock.web.MockHttpSession();
        visitor.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                new org.springframework.security.authentication.AnonymousAuthenticationToken("key", "log-session",
                        List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS")))));
        sessionEnds.sessionDestroyed(new HttpSessionEvent(visitor));
        sessionEnds.sessionDestroyed(new HttpSessionEvent(new org.springframework.mock.web.MockHttpSession()));
        assertThat(of("log-session")).as("a sign-out is written by the sign-out itself").hasSize(1);

        // another context closing (a child context) is not the server stopping: a session ending then timed out
        sessionEnds.onApplicationEvent(new org.springframework.context.event.ContextClosedEvent(
                new org.springframework.context.support.GenericApplicationContext()));
        var afterChild = new org.springframework.mock.web.MockHttpSession();
        afterChild.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(authenticated));
        sessionEnds.sessionDestroyed(new HttpSessionEvent(afterChild));
        assertThat(of("log-session").get(0).detail()).isEqualTo("timeout");

        // sessions ended by a stopping server say so, written as the shutdown begins, while the database is open
        // (the web server expires them only after it is closed); a listener of its own: the shared one must keep running
        SessionEndLog stopping = new SessionEndLog(log);
        var lastOne = new org.springframework.mock.web.MockHttpSession();
        stopping.sessionCreated(new HttpSessionEvent(lastOne));
        lastOne.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(authenticated));
        var gone = new org.springframework.mock.web.MockHttpSession();
        stopping.sessionCreated(new HttpSessionEvent(gone));
        gone.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(authenticated));
        stopping.sessionDestroyed(new HttpSessionEvent(gone));
        assertThat(of("log-session")).as("a timeout before the stop").hasSize(3);
        stopping.onApplicationEvent(new org.springframework.context.event.ContextClosedEvent(
                new org.springframework.context.support.GenericApplicationContext()));
        assertThat(of("log-session")).as("written at the stop, before the session expires").hasSize(4);
        assertThat(of("log-session").get(0).detail()).isEqualTo("serverStopped");
        stopping.sessionDestroyed(new HttpSessionEvent(lastOne));
        assertThat(of("log-session")).as("not twice").hasSize(4);
    }

    @Test
    void a_persons_own_changes_are_logged_and_only_administrators_read_the_log() {
        runAs("admin", "ADMIN");
        var created = accounts.create(new AccountService.NewUser("log-self", "自助示例", Role.OFFICER,
                "sample-traffic-police"));
        runAs("log-self", "OFFICER");
        accounts.changeOwnPassword(created.initialPassword(), "another-long-secret", "another-long-secret");
        accounts.changeOwnEmail("self@jj.sample.gov.cn");
        accounts.changeOwnEmail("self@jj.sample.gov.cn");
        accounts.changeOwnEmail("");
        assertThatThrownBy(() -> log.entries("log-self", null)).isInstanceOf(AccessDeniedException.class);
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> log.entries(null, null)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);

        List<AccountLogEntry> entries = of("log-self");
        assertThat(entries).extracting(AccountLogEntry::action).containsExactly(AccountAction.EMAIL_CHANGED,
                AccountAction.EMAIL_CHANGED, AccountAction.PASSWORD_CHANGED, AccountAction.CREATED);
        assertThat(entries).extracting(AccountLogEntry::detail).startsWith("removed", "set");
        assertThat(entries.get(0).actor()).isEqualTo("log-self");
    }

    @Test
    void entries_older_than_the_retention_are_deleted_and_younger_ones_kept() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String insert = "insert into account_event (occurred_at, action, username, username_key)"
                + " values (?, 'SIGNED_IN', ?, ?)";
        jdbc.update(insert, now.minus(Duration.ofDays(366)), "log-old", "log-old");
        jdbc.update(insert, now.minus(Duration.ofDays(300)), "Log-Younger", "log-younger");
        assertThat(log.purge()).isGreaterThanOrEqualTo(1);
        assertThat(of("log-old")).isEmpty();
        assertThat(of("log-younger")).as("found by the lower-case key whatever the case of the name").hasSize(1);
    }
}
