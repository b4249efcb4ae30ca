package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.PerClientRate;
import cn.gov.enforcement.portal.platform.SlidingWindowLimiter;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code portal.lists.downloads-per-minute} CSV or XLSX downloads of the lists per client address (each
 * writes a whole list, up to 10,000 entries); 0 switches the limit off. A person downloads a list now and then; a
 * client asking in a loop is refused with 429 and Retry-After.
 */
@Component
class DownloadThrottle {

    private final PerClientRate rate;

    DownloadThrottle(@Value("${portal.lists.downloads-per-minute:30}") int perMinute, Clock clock) {
        this.rate = new PerClientRate(perMinute, clock);
    }

    /** Counts one download of the client when it may run; the reservation is given back for a refused filter. */
    SlidingWindowLimiter.Reservation reserve(String client) {
        return rate.reserve(client);
    }

    /** Sets the limit anew and forgets what was counted (tests; a negative value counts as 0). */
    void limit(int downloadsPerMinute) {
        rate.limit(downloadsPerMinute);
    }
}
