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
 * limited nor counted. Thread-safe: every step on one key is atomic.
 *
 * <p>Callers that count every attempt use {@link #tryAcquire(String)}. Callers that count only some
 * attempts (failed sign-ins, failed look-ups) ask {@link #allows(String)} or {@link #retryAfter(String)}
 * first and {@link #record(String)} the attempts that count afterwards; events recorded that way may
 * exceed the limit.
 *
 * <p>Memory stays bounded: events that left the window are dropped whenever their key is used, and
 * when more than {@value #MAX_KEYS} keys are held, keys without events in the window are dropped.
 */
public final class SlidingWindowLimiter {

    /** Keys held before idle keys are swept out. */
    static final int MAX_KEYS = 100_000;

    /** Whether an event still counts at the instant exactly one window after it. */
    public enum Boundary {
        /** The event still counts at that instant and stops counting right after it (the default). */
        INCLUSIVE,
        /** The event stops counting at that instant. */
        EXCLUSIVE
    }

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Boundary boundary;
    private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();

    /** A limiter whose events count up to and including the end of their window. */
    public SlidingWindowLimiter(int limit, Duration window, Clock clock) {
        this(limit, window, clock, Boundary.INCLUSIVE);
    }

    public SlidingWindowLimiter(int limit, Duration window, Clock clock, Boundary boundary) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.boundary = boundary;
    }

    /** True when the client may act once more now; the event is then counted. */
    public boolean tryAcquire(String client) {
        if (client == null) {
            return true;
        }
        Instant now = clock.instant();
        boolean[] allowed = new boolean[1];
        events.compute(client, (k, list) -> {
            Deque<Instant> current = list == null ? new ArrayDeque<>() : list;
            prune(current, now);
            allowed[0] = current.size() < limit;
            if (allowed[0]) {
                current.addLast(now);
            }
            return current.isEmpty() ? null : current;
        });
        sweepIfLarge(now);
        return allowed[0];
    }

    /** True when the client may act once more now (fewer than limit events in the window); counts nothing. */
    public boolean allows(String client) {
        return retryAfter(client).isZero();
    }

    /**
     * How long the client has to wait before it may act again: zero when it may act now, otherwise
     * the time until its oldest event in the window stops counting (the earliest moment its count
     * goes down; when more than limit events were recorded, more of them must leave first). When
     * nothing has been counted but nothing is allowed either (a limit below one), the window length.
     * Counts nothing.
     */
    public Duration retryAfter(String client) {
        if (client == null) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        Duration[] wait = {null};
        events.computeIfPresent(client, (k, list) -> {
            prune(list, now);
            wait[0] = list.size() < limit ? Duration.ZERO : untilOldestLeaves(list, now);
            return list.isEmpty() ? null : list;
        });
        if (wait[0] == null) {
            // no events held for this client
            wait[0] = limit > 0 ? Duration.ZERO : window;
        }
        return wait[0];
    }

    /** Counts one event for the client now, whether or not the limit allows it. */
    public void record(String client) {
        if (client == null) {
            return;
        }
        Instant now = clock.instant();
        events.compute(client, (k, list) -> {
            Deque<Instant> current = list == null ? new ArrayDeque<>() : list;
            prune(current, now);
            current.addLast(now);
            return current;
        });
        sweepIfLarge(now);
    }

    /** Forgets the events of one client. */
    public void forget(String client) {
        if (client != null) {
            events.remove(client);
        }
    }

    /** Forgets the events of every client. */
    public void clear() {
        events.clear();
    }

    /** Clients currently held in memory (for tests of the memory bound). */
    int clientsHeld() {
        return events.size();
    }

    private Duration untilOldestLeaves(Deque<Instant> list, Instant now) {
        if (list.isEmpty()) {
            return window;
        }
        Instant leaves = list.peekFirst().plus(window);
        if (boundary == Boundary.INCLUSIVE) {
            leaves = leaves.plusNanos(1);
        }
        Duration wait = Duration.between(now, leaves);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private void sweepIfLarge(Instant now) {
        if (events.size() > MAX_KEYS) {
            for (String key : events.keySet()) {
                events.computeIfPresent(key, (k, list) -> {
                    prune(list, now);
                    return list.isEmpty() ? null : list;
                });
            }
        }
    }

    private void prune(Deque<Instant> list, Instant now) {
        Instant cutoff = now.minus(window);
        while (!list.isEmpty() && !counts(list.peekFirst(), cutoff)) {
            list.removeFirst();
        }
    }

    private boolean counts(Instant event, Instant cutoff) {
        return boundary == Boundary.INCLUSIVE ? !event.isBefore(cutoff) : event.isAfter(cutoff);
    }
}
