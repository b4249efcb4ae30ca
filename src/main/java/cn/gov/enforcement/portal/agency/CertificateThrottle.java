package cn.gov.enforcement.portal.agency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Sliding one-minute window of certificate checks per client key (session id or IP address), so
 * that nobody can walk through all certificate numbers.
 */
@Component
class CertificateThrottle {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_CLIENTS = 100_000;

    private final Clock clock;
    private final int perMinute;
    private final Map<String, Deque<Instant>> checks = new HashMap<>();

    CertificateThrottle(Clock clock, AgencySettings settings) {
        this.clock = clock;
        this.perMinute = settings.certificateChecksPerMinute();
    }

    /** Records a check and returns true, or returns false when the client used up its minute. */
    synchronized boolean tryAcquire(String clientKey) {
        Instant now = clock.instant();
        Instant cutoff = now.minus(WINDOW);
        if (checks.size() > MAX_CLIENTS) {
            evictIdle(cutoff);
        }
        Deque<Instant> times = checks.computeIfAbsent(clientKey == null ? "" : clientKey, k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.pollFirst();
        }
        if (times.size() >= perMinute) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    private void evictIdle(Instant cutoff) {
        for (Iterator<Deque<Instant>> it = checks.values().iterator(); it.hasNext();) {
            Deque<Instant> times = it.next();
            if (times.isEmpty() || !times.peekLast().isAfter(cutoff)) {
                it.remove();
            }
        }
    }
}
