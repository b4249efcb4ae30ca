package cn.gov.enforcement.portal.mediation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Per-client (IP address) limits on submissions and on failed look-ups with a case number and
 * access code, in a sliding window ({@code portal.mediation.rate-window}). Kept in memory: a
 * restart clears the counters, which is acceptable for a throttle. A {@code null} client means a
 * trusted caller inside the application and is not limited.
 */
@Component
public class MediationRateLimiter {

    public enum Kind {
        SUBMISSION,
        CODE_GUESS
    }

    private final Clock clock;
    private final MediationSettings settings;
    private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();

    MediationRateLimiter(Clock clock, MediationSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /** @throws RateLimitedException when the client has used up the limit of this kind */
    public void check(Kind kind, String client) {
        if (client == null) {
            return;
        }
        Deque<Instant> list = events.get(key(kind, client));
        if (list == null) {
            return;
        }
        synchronized (list) {
            prune(list);
            if (list.size() >= limit(kind)) {
                Duration wait = Duration.between(clock.instant(), list.peekFirst().plus(settings.rateWindow()));
                throw new RateLimitedException(wait.isNegative() ? Duration.ZERO : wait);
            }
        }
    }

    /** Counts one event of this kind for the client. */
    public void record(Kind kind, String client) {
        if (client == null) {
            return;
        }
        Deque<Instant> list = events.computeIfAbsent(key(kind, client), k -> new ArrayDeque<>());
        synchronized (list) {
            prune(list);
            list.addLast(clock.instant());
        }
        if (events.size() > 100_000) {
            events.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue());
                    return e.getValue().isEmpty();
                }
            });
        }
    }

    /** Forgets every counter (for tests and after a configuration change). */
    public void reset() {
        events.clear();
    }

    private int limit(Kind kind) {
        return kind == Kind.SUBMISSION ? settings.submissionsPerWindow() : settings.codeGuessesPerWindow();
    }

    private void prune(Deque<Instant> list) {
        Instant cutoff = clock.instant().minus(settings.rateWindow());
        while (!list.isEmpty() && !list.peekFirst().isAfter(cutoff)) {
            list.removeFirst();
        }
    }

    private static String key(Kind kind, String client) {
        return kind.name() + ":" + client;
    }
}
