package cn.gov.enforcement.portal.regulation;

import cn.gov.enforcement.portal.platform.PerClientRate;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code portal.regulation.searches-per-minute} article searches per client (the search page and the JSON
 * API together, by {@link cn.gov.enforcement.portal.platform.ClientAddress#key}); 0 switches the limit off. Every
 * search of a new question embeds it on the portal's CPU and asks the node for two ranked lists, so one client
 * sending questions in a loop would otherwise hold the machine. The default is far above what a person types, also
 * for an office whose readers share one address.
 */
@Component
public class SearchThrottle {

    private final PerClientRate rate;

    SearchThrottle(@Value("${portal.regulation.searches-per-minute:300}") int perMinute, Clock clock) {
        this.rate = new PerClientRate(perMinute, clock);
    }

    /** Counts one search of the client: zero when it may run, else how long the client has to wait. */
    public Duration acquire(String client) {
        return rate.acquire(client);
    }

    /** A wait in whole seconds, rounded up ({@link PerClientRate#seconds}). */
    public static long seconds(Duration wait) {
        return PerClientRate.seconds(wait);
    }

    /** The searches one client may run per minute; 0: no limit. */
    public int perMinute() {
        return rate.perMinute();
    }

    /** Sets the limit anew and forgets what was counted (tests; a negative value counts as 0). */
    void limit(int searchesPerMinute) {
        rate.limit(searchesPerMinute);
    }
}
