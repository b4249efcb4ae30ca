package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.platform.PerClientRate;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Sliding one-minute window of certificate checks per client key (session id or IP address), so
 * that nobody can walk through all certificate numbers. A check stops counting one minute after it
 * was made.
 */
@Component
class CertificateThrottle {

    private final PerClientRate rate;

    CertificateThrottle(Clock clock, AgencySettings settings) {
        // at least one check a minute (AgencySettings): never the no-limit of 0
        this.rate = new PerClientRate(settings.certificateChecksPerMinute(), clock);
    }

    /**
     * Records a check and answers zero, or, when the client used up its minute, how long it has to wait (nothing
     * counted).
     */
    java.time.Duration acquire(String clientKey) {
        // a missing key is one shared client here, not a trusted caller
        return rate.acquire(clientKey == null ? "" : clientKey);
    }
}
