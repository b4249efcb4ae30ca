package cn.gov.enforcement.portal.notification;

import cn.gov.enforcement.portal.testsupport.MutableClock;
import cn.gov.enforcement.portal.platform.Translations;
import java.time.Instant;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * A slice of the portal with just the notification module, an in-memory H2 database migrated by
 * Flyway, Boot's mail sender (only when {@code spring.mail.host} is set), actuator health (with Boot's mail health
 * check as the portal's settings leave it) and
 * method security. No Elasticsearch, no Vaadin.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class,
        ConfigurationPropertiesAutoConfiguration.class,
        DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class,
        JdbcClientAutoConfiguration.class,
        FlywayAutoConfiguration.class,
        MailSenderAutoConfiguration.class,
        HealthContributorAutoConfiguration.class,
        HealthEndpointAutoConfiguration.class,
        org.springframework.boot.actuate.autoconfigure.mail.MailHealthContributorAutoConfiguration.class})
@ComponentScan("cn.gov.enforcement.portal.notification")
@Import(Translations.class)
@EnableMethodSecurity(jsr250Enabled = true)
public class NotificationTestApplication {

    /** Start of every test's clock: 2026-03-02 09:00 Beijing time. */
    public static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

    @Bean
    MutableClock clock() {
        return new MutableClock(START);
    }
}
