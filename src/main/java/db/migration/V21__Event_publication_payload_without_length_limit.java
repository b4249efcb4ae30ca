package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2 only: the serialized events of Spring Modulith's event publication registry may be longer than 4000
 * characters. Spring Modulith creates the table at start-up (spring.modulith.events.jdbc.schema-initialization) with
 * SERIALIZED_EVENT VARCHAR(4000) on H2 (TEXT on PostgreSQL), so an event that names many ids, such as the ListsChanged
 * or AgencyDirectoryChanged of a knowledge-base load of a few hundred entries, could not be stored and rolled the
 * load back. This widens the column of a table already created; on a new database it creates the table as Spring
 * Modulith would, with the wider column (Spring Modulith then finds it and adds its indexes). Other databases are left
 * as they are.
 */
public class V21__Event_publication_payload_without_length_limit extends BaseJavaMigration {

    /** Characters an H2 CHARACTER VARYING column holds here; an indexed column cannot be a CLOB. */
    static final int MAX_PAYLOAD = 1_000_000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            boolean exists;
            try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                    + "WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND UPPER(TABLE_NAME) = 'EVENT_PUBLICATION'")) {
                rs.next();
                exists = rs.getInt(1) > 0;
            }
            if (exists) {
                statement.execute("ALTER TABLE EVENT_PUBLICATION ALTER COLUMN SERIALIZED_EVENT "
                        + "SET DATA TYPE CHARACTER VARYING(" + MAX_PAYLOAD + ")");
            } else {
                // spring-modulith-events-jdbc's schema-h2.sql, the payload column widened
                statement.execute("CREATE TABLE EVENT_PUBLICATION ("
                        + "ID UUID NOT NULL, "
                        + "COMPLETION_DATE TIMESTAMP(9) WITH TIME ZONE, "
                        + "EVENT_TYPE VARCHAR(512) NOT NULL, "
                        + "LISTENER_ID VARCHAR(512) NOT NULL, "
                        + "PUBLICATION_DATE TIMESTAMP(9) WITH TIME ZONE NOT NULL, "
                        + "SERIALIZED_EVENT CHARACTER VARYING(" + MAX_PAYLOAD + ") NOT NULL, "
                        + "PRIMARY KEY (ID))");
            }
        }
    }
}
