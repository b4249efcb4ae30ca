package cn.gov.enforcement.portal.backup;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.KaribuViewTest;
import cn.gov.enforcement.portal.platform.PortalSettings;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * A backup archive holds a database that opens and the uploaded files byte for byte; only the newest are kept;
 * administrators alone see and start them, on a page that follows the run.
 */
class BackupIT extends KaribuViewTest {

    @Autowired Backups backups;
    @Autowired PortalSettings portal;
    @Autowired DataSource dataSource;
    @Autowired BackupSettings settings;
    @Autowired java.time.Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void runAs(String role) {
        SecurityContextHolder.setContext(new SecurityContextImpl(new UsernamePasswordAuthenticationToken("backup-" + role,
                null, List.of(new SimpleGrantedAuthority("ROLE_" + role)))));
    }

    @Test
    void an_archive_holds_the_database_and_the_uploaded_files_and_only_the_newest_are_kept(@TempDir Path restored)
            throws Exception {
        Path evidence = Files.createDirectories(portal.dataDir().resolve("mediation-evidence/backup-test"));
        byte[] upload = "扫描件 scan \u0000\u0001".getBytes(StandardCharsets.UTF_8);
        Files.write(evidence.resolve("receipt.pdf"), upload);
        // older archives, beyond the number kept
        runAs("ADMIN");
        Path dir = Files.createDirectories(backups.directory());
        for (int day = 1; day <= 9; day++) {
            Files.writeString(dir.resolve("portal-backup-2020010" + day + "-023000.zip"), "old");
        }
        Files.writeString(dir.resolve("notes.txt"), "not an archive");
        Files.writeString(dir.resolve(".portal-backup-20200110-023000.zip.part"), "left by a crash");

        Backups.Result result = backups.run();

        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(result.archive()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        assertThat(entries.get("files/mediation-evidence/backup-test/receipt.pdf")).isEqualTo(upload);
        assertThat(new String(entries.get("BACKUP-INFO.txt"), StandardCharsets.UTF_8))
                .contains("mediation encryption key", "not included");
        assertThat(entries.keySet()).noneMatch(name -> name.startsWith("keys/") || name.contains("search/"));

        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        }
        if ("H2".equals(product)) {
            assertThat(result.database()).isEqualTo("H2");
            // the database restores: the file opens and holds the accounts and the schema history
            Files.write(restored.resolve("portal.mv.db"), entries.get("database/portal.mv.db"));
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("portal") + ";IFEXISTS=TRUE",
                    "sa", ""); Statement s = c.createStatement()) {
                ResultSet users = s.executeQuery("select count(*) from portal_user where username = 'admin'");
                users.next();
                assertThat(users.getInt(1)).isEqualTo(1);
                ResultSet history = s.executeQuery("select count(*) from \"flyway_schema_history\"");
                history.next();
                assertThat(history.getInt(1)).isGreaterThanOrEqualTo(14);
            }
        } else {
            // the tests' PostgreSQL runs from the server packages, which bring pg_dump and pg_restore
            Path pgDump = backups.pgDump().orElseThrow(() -> new AssertionError("no pg_dump found next to the test server"));
            assertThat(result.database()).isEqualTo(Backups.PG_DUMPED);
            byte[] dump = entries.get("database/portal.dump");
            assertThat(new String(dump, 0, 5, StandardCharsets.US_ASCII)).as("pg_dump's custom format").isEqualTo("PGDMP");
            assertThat(new String(entries.get("database/README.txt"), StandardCharsets.UTF_8)).contains("pg_restore");
            assertThat(new String(entries.get("BACKUP-INFO.txt"), StandardCharsets.UTF_8)).contains("database/portal.dump");
            // the dump holds the schema and the accounts' rows
            Path file = restored.resolve("portal.dump");
            Files.write(file, dump);
            Process list = new ProcessBuilder(pgDump.resolveSibling("pg_restore").toString(), "--list", file.toString())
                    .redirectErrorStream(true).start();
            String contents = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(list.waitFor()).as(contents).isZero();
            assertThat(contents).contains("TABLE public portal_user", "TABLE DATA public portal_user",
                    "TABLE public guidance_document", "flyway_schema_history");
        }

        List<Backups.BackupFile> kept = backups.list();
        assertThat(kept).hasSize(7).first().extracting(Backups.BackupFile::name)
                .isEqualTo(result.archive().getFileName().toString());
        assertThat(kept).extracting(Backups.BackupFile::name).as("the oldest went")
                .doesNotContain("portal-backup-20200101-023000.zip", "portal-backup-20200103-023000.zip")
                .contains("portal-backup-20200109-023000.zip");
        assertThat(dir.resolve("notes.txt")).as("other files are left alone").exists();
        assertThat(Files.list(dir)).as("nothing half-written, not even a crash's leftover")
                .noneMatch(p -> p.getFileName().toString().endsWith(".part"));
        assertThat(backups.progress()).satisfies(p -> {
            assertThat(p.running()).isFalse();
            assertThat(p.archive()).isEqualTo(result.archive().getFileName().toString());
            assertThat(p.fraction()).isEqualTo(1.0);
        });

        runAs("OFFICER");
        assertThatThrownBy(backups::list).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(backups::start).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_failed_run_leaves_no_archive_and_the_workbench_says_so_until_a_run_succeeds() throws Exception {
        runAs("ADMIN");
        Path dir = Files.createDirectories(backups.directory());
        Path moved = dir.resolveSibling("backups-moved-aside");
        List<String> before = backups.list().stream().map(Backups.BackupFile::name).toList();
        Files.move(dir, moved);
        try {
            Files.writeString(dir, "a file where the folder should be");
            assertThatThrownBy(backups::run).isInstanceOf(java.io.IOException.class);
            assertThat(backups.progress().running()).isFalse();
            assertThat(backups.progress().error()).isNotBlank();
            assertThat(backups.progress().failure()).isEqualTo(Backups.Failure.DISK);
            signIn("admin", "ADMIN");
            UI.getCurrent().navigate("admin/backups");
            // a translated kind of failure, not a Java exception; the exception only as a secondary line
            assertThat(_get(Paragraph.class, spec -> spec.withId("backup-status")).getText())
                    .isEqualTo("备份失败：备份文件夹无法写入（没有权限或磁盘已满）。详细信息见服务器日志。");
            assertThat(_get(Paragraph.class, spec -> spec.withId("backup-error-detail")).getText())
                    .startsWith("技术信息：java.nio.file.");
            UI.getCurrent().navigate("staff");
            UI.getCurrent().navigate("staff");
            assertThat(_get(com.vaadin.flow.component.html.ListItem.class, spec -> spec.withAttribute("data-item", "backup"))
                    .getElement().getTextRecursively()).contains("上次备份失败");
        } finally {
            Files.delete(dir);
            Files.move(moved, dir);
        }
        runAs("ADMIN");
        assertThat(backups.list().stream().map(Backups.BackupFile::name)).containsAll(before);
        backups.run();
        assertThat(backups.progress().error()).as("a successful run clears it").isNull();
    }

    @Test
    void the_files_are_listed_after_the_database_snapshot_and_a_file_deleted_meanwhile_is_left_out(@TempDir Path archives)
            throws Exception {
        Path evidence = Files.createDirectories(portal.dataDir().resolve("mediation-evidence/backup-order-test"));
        Path gone = Files.writeString(evidence.resolve("deleted-during-the-snapshot.pdf"), "gone");
        Path late = evidence.resolve("uploaded-during-the-snapshot.pdf");
        // what happens to the data directory while the database is backed up
        DataSource meanwhile = new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                try {
                    Files.delete(gone);
                    Files.writeString(late, "late");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return super.getConnection();
            }
        };
        Backups run = new Backups(meanwhile, portal, new BackupSettings(archives, 7, settings.folders(), settings.pgDump()),
                clock, "-", "");
        try {
            Backups.Result result = run.run();
            assertThat(entries(result.archive())).contains("files/mediation-evidence/backup-order-test/uploaded-during-the-snapshot.pdf")
                    .doesNotContain("files/mediation-evidence/backup-order-test/deleted-during-the-snapshot.pdf");
            assertThat(run.progress().failure()).isNull();
        } finally {
            Files.deleteIfExists(late);
        }

        Backups failing = new Backups(new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLException("the database is not there");
            }
        }, portal, new BackupSettings(archives, 7, settings.folders(), settings.pgDump()), clock, "-", "");
        assertThatThrownBy(failing::run).isInstanceOf(java.io.IOException.class);
        assertThat(failing.progress().failure()).isEqualTo(Backups.Failure.DATABASE);
    }

    @Test
    void the_backup_folder_archives_and_temporary_files_are_readable_by_the_portals_account_only(@TempDir Path temp)
            throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(cn.gov.enforcement.portal.platform.OwnerOnly.posix(temp));
        Path data = temp.resolve("data");
        Path folder = Files.createDirectories(data.resolve("backups"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> whileWriting = new java.util.ArrayList<>();
        DataSource watched = new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                // the archive is being written under its temporary name while the database is read
                try (var files = Files.list(folder)) {
                    for (Path file : files.toList()) {
                        whileWriting.add(file.getFileName() + " " + mode(file));
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return super.getConnection();
            }
        };
        Backups run = new Backups(watched, new PortalSettings(data),
                new BackupSettings(null, 7, settings.folders(), settings.pgDump()), clock, "-", "");
        assertThat(mode(folder)).as("a looser folder is made owner-only at start").isEqualTo("rwx------");

        Backups.Result result = run.run();

        assertThat(whileWriting).singleElement().asString().matches("\\.portal-backup-.*\\.zip\\.part rw-------");
        assertThat(mode(result.archive())).isEqualTo("rw-------");
        assertThat(mode(folder)).isEqualTo("rwx------");

        // a first run creates the folder so
        Path fresh = temp.resolve("fresh");
        Backups first = new Backups(dataSource, new PortalSettings(fresh),
                new BackupSettings(null, 7, settings.folders(), settings.pgDump()), clock, "-", "");
        assertThat(mode(first.run().archive().getParent())).isEqualTo("rwx------");
    }

    private static String mode(Path path) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void a_file_that_vanished_before_it_was_copied_is_left_out_of_the_archive(@TempDir Path dir) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            assertThat(Backups.copy(dir.resolve("removed.pdf"), "files/removed.pdf", zip)).isFalse();
            Files.writeString(dir.resolve("kept.pdf"), "kept");
            assertThat(Backups.copy(dir.resolve("kept.pdf"), "files/kept.pdf", zip)).isTrue();
        }
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(zip.getNextEntry().getName()).isEqualTo("files/kept.pdf");
            assertThat(zip.getNextEntry()).isNull();
        }
    }

    private static List<String> entries(Path archive) throws java.io.IOException {
        List<String> names = new java.util.ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    @Test
    void an_administrator_starts_a_backup_on_the_page_and_sees_it_listed() throws Exception {
        signIn("admin", "ADMIN");
        UI.getCurrent().navigate("admin/backups");
        runAs("ADMIN");
        int before = backups.list().size();
        signIn("admin", "ADMIN");
        _click(_get(Button.class, spec -> spec.withId("backup-now")));
        long deadline = System.currentTimeMillis() + 60_000;
        runAs("ADMIN");
        while (backups.progress().running() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(backups.progress().running()).as("finished within a minute").isFalse();
        signIn("admin", "ADMIN");
        UI.getCurrent().navigate("staff");
        UI.getCurrent().navigate("admin/backups");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Paragraph.class, spec -> spec.withId("backup-none")))
                .as("no 'no backups yet' beside the list").isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withId("backup-status")).getText()).startsWith("备份完成：portal-backup-");
        @SuppressWarnings("unchecked")
        Grid<Backups.BackupFile> grid = _get(Grid.class, spec -> spec.withId("backup-list"));
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(grid)).isEqualTo(Math.min(7, before + 1));
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(grid, 0).get(0)).startsWith("portal-backup-");
        // on a phone each archive is a card: its name, then the time and the size (the name squeezed them away)
        List<String> wide = cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(grid);
        assertThat(wide).containsExactly("name", "time", "size");
        BackupView view = _get(BackupView.class);
        cn.gov.enforcement.portal.platform.NarrowWindowEvents.tell(view, true);
        assertThat(cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(grid)).containsExactly("archive");
        // headed as the wide list's first column, not with the heading just above the list (已有备份 twice)
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.html.H2.class))
                .extracting(com.vaadin.flow.component.html.H2::getText).contains("已有备份")
                .doesNotContain(grid.getColumnByKey("archive").getHeaderText());
        assertThat(grid.getColumnByKey("archive").getHeaderText()).isEqualTo("文件名");
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid, 0, "archive").getElement()
                .getTextRecursively()).startsWith("portal-backup-").contains("时间：20", "大小：").containsPattern("[KM]B");
        cn.gov.enforcement.portal.platform.NarrowWindowEvents.tell(view, false);
        assertThat(cn.gov.enforcement.portal.platform.NarrowWindowEvents.columnKeys(grid)).isEqualTo(wide);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Paragraph.class).stream().map(Paragraph::getText))
                .anySatisfy(text -> assertThat(text).contains("自动备份已关闭"));
        // the page says what the archives hold of the database the portal runs on (it said "back PostgreSQL up
        // yourself" also where the archives held its dump)
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        }
        List<String> texts = com.github.mvysny.kaributesting.v10.LocatorJ._find(Paragraph.class).stream()
                .map(Paragraph::getText).toList();
        assertThat(texts).anySatisfy(text -> assertThat(text).startsWith("每次备份生成一个压缩包：数据库（")
                .contains("H2".equals(product) ? "H2 数据库在线备份" : "PostgreSQL，由 pg_dump 导出一致的快照"));
        assertThat(texts).noneSatisfy(text -> assertThat(text).contains("另行备份"));
    }
}
