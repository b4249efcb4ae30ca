package cn.gov.enforcement.portal.lists;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Plain JDBC access to the back-office tables (V7__lists_backoffice.sql). */
@Component
class ListVersionStore {

    /** One stored version of an entry. */
    record Version(long id, String entryId, int versionNo, String listKind, String agency, EntryStatus status,
            String origin, String payload, String createdBy, Instant createdAt, String submittedBy) {}

    /**
     * The newest version of an entry as the editors' list shows it, read without its payload: {@code payload} is
     * null unless the version was stored before its title and dates had columns of their own (V20), and then those
     * are null.
     */
    record Line(String entryId, int versionNo, String listKind, String agency, EntryStatus status, String title,
            LocalDate effectiveFrom, LocalDate effectiveTo, String payload, String submittedBy) {}

    /** One audit record. */
    record Audit(Instant at, String actor, String agency, String entryId, String action, Integer versionNo,
            String detail) {}

    /**
     * Another transaction stored the same version number of the entry first (two saves at the same
     * moment). The current transaction cannot go on (PostgreSQL has aborted it) and must be rolled back.
     */
    static class VersionCollision extends RuntimeException {
        VersionCollision(String entryId, int versionNo, Throwable cause) {
            super("Version " + versionNo + " of " + entryId + " was stored concurrently", cause);
        }
    }

    static final String ORIGIN_FILE = "FILE";
    static final String ORIGIN_EDIT = "EDIT";

    private final JdbcTemplate jdbc;

    ListVersionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Version> versions(String entryId) {
        return jdbc.query("select * from lists_entry_version where entry_id = ? order by version_no", this::version,
                entryId);
    }

    Optional<Version> latest(String entryId) {
        return jdbc.query("select * from lists_entry_version where entry_id = ? order by version_no desc",
                this::version, entryId).stream().findFirst();
    }

    /** The newest version of every entry of an agency, without the payloads (but of versions stored before V20). */
    List<Line> latestOfAgency(String agency) {
        return jdbc.query("select v.entry_id, v.version_no, v.list_kind, v.agency, v.status, v.title, v.effective_from, "
                + "v.effective_to, v.submitted_by, case when v.title is null then v.payload end as payload "
                + "from lists_entry_version v "
                + "where v.agency = ? and v.version_no = (select max(w.version_no) from lists_entry_version w "
                + "where w.entry_id = v.entry_id) order by v.entry_id", (rs, i) -> new Line(rs.getString("entry_id"),
                        rs.getInt("version_no"), rs.getString("list_kind"), rs.getString("agency"),
                        EntryStatus.valueOf(rs.getString("status")), rs.getString("title"),
                        rs.getObject("effective_from", LocalDate.class), rs.getObject("effective_to", LocalDate.class),
                        rs.getString("payload"), rs.getString("submitted_by")), agency);
    }

    /** The ids of the entries the back office maintains, of one agency (every agency when null). */
    List<String> entryIds(String agency) {
        return agency == null
                ? jdbc.queryForList("select distinct entry_id from lists_entry_version", String.class)
                : jdbc.queryForList("select distinct entry_id from lists_entry_version where agency = ?", String.class,
                        agency);
    }

    /** The newest version of each of these entries (those that have one), with its payload, in one query. */
    List<Version> latestOf(java.util.Collection<String> entryIds) {
        if (entryIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(entryIds.size(), "?"));
        return jdbc.query("select * from lists_entry_version v where v.entry_id in (" + marks + ") "
                + "and v.version_no = (select max(w.version_no) from lists_entry_version w where w.entry_id = v.entry_id)",
                this::version, entryIds.toArray());
    }

    /** Ids of the entries of a list that are maintained in the back office. */
    Set<String> ownedIds(String listKind) {
        return new HashSet<>(jdbc.queryForList("select distinct entry_id from lists_entry_version where list_kind = ?",
                String.class, listKind));
    }

    /** Every payload any version of the entry ever had. */
    Set<String> payloads(String entryId) {
        return new HashSet<>(jdbc.queryForList("select payload from lists_entry_version where entry_id = ?",
                String.class, entryId));
    }

    boolean exists(String entryId) {
        Integer n = jdbc.queryForObject("select count(*) from lists_entry_version where entry_id = ?", Integer.class,
                entryId);
        return n != null && n > 0;
    }

    /**
     * Stores version {@code next} of an entry. The caller names the number (the version it started from
     * plus one), so that a version another transaction stored in the meantime makes this insert collide
     * instead of silently becoming the version after it. {@code title}, {@code effectiveFrom} and
     * {@code effectiveTo} are those of the payload, for the editors' list.
     *
     * @throws VersionCollision when the entry already has version {@code next}
     */
    int insert(String entryId, int next, String listKind, String agency, EntryStatus status, String origin,
            String payload, String title, LocalDate effectiveFrom, LocalDate effectiveTo, String createdBy, Instant at) {
        try {
            jdbc.update("insert into lists_entry_version (entry_id, version_no, list_kind, agency, status, origin, "
                    + "payload, title, effective_from, effective_to, created_by, created_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entryId, next, listKind, agency, status.name(),
                    origin, payload, title, effectiveFrom, effectiveTo, createdBy, Timestamp.from(at));
        } catch (DuplicateKeyException e) {
            throw new VersionCollision(entryId, next, e);
        }
        return next;
    }

    /**
     * Sets the status of a version if it still has the status {@code from}.
     *
     * @return false when another transaction changed the status first (nothing is changed)
     */
    boolean setStatus(long versionId, EntryStatus from, EntryStatus status, String submittedBy) {
        return jdbc.update("update lists_entry_version set status = ?, submitted_by = ? where id = ? and status = ?",
                status.name(), submittedBy, versionId, from.name()) == 1;
    }

    /** The newest audit record of an entry, if any. */
    Optional<Audit> lastAudit(String entryId) {
        return jdbc.query("select * from lists_audit where entry_id = ? order by id desc limit 1", this::audit, entryId)
                .stream().findFirst();
    }

    void audit(Instant at, String actor, String agency, String entryId, String action, Integer versionNo,
            String detail) {
        jdbc.update("insert into lists_audit (at, actor, agency, entry_id, action, version_no, detail) "
                + "values (?, ?, ?, ?, ?, ?, ?)", Timestamp.from(at), actor, agency, entryId, action, versionNo,
                detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail);
    }

    /** The newest audit records first, of one agency (every agency when null), at most {@code limit}. */
    List<Audit> auditLog(String agency, int limit) {
        String sql = "select * from lists_audit" + (agency == null ? "" : " where agency = ?")
                + " order by at desc, id desc limit " + Math.max(1, limit);
        return agency == null ? jdbc.query(sql, this::audit) : jdbc.query(sql, this::audit, agency);
    }

    private Version version(ResultSet rs, int i) throws SQLException {
        return new Version(rs.getLong("id"), rs.getString("entry_id"), rs.getInt("version_no"),
                rs.getString("list_kind"), rs.getString("agency"), EntryStatus.valueOf(rs.getString("status")),
                rs.getString("origin"), rs.getString("payload"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("submitted_by"));
    }

    private Audit audit(ResultSet rs, int i) throws SQLException {
        int no = rs.getInt("version_no");
        return new Audit(rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("agency"),
                rs.getString("entry_id"), rs.getString("action"), rs.wasNull() ? null : no, rs.getString("detail"));
    }
}
