package db.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/** Index rebuilds pending under the listener ids of before are moved to the ids the retry job looks for. */
class IndexListenerIdsMigrationTest {

    @Test
    void pending_rebuilds_get_the_new_ids_and_other_publications_stay_as_they_are() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:listener-ids;DB_CLOSE_DELAY=-1", "sa", "");
                Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE EVENT_PUBLICATION (ID UUID NOT NULL, COMPLETION_DATE TIMESTAMP(9) WITH TIME ZONE,"
                    + " EVENT_TYPE VARCHAR(512) NOT NULL, LISTENER_ID VARCHAR(512) NOT NULL,"
                    + " PUBLICATION_DATE TIMESTAMP(9) WITH TIME ZONE NOT NULL, SERIALIZED_EVENT VARCHAR(4000) NOT NULL,"
                    + " PRIMARY KEY (ID))");
            insert(sql, "cn.gov.enforcement.portal.lists.ListIndexer.on(cn.gov.enforcement.portal.lists.ListsChanged)", false);
            insert(sql, "cn.gov.enforcement.portal.agency.AgencyIndexer.on(cn.gov.enforcement.portal.agency.AgencyDirectoryChanged)",
                    false);
            insert(sql, "cn.gov.enforcement.portal.lists.ListIndexer.on(cn.gov.enforcement.portal.lists.ListsChanged)", true);
            insert(sql, "cn.gov.enforcement.portal.rating.RatingMails.on(cn.gov.enforcement.portal.rating.RatingSubmitted)",
                    false);
            Context context = mock(Context.class);
            when(context.getConnection()).thenReturn(connection);

            new V23__Index_listener_ids().migrate(context);

            List<String> ids = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery(
                    "SELECT LISTENER_ID, COMPLETION_DATE IS NULL FROM EVENT_PUBLICATION ORDER BY LISTENER_ID")) {
                while (rows.next()) {
                    ids.add(rows.getString(1) + (rows.getBoolean(2) ? " pending" : " done"));
                }
            }
            assertThat(ids).containsExactly(
                    "cn.gov.enforcement.portal.lists.ListIndexer.on(cn.gov.enforcement.portal.lists.ListsChanged) done",
                    "cn.gov.enforcement.portal.rating.RatingMails.on(cn.gov.enforcement.portal.rating.RatingSubmitted) pending",
                    "search-index:agencies pending", "search-index:lists pending");
        }
    }

    @Test
    void a_database_without_the_table_has_nothing_to_move() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:no-publications;DB_CLOSE_DELAY=-1", "sa", "")) {
            Context context = mock(Context.class);
            when(context.getConnection()).thenReturn(connection);
            new V23__Index_listener_ids().migrate(context);
        }
    }

    private static void insert(Statement sql, String listener, boolean done) throws Exception {
        sql.execute("INSERT INTO EVENT_PUBLICATION VALUES (RANDOM_UUID(), " + (done ? "CURRENT_TIMESTAMP" : "NULL")
                + ", 'x', '" + listener + "', CURRENT_TIMESTAMP, '{}')");
    }
}
