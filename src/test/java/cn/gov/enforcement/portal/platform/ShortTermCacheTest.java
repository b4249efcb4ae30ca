package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ShortTermCacheTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final AtomicInteger computed = new AtomicInteger();
    private final ShortTermCache<String, Integer> cache = new ShortTermCache<>(Duration.ofSeconds(60), nanos::get);

    private Integer get(String key) {
        return cache.get(key, computed::incrementAndGet);
    }

    @Test
    void a_value_is_kept_for_its_key_until_it_expires() {
        assertThat(get("2026-01-01")).isEqualTo(1);
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(get("2026-01-01")).isEqualTo(1);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(get("2026-01-01")).isEqualTo(2);
    }

    @Test
    void another_key_computes_the_value_again() {
        assertThat(get("2026-01-01")).isEqualTo(1);
        assertThat(get("2026-01-02")).isEqualTo(2);
        assertThat(get("2026-01-02")).isEqualTo(2);
    }

    @Test
    void invalidating_forgets_the_value_at_once() {
        assertThat(get("day")).isEqualTo(1);
        cache.invalidate();
        assertThat(get("day")).isEqualTo(2);
        assertThat(get("day")).isEqualTo(2);
    }

    @Test
    void a_value_computed_while_the_data_changed_is_not_kept() {
        // the change is committed and invalidates while a reader is still counting the old data
        assertThat(cache.get("day", () -> {
            cache.invalidate();
            return 41;
        })).isEqualTo(41);
        assertThat(get("day")).isEqualTo(1);
        assertThat(get("day")).isEqualTo(1);
    }
}
