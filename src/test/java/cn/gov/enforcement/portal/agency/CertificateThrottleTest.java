package cn.gov.enforcement.portal.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import cn.gov.enforcement.portal.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

class CertificateThrottleTest {


    @Test
    void a_client_gets_its_quota_per_minute_and_then_is_refused_until_the_minute_passes() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        CertificateThrottle throttle = new CertificateThrottle(clock, new AgencySettings(3, null));
        assertThat(throttle.acquire("ip:1").isZero()).isTrue();
        assertThat(throttle.acquire("ip:1").isZero()).isTrue();
        assertThat(throttle.acquire("ip:1").isZero()).isTrue();
        assertThat(throttle.acquire("ip:1")).as("the first check leaves the window in a minute")
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.acquire("ip:2").isZero()).as("other clients are not affected").isTrue();
        clock.advance(Duration.ofSeconds(61));
        assertThat(throttle.acquire("ip:1").isZero()).isTrue();
    }

    @Test
    void a_check_stops_counting_exactly_one_minute_after_it_and_a_missing_key_is_one_shared_client() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        CertificateThrottle throttle = new CertificateThrottle(clock, new AgencySettings(2, null));
        assertThat(throttle.acquire("ip:1").isZero()).isTrue();
        clock.advance(Duration.ofSeconds(10));
        assertThat(throttle.acquire("ip:1").isZero()).isTrue();
        clock.advance(Duration.ofSeconds(50).minusNanos(1));
        assertThat(throttle.acquire("ip:1").isZero()).isFalse();
        clock.advance(Duration.ofNanos(1));
        assertThat(throttle.acquire("ip:1").isZero()).as("the first check is exactly one minute old").isTrue();
        assertThat(throttle.acquire("ip:1").isZero()).isFalse();

        assertThat(throttle.acquire(null).isZero()).isTrue();
        assertThat(throttle.acquire(null).isZero()).isTrue();
        assertThat(throttle.acquire(null).isZero()).as("callers without a key share one quota").isFalse();
        assertThat(throttle.acquire("").isZero()).isFalse();
    }

    @Test
    void the_default_is_thirty_checks_per_minute() {
        assertThat(AgencySettings.defaults().certificateChecksPerMinute()).isEqualTo(30);
    }
}
