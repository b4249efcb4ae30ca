package cn.gov.enforcement.portal.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.mediation.MediationRateLimiter.Kind;
import cn.gov.enforcement.portal.platform.SlidingWindowLimiter;
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
            limiter.reserve(Kind.SUBMISSION, "203.0.113.1");
            clock.advance(Duration.ofMinutes(1));
        }
        assertThatThrownBy(() -> limiter.reserve(Kind.SUBMISSION, "203.0.113.1"))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(27));
                    assertThat(e.retryAfterMinutes()).isEqualTo(27);
                });
        // other clients and the other kind are counted apart
        assertThatCode(() -> limiter.reserve(Kind.SUBMISSION, "203.0.113.2")).doesNotThrowAnyException();
        assertThatCode(() -> limiter.reserve(Kind.CODE_GUESS, "203.0.113.1")).doesNotThrowAnyException();

        clock.advance(Duration.ofMinutes(27));
        assertThatCode(() -> limiter.reserve(Kind.SUBMISSION, "203.0.113.1")).doesNotThrowAnyException();
    }

    @Test
    void an_event_stops_counting_exactly_one_window_after_it_and_a_refused_attempt_counts_nothing() {
        for (int i = 0; i < 3; i++) {
            limiter.reserve(Kind.SUBMISSION, "203.0.113.3");
        }
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> limiter.reserve(Kind.SUBMISSION, "203.0.113.3")).isInstanceOf(RateLimitedException.class);
        }
        clock.advance(Duration.ofMinutes(30).minusNanos(1));
        assertThatThrownBy(() -> limiter.reserve(Kind.SUBMISSION, "203.0.113.3"))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofNanos(1)));
        clock.advance(Duration.ofNanos(1));
        for (int i = 0; i < 3; i++) {
            assertThatCode(() -> limiter.reserve(Kind.SUBMISSION, "203.0.113.3")).as("the refused attempts left no trace")
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void a_slot_given_back_is_free_again_and_reset_forgets_everything() {
        SlidingWindowLimiter.Reservation first = limiter.reserve(Kind.CODE_GUESS, "198.51.100.9");
        clock.advance(Duration.ofMinutes(10));
        for (int i = 1; i < 5; i++) {
            limiter.reserve(Kind.CODE_GUESS, "198.51.100.9");
        }
        assertThatThrownBy(() -> limiter.reserve(Kind.CODE_GUESS, "198.51.100.9"))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(20)));
        first.release();
        limiter.reserve(Kind.CODE_GUESS, "198.51.100.9");
        assertThatThrownBy(() -> limiter.reserve(Kind.CODE_GUESS, "198.51.100.9"))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).as("the oldest event left is ten minutes younger")
                                .isEqualTo(Duration.ofMinutes(30)));
        for (int i = 0; i < 3; i++) {
            limiter.reserve(Kind.SUBMISSION, "198.51.100.9");
        }
        limiter.reset();
        assertThatCode(() -> limiter.reserve(Kind.CODE_GUESS, "198.51.100.9")).doesNotThrowAnyException();
        assertThatCode(() -> limiter.reserve(Kind.SUBMISSION, "198.51.100.9")).doesNotThrowAnyException();
    }

    @Test
    void code_guesses_have_their_own_limit_and_trusted_callers_are_not_limited() {
        for (int i = 0; i < 5; i++) {
            limiter.reserve(Kind.CODE_GUESS, "198.51.100.7");
        }
        assertThatThrownBy(() -> limiter.reserve(Kind.CODE_GUESS, "198.51.100.7")).isInstanceOf(RateLimitedException.class);
        for (int i = 0; i < 50; i++) {
            assertThat(limiter.reserve(Kind.CODE_GUESS, null).granted()).isTrue();
        }
    }

    @Test
    void evidence_files_and_drafts_have_limits_of_their_own() {
        int uploads = 3 * settings.evidenceMaxFiles();
        for (int i = 0; i < uploads; i++) {
            limiter.reserve(Kind.UPLOAD, "203.0.113.20");
        }
        assertThatThrownBy(() -> limiter.reserve(Kind.UPLOAD, "203.0.113.20")).isInstanceOf(RateLimitedException.class);
        assertThatCode(() -> limiter.reserve(Kind.DRAFT, "203.0.113.20")).doesNotThrowAnyException();
        for (int i = 0; i < MediationRateLimiter.DRAFTS_PER_WINDOW; i++) {
            limiter.reserve(Kind.DRAFT, "203.0.113.21");
        }
        assertThatThrownBy(() -> limiter.reserve(Kind.DRAFT, "203.0.113.21")).isInstanceOf(RateLimitedException.class);
        assertThatCode(() -> limiter.reserve(Kind.UPLOAD, "203.0.113.21")).doesNotThrowAnyException();
        limiter.reset();
        assertThatCode(() -> limiter.reserve(Kind.UPLOAD, "203.0.113.20")).doesNotThrowAnyException();
    }

    @Test
    void the_applicants_messages_are_counted_per_case_and_taken_again_once_the_window_slid_past() {
        int allowed = settings.messagesPerWindow();
        for (int i = 0; i < allowed; i++) {
            limiter.reserve(Kind.MESSAGE, "TJ-2026-000001");
            clock.advance(Duration.ofMinutes(1));
        }
        assertThatThrownBy(() -> limiter.reserve(Kind.MESSAGE, "TJ-2026-000001"))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter())
                        .isEqualTo(settings.rateWindow().minusMinutes(allowed)));
        assertThatCode(() -> limiter.reserve(Kind.MESSAGE, "TJ-2026-000002")).as("another case").doesNotThrowAnyException();
        assertThatCode(() -> limiter.reserve(Kind.CODE_GUESS, "TJ-2026-000001")).doesNotThrowAnyException();
        clock.advance(settings.rateWindow().minusMinutes(allowed));
        assertThatCode(() -> limiter.reserve(Kind.MESSAGE, "TJ-2026-000001")).as("the first message left the window")
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> limiter.reserve(Kind.MESSAGE, "TJ-2026-000001")).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void concurrent_submissions_of_one_client_are_admitted_up_to_the_limit_and_no_further() throws Exception {
        int admitted = cn.gov.enforcement.portal.testsupport.AtOnce.sum(12, t -> {
            try {
                limiter.reserve(Kind.SUBMISSION, "203.0.113.30");
                return 1;
            } catch (RateLimitedException limited) {
                return 0;
            }
        });
        assertThat(admitted).isEqualTo(settings.submissionsPerWindow());
    }
}
