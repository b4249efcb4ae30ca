package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.platform.SlidingWindowLimiter;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Sliding one-minute window of certificate checks per client key (session id or IP address), so
 * that nobody can walk through all certificate numbers. A check stops counting one minute after it
 * was made.
 */
@Component
class CertificateThrottle {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final SlidingWindowLimiter limiter;

    CertificateThrottle(Clock clock, AgencySettings settings) {
        this.limiter = new SlidingWindowLimiter(settings.certificateChecksPerMinute(), WINDOW, clock,
                SlidingWindowLimiter.Boundary.EXCLUSIVE);
    }

    /** Records a check and returns true, or returns false when the client used up its minute. */
    boolean tryAcquire(String clientKey) {
        // a missing key is one shared client here, not a trusted caller
        return limiter.tryAcquire(clientKey == null ? "" : clientKey);
    }
}
