package cn.gov.enforcement.portal.notification;

import java.time.Instant;
import java.util.Locale;

/** A read-only snapshot of one outbox row. */
public record OutboxMessage(
        long id,
        String dedupKey,
        String to,
        String subject,
        String textBody,
        String htmlBody,
        Locale locale,
        MailStatus status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant claimedAt,
        Instant sentAt,
        String lastError) {
}
