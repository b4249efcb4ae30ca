package cn.gov.enforcement.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.notification.slice.NotificationTestApplication;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Rejections a real server would give, played by {@link FakeSmtpServer}. */
@SpringBootTest(classes = NotificationTestApplication.class, properties = {
        "spring.datasource.url=${notification.test.db-url:jdbc:h2:mem:notification-rejection;DB_CLOSE_DELAY=-1}",
        "spring.datasource.username=${notification.test.db-user:sa}",
        "spring.datasource.password=${notification.test.db-password:}",
        "portal.data-dir=target/notification-test",
        "portal.notification.dispatch-enabled=false",
        "portal.notification.max-attempts=4",
        "portal.notification.initial-backoff=30s",
        "portal.notification.max-backoff=90s",
        "portal.notification.smtp-timeout=5s"})
class OutboxSmtpRejectionTest extends OutboxTestSupport {

    static final FakeSmtpServer SMTP = start();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
    }

    @AfterAll
    static void stop() throws IOException {
        SMTP.close();
    }

    @Test
    void a_permanent_rejection_marks_the_mail_failed_after_one_attempt_and_it_is_never_retried() {
        SMTP.replyToRcpt("550 5.1.1 mailbox unavailable");
        int rcptBefore = SMTP.rcptCommands();
        int dataBefore = SMTP.dataCommands();
        OutboxMessage queued = enqueueCommitted(mail("permanent-1"));

        assertThat(dispatcher.dispatchDue()).isZero();
        OutboxMessage failed = reload(queued.id());
        assertThat(failed.status()).isEqualTo(MailStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).contains("550").contains("mailbox unavailable");
        assertThat(failed.sentAt()).isNull();

        clock.advance(Duration.ofDays(1));
        dispatcher.dispatchDue();
        assertThat(reload(queued.id()).attempts()).isEqualTo(1);
        assertThat(SMTP.rcptCommands() - rcptBefore).as("the server was asked once").isEqualTo(1);
        assertThat(SMTP.dataCommands()).isEqualTo(dataBefore);
    }

    @Test
    void a_temporary_rejection_is_retried_with_growing_backoff_until_the_attempts_run_out() {
        SMTP.replyToRcpt("451 4.3.0 temporary local problem, try again later");
        int rcptBefore = SMTP.rcptCommands();
        int dataBefore = SMTP.dataCommands();
        OutboxMessage queued = enqueueCommitted(mail("transient-1"));

        dispatcher.dispatchDue();
        OutboxMessage first = reload(queued.id());
        assertThat(first.status()).isEqualTo(MailStatus.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).contains("451");
        assertThat(first.nextAttemptAt()).isEqualTo(NotificationTestApplication.START.plusSeconds(30));

        clock.advance(Duration.ofSeconds(29));
        dispatcher.dispatchDue();
        assertThat(reload(queued.id()).attempts()).as("not due yet").isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchDue();
        OutboxMessage second = reload(queued.id());
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(Duration.between(clock.instant(), second.nextAttemptAt())).isEqualTo(Duration.ofSeconds(60));

        clock.set(second.nextAttemptAt());
        dispatcher.dispatchDue();
        OutboxMessage third = reload(queued.id());
        assertThat(third.attempts()).isEqualTo(3);
        assertThat(Duration.between(clock.instant(), third.nextAttemptAt()))
                .as("capped at max-backoff").isEqualTo(Duration.ofSeconds(90));

        clock.set(third.nextAttemptAt());
        dispatcher.dispatchDue();
        OutboxMessage last = reload(queued.id());
        assertThat(last.attempts()).isEqualTo(4);
        assertThat(last.status()).isEqualTo(MailStatus.FAILED);

        clock.advance(Duration.ofDays(1));
        dispatcher.dispatchDue();
        assertThat(reload(queued.id()).attempts()).isEqualTo(4);
        assertThat(SMTP.rcptCommands() - rcptBefore).as("one RCPT per attempt").isEqualTo(4);
        assertThat(SMTP.dataCommands()).isEqualTo(dataBefore);
    }

    @Test
    void a_temporary_rejection_followed_by_acceptance_ends_sent() {
        SMTP.replyToRcpt("452 4.2.2 mailbox full");
        OutboxMessage queued = enqueueCommitted(mail("transient-then-ok"));
        dispatcher.dispatchDue();
        assertThat(reload(queued.id()).status()).isEqualTo(MailStatus.PENDING);

        SMTP.replyToRcpt("250 2.1.5 OK");
        int dataBefore = SMTP.dataCommands();
        clock.advance(Duration.ofSeconds(30));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        OutboxMessage sent = reload(queued.id());
        assertThat(sent.status()).isEqualTo(MailStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(SMTP.dataCommands() - dataBefore).isEqualTo(1);
    }

    @Test
    void a_mail_given_up_is_logged_with_its_id_and_kind_but_not_its_recipient() {
        SMTP.replyToRcpt("550 5.1.1 <zhang.san@example.cn>: Recipient address rejected");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = captureLog();
        OutboxMessage queued;
        try {
            queued = enqueueCommitted(mail("rating-received:PJ-2026-000007"));
            dispatcher.dispatchDue();
        } finally {
            stopCapturing(logged);
        }
        assertThat(reload(queued.id()).status()).isEqualTo(MailStatus.FAILED);
        assertThat(reload(queued.id()).lastError()).as("the outbox keeps the server's words").contains("zhang.san@example.cn");
        assertThat(logged.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("Outbox message " + queued.id() + " (rating-received) FAILED"))
                .noneMatch(line -> line.contains("zhang.san@example.cn"));
        assertThat(dispatcher.trouble()).as("a refused address is no trouble of the server").isEmpty();
    }

    private static FakeSmtpServer start() {
        try {
            return new FakeSmtpServer();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the fake SMTP server", e);
        }
    }
}
