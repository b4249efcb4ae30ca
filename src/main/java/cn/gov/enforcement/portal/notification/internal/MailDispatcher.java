package cn.gov.enforcement.portal.notification.internal;

import cn.gov.enforcement.portal.notification.DeliveryTrouble;
import cn.gov.enforcement.portal.notification.NotificationSettings;
import cn.gov.enforcement.portal.notification.OutboxMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due outbox messages over SMTP when a {@link JavaMailSender} is configured
 * ({@code spring.mail.host}); otherwise ("hold" mode) it leaves them PENDING.
 *
 * <p><b>At most once.</b> A message is claimed (PENDING → SENDING, one more attempt) in its own
 * committed transaction before it is handed to the SMTP server, by a conditional UPDATE that only
 * one dispatcher (thread or node) can win; it is marked SENT afterwards. A message found SENDING
 * for longer than {@code portal.notification.sending-lease} (the dispatcher died or lost the
 * database between sending and recording) may or may not have been delivered: it is marked
 * FAILED_UNKNOWN and is <em>not</em> resent automatically; an administrator can requeue it.
 *
 * <p><b>Retries.</b> An SMTP 5xx reply is permanent: FAILED after that attempt. Anything else
 * (4xx, refused connection, timeout) is retried after {@code initial-backoff * 2^(attempts-1)},
 * capped at {@code max-backoff}, until {@code max-attempts}, then FAILED.
 *
 * <p><b>Log.</b> When sending starts failing (the server cannot be reached, refuses the login or the mails) one
 * WARN line says so, and one INFO line when a mail goes out again; the attempts in between log at DEBUG only, and a
 * mail given up logs its id and kind, never its recipient (the outbox page shows that to administrators).
 */
@Component
public class MailDispatcher {

    public static final String MODE_SMTP = "smtp";
    public static final String MODE_HOLD = "hold";
    static final String LEASE_EXPIRED = "Outcome unknown: still SENDING after the lease expired; not resent automatically";

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final OutboxStore store;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationSettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;
    /** The failing streak of this instance, null while sending works (or nothing was tried yet). */
    private DeliveryTrouble trouble;

    public MailDispatcher(OutboxStore store, ObjectProvider<JavaMailSender> mailSender, NotificationSettings settings,
            Clock clock, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.mailSender = mailSender;
        this.settings = settings;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactionManager);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        mailSender.ifAvailable(this::applyTimeouts);
    }

    /** {@code smtp} when a mail server is configured, {@code hold} when mails stay in the outbox. */
    public String mode() {
        return mailSender.getIfAvailable() == null ? MODE_HOLD : MODE_SMTP;
    }

    /**
     * The attempts that failed in a row on this instance since the last mail it delivered, when the most recent one
     * failed; empty while sending works, before the first attempt and in hold mode.
     */
    public synchronized Optional<DeliveryTrouble> trouble() {
        return Optional.ofNullable(trouble);
    }

    @Scheduled(fixedDelayString = "${portal.notification.poll-interval:5s}",
            initialDelayString = "${portal.notification.poll-interval:5s}")
    void poll() {
        if (!settings.dispatchEnabled()) {
            return;
        }
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            log.warn("Mail dispatch run failed; retrying on the next run", e);
        }
    }

    /**
     * Deletes the outbox messages older than {@code portal.notification.retention} (sent, failed or still held), every
     * night: their bodies carry names, access codes and case details.
     *
     * @return the number of messages deleted
     */
    @Scheduled(cron = "${portal.notification.purge-cron:0 10 4 * * *}", zone = "Asia/Shanghai")
    public int purgeOld() {
        Integer deleted = tx.execute(s -> store.deleteCreatedBefore(clock.instant().minus(settings.retention())));
        if (deleted != null && deleted > 0) {
            log.info("Deleted {} outbox message(s) older than {}", deleted, settings.retention());
        }
        return deleted == null ? 0 : deleted;
    }

    /**
     * One dispatcher run: expires stale SENDING leases, then (in smtp mode) sends up to
     * {@code batch-size} due messages. Safe to call concurrently from several threads or nodes.
     *
     * @return the number of messages accepted by the SMTP server in this run
     */
    public int dispatchDue() {
        Instant now = clock.instant();
        Integer expired = tx.execute(s -> store.expireLeases(now.minus(settings.sendingLease()), LEASE_EXPIRED));
        if (expired != null && expired > 0) {
            log.warn("{} outbox message(s) were SENDING longer than {} and are now FAILED_UNKNOWN", expired,
                    settings.sendingLease());
        }
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        List<Long> due = tx.execute(s -> store.dueIds(now, settings.batchSize()));
        int sent = 0;
        for (Long id : due == null ? List.<Long>of() : due) {
            if (deliver(sender, id)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean deliver(JavaMailSender sender, long id) {
        Instant claimedAt = clock.instant();
        Boolean claimed = tx.execute(s -> store.claim(id, claimedAt));
        if (!Boolean.TRUE.equals(claimed)) {
            return false; // another dispatcher won it, or it is no longer pending
        }
        OutboxMessage message = tx.execute(s -> store.findById(id).orElseThrow());
        try {
            sender.send(toMime(sender, message, claimedAt));
        } catch (Exception failure) {
            recordFailure(message, failure);
            return false;
        }
        Instant sentAt = clock.instant();
        worked();
        tx.executeWithoutResult(s -> {
            if (!store.markSent(id, sentAt)) {
                log.warn("Outbox message {} was sent but was no longer SENDING when marked SENT", id);
            }
        });
        return true;
    }

    private void recordFailure(OutboxMessage message, Exception failure) {
        String error = SmtpFailures.describe(failure);
        SmtpFailures.Explanation explanation = SmtpFailures.explain(error);
        boolean permanent = SmtpFailures.isPermanent(failure);
        if (explanation.kind() == SmtpFailures.Kind.RECIPIENT) {
            worked(); // the server answered: only this address is refused
        } else {
            failed(error, explanation);
        }
        if (permanent || message.attempts() >= settings.maxAttempts()) {
            log.warn("Outbox message {} ({}) FAILED after {} attempt(s) ({}): {}", message.id(), kind(message),
                    message.attempts(), permanent ? "permanent" : "attempts exhausted", loggable(explanation));
            tx.executeWithoutResult(s -> store.markFailed(message.id(), error));
        } else {
            Instant next = clock.instant().plus(settings.backoffAfter(message.attempts()));
            log.debug("Outbox message {} ({}) attempt {} failed transiently, next attempt at {}: {}", message.id(),
                    kind(message), message.attempts(), next, loggable(explanation));
            tx.executeWithoutResult(s -> store.reschedule(message.id(), next, error));
        }
    }

    /** A mail went out (or the server answered): ends a failing streak, with one line in the log. */
    private synchronized void worked() {
        if (trouble != null) {
            log.info("Mail delivery works again after {} failed attempt(s) since {}", trouble.failedAttempts(),
                    trouble.since());
            trouble = null;
        }
    }

    /** An attempt failed: the first of a streak logs one WARN line, the others only count. */
    private synchronized void failed(String error, SmtpFailures.Explanation explanation) {
        if (trouble == null) {
            log.warn("Mail delivery is failing ({}); mails stay in the outbox and are retried, check spring.mail.*: {}",
                    explanation.kind(), loggable(explanation));
            trouble = new DeliveryTrouble(1, error, clock.instant());
        } else {
            trouble = new DeliveryTrouble(trouble.failedAttempts() + 1, error, trouble.since());
        }
    }

    /** The kind of mail, from its dedup key ({@code rating-received:PJ-…} → {@code rating-received}). */
    static String kind(OutboxMessage message) {
        String key = message.dedupKey() == null ? "" : message.dedupKey();
        int colon = key.indexOf(':');
        return colon > 0 ? key.substring(0, colon) : "mail";
    }

    /** The error for the log: its raw text, every mail address in it masked. */
    private static String loggable(SmtpFailures.Explanation explanation) {
        return SmtpFailures.withoutAddresses(explanation.raw());
    }

    private MimeMessage toMime(JavaMailSender sender, OutboxMessage message, Instant now)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = sender.createMimeMessage();
        boolean alternative = message.htmlBody() != null;
        MimeMessageHelper helper = new MimeMessageHelper(mime, alternative, StandardCharsets.UTF_8.name());
        helper.setFrom(fromAddress());
        helper.setTo(new InternetAddress(message.to(), true));
        helper.setSubject(message.subject());
        if (alternative) {
            helper.setText(message.textBody(), message.htmlBody());
        } else {
            helper.setText(message.textBody(), false);
        }
        helper.setSentDate(Date.from(now));
        mime.setHeader("Content-Language", message.locale().toLanguageTag());
        mime.setHeader("X-Portal-Outbox-Key", message.dedupKey());
        return mime;
    }

    private InternetAddress fromAddress() throws MessagingException, UnsupportedEncodingException {
        InternetAddress from = new InternetAddress(settings.from(), true);
        if (from.getPersonal() != null) {
            from.setPersonal(from.getPersonal(), StandardCharsets.UTF_8.name());
        }
        return from;
    }

    /** Without timeouts a hung SMTP server would block the dispatcher forever (JavaMail's default). */
    private void applyTimeouts(JavaMailSender sender) {
        if (!(sender instanceof JavaMailSenderImpl impl)) {
            return;
        }
        String protocol = impl.getProtocol() == null ? "smtp" : impl.getProtocol();
        Properties properties = new Properties();
        properties.putAll(impl.getJavaMailProperties());
        String millis = Long.toString(settings.smtpTimeout().toMillis());
        for (String name : List.of("connectiontimeout", "timeout", "writetimeout")) {
            properties.putIfAbsent("mail." + protocol + "." + name, millis);
        }
        impl.setJavaMailProperties(properties);
    }
}
