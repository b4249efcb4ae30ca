package cn.gov.enforcement.portal.platform;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PortalSettings.class, SiteSettings.class})
class PlatformConfiguration {

    /** Every module reads the time from this clock so that deadlines and retention are testable. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /**
     * Loads the Simplified-to-Traditional phrase table in the background once the portal runs (about a second
     * and 8 MB), so the first zh-TW reader does not wait for it.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void loadTraditionalPhrases() {
        Thread loader = new Thread(() -> ReaderScript.toTaiwan("简体"), "traditional-phrases");
        loader.setDaemon(true);
        loader.setPriority(Thread.MIN_PRIORITY);
        loader.start();
    }
}
