package cn.gov.enforcement.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.notification.slice.NotificationTestApplication;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(classes = NotificationTestApplication.class, properties = {
        "spring.datasource.url=${notification.test.db-url:jdbc:h2:mem:notification-delivery;DB_CLOSE_DELAY=-1}",
        "spring.datasource.username=${notification.test.db-user:sa}",
        "spring.datasource.password=${notification.test.db-password:}",
        "portal.data-dir=target/notification-test",
        "portal.notification.dispatch-enabled=false",
        "portal.notification.from=执法服务平台 <noreply@portal.test>"})
class OutboxSmtpDeliveryTest extends OutboxTestSupport {

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(true);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    HealthEndpoint health;

    @Test
    void enqueue_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> outbox.enqueue(mail("outside")))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(rows()).isZero();
    }

    @Test
    void enqueue_in_a_rolled_back_transaction_leaves_nothing() {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            outbox.enqueue(mail("rolled-back"));
            assertThat(rows()).as("visible inside the transaction").isEqualTo(1);
            status.setRollbackOnly();
        });
        assertThatThrownBy(() -> inTransaction(() -> {
            outbox.enqueue(mail("thrown"));
            throw new IllegalStateException("the business change failed");
        })).hasMessage("the business change failed");

        assertThat(rows()).isZero();
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_queued_mail_is_delivered_once_and_marked_sent_with_the_time_of_sending() throws Exception {
        OutboxMessage queued = enqueueCommitted(mail("ack-1"));
        assertThat(queued.status()).isEqualTo(MailStatus.PENDING);
        assertThat(queued.createdAt()).isEqualTo(NotificationTestApplication.START);

        clock.advance(Duration.ofSeconds(7));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(dispatcher.dispatchDue()).as("a second run sends nothing again").isZero();

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage delivered = received[0];
        assertThat(delivered.getSubject()).isEqualTo("您的调解申请已受理");
        assertThat(GreenMailUtil.getBody(delivered)).isNotBlank();
        assertThat(delivered.getContent().toString()).contains("您的调解申请已受理");
        assertThat(delivered.getFrom()[0].toString()).contains("noreply@portal.test");
        assertThat(((jakarta.mail.internet.InternetAddress) delivered.getFrom()[0]).getPersonal()).isEqualTo("执法服务平台");
        assertThat(delivered.getAllRecipients()[0].toString()).isEqualTo("zhang.san@example.cn");
        assertThat(delivered.getHeader("Content-Language")[0]).isEqualTo("zh-CN");

        OutboxMessage sent = reload(queued.id());
        assertThat(sent.status()).isEqualTo(MailStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.sentAt()).isEqualTo(NotificationTestApplication.START.plusSeconds(7));
        assertThat(sent.lastError()).isNull();
    }

    @Test
    void a_mail_with_an_html_body_is_sent_with_a_plain_text_alternative() throws Exception {
        enqueueCommitted(new OutgoingMail("html-1", "li.si@example.cn", "Reminder", "Plain words",
                "<p>Plain <b>words</b></p>", Locale.ENGLISH));
        dispatcher.dispatchDue();

        MimeMessage delivered = greenMail.getReceivedMessages()[0];
        assertThat(delivered.getContent()).isInstanceOf(MimeMultipart.class);
        String raw = GreenMailUtil.getWholeMessage(delivered);
        assertThat(raw).contains("text/plain").contains("text/html").contains("Plain words");
    }

    @Test
    void the_same_dedup_key_twice_keeps_one_mail() {
        OutboxMessage first = enqueueCommitted(mail("dedup-1"));
        OutboxMessage again = enqueueCommitted(OutgoingMail.text("dedup-1", "other@example.cn", "Other", "Other",
                Locale.ENGLISH));
        OutboxMessage withinOneTransaction = inTransaction(() -> {
            outbox.enqueue(mail("dedup-2"));
            return outbox.enqueue(mail("dedup-2"));
        });

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.to()).isEqualTo("zhang.san@example.cn");
        assertThat(withinOneTransaction.dedupKey()).isEqualTo("dedup-2");
        assertThat(rows()).isEqualTo(2);

        dispatcher.dispatchDue();
        enqueueCommitted(mail("dedup-1"));
        dispatcher.dispatchDue();
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
    }

    @Test
    void two_dispatchers_running_at_once_deliver_exactly_one_copy_of_each_mail() throws Exception {
        int mails = 30;
        inTransaction(() -> {
            for (int i = 0; i < mails; i++) {
                outbox.enqueue(mail("parallel-" + i));
            }
            return null;
        });

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return dispatcher.dispatchDue();
                }));
            }
            int sentByBoth = runs.get(0).get(60, TimeUnit.SECONDS) + runs.get(1).get(60, TimeUnit.SECONDS);
            assertThat(sentByBoth).isEqualTo(mails);
        } finally {
            pool.shutdownNow();
        }

        MimeMessage[] received = greenMail.getReceivedMessages();
        Set<String> keys = new HashSet<>();
        for (MimeMessage m : received) {
            keys.add(m.getHeader("X-Portal-Outbox-Key")[0]);
        }
        assertThat(received).hasSize(mails);
        assertThat(keys).hasSize(mails);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE status = 'SENT' AND attempts = 1")
                .query(Long.class).single()).isEqualTo(mails);
    }

    @Test
    void a_mail_stuck_in_sending_beyond_the_lease_becomes_failed_unknown_and_is_not_resent() {
        OutboxMessage queued = enqueueCommitted(mail("stuck-1"));
        // a dispatcher claims it and dies before recording the outcome
        assertThat(inTransaction(() -> store.claim(queued.id(), clock.instant()))).isTrue();

        clock.advance(Duration.ofMinutes(9));
        dispatcher.dispatchDue();
        assertThat(reload(queued.id()).status()).isEqualTo(MailStatus.SENDING);

        clock.advance(Duration.ofMinutes(2));
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
        OutboxMessage unknown = reload(queued.id());
        assertThat(unknown.status()).isEqualTo(MailStatus.FAILED_UNKNOWN);
        assertThat(unknown.lastError()).contains("not resent");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void health_reports_smtp_mode_with_pending_and_failed_counts() {
        enqueueCommitted(mail("health-1"));
        enqueueCommitted(mail("health-2"));

        HealthComponent component = health.healthForPath("outbox");
        assertThat(component).isInstanceOf(Health.class);
        Health outboxHealth = (Health) component;
        assertThat(outboxHealth.getStatus()).isEqualTo(Status.UP);
        assertThat(outboxHealth.getDetails()).containsEntry("mode", "smtp")
                .containsEntry("pending", 2L)
                .containsEntry("failed", 0L);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
