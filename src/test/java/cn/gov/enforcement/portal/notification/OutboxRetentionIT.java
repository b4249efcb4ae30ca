package cn.gov.enforcement.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.IntegrationTest;
import cn.gov.enforcement.portal.notification.internal.MailDispatcher;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The nightly outbox purge on the application's own database (H2, and PostgreSQL in CI's second run). */
class OutboxRetentionIT extends IntegrationTest {

    @Autowired MailDispatcher dispatcher;
    @Autowired NotificationSettings settings;
    @Autowired JdbcTemplate jdbc;
    @Autowired java.time.Clock clock;

    @Test
    void messages_older_than_the_retention_are_deleted_and_newer_ones_kept() {
        Instant old = clock.instant().minus(settings.retention()).minusSeconds(60);
        insert("retention-it-old", old);
        insert("retention-it-new", clock.instant());
        assertThat(dispatcher.purgeOld()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from notification_outbox where dedup_key = 'retention-it-old'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from notification_outbox where dedup_key = 'retention-it-new'",
                Integer.class)).isOne();
    }

    private void insert(String key, Instant created) {
        jdbc.update("insert into notification_outbox (dedup_key, recipient, subject, text_body, locale, status, attempts, "
                + "next_attempt_at, created_at, version) values (?, 'a@example.cn', 'S', 'B', 'zh-CN', 'SENT', 1, ?, ?, 0)",
                key, Timestamp.from(created), Timestamp.from(created));
    }
}
