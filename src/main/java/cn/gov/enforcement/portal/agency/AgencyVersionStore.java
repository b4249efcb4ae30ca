package cn.gov.enforcement.portal.agency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Plain JDBC access to the agency back-office tables (V31__agency_backoffice.sql). */
@Component
class AgencyVersionStore {

    static final String ORIGIN_FILE = "FILE";
    static final String ORIGIN_EDIT = "EDIT";

    /** One stored version of an agency's details; {@code payload} is the agency in the knowledge-base format. */
    record Version(String agencyId, int versionNo, String origin, String payload, String createdBy, Instant createdAt) {}

    /** One audit record; {@code detail} holds one change per line, a verb and its argument ("revoked SJ-…"). */
    record Audit(Instant at, String actor, String agencyId, String action, Integer versionNo, String detail) {}

    /**
     * Another transaction stored the same version number of the agency first (two saves at the same moment). The
     * current transaction cannot go on (PostgreSQL has aborted it) and must be rolled back.
     */
    static class VersionCollision extends RuntimeException {
        VersionCollision(String agencyId, int versionNo, Throwable cause) {
            super("Version " + versionNo + " of agency " + agencyId + " was stored concurrently", cause);
        }
    }

    private final JdbcTemplate jdbc;

    AgencyVersionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every version of an agency, oldest first. */
    List<Version> versions(String agencyId) {
        return jdbc.query("select * from agency_version where agency_id = ? order by version_no", this::version,
                agencyId);
    }

    Optional<Version> latest(String agencyId) {
        return jdbc.query("select * from agency_version where agency_id = ? order by version_no desc limit 1",
                this::version, agencyId).stream().findFirst();
    }

    /** The agencies maintained in the back office (those with a version). */
    Set<String> ownedIds() {
        return new HashSet<>(jdbc.queryForList("select distinct agency_id from agency_version", String.class));
    }

    /** Every payload any version of the agency ever had. */
    Set<String> payloads(String agencyId) {
        return new HashSet<>(jdbc.queryForList("select payload from agency_version where agency_id = ?", String.class,
                agencyId));
    }

    /**
     * Stores version {@code next}: the caller names the number (the version it started from plus one), so that a
     * version another transaction stored in the meantime makes this insert collide.
     *
     * @throws VersionCollision when the agency already has version {@code next}
     */
    void insert(String agencyId, int next, String origin, String payload, String createdBy, Instant at) {
        try {
            jdbc.update("insert into agency_version (agency_id, version_no, origin, payload, created_by, created_at) "
                    + "values (?, ?, ?, ?, ?, ?)", agencyId, next, origin, payload, createdBy, Timestamp.from(at));
        } catch (DuplicateKeyException e) {
            throw new VersionCollision(agencyId, next, e);
        }
    }

    void audit(Instant at, String actor, String agencyId, String action, Integer versionNo, String detail) {
        jdbc.update("insert into agency_audit (at, actor, agency_id, action, version_no, detail) values (?, ?, ?, ?, ?, ?)",
                Timestamp.from(at), actor, agencyId, action, versionNo,
                detail == null ? null : detail.length() > 4000 ? detail.substring(0, 4000) : detail);
    }

    /** The newest audit records first, of one agency (every agency when null), at most {@code limit}. */
    List<Audit> auditLog(String agencyId, int limit) {
        String sql = "select * from agency_audit" + (agencyId == null ? "" : " where agency_id = ?")
                + " order by at desc, id desc limit " + Math.max(1, limit);
        return agencyId == null ? jdbc.query(sql, this::audit) : jdbc.query(sql, this::audit, agencyId);
    }

    /**
     * The audit records of one agency (every agency when null) from {@code from} (inclusive) to {@code until}
     * (exclusive; either open when null) with at least one change of verb {@code verb} (any when null): the newest
     * first, {@code limit} of them from the {@code offset}-th.
     */
    List<Audit> auditPage(String agencyId, Instant from, Instant until, String verb, long offset, int limit) {
        List<Object> args = new ArrayList<>();
        String sql = "select * from agency_audit" + auditWhere(agencyId, from, until, verb, args)
                + " order by at desc, id desc limit ? offset ?";
        args.add(Math.max(1, limit));
        args.add(Math.max(0, offset));
        return jdbc.query(sql, this::audit, args.toArray());
    }

    /** How many audit records {@link #auditPage} pages through. */
    long auditCount(String agencyId, Instant from, Instant until, String verb) {
        List<Object> args = new ArrayList<>();
        Long count = jdbc.queryForObject("select count(*) from agency_audit"
                + auditWhere(agencyId, from, until, verb, args), Long.class, args.toArray());
        return count == null ? 0 : count;
    }

    /** The where clause of a filtered audit query; its arguments are added to {@code args}. */
    private static String auditWhere(String agencyId, Instant from, Instant until, String verb, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (agencyId != null) {
            conditions.add("agency_id = ?");
            args.add(agencyId);
        }
        if (from != null) {
            conditions.add("at >= ?");
            args.add(Timestamp.from(from));
        }
        if (until != null) {
            conditions.add("at < ?");
            args.add(Timestamp.from(until));
        }
        if (verb != null) {
            // one change a line, the verb first: "revoked TA-…" matches revoked, not addedRevoked
            conditions.add("(? || detail) like ?");
            args.add("\n");
            args.add("%\n" + verb + " %");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private Version version(ResultSet rs, int i) throws SQLException {
        return new Version(rs.getString("agency_id"), rs.getInt("version_no"), rs.getString("origin"),
                rs.getString("payload"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    private Audit audit(ResultSet rs, int i) throws SQLException {
        int no = rs.getInt("version_no");
        return new Audit(rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("agency_id"),
                rs.getString("action"), rs.wasNull() ? null : no, rs.getString("detail"));
    }
}
