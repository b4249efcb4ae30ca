package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public reference numbers are the year and a sequence's value (PJ-2026-000001): with H2's cache of 32 values a
 * restart skipped the rest of the cache, and the first rating after it was PJ-2026-000033. The migrated schema of a
 * file database, stopped without closing the database (a kill, a power cut), hands out the next numbers without a gap.
 */
class ReferenceNumberSequencesTest {

    @TempDir
    Path dir;

    @Test
    void the_reference_number_sequences_go_on_without_a_gap_after_a_restart() throws Exception {
        Files.createDirectories(dir);
        String url = "jdbc:h2:file:" + dir.resolve("portal").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        List<String> sequences = List.of("enforcement_rating_seq", "mediation_case_seq", "guidance_document_seq");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            for (String sequence : sequences) {
                assertThat(next(s, sequence)).as(sequence).isEqualTo(1);
                assertThat(next(s, sequence)).as(sequence).isEqualTo(2);
            }
            // what was committed is on disk; then the process dies (a kill, a power cut) without closing the database
            s.execute("CHECKPOINT");
            s.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException closedByShutdown) {
            // the connection ends with the database
        }
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            for (String sequence : sequences) {
                assertThat(next(s, sequence)).as(sequence + " after the restart").isEqualTo(3);
            }
            s.execute("SHUTDOWN");
        }
    }

    private static long next(Statement s, String sequence) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT NEXT VALUE FOR " + sequence)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
