package cn.gov.enforcement.portal.platform;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PortalSettings.class, SiteSettings.class})
class PlatformConfiguration {

    /**
     * Every module reads the time from this clock so that deadlines and retention are testable. Its zone is the
     * portal's ({@code portal.zone}, China's by default), not the server's: a container on UTC would otherwise take
     * "today" from the day before until 08:00 Beijing time (lists in force, dates of self-check reports).
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@org.springframework.beans.factory.annotation.Value("${portal.zone:Asia/Shanghai}") String zone) {
        return Clock.system(portalZone(zone));
    }

    /** The H2 database's folder in the data directory is owner-only before the pool opens it. */
    @Bean
    static PrivateDatabaseFolder privateDatabaseFolder(org.springframework.core.env.Environment environment) {
        return new PrivateDatabaseFolder(environment);
    }

    /**
     * An address under {@code /api/} that no endpoint has is 404 for every method, in the API's error body
     * ({@link ApiErrorFilter}). Without it the static files, mapped to every address after the endpoints, would answer
     * a POST there 405, as if something were at the address. Ordered after the endpoints, before the static files.
     */
    @Bean
    org.springframework.web.servlet.handler.SimpleUrlHandlerMapping apiAddressesWithoutEndpoint() {
        org.springframework.web.HttpRequestHandler notFound = (request, response) ->
                response.sendError(jakarta.servlet.http.HttpServletResponse.SC_NOT_FOUND);
        var mapping = new org.springframework.web.servlet.handler.SimpleUrlHandlerMapping(
                java.util.Map.of("/api/**", notFound));
        mapping.setOrder(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 2);
        return mapping;
    }

    /** The zone named by {@code portal.zone}, refused at start with the setting's name when it is no zone. */
    static java.time.ZoneId portalZone(String zone) {
        try {
            return java.time.ZoneId.of(zone.strip());
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("portal.zone is not a time zone: " + zone, e);
        }
    }

    /**
     * Under the production profile, warns at start while {@code portal.public-url} is still the local default: links
     * in mails, printed letters and the sitemap would point at the server itself.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void checkPublicUrl(org.springframework.boot.context.event.ApplicationReadyEvent event) {
        publicUrlWarning(event.getApplicationContext().getBean(PortalSettings.class),
                event.getApplicationContext().getEnvironment().matchesProfiles("prod"))
                .ifPresent(org.slf4j.LoggerFactory.getLogger(PlatformConfiguration.class)::warn);
    }

    static java.util.Optional<String> publicUrlWarning(PortalSettings settings, boolean production) {
        String url = settings.publicUrl();
        boolean local = url.matches("https?://(localhost|127\\.0\\.0\\.1)(:\\d+)?(/.*)?");
        return production && local ? java.util.Optional.of("portal.public-url is " + url + ": links in mails, printed "
                + "letters and the sitemap point there. Set PORTAL_PUBLIC_URL to the address the public uses.")
                : java.util.Optional.empty();
    }
}
