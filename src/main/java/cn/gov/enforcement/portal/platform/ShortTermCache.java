package cn.gov.enforcement.portal.platform;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One value worth keeping for a short time: figures that public pages show on every visit and that the database
 * counts over many rows. The value is kept with its key (the day the figures end on, say) for at most the time to
 * live and recomputed when asked with another key, once that time has passed, or after {@link #invalidate}.
 *
 * <p>The service that changes the data calls {@link #invalidate} once its change is committed, so that the next
 * reader of this instance sees it at once. A value computed while a change was being made is not kept: a reader who
 * began counting before the change cannot store the old figures after it. Other instances of the portal see the
 * change when their own value expires.
 *
 * @param <K> the key the value belongs to
 * @param <V> the value, immutable
 */
public final class ShortTermCache<K, V> {

    private record Entry<K, V>(K key, V value, long expiresAt, long generation) {}

    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong generation = new AtomicLong();
    private volatile Entry<K, V> entry;

    /** A cache whose values live for {@code ttl} on the system's monotonic clock. */
    public ShortTermCache(Duration ttl) {
        this(ttl, System::nanoTime);
    }

    /** A cache on the given monotonic clock in nanoseconds (for tests). */
    public ShortTermCache(Duration ttl, LongSupplier nanoTime) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("negative time to live: " + ttl);
        }
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The kept value of this key while it lives, else the one {@code compute} gives now (kept unless invalidated meanwhile). */
    public V get(K key, Supplier<V> compute) {
        long current = generation.get();
        long now = nanoTime.getAsLong();
        Entry<K, V> e = entry;
        if (e != null && e.generation() == current && Objects.equals(e.key(), key) && now - e.expiresAt() < 0) {
            return e.value();
        }
        V value = compute.get();
        synchronized (this) {
            if (generation.get() == current) {
                entry = new Entry<>(key, value, now + ttlNanos, current);
            }
        }
        return value;
    }

    /** Forgets the kept value: the next {@link #get} computes it again. */
    public void invalidate() {
        synchronized (this) {
            generation.incrementAndGet();
            entry = null;
        }
    }
}
