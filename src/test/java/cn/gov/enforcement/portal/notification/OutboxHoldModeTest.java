package cn.gov.enforcement.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.notification.internal.OutboxHealthIndicator;
import cn.gov.enforcement.portal.notification.slice.NotificationTestApplication;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithMockUser;

/** No {@code spring.mail.host}: mails are held in the outbox. Also validation and administration. */
@SpringBootTest(classes = NotificationTestApplication.class, properties = {
        "spring.datasource.url=${notification.test.db-url:jdbc:h2:mem:notification-hold;DB_CLOSE_DELAY=-1}",
        "spring.datasource.username=${notification.test.db-user:sa}",
        "spring.datasource.password=${notification.test.db-password:}",
        "portal.data-dir=target/notification-test",
        "portal.notification.dispatch-enabled=false"})
class OutboxHoldModeTest extends OutboxTestSupport {

    @Autowired
    ApplicationContext context;
    @Autowired
    OutboxHealthIndicator healthIndicator;
    @Autowired
    OutboxAdministration administration;

    @Test
    void with_no_mail_server_nothing_is_sent_and_mails_stay_pending() {
        assertThat(context.getBeanNamesForType(JavaMailSender.class)).isEmpty();
        OutboxMessage queued = enqueueCommitted(mail("hold-1"));

        clock.advance(Duration.ofHours(2));
        assertThat(dispatcher.dispatchDue()).isZero();

        OutboxMessage held = reload(queued.id());
        assertThat(held.status()).isEqualTo(MailStatus.PENDING);
        assertThat(held.attempts()).isZero();
        assertThat(dispatcher.mode()).isEqualTo("hold");
    }

    @Test
    void messages_older_than_the_retention_are_deleted_whatever_their_status() {
        OutboxMessage old = enqueueCommitted(mail("retention-old"));
        clock.advance(Duration.ofDays(90).plusMinutes(1));
        OutboxMessage recent = enqueueCommitted(mail("retention-recent"));
        assertThat(dispatcher.purgeOld()).isGreaterThanOrEqualTo(1);
        assertThat(store.findById(old.id())).isEmpty();
        assertThat(reload(recent.id()).status()).isEqualTo(MailStatus.PENDING);
        assertThat(dispatcher.purgeOld()).isZero();
    }

    @Test
    void health_says_hold_mode_and_counts_pending_mails() {
        enqueueCommitted(mail("hold-health"));
        Health health = healthIndicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("mode", "hold").containsEntry("pending", 1L)
                .containsEntry("failed", 0L);
    }

    @Test
    void an_invalid_recipient_is_refused_with_a_message_in_the_mails_language_and_nothing_is_stored() {
        assertThatThrownBy(() -> enqueueCommitted(OutgoingMail.text("bad-1", "zhangsan@", "主题", "正文",
                Locale.SIMPLIFIED_CHINESE)))
                .isInstanceOf(InvalidMailException.class)
                .hasMessageContaining("收件人邮箱地址“zhangsan@”无效")
                .satisfies(e -> assertThat(((InvalidMailException) e).field()).isEqualTo("to"));
        assertThatThrownBy(() -> enqueueCommitted(OutgoingMail.text("bad-2", "a@b.cn, c@d.cn", "Subject", "Body",
                Locale.ENGLISH)))
                .isInstanceOf(InvalidMailException.class)
                .hasMessageContaining("The recipient address \"a@b.cn, c@d.cn\" is not valid");
        assertThatThrownBy(() -> enqueueCommitted(OutgoingMail.text("bad-3", "a@b.cn", "Line one\r\nBcc: x@y.cn",
                "Body", Locale.TRADITIONAL_CHINESE)))
                .isInstanceOf(InvalidMailException.class)
                .hasMessageContaining("郵件主旨只能有一行");
        assertThatThrownBy(() -> enqueueCommitted(OutgoingMail.text(" ", "a@b.cn", "Subject", "Body", Locale.ENGLISH)))
                .isInstanceOf(InvalidMailException.class)
                .hasMessageContaining("200 characters");
        assertThatThrownBy(() -> enqueueCommitted(OutgoingMail.text("bad-5", "a@b.cn", "Subject", "  ", null)))
                .isInstanceOf(InvalidMailException.class)
                .hasMessage("邮件正文不能为空。");
        assertThat(rows()).isZero();
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void administrators_can_list_filter_and_requeue_failed_mails() {
        OutboxMessage failed = enqueueCommitted(mail("admin-failed"));
        clock.advance(Duration.ofMinutes(1));
        OutboxMessage unknown = enqueueCommitted(mail("admin-unknown"));
        clock.advance(Duration.ofMinutes(1));
        OutboxMessage pending = enqueueCommitted(mail("admin-pending"));
        inTransaction(() -> store.claim(failed.id(), clock.instant()) && store.markFailed(failed.id(), "550 no"));
        inTransaction(() -> store.claim(unknown.id(), clock.instant())
                && store.expireLeases(clock.instant().plusSeconds(1), "unknown") == 1);

        assertThat(administration.count(null)).isEqualTo(3);
        assertThat(administration.list(null, 0, 10)).extracting(OutboxMessage::dedupKey)
                .containsExactly("admin-pending", "admin-unknown", "admin-failed");
        assertThat(administration.list(null, 1, 1)).extracting(OutboxMessage::dedupKey).containsExactly("admin-unknown");
        assertThat(administration.list(MailStatus.FAILED, 0, 10)).extracting(OutboxMessage::id).containsExactly(failed.id());
        assertThat(administration.count(MailStatus.FAILED_UNKNOWN)).isEqualTo(1);

        assertThat(administration.retry(pending.id())).as("a pending mail is not retried").isFalse();
        assertThat(administration.retry(failed.id())).isTrue();
        assertThat(administration.retry(unknown.id())).isTrue();
        assertThat(administration.retry(999_999L)).isFalse();

        OutboxMessage requeued = reload(failed.id());
        assertThat(requeued.status()).isEqualTo(MailStatus.PENDING);
        assertThat(requeued.attempts()).isZero();
        assertThat(requeued.nextAttemptAt()).isEqualTo(clock.instant());
        assertThat(administration.countByStatus()).containsEntry(MailStatus.PENDING, 3L)
                .containsEntry(MailStatus.FAILED, 0L);
    }

    @Test
    @WithMockUser(roles = "OFFICER")
    void officers_may_neither_read_nor_requeue_the_outbox() {
        OutboxMessage queued = enqueueCommitted(mail("officer"));
        assertThatThrownBy(() -> administration.list(null, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.find(queued.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.retry(queued.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anonymous_callers_may_not_use_the_administration() {
        assertThatThrownBy(() -> administration.count(null)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void the_counts_of_the_health_check_and_the_staff_pages_leave_the_sent_mails_out() {
        OutboxMessage sent = enqueueCommitted(mail("count-sent"));
        OutboxMessage failed = enqueueCommitted(mail("count-failed"));
        enqueueCommitted(mail("count-pending"));
        inTransaction(() -> store.claim(sent.id(), clock.instant()) && store.markSent(sent.id(), clock.instant()));
        inTransaction(() -> store.claim(failed.id(), clock.instant()) && store.markFailed(failed.id(), "550 no"));

        // the sent mails, nearly every row of a busy outbox, are not read to count the others
        assertThat(administration.countByStatus()).doesNotContainKey(MailStatus.SENT)
                .containsEntry(MailStatus.PENDING, 1L).containsEntry(MailStatus.SENDING, 0L)
                .containsEntry(MailStatus.FAILED, 1L).containsEntry(MailStatus.FAILED_UNKNOWN, 0L);
        assertThat(administration.count(MailStatus.SENT)).isEqualTo(1);
        assertThat(healthIndicator.health().getDetails()).containsEntry("pending", 1L).containsEntry("sending", 0L)
                .containsEntry("failed", 1L).containsEntry("failedUnknown", 0L).doesNotContainKey("sent");
    }
}
