package cn.gov.enforcement.portal.notification.internal;

import cn.gov.enforcement.portal.notification.MailStatus;
import cn.gov.enforcement.portal.notification.OutboxMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Plain JDBC access to {@code notification_outbox}. Every state change is a single conditional
 * UPDATE on the expected status, so that two dispatchers can never both win the same row.
 */
@Repository
public class OutboxStore {

    public static final int MAX_ERROR_LENGTH = 2000;

    private static final String COLUMNS = "id, dedup_key, recipient, subject, text_body, html_body, locale, status, "
            + "attempts, created_at, next_attempt_at, claimed_at, sent_at, last_error";

    private static final RowMapper<OutboxMessage> MAPPER = OutboxStore::map;

    private final JdbcClient jdbc;

    public OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OutboxMessage> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_outbox WHERE id = ?")
                .param(id).query(MAPPER).optional();
    }

    public Optional<OutboxMessage> findByDedupKey(String dedupKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_outbox WHERE dedup_key = ?")
                .param(dedupKey).query(MAPPER).optional();
    }

    /** Inserts a PENDING row due now; throws DuplicateKeyException when the dedup key exists. */
    public long insert(String dedupKey, String to, String subject, String textBody, String htmlBody, Locale locale,
            Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO notification_outbox (dedup_key, recipient, subject, text_body, html_body, locale, status, "
                        + "attempts, created_at, next_attempt_at, version) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, 0)")
                .params(dedupKey, to, subject, textBody, htmlBody, locale.toLanguageTag(), ts(now), ts(now))
                .update(keys, "id");
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("No id generated for outbox message " + dedupKey);
        }
        return id.longValue();
    }

    /** Ids of PENDING messages due at {@code now}, oldest first. */
    public List<Long> dueIds(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM notification_outbox WHERE status = 'PENDING' AND next_attempt_at <= ? "
                        + "ORDER BY next_attempt_at, id LIMIT ?")
                .params(ts(now), limit).query(Long.class).list();
    }

    /** PENDING → SENDING and one more attempt; true only for the one caller that changed the row. */
    public boolean claim(long id, Instant now) {
        return jdbc.sql("UPDATE notification_outbox SET status = 'SENDING', attempts = attempts + 1, claimed_at = ?, "
                        + "version = version + 1 WHERE id = ? AND status = 'PENDING'")
                .params(ts(now), id).update() == 1;
    }

    public boolean markSent(long id, Instant now) {
        return jdbc.sql("UPDATE notification_outbox SET status = 'SENT', sent_at = ?, last_error = NULL, "
                        + "version = version + 1 WHERE id = ? AND status = 'SENDING'")
                .params(ts(now), id).update() == 1;
    }

    public boolean markFailed(long id, String error) {
        return jdbc.sql("UPDATE notification_outbox SET status = 'FAILED', last_error = ?, version = version + 1 "
                        + "WHERE id = ? AND status = 'SENDING'")
                .params(truncate(error), id).update() == 1;
    }

    /** SENDING → PENDING, due again at {@code next}. */
    public boolean reschedule(long id, Instant next, String error) {
        return jdbc.sql("UPDATE notification_outbox SET status = 'PENDING', next_attempt_at = ?, last_error = ?, "
                        + "version = version + 1 WHERE id = ? AND status = 'SENDING'")
                .params(ts(next), truncate(error), id).update() == 1;
    }

    /** Every message SENDING since before {@code claimedBefore} becomes FAILED_UNKNOWN. */
    public int expireLeases(Instant claimedBefore, String error) {
        return jdbc.sql("UPDATE notification_outbox SET status = 'FAILED_UNKNOWN', last_error = ?, "
                        + "version = version + 1 WHERE status = 'SENDING' AND claimed_at < ?")
                .params(truncate(error), ts(claimedBefore)).update();
    }

    /** FAILED or FAILED_UNKNOWN → PENDING due now, attempts reset. */
    public boolean requeue(long id, Instant now) {
        return jdbc.sql("UPDATE notification_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?, "
                        + "claimed_at = NULL, version = version + 1 "
                        + "WHERE id = ? AND status IN ('FAILED', 'FAILED_UNKNOWN')")
                .params(ts(now), id).update() == 1;
    }

    /** Deletes the messages created before {@code cutoff}, except those being sent right now; returns how many. */
    public int deleteCreatedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM notification_outbox WHERE created_at < ? AND status <> 'SENDING'")
                .param(ts(cutoff)).update();
    }

    /** Newest first; {@code status} null means every status. */
    public List<OutboxMessage> page(MailStatus status, int offset, int limit) {
        if (status == null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM notification_outbox ORDER BY created_at DESC, id DESC "
                    + "LIMIT ? OFFSET ?").params(limit, offset).query(MAPPER).list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_outbox WHERE status = ? "
                        + "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(status.name(), limit, offset).query(MAPPER).list();
    }

    public long count(MailStatus status) {
        if (status == null) {
            return jdbc.sql("SELECT COUNT(*) FROM notification_outbox").query(Long.class).single();
        }
        return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE status = ?")
                .param(status.name()).query(Long.class).single();
    }

    /** The statuses {@link #countByStatus} counts: every one but {@link MailStatus#SENT}. */
    public static final java.util.Set<MailStatus> COUNTED = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.complementOf(java.util.EnumSet.of(MailStatus.SENT)));

    /**
     * Number of messages per status, for every status but {@link MailStatus#SENT} (each of them present, zero when
     * none): the mails waiting, being sent or failed, which the health check and the staff pages show. The sent
     * mails, nearly every row of the table, are not counted (read through the (status, next_attempt_at) index, the
     * count stays cheap however many mails were sent); {@link #count} counts them when asked.
     */
    public Map<MailStatus, Long> countByStatus() {
        Map<MailStatus, Long> counts = new EnumMap<>(MailStatus.class);
        for (MailStatus s : COUNTED) {
            counts.put(s, 0L);
        }
        String statuses = COUNTED.stream().map(s -> "'" + s.name() + "'").collect(java.util.stream.Collectors.joining(", "));
        jdbc.sql("SELECT status, COUNT(*) AS n FROM notification_outbox WHERE status IN (" + statuses + ") "
                + "GROUP BY status")
                .query((rs, i) -> Map.entry(MailStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list().forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private static OutboxMessage map(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(
                rs.getLong("id"),
                rs.getString("dedup_key"),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getString("text_body"),
                rs.getString("html_body"),
                Locale.forLanguageTag(rs.getString("locale")),
                MailStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs, "created_at"),
                instant(rs, "next_attempt_at"),
                instant(rs, "claimed_at"),
                instant(rs, "sent_at"),
                rs.getString("last_error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime ts(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static String truncate(String error) {
        if (error == null) {
            return null;
        }
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
