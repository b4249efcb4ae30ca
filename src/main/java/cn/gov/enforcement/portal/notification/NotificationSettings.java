package cn.gov.enforcement.portal.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the mail outbox ({@code portal.notification.*}). SMTP itself is configured with
 * Boot's {@code spring.mail.*} properties; without {@code spring.mail.host} mails are held.
 *
 * @param from sender address, optionally with a display name ({@code 执法服务平台 <noreply@example.cn>})
 * @param pollInterval fixed delay between two dispatcher runs
 * @param maxAttempts delivery attempts before a transiently failing mail is marked FAILED
 * @param initialBackoff wait after the first failed attempt; doubles with each further attempt
 * @param maxBackoff upper bound of the wait between attempts
 * @param sendingLease how long a mail may stay SENDING before it is marked FAILED_UNKNOWN
 * @param batchSize mails handled per dispatcher run at most
 * @param dispatchEnabled false stops this instance from sending (mails stay queued)
 * @param smtpTimeout connect/read/write timeout applied to the SMTP connection unless
 *     {@code spring.mail.properties.mail.smtp.*timeout} already sets one
 * @param retention how long a message stays in the outbox (whatever its status, except one being sent): the bodies
 *     hold names, access codes and case details, which must not outlive their purpose (default 90 days)
 */
@ConfigurationProperties(prefix = "portal.notification")
public record NotificationSettings(
        String from,
        Duration pollInterval,
        Integer maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration sendingLease,
        Integer batchSize,
        Boolean dispatchEnabled,
        Duration smtpTimeout,
        Duration retention) {

    public static final String DEFAULT_FROM = "noreply@portal.invalid";

    public NotificationSettings {
        if (from == null || from.isBlank()) {
            from = DEFAULT_FROM;
        }
        from = from.trim();
        try {
            new jakarta.mail.internet.InternetAddress(from, true).validate();
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("portal.notification.from is not a valid sender address: " + from, e);
        }
        pollInterval = positive(pollInterval, Duration.ofSeconds(5), "poll-interval");
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("portal.notification.max-attempts must be at least 1");
        }
        initialBackoff = positive(initialBackoff, Duration.ofSeconds(30), "initial-backoff");
        maxBackoff = positive(maxBackoff, Duration.ofHours(1), "max-backoff");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("portal.notification.max-backoff must not be shorter than initial-backoff");
        }
        sendingLease = positive(sendingLease, Duration.ofMinutes(10), "sending-lease");
        batchSize = batchSize == null ? 50 : batchSize;
        if (batchSize < 1) {
            throw new IllegalArgumentException("portal.notification.batch-size must be at least 1");
        }
        dispatchEnabled = dispatchEnabled == null || dispatchEnabled;
        smtpTimeout = positive(smtpTimeout, Duration.ofSeconds(30), "smtp-timeout");
        retention = positive(retention, Duration.ofDays(90), "retention");
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("portal.notification." + name + " must be positive");
        }
        return value;
    }

    /** Wait before the next attempt after {@code attempts} failed ones: initial * 2^(attempts-1), capped. */
    public Duration backoffAfter(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration wait = initialBackoff;
        for (int i = 0; i < doublings && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
