package cn.gov.enforcement.portal.notification;

import cn.gov.enforcement.portal.notification.internal.OutboxStore;
import cn.gov.enforcement.portal.platform.Translations;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entrance to the mail outbox. Call {@link #enqueue} inside the transaction that causes the
 * mail: the mail is stored if and only if that transaction commits, and it is delivered later by
 * the dispatcher.
 *
 * <p>Delivery is <b>at most once</b>: a mail whose outcome is unknown (the dispatcher stopped
 * between handing it to the SMTP server and recording the result) is marked FAILED_UNKNOWN after
 * {@code portal.notification.sending-lease} and is never resent automatically; an administrator
 * may requeue it in the outbox view. Transient SMTP failures are retried with exponential backoff,
 * SMTP 5xx rejections are final (FAILED). Without {@code spring.mail.host} mails stay PENDING.
 */
@Service
public class Outbox {

    static final int MAX_DEDUP_KEY = 200;
    static final int MAX_ADDRESS = 254;
    static final int MAX_LOCAL_PART = 64;
    static final int MAX_SUBJECT = 500;

    private final OutboxStore store;
    private final DataSource dataSource;
    private final Clock clock;
    private final Translations translations;

    Outbox(OutboxStore store, DataSource dataSource, Clock clock, Translations translations) {
        this.store = store;
        this.dataSource = dataSource;
        this.clock = clock;
        this.translations = translations;
    }

    /**
     * Stores a mail in the outbox as part of the caller's transaction (there must be one: outside a
     * transaction this throws {@link org.springframework.transaction.IllegalTransactionStateException}).
     * When a mail with the same dedup key is already stored (committed, or earlier in this
     * transaction) nothing new is stored and the existing message is returned; a concurrent
     * duplicate is absorbed through a savepoint so that the caller's transaction stays usable.
     *
     * @throws InvalidMailException with a message in the mail's language when the mail is invalid
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxMessage enqueue(OutgoingMail mail) {
        Locale locale = Translations.supported(mail == null ? null : mail.locale());
        validate(mail, locale);
        String key = mail.dedupKey().trim();
        Optional<OutboxMessage> existing = store.findByDedupKey(key);
        if (existing.isPresent()) {
            return existing.get();
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            long id;
            try {
                id = store.insert(key, mail.to().trim(), mail.subject().trim(), mail.textBody(), blankToNull(mail.htmlBody()),
                        locale, clock.instant());
            } catch (DuplicateKeyException concurrentDuplicate) {
                connection.rollback(savepoint);
                return store.findByDedupKey(key).orElseThrow(() -> concurrentDuplicate);
            }
            connection.releaseSavepoint(savepoint);
            return store.findById(id).orElseThrow();
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Cannot use a savepoint for the outbox insert", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private void validate(OutgoingMail mail, Locale locale) {
        if (mail == null) {
            throw new IllegalArgumentException("mail must not be null");
        }
        String key = mail.dedupKey();
        if (key == null || key.isBlank() || key.trim().length() > MAX_DEDUP_KEY) {
            throw invalid("dedupKey", locale, "notification.error.dedupKey", MAX_DEDUP_KEY);
        }
        if (!isValidAddress(mail.to())) {
            throw invalid("to", locale, "notification.error.recipient", mail.to() == null ? "" : mail.to());
        }
        String subject = mail.subject();
        if (subject == null || subject.isBlank()) {
            throw invalid("subject", locale, "notification.error.subject.empty");
        }
        if (subject.trim().length() > MAX_SUBJECT || subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            throw invalid("subject", locale, "notification.error.subject.format", MAX_SUBJECT);
        }
        if (mail.textBody() == null || mail.textBody().isBlank()) {
            throw invalid("textBody", locale, "notification.error.body");
        }
    }

    /**
     * True for one plain address ({@code name@domain.tld}) without display name, list or
     * line breaks, as accepted by the strict RFC 822 parser: at most 254 characters, a local part
     * of at most 64, a dotted domain whose last label has at least two characters. The one rule
     * for every address the portal accepts from a form.
     */
    public static boolean isValidAddress(String address) {
        if (address == null) {
            return false;
        }
        String trimmed = address.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_ADDRESS || trimmed.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(trimmed, true);
            parsed.validate();
            String plain = parsed.getAddress();
            int at = plain.lastIndexOf('@');
            return parsed.getPersonal() == null
                    && plain.equals(trimmed)
                    && at > 0
                    && at <= MAX_LOCAL_PART
                    && plain.indexOf('.', at) > at + 1
                    && plain.length() - plain.lastIndexOf('.') > 2;
        } catch (AddressException e) {
            return false;
        }
    }

    private InvalidMailException invalid(String field, Locale locale, String key, Object... args) {
        return new InvalidMailException(field, translations.get(locale, key, args));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
