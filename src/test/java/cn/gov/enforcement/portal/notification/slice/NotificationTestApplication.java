package cn.gov.enforcement.portal.notification.slice;

import cn.gov.enforcement.portal.testsupport.MutableClock;
import cn.gov.enforcement.portal.platform.Translations;
import java.time.Instant;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.TestComponent;
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
 * method security. No Elasticsearch, no Vaadin. Its clock ({@link MutableClock}) stands still until a test moves it.
 *
 * <p>Only the tests that name it ({@code @SpringBootTest(classes = NotificationTestApplication.class)}) get it. It is a
 * {@link TestComponent}, so the portal's component scan leaves it out of the whole application's tests (it used to
 * bring its frozen clock into every one of them), and it sits in a package of its own, below the notification tests:
 * Boot's search for a configuration starts at a test's package and goes up, so a test of the notification package that
 * names none (such as {@code OutboxRetentionIT}) finds the portal's application class, not this slice.
 */
@SpringBootConfiguration
@TestComponent
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
