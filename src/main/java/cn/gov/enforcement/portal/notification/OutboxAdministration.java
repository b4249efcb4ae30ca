package cn.gov.enforcement.portal.notification;

import cn.gov.enforcement.portal.notification.internal.MailDispatcher;
import cn.gov.enforcement.portal.notification.internal.OutboxStore;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Service;

/** What administrators may see and do with the outbox. Every method requires role ADMIN. */
@Service
@RolesAllowed("ADMIN")
public class OutboxAdministration {

    static final int MAX_PAGE = 500;

    private final OutboxStore store;
    private final MailDispatcher dispatcher;
    private final Clock clock;

    OutboxAdministration(OutboxStore store, MailDispatcher dispatcher, Clock clock) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** Messages, newest first; {@code status} null means all. */
    @Transactional(readOnly = true)
    public List<OutboxMessage> list(MailStatus status, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        return store.page(status, offset, Math.min(limit, MAX_PAGE));
    }

    /** Number of messages with that status ({@code null}: all). */
    @Transactional(readOnly = true)
    public long count(MailStatus status) {
        return store.count(status);
    }

    /**
     * Number of messages per status for every status but {@link MailStatus#SENT} (each of them present, zero when
     * none); the sent mails are counted by {@link #count} only, so that this stays cheap with years of sent mail.
     */
    @Transactional(readOnly = true)
    public Map<MailStatus, Long> countByStatus() {
        return store.countByStatus();
    }

    @Transactional(readOnly = true)
    public Optional<OutboxMessage> find(long id) {
        return store.findById(id);
    }

    /**
     * Puts a FAILED or FAILED_UNKNOWN message back into the queue, due now, with its attempts reset.
     * For FAILED_UNKNOWN the recipient may receive it twice: check the mail server's log first.
     *
     * @return false when the message does not exist or is not in a retryable state (nothing changed)
     */
    @Transactional
    public boolean retry(long id) {
        return store.requeue(id, clock.instant());
    }

    /**
     * The failing streak of the mail server as this instance saw it: every attempt since {@code since} failed, the
     * last with {@code lastError}. Empty while mails go out, before the first attempt and in hold mode.
     */
    public Optional<DeliveryTrouble> trouble() {
        return dispatcher.trouble();
    }

    /** {@code smtp} or {@code hold}. */
    public String mode() {
        return dispatcher.mode();
    }
}
