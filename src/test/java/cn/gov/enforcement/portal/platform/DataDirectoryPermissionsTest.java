package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

/**
 * The folders and files of personal data under the data directory are the portal's account's alone (0700 and 0600),
 * made so when the portal creates them and at start when they are looser; the data directory itself and the search
 * node's folder stay as they were, so the node (running as nobody) still reaches its own.
 */
class DataDirectoryPermissionsTest {

    @TempDir
    Path temp;
    Path data;
    /** What a folder made as usual gets under this process's umask. */
    String usual;

    @BeforeEach
    void posixOnly() throws Exception {
        assumeTrue(OwnerOnly.posix(temp), "POSIX permissions");
        data = temp.resolve("data");
        usual = mode(Files.createDirectories(temp.resolve("usual")));
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private void loose(Path path) throws Exception {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x"
                : "rw-r--r--"));
    }

    @Test
    void a_folder_is_created_owner_only_below_parents_made_as_usual_and_a_looser_one_is_tightened() throws Exception {
        Path evidence = data.resolve("mediation-evidence");
        OwnerOnly.folder(evidence);
        assertThat(mode(evidence)).isEqualTo("rwx------");
        assertThat(mode(data)).as("the data directory itself stays passable for the search node").isEqualTo(usual);

        loose(evidence);
        OwnerOnly.folder(evidence);
        assertThat(mode(evidence)).isEqualTo("rwx------");

        Path shared = Files.createDirectories(temp.resolve("shared"));
        loose(shared);
        OwnerOnly.newFolder(shared);
        assertThat(mode(shared)).as("an existing folder chosen elsewhere keeps its permissions").isEqualTo("rwxr-xr-x");
        assertThat(mode(OwnerOnly.newFolder(temp.resolve("new")))).isEqualTo("rwx------");
    }

    @Test
    void files_are_owner_only_from_their_creation_on() throws Exception {
        Path dir = OwnerOnly.folder(data.resolve("x"));
        OwnerOnly.write(dir.resolve("a.pdf"), new byte[] {1, 2});
        assertThat(mode(dir.resolve("a.pdf"))).isEqualTo("rw-------");
        try (OutputStream out = OwnerOnly.create(dir.resolve("b.zip"))) {
            assertThat(mode(dir.resolve("b.zip"))).as("while it is written").isEqualTo("rw-------");
            out.write(3);
        }
        Path old = Files.writeString(dir.resolve("old.log"), "x");
        loose(old);
        OwnerOnly.file(old);
        assertThat(mode(old)).isEqualTo("rw-------");
        assertThat(Files.readString(old)).as("an existing file keeps its content").isEqualTo("x");
        OwnerOnly.file(dir.resolve("new.log"));
        assertThat(mode(dir.resolve("new.log"))).isEqualTo("rw-------");
        assertThat(OwnerOnly.tighten(dir.resolve("missing"))).isFalse();
    }

    @Test
    void the_data_directorys_folders_for_personal_data_are_owner_only_through_portal_settings() throws Exception {
        Path evidence = Files.createDirectories(data.resolve("mediation-evidence"));
        loose(evidence);
        PortalSettings settings = new PortalSettings(data);
        assertThat(mode(settings.dir("mediation-evidence"))).as("tightened at start").isEqualTo("rwx------");
        assertThat(mode(settings.dir("keys"))).as("created").isEqualTo("rwx------");
    }

    @Test
    void the_log_folder_and_file_are_owner_only_before_logging_starts_and_the_search_folder_is_left_alone()
            throws Exception {
        Path search = Files.createDirectories(data.resolve("search/data"));
        Path logs = Files.createDirectories(data.resolve("logs"));
        Path log = Files.writeString(logs.resolve("portal.log"), "earlier lines\n");
        loose(logs);
        loose(log);
        Path rolled = Files.writeString(logs.resolve("portal.log.2026-12-05.0.gz"), "rolled");
        loose(rolled);
        MockEnvironment environment = new MockEnvironment().withProperty("portal.data-dir", data.toString())
                .withProperty("logging.file.name", data + "/logs/portal.log");

        new PrivateLogFile(new DeferredLogs()).postProcessEnvironment(environment, new SpringApplication());

        assertThat(mode(logs)).isEqualTo("rwx------");
        assertThat(mode(log)).isEqualTo("rw-------");
        assertThat(Files.readString(log)).isEqualTo("earlier lines\n");
        assertThat(mode(search)).as("the search node's own").isEqualTo(usual);
        assertThat(mode(data.resolve("search"))).isEqualTo(usual);
        assertThat(mode(data)).isEqualTo(usual);

        // a first start: created so
        Path fresh = temp.resolve("fresh");
        new PrivateLogFile(new DeferredLogs()).postProcessEnvironment(new MockEnvironment()
                .withProperty("portal.data-dir", fresh.toString())
                .withProperty("logging.file.name", fresh + "/logs/portal.log"), new SpringApplication());
        assertThat(mode(fresh.resolve("logs"))).isEqualTo("rwx------");
        assertThat(mode(fresh.resolve("logs/portal.log"))).isEqualTo("rw-------");
        assertThat(mode(fresh)).isEqualTo(usual);
    }

    @Test
    void the_h2_database_folder_in_the_data_directory_is_owner_only_before_the_pool_opens_it() throws Exception {
        MockEnvironment environment = new MockEnvironment().withProperty("portal.data-dir", data.toString());
        PrivateDatabaseFolder folder = new PrivateDatabaseFolder(environment);
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:h2:file:" + data + "/db/portal;DB_CLOSE_ON_EXIT=FALSE");
            folder.postProcessBeforeInitialization(pool, "dataSource");
        }
        assertThat(mode(data.resolve("db"))).isEqualTo("rwx------");
        assertThat(mode(data)).isEqualTo(usual);

        loose(data.resolve("db"));
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl("jdbc:h2:" + data + "/db/portal");
            folder.postProcessBeforeInitialization(pool, "dataSource");
        }
        assertThat(mode(data.resolve("db"))).as("tightened at start").isEqualTo("rwx------");

        // a database in the data directory itself, or elsewhere, is left alone
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        for (String url : new String[] {"jdbc:h2:file:" + data + "/portal", "jdbc:h2:file:" + elsewhere + "/portal"}) {
            try (HikariDataSource pool = new HikariDataSource()) {
                pool.setJdbcUrl(url);
                folder.postProcessBeforeInitialization(pool, "dataSource");
            }
        }
        assertThat(mode(data)).isEqualTo(usual);
        assertThat(mode(elsewhere)).isEqualTo(usual);
    }

    @Test
    void only_h2_file_addresses_name_a_folder() {
        assertThat(PrivateDatabaseFolder.folder("jdbc:h2:file:/srv/portal/db/portal;MODE=PostgreSQL"))
                .isEqualTo(Path.of("/srv/portal/db"));
        assertThat(PrivateDatabaseFolder.folder("jdbc:h2:/srv/portal/db/portal")).isEqualTo(Path.of("/srv/portal/db"));
        assertThat(PrivateDatabaseFolder.folder("jdbc:h2:~/db/portal"))
                .isEqualTo(Path.of(System.getProperty("user.home"), "db"));
        assertThat(PrivateDatabaseFolder.folder("jdbc:h2:mem:test")).isNull();
        assertThat(PrivateDatabaseFolder.folder("jdbc:h2:tcp://db/portal")).isNull();
        assertThat(PrivateDatabaseFolder.folder("jdbc:postgresql://db:5432/portal")).isNull();
    }
}
