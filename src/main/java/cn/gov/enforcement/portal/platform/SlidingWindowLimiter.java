package cn.gov.enforcement.portal.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} events per client key in a sliding window, kept in memory (a restart clears
 * the counters, which is acceptable for a throttle). A null key means a trusted caller and is never
 * limited. Thread-safe.
 */
public final class SlidingWindowLimiter {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();

    public SlidingWindowLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** True when the client may act once more now; the event is then counted. */
    public boolean tryAcquire(String client) {
        if (client == null) {
            return true;
        }
        Deque<Instant> list = events.computeIfAbsent(client, k -> new ArrayDeque<>());
        boolean allowed;
        synchronized (list) {
            prune(list);
            allowed = list.size() < limit;
            if (allowed) {
                list.addLast(clock.instant());
            }
        }
        if (events.size() > 100_000) {
            events.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue());
                    return e.getValue().isEmpty();
                }
            });
        }
        return allowed;
    }

    private void prune(Deque<Instant> list) {
        Instant cutoff = clock.instant().minus(window);
        while (!list.isEmpty() && list.peekFirst().isBefore(cutoff)) {
            list.removeFirst();
        }
    }
}
