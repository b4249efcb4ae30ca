package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The list and agency index rebuilds got listener ids of their own ({@code search-index:lists},
 * {@code search-index:agencies}) so that the retry job can find them. Publications still pending under the ids Spring
 * Modulith gave them before (the listener method's name) are moved to the new ids; otherwise no listener would answer
 * to them and their rebuild would never run again. A database without the table (Spring Modulith creates it at start)
 * has nothing to move.
 */
public class V23__Index_listener_ids extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!hasTable(connection, "event_publication") && !hasTable(connection, "EVENT_PUBLICATION")) {
            return;
        }
        move(connection, "cn.gov.enforcement.portal.lists.ListIndexer.%", "search-index:lists");
        move(connection, "cn.gov.enforcement.portal.agency.AgencyIndexer.%", "search-index:agencies");
    }

    private static boolean hasTable(Connection connection, String name) throws Exception {
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), name,
                new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    private static void move(Connection connection, String oldIds, String newId) throws Exception {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE event_publication SET listener_id = ? WHERE listener_id LIKE ? AND completion_date IS NULL")) {
            update.setString(1, newId);
            update.setString(2, oldIds);
            update.executeUpdate();
        }
    }
}
