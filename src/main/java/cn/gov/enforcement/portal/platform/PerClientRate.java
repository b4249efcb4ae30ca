package cn.gov.enforcement.portal.platform;

import java.time.Clock;
import java.time.Duration;

/**
 * At most a number of requests per client key per minute, for public requests whose cost is in the server's work
 * (a search that embeds its question, a spreadsheet of a whole list); 0 means no limit. Kept in memory, like the
 * portal's other throttles. A null key is a trusted caller and never limited.
 */
public final class PerClientRate {

    private final Clock clock;
    private volatile SlidingWindowLimiter limiter;
    private volatile int perMinute;

    public PerClientRate(int perMinute, Clock clock) {
        this.clock = clock;
        limit(perMinute);
    }

    /**
     * Counts one request of the client and answers zero when it may run, else how long the client has to wait (the
     * request is then not counted).
     */
    public Duration acquire(String client) {
        SlidingWindowLimiter.Reservation slot = reserve(client);
        return slot.granted() ? Duration.ZERO : slot.retryAfter();
    }

    /**
     * Counts one request of the client when it may run (a granted reservation, given back with
     * {@link SlidingWindowLimiter.Reservation#release()} when the request is refused for its input after all);
     * otherwise a refused one saying how long to wait.
     */
    public SlidingWindowLimiter.Reservation reserve(String client) {
        SlidingWindowLimiter current = limiter;
        if (current == null) {
            return SlidingWindowLimiter.Reservation.TRUSTED;
        }
        return current.reserve(client);
    }

    /** The requests one client may send per minute; 0: no limit. */
    public int perMinute() {
        return perMinute;
    }

    /** Sets the limit anew and forgets what was counted (a negative value counts as 0). */
    public void limit(int requestsPerMinute) {
        this.perMinute = Math.max(0, requestsPerMinute);
        this.limiter = perMinute == 0 ? null
                : new SlidingWindowLimiter(perMinute, Duration.ofMinutes(1), clock, SlidingWindowLimiter.Boundary.EXCLUSIVE);
    }

    /**
     * A wait in whole seconds, rounded up: the oldest request stops counting only at the end of its minute, so a
     * client told 59 s for a wait of 59.6 s would be refused once more.
     */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
