package cn.gov.enforcement.portal.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CertificateThrottleTest {

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void a_client_gets_its_quota_per_minute_and_then_is_refused_until_the_minute_passes() {
        MutableClock clock = new MutableClock();
        CertificateThrottle throttle = new CertificateThrottle(clock, new AgencySettings(3, null));
        assertThat(throttle.tryAcquire("ip:1")).isTrue();
        assertThat(throttle.tryAcquire("ip:1")).isTrue();
        assertThat(throttle.tryAcquire("ip:1")).isTrue();
        assertThat(throttle.tryAcquire("ip:1")).isFalse();
        assertThat(throttle.tryAcquire("ip:2")).as("other clients are not affected").isTrue();
        clock.now = clock.now.plus(Duration.ofSeconds(61));
        assertThat(throttle.tryAcquire("ip:1")).isTrue();
    }

    @Test
    void the_default_is_thirty_checks_per_minute() {
        assertThat(AgencySettings.defaults().certificateChecksPerMinute()).isEqualTo(30);
    }
}
