package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The per-client search limit and the wait it tells. */
class SearchThrottleTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-05T02:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void a_client_over_the_limit_waits_until_its_oldest_search_leaves_the_minute_told_in_seconds_rounded_up() {
        HandClock clock = new HandClock();
        SearchThrottle throttle = new SearchThrottle(2, clock);
        assertThat(throttle.acquire("203.0.113.7")).isZero();
        clock.now = clock.now.plusMillis(400);
        assertThat(throttle.acquire("203.0.113.7")).isZero();
        Duration wait = throttle.acquire("203.0.113.7");
        assertThat(wait).isEqualTo(Duration.ofMillis(59_600));
        // 59.6 s is told as 60: a client retrying after 59 s would be refused again
        assertThat(SearchThrottle.seconds(wait)).isEqualTo(60);
        assertThat(SearchThrottle.seconds(Duration.ofMillis(200))).isEqualTo(1);
        assertThat(SearchThrottle.seconds(Duration.ofSeconds(60))).isEqualTo(60);
        // another client is not held up; a trusted caller (null) never is
        assertThat(throttle.acquire("203.0.113.8")).isZero();
        assertThat(throttle.acquire(null)).isZero();

        clock.now = clock.now.plusMillis(59_599);
        assertThat(throttle.acquire("203.0.113.7")).as("one millisecond early").isPositive();
        clock.now = clock.now.plusMillis(1);
        assertThat(throttle.acquire("203.0.113.7")).as("the refused searches did not count").isZero();
    }

    @Test
    void zero_switches_the_limit_off() {
        SearchThrottle throttle = new SearchThrottle(0, new HandClock());
        for (int i = 0; i < 1_000; i++) {
            assertThat(throttle.acquire("203.0.113.7")).isZero();
        }
        assertThat(throttle.perMinute()).isZero();
    }
}
