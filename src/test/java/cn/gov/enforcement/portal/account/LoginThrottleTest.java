package cn.gov.enforcement.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import cn.gov.enforcement.portal.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {


    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));
    private final LoginThrottle throttle =
            new LoginThrottle(clock, new AccountSettings("admin", null, 5, Duration.ofMinutes(15), 12, null));

    @Test
    void five_failures_for_one_user_name_block_further_attempts_until_the_window_has_passed() {
        for (int i = 0; i < 4; i++) {
            failed("Officer1", "10.0.0." + i);
        }
        assertThat(throttle.isBlocked("officer1", "10.0.0.9")).isFalse();
        failed("officer1", "10.0.0.5");
        assertThat(throttle.isBlocked("OFFICER1", "10.0.0.9")).isTrue();
        assertThat(throttle.isBlocked("someone-else", "10.0.0.9")).isFalse();
        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.isBlocked("officer1", "10.0.0.9")).isFalse();
    }

    @Test
    void one_address_guessing_many_user_names_is_blocked_too() {
        for (int i = 0; i < 20; i++) {
            failed("user" + i, "192.0.2.1");
        }
        assertThat(throttle.isBlocked("fresh-user", "192.0.2.1")).isTrue();
        assertThat(throttle.isBlocked("fresh-user", "192.0.2.2")).isFalse();
    }

    @Test
    void a_success_clears_the_failures_of_that_user_name() {
        for (int i = 0; i < 4; i++) {
            failed("editor", "192.0.2.3");
        }
        succeeded("editor");
        failed("editor", "192.0.2.3");
        assertThat(throttle.isBlocked("editor", null)).isFalse();
    }

    @Test
    void a_failure_still_counts_at_the_very_end_of_the_lockout_window() {
        for (int i = 0; i < 5; i++) {
            failed("clerk", null);
        }
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.isBlocked("clerk", null)).isTrue();
        clock.advance(Duration.ofNanos(1));
        assertThat(throttle.isBlocked("clerk", null)).isFalse();
    }

    @Test
    void an_address_gets_four_times_the_failures_of_a_user_name_and_a_success_does_not_clear_it() {
        for (int i = 0; i < 19; i++) {
            failed("name" + i, "192.0.2.7");
        }
        assertThat(throttle.isBlocked("fresh-user", "192.0.2.7")).isFalse();
        succeeded("name0");
        failed("name19", "192.0.2.7");
        assertThat(throttle.isBlocked("fresh-user", "192.0.2.7")).isTrue();
        assertThat(throttle.isBlocked(null, "192.0.2.7")).isTrue();
        assertThat(throttle.isBlocked("fresh-user", null)).isFalse();
        succeeded("fresh-user");
        assertThat(throttle.isBlocked("fresh-user", "192.0.2.7")).isTrue();
    }

    @Test
    void checking_counts_nothing_and_blank_names_and_addresses_are_not_counted() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.isBlocked("reader", "192.0.2.8")).isFalse();
            failed(" ", "");
            failed(null, null);
        }
        assertThat(throttle.isBlocked(" ", "")).isFalse();
        assertThat(throttle.isBlocked("reader", "192.0.2.8")).isFalse();
    }

    /** An attempt that ends with a wrong password: it stays counted. */
    private void failed(String username, String address) {
        throttle.begin(username, address);
    }

    /** An attempt with the right password. */
    private void succeeded(String username) {
        LoginThrottle.Attempt attempt = throttle.begin(username, null);
        if (attempt != null) {
            attempt.succeeded();
        } else {
            // the name is blocked: a success is not even tried, as in the provider
            assertThat(throttle.isBlocked(username, null)).isTrue();
        }
    }

    @Test
    void attempts_sent_side_by_side_pass_only_as_many_as_the_limit_and_a_refused_one_counts_nothing() throws Exception {
        int admitted = cn.gov.enforcement.portal.testsupport.AtOnce.count(16,
                i -> throttle.begin("guessed", "198.51.100." + i) != null);
        assertThat(admitted).as("five failures per name, however the attempts interleave").isEqualTo(5);
        // an address blocked refuses without counting against the name it tried
        for (int i = 0; i < 20; i++) {
            failed("name" + i, "192.0.2.9");
        }
        assertThat(throttle.begin("innocent", "192.0.2.9")).isNull();
        assertThat(throttle.lockedFor("innocent")).isZero();
        assertThat(throttle.addressLocked("192.0.2.9")).as("a lock only waiting lifts").isTrue();
        assertThat(throttle.addressLocked("192.0.2.8")).isFalse();
        assertThat(throttle.begin("guessed", "192.0.2.8")).as("the name's lock").isNull();
        assertThat(throttle.addressLocked("192.0.2.8")).as("a name's lock is not the address's").isFalse();
        // an attempt that did not test a password (a disabled account) gives its counts back
        for (int i = 0; i < 5; i++) {
            throttle.begin("disabled-one", "192.0.2.10").notCounted();
        }
        assertThat(throttle.isBlocked("disabled-one", "192.0.2.10")).isFalse();
    }

    @Test
    void the_sign_in_is_told_whether_the_name_or_the_address_is_locked() throws Exception {
        for (boolean address : new boolean[] {false, true}) {
            var request = new org.springframework.mock.web.MockHttpServletRequest("POST", "/login");
            request.setParameter("username", "  somebody ");
            var response = new org.springframework.mock.web.MockHttpServletResponse();
            SignInRefusal.handler().onAuthenticationFailure(request, response,
                    new ThrottledAuthenticationProvider.SignInLockedException(Duration.ofSeconds(61), address));
            SignInRefusal refusal = (SignInRefusal) request.getSession().getAttribute(SignInRefusal.ATTRIBUTE);
            assertThat(refusal).isEqualTo(new SignInRefusal("somebody",
                    address ? SignInRefusal.Kind.ADDRESS_LOCKED : SignInRefusal.Kind.LOCKED, 2));
            assertThat(response.getRedirectedUrl()).isEqualTo("/login?error");
        }
    }

    @Test
    void generated_passwords_are_long_and_differ() {
        String a = AccountService.randomPassword(20);
        String b = AccountService.randomPassword(20);
        assertThat(a).hasSize(20).isNotEqualTo(b);
    }
}
