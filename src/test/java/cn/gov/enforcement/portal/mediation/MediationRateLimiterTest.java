package cn.gov.enforcement.portal.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.mediation.MediationRateLimiter.Kind;
import cn.gov.enforcement.portal.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MediationRateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
    private final MediationSettings settings = new MediationSettings(null, null, null, null, null, null, null, null, null,
            null, null, 3, 5, Duration.ofMinutes(30), null, null);
    private final MediationRateLimiter limiter = new MediationRateLimiter(clock, settings);

    @Test
    void a_client_is_stopped_after_the_limit_within_the_window_and_let_through_again_after_it() {
        for (int i = 0; i < 3; i++) {
            limiter.check(Kind.SUBMISSION, "203.0.113.1");
            limiter.record(Kind.SUBMISSION, "203.0.113.1");
            clock.advance(Duration.ofMinutes(1));
        }
        assertThatThrownBy(() -> limiter.check(Kind.SUBMISSION, "203.0.113.1"))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(27));
                    assertThat(e.retryAfterMinutes()).isEqualTo(27);
                });
        // other clients and the other kind are counted apart
        assertThatCode(() -> limiter.check(Kind.SUBMISSION, "203.0.113.2")).doesNotThrowAnyException();
        assertThatCode(() -> limiter.check(Kind.CODE_GUESS, "203.0.113.1")).doesNotThrowAnyException();

        clock.advance(Duration.ofMinutes(27));
        assertThatCode(() -> limiter.check(Kind.SUBMISSION, "203.0.113.1")).doesNotThrowAnyException();
    }

    @Test
    void an_event_stops_counting_exactly_one_window_after_it_and_checking_counts_nothing() {
        for (int i = 0; i < 10; i++) {
            limiter.check(Kind.SUBMISSION, "203.0.113.3");
        }
        for (int i = 0; i < 3; i++) {
            limiter.record(Kind.SUBMISSION, "203.0.113.3");
        }
        clock.advance(Duration.ofMinutes(30).minusNanos(1));
        assertThatThrownBy(() -> limiter.check(Kind.SUBMISSION, "203.0.113.3"))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofNanos(1)));
        clock.advance(Duration.ofNanos(1));
        assertThatCode(() -> limiter.check(Kind.SUBMISSION, "203.0.113.3")).doesNotThrowAnyException();
    }

    @Test
    void beyond_the_limit_the_wait_is_until_the_oldest_event_leaves_and_reset_forgets_everything() {
        limiter.record(Kind.CODE_GUESS, "198.51.100.9");
        clock.advance(Duration.ofMinutes(10));
        for (int i = 0; i < 6; i++) {
            limiter.record(Kind.CODE_GUESS, "198.51.100.9");
        }
        assertThatThrownBy(() -> limiter.check(Kind.CODE_GUESS, "198.51.100.9"))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(20)));
        limiter.record(Kind.SUBMISSION, "198.51.100.9");
        limiter.record(Kind.SUBMISSION, "198.51.100.9");
        limiter.record(Kind.SUBMISSION, "198.51.100.9");
        limiter.reset();
        assertThatCode(() -> limiter.check(Kind.CODE_GUESS, "198.51.100.9")).doesNotThrowAnyException();
        assertThatCode(() -> limiter.check(Kind.SUBMISSION, "198.51.100.9")).doesNotThrowAnyException();
    }

    @Test
    void code_guesses_have_their_own_limit_and_trusted_callers_are_not_limited() {
        for (int i = 0; i < 5; i++) {
            limiter.record(Kind.CODE_GUESS, "198.51.100.7");
        }
        assertThatThrownBy(() -> limiter.check(Kind.CODE_GUESS, "198.51.100.7")).isInstanceOf(RateLimitedException.class);
        for (int i = 0; i < 50; i++) {
            limiter.record(Kind.CODE_GUESS, null);
        }
        assertThatCode(() -> limiter.check(Kind.CODE_GUESS, null)).doesNotThrowAnyException();
    }

    @Test
    void evidence_files_and_drafts_have_limits_of_their_own() {
        int uploads = 3 * settings.evidenceMaxFiles();
        for (int i = 0; i < uploads; i++) {
            limiter.check(Kind.UPLOAD, "203.0.113.20");
            limiter.record(Kind.UPLOAD, "203.0.113.20");
        }
        assertThatThrownBy(() -> limiter.check(Kind.UPLOAD, "203.0.113.20")).isInstanceOf(RateLimitedException.class);
        assertThatCode(() -> limiter.check(Kind.DRAFT, "203.0.113.20")).doesNotThrowAnyException();
        for (int i = 0; i < MediationRateLimiter.DRAFTS_PER_WINDOW; i++) {
            limiter.record(Kind.DRAFT, "203.0.113.21");
        }
        assertThatThrownBy(() -> limiter.check(Kind.DRAFT, "203.0.113.21")).isInstanceOf(RateLimitedException.class);
        assertThatCode(() -> limiter.check(Kind.UPLOAD, "203.0.113.21")).doesNotThrowAnyException();
        limiter.reset();
        assertThatCode(() -> limiter.check(Kind.UPLOAD, "203.0.113.20")).doesNotThrowAnyException();
    }
}
