package cn.gov.enforcement.portal.regulation;

import cn.gov.enforcement.portal.platform.SlidingWindowLimiter;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code portal.regulation.searches-per-minute} article searches per client (the search page and the JSON
 * API together, by {@link cn.gov.enforcement.portal.platform.ClientAddress#key}); 0 switches the limit off. Every
 * search of a new question embeds it on the portal's CPU and asks the node for two ranked lists, so one client
 * sending questions in a loop would otherwise hold the machine. The default is far above what a person types, also
 * for an office whose readers share one address. Kept in memory, like the portal's other throttles.
 */
@Component
public class SearchThrottle {

    private final Clock clock;
    private volatile SlidingWindowLimiter limiter;
    private volatile int perMinute;

    SearchThrottle(@Value("${portal.regulation.searches-per-minute:300}") int perMinute, Clock clock) {
        this.clock = clock;
        limit(perMinute);
    }

    /**
     * Counts one search of the client and answers zero when it may run, else how long the client has to wait
     * (the search is then not counted).
     */
    public Duration acquire(String client) {
        SlidingWindowLimiter current = limiter;
        if (current == null || current.tryAcquire(client)) {
            return Duration.ZERO;
        }
        Duration wait = current.retryAfter(client);
        return wait.isZero() ? Duration.ofSeconds(1) : wait;
    }

    /**
     * A wait in whole seconds, rounded up: the oldest search stops counting only at the end of its minute, so a client
     * told 59 s for a wait of 59.6 s would be refused once more.
     */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** The searches one client may run per minute; 0: no limit. */
    public int perMinute() {
        return perMinute;
    }

    /** Sets the limit anew and forgets what was counted (tests; a negative value counts as 0). */
    void limit(int searchesPerMinute) {
        this.perMinute = Math.max(0, searchesPerMinute);
        this.limiter = perMinute == 0 ? null
                : new SlidingWindowLimiter(perMinute, Duration.ofMinutes(1), clock, SlidingWindowLimiter.Boundary.EXCLUSIVE);
    }
}
