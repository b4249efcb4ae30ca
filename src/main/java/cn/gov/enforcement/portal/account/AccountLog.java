package cn.gov.enforcement.portal.account;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account log: who created, changed, reset, disabled or enabled which staff account, each person's own password
 * and notification e-mail changes, and every sign-in attempt with its client address. An entry is written in the
 * same transaction as the change it records, so there is no change without its entry. Administrators read it;
 * entries older than {@code portal.account.log-retention} are deleted once a day.
 */
@Service
public class AccountLog {

    /** At most this many entries are shown at once, newest first. */
    public static final int PAGE = 500;

    private static final Logger LOG = LoggerFactory.getLogger(AccountLog.class);

    private final AccountEventRepository events;
    private final Clock clock;
    private final AccountSettings settings;

    AccountLog(AccountEventRepository events, Clock clock, AccountSettings settings) {
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    /** Writes one entry, in the caller's transaction when there is one. Over-long values are cut to their column. */
    @Transactional
    void record(AccountAction action, String username, String actor, String clientAddress, String detail) {
        events.save(new AccountEvent(OffsetDateTime.now(clock), action, cut(username == null ? "" : username, 64),
                cut(actor, 64), cut(clientAddress, 64), cut(detail, 200)));
    }

    /**
     * The newest entries (at most {@value #PAGE}), of one account when {@code username} is given (either case), of
     * one kind when {@code action} is given.
     */
    @RolesAllowed("ADMIN")
    @Transactional(readOnly = true)
    public List<AccountLogEntry> entries(String username, AccountAction action) {
        String key = username == null || username.isBlank() ? null : AccountEvent.key(username.strip());
        PageRequest page = PageRequest.of(0, PAGE);
        List<AccountEvent> found;
        if (key == null) {
            found = action == null ? events.latest(page) : events.latestOf(action, page);
        } else {
            found = action == null ? events.latestOf(key, page) : events.latestOf(key, action, page);
        }
        return found.stream().map(AccountEvent::entry).toList();
    }

    /** The configured retention in days, for the page that explains it. */
    public long retentionDays() {
        return settings.logRetention().toDays();
    }

    @Scheduled(cron = "${portal.account.log-purge-cron:0 50 3 * * *}", zone = "Asia/Shanghai")
    public void scheduledPurge() {
        int deleted = purge();
        if (deleted > 0) {
            LOG.info("Account log: {} entries older than {} deleted", deleted, settings.logRetention());
        }
    }

    /** Deletes the entries older than the retention period as of the clock's now; returns how many. */
    @Transactional
    public int purge() {
        return events.deleteOlderThan(OffsetDateTime.now(clock).minus(settings.logRetention()));
    }

    private static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }
}
