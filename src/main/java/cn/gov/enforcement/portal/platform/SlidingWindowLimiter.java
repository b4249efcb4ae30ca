package cn.gov.enforcement.portal.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * At most {@code limit} events per client key in a sliding window, kept in memory (a restart clears
 * the counters, which is acceptable for a throttle). A null key means a trusted caller and is never
 * limited nor counted. Thread-safe: every step on one key is atomic.
 *
 * <p>Callers that count every attempt use {@link #tryAcquire(String)}. Callers that count only what
 * succeeds (a stored rating, an accepted file) or only what fails (a look-up with a wrong code) take a
 * slot with {@link #reserve(String)} before they act, which checks and counts in one step, and give it
 * back with {@link Reservation#release()} when the attempt turns out not to count: concurrent requests
 * of one client then cannot pass the limit together. Asking {@link #allows(String)} or
 * {@link #retryAfter(String)} first and {@link #record(String)} afterwards is two steps: requests that
 * ask at the same time all pass, so events recorded that way may exceed the limit.
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
        return reserve(client).granted();
    }

    /**
     * Checks and counts in one step: when the client may act once more now, the event is counted at once and the
     * reservation is granted; otherwise nothing is counted and the reservation says how long to wait (as
     * {@link #retryAfter(String)}). A granted reservation is given back with {@link Reservation#release()} when
     * what it stood for did not happen after all.
     */
    public Reservation reserve(String client) {
        if (client == null) {
            return Reservation.TRUSTED;
        }
        Instant now = clock.instant();
        Duration[] wait = {null};
        events.compute(client, (k, list) -> {
            Deque<Instant> current = list == null ? new ArrayDeque<>() : list;
            prune(current, now);
            if (current.size() < limit) {
                current.addLast(now);
            } else {
                wait[0] = untilOldestLeaves(current, now);
            }
            return current.isEmpty() ? null : current;
        });
        sweepIfLarge(now);
        return wait[0] == null ? new Reservation(true, this, client, now, Duration.ZERO)
                : new Reservation(false, null, null, null, wait[0]);
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

    /** Takes back one event of the client counted at this instant, if it still counts. */
    private void release(String client, Instant at) {
        events.computeIfPresent(client, (k, list) -> {
            // events of one instant are alike: whichever of them goes, the count is the same
            list.removeLastOccurrence(at);
            return list.isEmpty() ? null : list;
        });
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

    /**
     * The outcome of {@link SlidingWindowLimiter#reserve(String)}: granted with its event counted, or refused with the
     * time to wait. Thread-safe.
     */
    public static final class Reservation {

        /** What a trusted caller (a null client) gets: granted, nothing counted, nothing to give back. */
        static final Reservation TRUSTED = new Reservation(true, null, null, null, Duration.ZERO);

        private final boolean granted;
        private final SlidingWindowLimiter limiter;
        private final String client;
        private final Instant at;
        private final Duration retryAfter;
        private final AtomicBoolean released = new AtomicBoolean();

        private Reservation(boolean granted, SlidingWindowLimiter limiter, String client, Instant at, Duration retryAfter) {
            this.granted = granted;
            this.limiter = limiter;
            this.client = client;
            this.at = at;
            this.retryAfter = retryAfter;
        }

        /** True when the client may act: its event is counted (nothing is for a trusted caller). */
        public boolean granted() {
            return granted;
        }

        /** Zero when granted, otherwise how long the client has to wait before it may act again. */
        public Duration retryAfter() {
            return retryAfter;
        }

        /**
         * Runs what the slot was taken for and answers its result; when it throws, the slot is given back (what it
         * counted did not happen) and the exception goes on.
         */
        public <T> T releasedOnFailure(java.util.function.Supplier<T> action) {
            try {
                return action.get();
            } catch (RuntimeException failed) {
                release();
                throw failed;
            }
        }

        /**
         * Gives the slot back: the event no longer counts, as if the client had not acted. Only the first call does
         * anything; nothing happens for a refused reservation or a trusted caller, nor once the event left the window.
         */
        public void release() {
            if (limiter != null && released.compareAndSet(false, true)) {
                limiter.release(client, at);
            }
        }
    }
}
