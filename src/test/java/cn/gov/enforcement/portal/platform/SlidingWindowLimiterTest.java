package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.platform.SlidingWindowLimiter.Boundary;
import cn.gov.enforcement.portal.testsupport.AtOnce;
import cn.gov.enforcement.portal.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SlidingWindowLimiterTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T09:00:00Z"));

    private SlidingWindowLimiter limiter(int limit, Boundary boundary) {
        return new SlidingWindowLimiter(limit, WINDOW, clock, boundary);
    }

    @Test
    void try_acquire_counts_allowed_events_only_and_lets_the_client_through_again_as_the_window_slides() {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(2, WINDOW, clock);
        assertThat(limiter.tryAcquire("a")).isTrue();
        clock.advance(Duration.ofMinutes(4));
        assertThat(limiter.tryAcquire("a")).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire("a")).as("refused attempts are not counted").isFalse();
        }
        assertThat(limiter.tryAcquire("b")).as("clients are counted apart").isTrue();
        clock.advance(Duration.ofMinutes(6).plusNanos(1));
        assertThat(limiter.tryAcquire("a")).as("the first event left the window").isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
    }

    @Test
    void allows_answers_without_counting() {
        SlidingWindowLimiter limiter = limiter(2, Boundary.INCLUSIVE);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.allows("a")).isTrue();
        }
        assertThat(limiter.clientsHeld()).as("asking keeps nothing in memory").isZero();
        limiter.record("a");
        assertThat(limiter.allows("a")).isTrue();
        limiter.record("a");
        assertThat(limiter.allows("a")).isFalse();
        assertThat(limiter.allows("b")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
    }

    @Test
    void record_counts_even_beyond_the_limit_and_the_client_waits_until_enough_events_left_the_window() {
        SlidingWindowLimiter limiter = limiter(2, Boundary.EXCLUSIVE);
        limiter.record("a");
        clock.advance(Duration.ofMinutes(1));
        limiter.record("a");
        limiter.record("a");
        assertThat(limiter.allows("a")).isFalse();
        clock.advance(Duration.ofMinutes(9));
        assertThat(limiter.allows("a")).as("two events still in the window").isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.allows("a")).isTrue();
    }

    @Test
    void the_boundary_decides_whether_an_event_counts_exactly_one_window_later() {
        SlidingWindowLimiter inclusive = limiter(1, Boundary.INCLUSIVE);
        SlidingWindowLimiter exclusive = limiter(1, Boundary.EXCLUSIVE);
        assertThat(inclusive.tryAcquire("a")).isTrue();
        assertThat(exclusive.tryAcquire("a")).isTrue();
        clock.advance(WINDOW.minusNanos(1));
        assertThat(inclusive.allows("a")).isFalse();
        assertThat(exclusive.allows("a")).isFalse();
        clock.advance(Duration.ofNanos(1));
        assertThat(inclusive.allows("a")).isFalse();
        assertThat(exclusive.allows("a")).isTrue();
        clock.advance(Duration.ofNanos(1));
        assertThat(inclusive.allows("a")).isTrue();
        assertThat(new SlidingWindowLimiter(1, WINDOW, clock).allows("never-seen")).isTrue();
    }

    @Test
    void retry_after_is_zero_when_allowed_and_otherwise_the_time_until_the_oldest_event_leaves() {
        SlidingWindowLimiter exclusive = limiter(2, Boundary.EXCLUSIVE);
        SlidingWindowLimiter inclusive = limiter(2, Boundary.INCLUSIVE);
        assertThat(exclusive.retryAfter("a")).isZero();
        exclusive.record("a");
        inclusive.record("a");
        assertThat(exclusive.retryAfter("a")).isZero();
        clock.advance(Duration.ofMinutes(3));
        exclusive.record("a");
        inclusive.record("a");
        clock.advance(Duration.ofMinutes(1));
        assertThat(exclusive.retryAfter("a")).isEqualTo(Duration.ofMinutes(6));
        assertThat(inclusive.retryAfter("a")).isEqualTo(Duration.ofMinutes(6).plusNanos(1));
        assertThat(exclusive.retryAfter("b")).isZero();

        clock.advance(Duration.ofMinutes(6));
        assertThat(exclusive.retryAfter("a")).isZero();
        assertThat(inclusive.retryAfter("a")).isEqualTo(Duration.ofNanos(1));
        assertThat(exclusive.tryAcquire("a")).as("asking counted nothing").isTrue();
    }

    @Test
    void a_limit_below_one_allows_nothing() {
        SlidingWindowLimiter limiter = limiter(0, Boundary.INCLUSIVE);
        assertThat(limiter.allows("a")).isFalse();
        assertThat(limiter.retryAfter("a")).isEqualTo(WINDOW);
        assertThat(limiter.tryAcquire("a")).isFalse();
    }

    @Test
    void a_null_client_is_trusted_never_limited_and_never_counted() {
        SlidingWindowLimiter limiter = limiter(1, Boundary.INCLUSIVE);
        for (int i = 0; i < 5; i++) {
            limiter.record(null);
            assertThat(limiter.tryAcquire(null)).isTrue();
        }
        assertThat(limiter.allows(null)).isTrue();
        assertThat(limiter.retryAfter(null)).isZero();
        limiter.forget(null);
        assertThat(limiter.clientsHeld()).isZero();
    }

    @Test
    void forget_clears_one_client_and_clear_every_client() {
        SlidingWindowLimiter limiter = limiter(1, Boundary.INCLUSIVE);
        limiter.record("a");
        limiter.record("b");
        limiter.forget("a");
        assertThat(limiter.allows("a")).isTrue();
        assertThat(limiter.allows("b")).isFalse();
        limiter.record("a");
        limiter.clear();
        assertThat(limiter.allows("a")).isTrue();
        assertThat(limiter.allows("b")).isTrue();
        assertThat(limiter.clientsHeld()).isZero();
    }

    @Test
    void clients_whose_events_left_the_window_are_dropped() {
        SlidingWindowLimiter limiter = limiter(3, Boundary.EXCLUSIVE);
        limiter.record("a");
        clock.advance(WINDOW);
        assertThat(limiter.allows("a")).isTrue();
        assertThat(limiter.clientsHeld()).as("a client is dropped when it is next used after its window").isZero();

        for (int i = 0; i <= SlidingWindowLimiter.MAX_KEYS; i++) {
            limiter.record("old-" + i);
        }
        assertThat(limiter.clientsHeld()).isEqualTo(SlidingWindowLimiter.MAX_KEYS + 1);
        clock.advance(WINDOW);
        limiter.record("fresh");
        assertThat(limiter.clientsHeld()).as("too many clients: the idle ones are swept out").isEqualTo(1);
        for (int i = 0; i <= SlidingWindowLimiter.MAX_KEYS; i++) {
            limiter.tryAcquire("again-" + i);
        }
        clock.advance(Duration.ofMinutes(1));
        limiter.tryAcquire("fresh");
        assertThat(limiter.clientsHeld()).as("clients with events in the window are kept")
                .isEqualTo(SlidingWindowLimiter.MAX_KEYS + 2);
    }

    @Test
    void concurrent_attempts_on_one_client_never_get_past_the_limit() throws Exception {
        SlidingWindowLimiter limiter = limiter(50, Boundary.INCLUSIVE);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(() -> {
                    int granted = 0;
                    for (int i = 0; i < 100; i++) {
                        if (limiter.tryAcquire("shared")) {
                            granted++;
                        }
                        limiter.forget("other");
                        limiter.record("other");
                    }
                    return granted;
                });
            }
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                total += f.get();
            }
            assertThat(total).isEqualTo(50);
            assertThat(limiter.allows("shared")).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reserve_checks_and_counts_in_one_step_and_release_gives_the_slot_back_once() {
        SlidingWindowLimiter limiter = limiter(2, Boundary.EXCLUSIVE);
        SlidingWindowLimiter.Reservation first = limiter.reserve("a");
        assertThat(first.granted()).isTrue();
        assertThat(first.retryAfter()).isZero();
        clock.advance(Duration.ofMinutes(4));
        assertThat(limiter.reserve("a").granted()).isTrue();
        SlidingWindowLimiter.Reservation refused = limiter.reserve("a");
        assertThat(refused.granted()).isFalse();
        assertThat(refused.retryAfter()).as("until the first event leaves").isEqualTo(Duration.ofMinutes(6));
        refused.release();
        assertThat(limiter.allows("a")).as("a refused reservation counted nothing and gives nothing back").isFalse();

        first.release();
        first.release();
        assertThat(limiter.reserve("a").granted()).as("the slot given back is free again").isTrue();
        assertThat(limiter.reserve("a").granted()).as("a second release gives back nothing more").isFalse();

        SlidingWindowLimiter.Reservation trusted = limiter.reserve(null);
        assertThat(trusted.granted()).isTrue();
        trusted.release();
        assertThat(limiter.clientsHeld()).as("a trusted caller is never counted").isEqualTo(1);
    }

    @Test
    void a_release_after_its_event_left_the_window_takes_nothing_from_later_events() {
        SlidingWindowLimiter limiter = limiter(1, Boundary.EXCLUSIVE);
        SlidingWindowLimiter.Reservation old = limiter.reserve("a");
        clock.advance(WINDOW);
        assertThat(limiter.reserve("a").granted()).isTrue();
        old.release();
        assertThat(limiter.reserve("a").granted()).isFalse();
        assertThat(limiter.retryAfter("a")).isEqualTo(WINDOW);
    }

    @Test
    void concurrent_reservations_on_one_client_never_hold_more_than_the_limit_and_admit_exactly_the_limit() throws Exception {
        int limit = 10;
        int threads = 16;
        SlidingWindowLimiter limiter = limiter(limit, Boundary.EXCLUSIVE);
        // first every thread takes slots and gives them back, as operations refused after their check do
        AtomicInteger held = new AtomicInteger();
        AtomicInteger mostHeld = new AtomicInteger();
        int churned = AtOnce.sum(threads, t -> {
            int granted = 0;
            for (int i = 0; i < 500; i++) {
                SlidingWindowLimiter.Reservation r = limiter.reserve("shared");
                if (r.granted()) {
                    granted++;
                    mostHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
                    held.decrementAndGet();
                    r.release();
                }
            }
            return granted;
        });
        assertThat(churned).as("slots given back are taken again").isGreaterThan(limit);
        assertThat(mostHeld.get()).isLessThanOrEqualTo(limit);
        assertThat(limiter.allows("shared")).as("every slot was given back").isTrue();

        // then every thread reserves at once and keeps what it got: exactly the limit is admitted
        int admitted = AtOnce.sum(threads, t -> {
            int granted = 0;
            for (int i = 0; i < 5; i++) {
                if (limiter.reserve("shared").granted()) {
                    granted++;
                }
            }
            return granted;
        });
        assertThat(admitted).isEqualTo(limit);
        assertThat(limiter.allows("shared")).isFalse();
    }
}
