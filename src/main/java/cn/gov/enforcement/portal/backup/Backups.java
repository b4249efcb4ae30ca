package cn.gov.enforcement.portal.backup;

import cn.gov.enforcement.portal.platform.OwnerOnly;
import cn.gov.enforcement.portal.platform.PortalSettings;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Writes backup archives ({@code portal-backup-<yyyyMMdd-HHmmss>.zip}, China time) into the backup folder: the H2
 * database through H2's online {@code BACKUP TO} (consistent while the portal serves), the configured folders of the
 * data directory file by file (listed after the database snapshot, so every file the snapshot refers to is there; a file
 * deleted meanwhile is left out), and {@code BACKUP-INFO.txt} saying what is in it and what is not. An archive is
 * written under a temporary name and renamed when complete, so a failed run leaves no archive that looks whole; after
 * a successful run only the newest {@code portal.backup.keep} archives are kept. One run at a time. The folder, the
 * archives and the temporary files are readable by the portal's own account only ({@link OwnerOnly}); a folder in the
 * data directory left looser is made so at start.
 */
@Service
public class Backups {

    /** An archive in the backup folder. */
    public record BackupFile(String name, Instant createdAt, long bytes) {}

    /** What kind of thing made a run fail, for the administrator; the whole exception goes to the log. */
    public enum Failure {
        /** The database could not be backed up (H2's {@code BACKUP TO}, or the connection). */
        DATABASE,
        /** {@code pg_dump} could not be run or failed. */
        PG_DUMP,
        /** A file of the data directory could not be read. */
        FILE,
        /** The backup folder could not be written: missing rights, not a folder, or the disk is full. */
        DISK,
        /** Anything else. */
        OTHER;

        /** The translation key of what the administrator is told. */
        public String messageKey() {
            return "backup.failure." + name();
        }
    }

    /** An exception whose kind of failure is known where it is thrown. */
    static final class FailedStep extends IOException {

        final Failure failure;

        FailedStep(Failure failure, String message, Throwable cause) {
            super(message, cause);
            this.failure = failure;
        }
    }

    /**
     * The state of the run under way or of the last one: {@code done} of {@code total} steps (the database, then
     * each file); {@code archive} the name written when finished; when it failed, {@code failure} what kind of
     * thing went wrong and {@code error} the technical detail (the exception, for a secondary line).
     */
    public record Progress(boolean running, int done, int total, String archive, Failure failure, String error) {

        static final Progress IDLE = new Progress(false, 0, 0, null, null, null);

        Progress(boolean running, int done, int total, String archive) {
            this(running, done, total, archive, null, null);
        }

        public double fraction() {
            return total == 0 ? 0 : Math.min(1.0, (double) done / total);
        }
    }

    /** What one run wrote. {@code database} is {@code H2} or the product name of a database left to its own tools. */
    record Result(Path archive, long bytes, int files, String database) {}

    static final Pattern NAME = Pattern.compile("portal-backup-(\\d{8}-\\d{6})(?:-(\\d+))?\\.zip");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);

    private final DataSource dataSource;
    private final PortalSettings portal;
    private final BackupSettings settings;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicReference<Progress> progress = new AtomicReference<>(Progress.IDLE);
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "portal-backup");
        t.setDaemon(true);
        return t;
    });

    /** The default of {@code portal.backup.cron}: every day at 2:30 China time. */
    public static final String DAILY = "0 30 2 * * *";

    private final String cron;

    private final String databasePassword;

    Backups(DataSource dataSource, PortalSettings portal, BackupSettings settings, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${portal.backup.cron:" + DAILY + "}") String cron,
            @org.springframework.beans.factory.annotation.Value("${spring.datasource.password:}") String databasePassword) {
        this.cron = cron.strip();
        this.databasePassword = databasePassword;
        this.dataSource = dataSource;
        this.portal = portal;
        this.settings = settings;
        this.clock = clock;
        try {
            if (Files.isDirectory(folder())) {
                ownerOnlyFolder();
            }
        } catch (IOException e) {
            LOG.warn("Backup: cannot make the backup folder {} readable by the portal's account only: {}", folder(),
                    e.toString());
        }
    }

    /** The folder the archives are written to. */
    @RolesAllowed("ADMIN")
    public Path directory() {
        return folder();
    }

    /** The schedule of the automatic backups: a cron expression, {@code -} when they are switched off. */
    @RolesAllowed("ADMIN")
    public String schedule() {
        return cron;
    }

    /** How many archives are kept. */
    @RolesAllowed("ADMIN")
    public int keep() {
        return settings.keep();
    }

    /** The folders of the data directory that are archived. */
    @RolesAllowed("ADMIN")
    public List<String> folders() {
        return settings.folders();
    }

    /** The archives in the backup folder, newest first. */
    @RolesAllowed("ADMIN")
    public List<BackupFile> list() {
        return archives().stream().sorted(ORDER.reversed()).map(p -> {
            try {
                return new BackupFile(p.getFileName().toString(), Files.getLastModifiedTime(p).toInstant(), Files.size(p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** The run under way, or the last one's outcome. */
    @RolesAllowed("ADMIN")
    public Progress progress() {
        return progress.get();
    }

    /** Starts a backup in the background; false when one is already running. */
    @RolesAllowed("ADMIN")
    public synchronized boolean start() {
        if (lock.isLocked() || progress.get().running()) {
            return false;
        }
        progress.set(new Progress(true, 0, 1, null));
        executor.execute(() -> {
            try {
                run();
            } catch (IOException | RuntimeException e) {
                LOG.error("Backup failed", e);
            }
        });
        return true;
    }

    @Scheduled(cron = "${portal.backup.cron:" + DAILY + "}", zone = "Asia/Shanghai")
    public void scheduledBackup() {
        try {
            run();
        } catch (IOException | RuntimeException e) {
            LOG.error("Scheduled backup failed", e);
        }
    }

    /**
     * Writes one archive now, in the caller's thread.
     *
     * @throws IllegalStateException when another run is under way
     */
    Result run() throws IOException {
        if (!lock.tryLock()) {
            throw new IllegalStateException("A backup is already running");
        }
        Path part = null;
        Failure step = Failure.DISK;
        try {
            progress.set(new Progress(true, 0, 1, null));
            Path dir = ownerOnlyFolder();
            removeLeftovers(dir);
            Path target = freeName(dir);
            part = dir.resolve("." + target.getFileName() + ".part");
            LOG.info("Backup: writing {}", target);
            String database;
            int copied = 0;
            try (ZipOutputStream zip = new ZipOutputStream(new ArchiveStream(OwnerOnly.create(part)))) {
                step = Failure.DATABASE;
                database = database(zip, dir);
                // listed after the snapshot: every file the database refers to is there (uploads store the file first)
                step = Failure.FILE;
                List<Path> files = uploadedFiles();
                int total = 1 + files.size();
                progress.set(new Progress(true, 1, total, null));
                int done = 1;
                for (Path file : files) {
                    if (copy(file, "files/" + portal.dataDir().relativize(file).toString().replace('\\', '/'), zip)) {
                        copied++;
                    }
                    done++;
                    progress.set(new Progress(true, done, total, null));
                    if (done % 500 == 0) {
                        LOG.info("Backup: {} of {} files", done - 1, files.size());
                    }
                }
                step = Failure.DISK;
                zip.putNextEntry(new ZipEntry("BACKUP-INFO.txt"));
                zip.write(info(database, copied).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            long bytes = Files.size(target);
            int deleted = purge();
            LOG.info("Backup: {} written ({} bytes, {} files); {} older archives deleted", target.getFileName(), bytes,
                    copied, deleted);
            progress.set(new Progress(false, 1 + copied, 1 + copied, target.getFileName().toString()));
            return new Result(target, bytes, copied, database);
        } catch (IOException | RuntimeException e) {
            if (part != null) {
                Files.deleteIfExists(part);
            }
            Failure failure = e instanceof FailedStep known ? known.failure
                    : e instanceof IOException || e instanceof UncheckedIOException ? step : Failure.OTHER;
            LOG.error("Backup failed ({})", failure, e);
            Progress was = progress.get();
            progress.set(new Progress(false, was.done(), was.total(), null, failure, e.toString()));
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Copies one file into the archive; false, with a line in the log, when it was deleted since it was listed (the
     * purge, an applicant removing an upload).
     */
    static boolean copy(Path file, String entry, ZipOutputStream zip) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException gone) {
            LOG.info("Backup: {} was deleted while the backup ran; left out", file);
            return false;
        }
        try (in) {
            zip.putNextEntry(new ZipEntry(entry));
            in.transferTo(zip);
            zip.closeEntry();
        }
        return true;
    }

    /** The archive's file: whatever fails in writing it is the backup folder's or the disk's failure. */
    private static final class ArchiveStream extends java.io.FilterOutputStream {

        ArchiveStream(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw disk(e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw disk(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } catch (IOException e) {
                throw e instanceof FailedStep ? e : disk(e);
            }
        }

        private static IOException disk(IOException e) {
            return new FailedStep(Failure.DISK, "The archive could not be written: " + e.getMessage(), e);
        }
    }

    /** The database into {@code database/}: H2 by its online backup; other databases are left to their own tools. */
    private String database(ZipOutputStream zip, Path dir) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            Optional<Path> pgDump = isPostgres(product) ? pgDump() : Optional.empty();
            String kind = kind(product, pgDump);
            if (kind.equals(PG_DUMPED)) {
                postgres(zip, dir, pgDump.get(), connection.getMetaData().getURL(), connection.getMetaData().getUserName());
                return PG_DUMPED;
            }
            if (isPostgres(product)) {
                LOG.warn("Backup: no pg_dump found (portal.backup.pg-dump); the PostgreSQL database is not in the archive");
            }
            if (!kind.equals("H2")) {
                zip.putNextEntry(new ZipEntry("database/README.txt"));
                zip.write(("The portal's database is " + product + ": it is not in this archive. Back it up with the "
                        + "database's own tools (for PostgreSQL: pg_dump, or set portal.backup.pg-dump so that these "
                        + "archives hold it), at the same time as these archives.\n").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                return product;
            }
            Path h2 = Files.createTempFile(dir, ".database-", ".zip");
            try {
                Files.delete(h2);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("BACKUP TO '" + h2.toAbsolutePath().toString().replace("'", "''") + "'");
                }
                // H2 wrote it with the process's umask; the folder around it is owner-only already
                OwnerOnly.tighten(h2);
                try (ZipInputStream in = new ZipInputStream(Files.newInputStream(h2))) {
                    for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                        zip.putNextEntry(new ZipEntry("database/" + entry.getName()));
                        in.transferTo(zip);
                        zip.closeEntry();
                    }
                }
            } finally {
                Files.deleteIfExists(h2);
            }
            return "H2";
        } catch (SQLException e) {
            throw new FailedStep(Failure.DATABASE, "The database could not be backed up: " + e.getMessage(), e);
        }
    }

    /** What {@link Result#database()} says when a PostgreSQL database was dumped into the archive. */
    static final String PG_DUMPED = "PostgreSQL (pg_dump)";

    /**
     * What an archive will hold of the database, as {@link Result#database()} names it: {@code "H2"} (its online
     * backup), {@link #PG_DUMPED}, or the product name of a database left to its own tools (PostgreSQL without a
     * {@code pg_dump}); empty when the database does not answer.
     */
    public Optional<String> databaseKind() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return Optional.of(kind(product, isPostgres(product) ? pgDump() : Optional.empty()));
        } catch (SQLException e) {
            LOG.warn("Backup page: the database did not say what it is: {}", e.toString());
            return Optional.empty();
        }
    }

    /** What a run does with the database {@code product}, the one decision for the run and the page. */
    private static String kind(String product, Optional<Path> pgDump) {
        if ("H2".equalsIgnoreCase(product)) {
            return "H2";
        }
        return isPostgres(product) && pgDump.isPresent() ? PG_DUMPED : product;
    }

    private static boolean isPostgres(String product) {
        return "PostgreSQL".equalsIgnoreCase(product);
    }

    /**
     * The {@code pg_dump} program the archives use with PostgreSQL, as {@code portal.backup.pg-dump} says: that path,
     * none for {@code -}, or by default the one on the PATH, else the newest of Debian's
     * {@code /usr/lib/postgresql/<version>/bin}.
     */
    Optional<Path> pgDump() {
        String setting = settings.pgDump();
        if ("-".equals(setting)) {
            return Optional.empty();
        }
        if (!setting.isEmpty()) {
            return Optional.of(Path.of(setting));
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String folder : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(folder.isEmpty() ? "." : folder, "pg_dump");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                    .max(Comparator.comparingDouble(v -> Double.parseDouble(v.getFileName().toString())))
                    .map(v -> v.resolve("bin/pg_dump")).filter(Files::isExecutable);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The PostgreSQL database into {@code database/portal.dump} by {@code pg_dump} (custom format, a consistent
     * snapshot while the portal serves), with the restore command in {@code database/README.txt}.
     */
    private void postgres(ZipOutputStream zip, Path dir, Path pgDump, String jdbcUrl, String user) throws IOException {
        java.net.URI uri = java.net.URI.create(jdbcUrl.substring("jdbc:".length()));
        String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        Path dump = Files.createTempFile(dir, ".database-", ".dump");
        Path errors = Files.createTempFile(dir, ".database-", ".log");
        try {
            List<String> command = new ArrayList<>(List.of(pgDump.toString(), "--format=custom", "--no-owner",
                    "--no-privileges", "--file=" + dump, "--host=" + (uri.getHost() == null ? "localhost" : uri.getHost()),
                    "--port=" + (uri.getPort() < 0 ? 5432 : uri.getPort()), "--dbname=" + database));
            if (user != null && !user.isBlank()) {
                command.add("--username=" + user);
            }
            command.add("--no-password");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(errors.toFile());
            if (!databasePassword.isEmpty()) {
                builder.environment().put("PGPASSWORD", databasePassword);
            }
            int exit;
            try {
                exit = builder.start().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FailedStep(Failure.PG_DUMP, "pg_dump was interrupted", e);
            } catch (IOException e) {
                throw new FailedStep(Failure.PG_DUMP, "pg_dump could not be started: " + e.getMessage(), e);
            }
            if (exit != 0) {
                String said = Files.readString(errors, StandardCharsets.UTF_8).strip();
                throw new FailedStep(Failure.PG_DUMP, "pg_dump failed (exit " + exit + "): "
                        + (said.length() > 500 ? said.substring(said.length() - 500) : said), null);
            }
            zip.putNextEntry(new ZipEntry("database/portal.dump"));
            Files.copy(dump, zip);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("database/README.txt"));
            zip.write(("PostgreSQL database " + database + ", dumped by pg_dump in its custom format. Restore into an "
                    + "empty database with:\n  pg_restore --no-owner --no-privileges --dbname=<database> portal.dump\n"
                    + "(pg_restore --list portal.dump shows what it holds.)\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } finally {
            Files.deleteIfExists(dump);
            Files.deleteIfExists(errors);
        }
    }

    private String info(String database, int files) {
        String when = OffsetDateTime.now(clock).atZoneSameInstant(CHINA).toOffsetDateTime().toString();
        return """
                Service-Oriented Enforcement Portal: backup
                created: %s
                database: %s
                files: %d, from the data directory's %s
                not included: the mediation encryption key (keys/; keep it apart from the archives, the archive's ID
                  numbers cannot be read without it), the search index and the embedding cache (rebuilt from the database)
                restore: README, section "Backup and restore"
                """.formatted(when, "H2".equals(database) ? "H2, in database/ (portal.mv.db)"
                        : PG_DUMPED.equals(database) ? "PostgreSQL, in database/portal.dump (see database/README.txt)"
                        : database + ", not included (see database/README.txt)", files, String.join(", ", settings.folders()));
    }

    private List<Path> uploadedFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : settings.folders()) {
            Path folder = portal.dataDir().resolve(name).normalize();
            if (!folder.startsWith(portal.dataDir()) || !Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        return files;
    }

    /** Deletes what a run stopped by a crash or a power cut left behind (only one run at a time writes here). */
    private static void removeLeftovers(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                String name = p.getFileName().toString();
                if ((name.startsWith(".portal-backup-") && name.endsWith(".part"))
                        || (name.startsWith(".database-")
                                && (name.endsWith(".zip") || name.endsWith(".dump") || name.endsWith(".log")))) {
                    LOG.info("Backup: removing {}, left by an interrupted run", name);
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Deletes all but the newest {@code keep} archives; returns how many it deleted. */
    private int purge() throws IOException {
        List<Path> archives = archives().stream().sorted(ORDER).toList();
        int deleted = 0;
        for (int i = 0; i < archives.size() - settings.keep(); i++) {
            Files.deleteIfExists(archives.get(i));
            deleted++;
        }
        return deleted;
    }

    private List<Path> archives() {
        Path dir = folder();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> NAME.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Oldest first: by the time in the name, then by the number added when two runs fell in one second. */
    private static final Comparator<Path> ORDER = Comparator.<Path, String>comparing(p -> stamp(p).group(1))
            .thenComparingInt(p -> stamp(p).group(2) == null ? 0 : Integer.parseInt(stamp(p).group(2)));

    private static Matcher stamp(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(p.toString());
        }
        return m;
    }

    private Path freeName(Path dir) {
        String stamp = STAMP.format(OffsetDateTime.now(clock).atZoneSameInstant(CHINA));
        Path candidate = dir.resolve("portal-backup-" + stamp + ".zip");
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = dir.resolve("portal-backup-" + stamp + "-" + i + ".zip");
        }
        return candidate;
    }

    /**
     * The backup folder, created owner-only; an existing one in the data directory is made so when looser, one the
     * operator chose elsewhere ({@code portal.backup.dir}) keeps its permissions (it might be shared; the archives in
     * it are owner-only files).
     */
    private Path ownerOnlyFolder() throws IOException {
        Path dir = folder();
        return dir.startsWith(portal.dataDir()) ? OwnerOnly.folder(dir) : OwnerOnly.newFolder(dir);
    }

    private Path folder() {
        return settings.dir() != null ? settings.dir().toAbsolutePath().normalize() : portal.dataDir().resolve("backups");
    }
}
