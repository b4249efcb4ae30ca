package cn.gov.enforcement.portal.agency;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the agency module.
 *
 * @param certificateChecksPerMinute how many certificate checks one client (session or IP address)
 *     may make per minute on the page and through the API
 * @param pageSize agencies per page on the public search page
 */
@ConfigurationProperties(prefix = "portal.agency")
public record AgencySettings(Integer certificateChecksPerMinute, Integer pageSize) {

    public AgencySettings {
        if (certificateChecksPerMinute == null || certificateChecksPerMinute < 1) {
            certificateChecksPerMinute = 30;
        }
        if (pageSize == null || pageSize < 1 || pageSize > 100) {
            pageSize = 20;
        }
    }

    public static AgencySettings defaults() {
        return new AgencySettings(null, null);
    }
}
