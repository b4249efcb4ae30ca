package cn.gov.enforcement.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link EarlierUse} on the schema the migrations create: each table it reads exists, and what it counts. */
class EarlierUseTest {

    private JdbcClient jdbc;
    private EarlierUse earlierUse;

    @BeforeEach
    void migrate() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:earlier-use-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        earlierUse = new EarlierUse(jdbc);
    }

    @Test
    void a_freshly_migrated_database_holds_nothing_of_a_portal_in_use() {
        assertThat(earlierUse.find()).isEmpty();
    }

    @Test
    void what_a_start_loads_by_itself_or_an_import_before_the_first_start_does_not_count() {
        jdbc.sql("insert into agency (id, name, name_en, category, region, legal_representative, address, "
                + "supervision_phone, supervision_email, office_hours, sample, source_file, content_hash, updated_at) "
                + "values ('a', '示例局', 'Sample', 'MARKET', '示例市', '张三', '地址', '12345', 'a@example.org', '9-17', "
                + "true, 'agencies/a.yaml', 'h', current_timestamp)").update();
        jdbc.sql("insert into regulation_document (title, subtitle, version_key, level, issuer, region, "
                + "document_number, status, content_hash, source_path, imported_at) values ('法', '', 'k', 'LAW', "
                + "'全国人大', '全国', '', 'IN_FORCE', 'h', 'x.md', current_timestamp)").update();

        assertThat(earlierUse.find()).isEmpty();
    }

    @Test
    void accounts_and_staff_work_are_found_with_their_counts() {
        for (String name : new String[] {"officer-1", "officer-2"}) {
            jdbc.sql("insert into portal_user (username, display_name, password_hash, role, agency_id, enabled, "
                    + "created_at, updated_at, version) values (?, '办案人员', '{noop}x', 'OFFICER', 'a', true, "
                    + "current_timestamp, current_timestamp, 0)").param(name).update();
        }
        jdbc.sql("insert into working_calendar_log (calendar_year, username, occurred_at, holidays, make_up_days) "
                + "values (2026, 'admin', current_timestamp, 28, 6)").update();

        assertThat(earlierUse.find()).extracting(Object::toString)
                .containsExactly("2 staff accounts (portal_user)", "1 working-day calendar saves (working_calendar_log)");
    }
}
