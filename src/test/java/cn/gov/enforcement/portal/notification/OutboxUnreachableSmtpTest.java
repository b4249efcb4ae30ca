package cn.gov.enforcement.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.notification.slice.NotificationTestApplication;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The configured mail server does not answer at all (nothing listens on its port). */
@SpringBootTest(classes = NotificationTestApplication.class, properties = {
        "spring.datasource.url=${notification.test.db-url:jdbc:h2:mem:notification-unreachable;DB_CLOSE_DELAY=-1}",
        "spring.datasource.username=${notification.test.db-user:sa}",
        "spring.datasource.password=${notification.test.db-password:}",
        "portal.data-dir=target/notification-test",
        "portal.notification.dispatch-enabled=false",
        "portal.notification.smtp-timeout=3s"})
class OutboxUnreachableSmtpTest extends OutboxTestSupport {

    static final int CLOSED_PORT = OutboxSmtpDeliveryTest.freePort();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> CLOSED_PORT);
    }

    @Test
    void a_refused_connection_is_a_transient_failure_retried_after_the_initial_backoff() {
        OutboxMessage queued = enqueueCommitted(mail("refused-1"));

        assertThat(dispatcher.dispatchDue()).isZero();
        OutboxMessage first = reload(queued.id());
        assertThat(first.status()).isEqualTo(MailStatus.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.nextAttemptAt()).isEqualTo(NotificationTestApplication.START.plus(Duration.ofSeconds(30)));
        assertThat(first.lastError()).containsIgnoringCase("connect");

        clock.advance(Duration.ofSeconds(30));
        dispatcher.dispatchDue();
        OutboxMessage second = reload(queued.id());
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofSeconds(60)));
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.boot.actuate.health.HealthEndpoint health;

    @Test
    void the_portal_stays_healthy_while_the_mail_server_is_unreachable() {
        // the outbox exists so that a mail outage does not matter: a health check asking the mail server itself
        // went DOWN (503, after the connect timeout) and a load balancer would have dropped a working portal
        enqueueCommitted(mail("refused-health"));
        assertThat(health.healthForPath("mail")).as("Boot's own mail server check").isNull();
        assertThat(health.health().getStatus()).isEqualTo(org.springframework.boot.actuate.health.Status.UP);
        assertThat(health.healthForPath("outbox").getStatus()).isEqualTo(org.springframework.boot.actuate.health.Status.UP);
    }

    @Test
    void a_failing_mail_server_is_logged_once_without_addresses_and_once_when_it_works_again() throws Exception {
        // first a working server, so that the streak starts here whatever the other tests of this context did
        try (FakeSmtpServer working = new FakeSmtpServer(CLOSED_PORT)) {
            working.replyToRcpt("250 2.1.5 OK");
            enqueueCommitted(mail("streak-before"));
            assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        }
        assertThat(dispatcher.trouble()).isEmpty();

        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = captureLog();
        try {
            enqueueCommitted(mail("mediation-submitted:TJ-2026-000001"));
            enqueueCommitted(mail("rating-received:PJ-2026-000001"));
            enqueueCommitted(mail("guidance-issued:ZD-2026-000001"));
            assertThat(dispatcher.dispatchDue()).isZero();

            assertThat(logged.list).as("one warning for the outage, not a line per mail").singleElement().satisfies(e -> {
                assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
                assertThat(e.getFormattedMessage()).contains("Mail delivery is failing (CONNECT)", "127.0.0.1, " + CLOSED_PORT,
                        "spring.mail");
            });
            assertThat(dispatcher.trouble()).hasValueSatisfying(t -> {
                assertThat(t.failedAttempts()).isEqualTo(3);
                assertThat(t.since()).isEqualTo(NotificationTestApplication.START);
                assertThat(cn.gov.enforcement.portal.notification.internal.SmtpFailures.explain(t.lastError()).detail())
                        .isEqualTo("127.0.0.1:" + CLOSED_PORT);
            });

            clock.advance(Duration.ofSeconds(30));
            try (FakeSmtpServer working = new FakeSmtpServer(CLOSED_PORT)) {
                working.replyToRcpt("250 2.1.5 OK");
                assertThat(dispatcher.dispatchDue()).isEqualTo(3);
            }
            assertThat(dispatcher.trouble()).isEmpty();
            assertThat(logged.list).hasSize(2);
            assertThat(logged.list.get(1).getLevel()).isEqualTo(ch.qos.logback.classic.Level.INFO);
            assertThat(logged.list.get(1).getFormattedMessage()).contains("works again after 3 failed attempt(s)");
            assertThat(logged.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .noneMatch(line -> line.contains("zhang.san@example.cn"));
        } finally {
            stopCapturing(logged);
        }
    }
}
