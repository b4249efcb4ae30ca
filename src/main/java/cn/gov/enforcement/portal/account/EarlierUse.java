package cn.gov.enforcement.portal.account;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What in the database only a portal in use writes: staff accounts, applications and ratings of the public, staff
 * work and its audit, mails. A database without an administrator that holds any of it is not a first start's (an
 * administrator cannot be removed, only disabled): it was restored incompletely or from the wrong backup, and
 * {@link InitialAdministrator} does not treat it as a first start. Left out: what a start writes by itself (the
 * knowledge base's agencies and list entries, the schema history), what may come before the first start (regulations
 * imported on the command line) and the account log (a sign-in attempt is logged while the first start is still on its
 * way to creating the administrator). Read with plain SQL over the other modules' tables, which Flyway created.
 */
@Component
class EarlierUse {

    /** A table and what its rows are, in the words of the warning. */
    record Table(String name, String rows) {
    }

    /** Rows found in a table. */
    record Found(Table table, long count) {

        @Override
        public String toString() {
            return count + " " + table.rows() + " (" + table.name() + ")";
        }
    }

    static final List<Table> TABLES = List.of(
            new Table("portal_user", "staff accounts"),
            new Table("mediation_case", "mediation cases"),
            new Table("mediation_audit", "mediation audit entries"),
            new Table("enforcement_rating", "ratings"),
            new Table("selfcheck_submission", "self-check submissions"),
            new Table("guidance_document", "guidance documents"),
            new Table("lists_entry_version", "list entry versions"),
            new Table("lists_audit", "list audit entries"),
            new Table("agency_version", "agency detail versions"),
            new Table("agency_audit", "agency detail audit entries"),
            new Table("working_calendar_log", "working-day calendar saves"),
            new Table("notification_outbox", "mails in the outbox"));

    private final JdbcClient jdbc;

    EarlierUse(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tables of {@link #TABLES} that hold rows, with their counts; empty for a database no portal has used. */
    List<Found> find() {
        List<Found> found = new ArrayList<>();
        for (Table table : TABLES) {
            // the names are this class's constants, never input
            long count = jdbc.sql("select count(*) from " + table.name()).query(Long.class).single();
            if (count > 0) {
                found.add(new Found(table, count));
            }
        }
        return found;
    }
}
