package cn.gov.enforcement.portal.regulation;

import cn.gov.enforcement.portal.platform.PortalSettings;
import cn.gov.enforcement.portal.regulation.importer.ImportProblem;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns uploaded files (a {@code .zip}, {@code .md} or {@code .txt} files) into a folder the {@link ImportService}
 * can read: a fresh directory under {@code <data-dir>/regulation-uploads/}, deleted again by {@link #delete} (and, when
 * a killed portal left it, by {@link #sweep} at the next start).
 *
 * <p>Zip archives are read defensively: an entry whose path would leave the folder (zip slip: {@code ../x},
 * {@code /etc/x}, {@code C:\x}) rejects the whole upload, and so do more entries or more uncompressed bytes than
 * {@code portal.regulation.upload.*} allows (counted while reading, not taken from the archive's headers).
 * Entry names may be UTF-8 or, as Windows writes them, GBK. Entries that are not {@code .md}/{@code .txt} files
 * are left out; archives among them ({@code a/inner.zip}) are not unpacked and are named in the import's summary.
 */
@Component
class RegulationUploads {

    /** One uploaded file: its name as the browser sent it and the (temporary) file holding its bytes, left as it is. */
    record UploadedFile(String name, Path file) {}

    /** An upload that is refused as a whole; the message is a translation key with its arguments. */
    static final class Rejected extends Exception {

        private final String messageKey;
        private final transient Object[] args;

        Rejected(String messageKey, Object... args) {
            super(messageKey);
            this.messageKey = messageKey;
            this.args = args;
        }

        String messageKey() {
            return messageKey;
        }

        Object[] args() {
            return args;
        }
    }

    /** The endings of archives, which are not unpacked when inside an uploaded archive. */
    private static final List<String> ARCHIVES = List.of(".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz");

    static final String FOLDER = "regulation-uploads";

    /** The start of the name of each upload's folder in {@link #FOLDER}. */
    static final String PREFIX = "import-";

    private static final Logger log = LoggerFactory.getLogger(RegulationUploads.class);

    private static final Charset GBK = Charset.forName("GBK");

    private final PortalSettings portal;
    private final RegulationSettings settings;

    RegulationUploads(PortalSettings portal, RegulationSettings settings) {
        this.portal = portal;
        this.settings = settings;
    }

    /** Writes the files into a new folder and returns it; on a rejection nothing is left behind. */
    Path unpack(List<UploadedFile> files) throws Rejected {
        return unpack(files, new java.util.ArrayList<>());
    }

    /**
     * Like {@link #unpack(List)}, and tells {@code notRead} of the archive entries left unread that the reader would
     * miss: archives inside an archive ({@code a/inner.zip}), which are not unpacked.
     */
    Path unpack(List<UploadedFile> files, List<ImportProblem> notRead) throws Rejected {
        if (files.isEmpty()) {
            throw new Rejected("regulation.upload.nothing");
        }
        Path dir = portal.dir(FOLDER).resolve(PREFIX + UUID.randomUUID());
        // the uploaded file being read, named in a failure as the user knows it (never by the server's paths)
        String current = String.join(", ", files.stream().map(f -> baseName(String.valueOf(f.name()))).toList());
        try {
            Files.createDirectories(dir);
            Budget budget = new Budget(settings.upload().maxEntries(), settings.upload().maxUncompressed().toBytes());
            int written = 0;
            for (UploadedFile file : files) {
                String name = file.name() == null ? "" : file.name();
                current = baseName(name);
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".zip")) {
                    written += unzip(name, file.file(), dir, budget, notRead);
                } else if (lower.endsWith(".md") || lower.endsWith(".txt")) {
                    budget.entry(name);
                    budget.bytes(Files.size(file.file()), name);
                    Path target = safeTarget(dir, baseName(name), name);
                    Files.createDirectories(target.getParent());
                    Files.copy(file.file(), target, StandardCopyOption.REPLACE_EXISTING);
                    written++;
                } else {
                    throw new Rejected("regulation.upload.badType", name);
                }
            }
            if (written == 0) {
                throw new Rejected("regulation.upload.noDocuments");
            }
            return dir;
        } catch (Rejected | RuntimeException e) {
            delete(dir);
            throw e;
        } catch (IOException e) {
            log.warn("Cannot unpack the uploaded file {}", current, e);
            delete(dir);
            throw new Rejected("regulation.upload.unreadable", current);
        }
    }

    private int unzip(String zipName, Path content, Path dir, Budget budget, List<ImportProblem> notRead)
            throws IOException, Rejected {
        // entry names that are not UTF-8: archives made on Chinese Windows use GBK
        Charset charset = namesDecode(content, StandardCharsets.UTF_8) ? StandardCharsets.UTF_8 : GBK;
        try {
            return unzip(zipName, content, dir, budget, charset, notRead);
        } catch (IllegalArgumentException | ZipException e) {
            throw new Rejected("regulation.upload.badZip", zipName);
        }
    }

    private static boolean namesDecode(Path content, Charset charset) {
        try (ZipInputStream zip = new ZipInputStream(read(content), charset)) {
            while (zip.getNextEntry() != null) {
                // only the names matter here
            }
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private int unzip(String zipName, Path content, Path dir, Budget budget, Charset charset,
            List<ImportProblem> notRead) throws IOException, Rejected {
        int written = 0;
        boolean any = false;
        try (ZipInputStream zip = new ZipInputStream(read(content), charset)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                any = true;
                String name = entry.getName();
                budget.entry(name);
                Path target = safeTarget(dir, name, name);
                if (entry.isDirectory()) {
                    continue;
                }
                String lower = name.toLowerCase(Locale.ROOT);
                if (!(lower.endsWith(".md") || lower.endsWith(".txt")) || name.startsWith("__MACOSX/")) {
                    if (!name.startsWith("__MACOSX/") && ARCHIVES.stream().anyMatch(lower::endsWith)) {
                        // its documents would be missed without a word: the summary names it
                        notRead.add(new ImportProblem(name, 0, ImportProblem.Severity.WARNING,
                                "regulation.upload.nestedArchive", List.of()));
                    }
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    copy(zip, out, budget, name);
                }
                written++;
            }
        }
        if (!any) {
            // an archive of no file is only its end record (PK 5 6): readable, but nothing to import
            throw new Rejected(isEmptyZip(content) ? "regulation.upload.emptyZip" : "regulation.upload.badZip", zipName);
        }
        return written;
    }

    /** Whether the file is a valid .zip archive that holds no entry: it begins with the end-of-archive record. */
    private static boolean isEmptyZip(Path content) throws IOException {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(content)) {
            return in.readNBytes(head, 0, 4) == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 5 && head[3] == 6;
        }
    }

    /** The archive's bytes, read from its file as the entries are. */
    private static InputStream read(Path file) throws IOException {
        return new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
    }

    private static void copy(InputStream in, OutputStream out, Budget budget, String name) throws IOException, Rejected {
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            budget.bytes(n, name);
            out.write(buffer, 0, n);
        }
    }

    /** The path of {@code name} inside {@code dir}, or a rejection when it would lie outside. */
    static Path safeTarget(Path dir, String name, String shownName) throws Rejected {
        String n = name.replace('\\', '/');
        if (n.isBlank() || n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.indexOf('\0') >= 0) {
            throw new Rejected("regulation.upload.unsafeEntry", shownName);
        }
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                throw new Rejected("regulation.upload.unsafeEntry", shownName);
            }
        }
        Path target;
        try {
            target = dir.resolve(n).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new Rejected("regulation.upload.unsafeEntry", shownName);
        }
        if (!target.startsWith(dir) || target.equals(dir)) {
            throw new Rejected("regulation.upload.unsafeEntry", shownName);
        }
        return target;
    }

    private static String baseName(String name) {
        String n = name.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }

    /**
     * Deletes the upload folders left in {@code <data-dir>/regulation-uploads/} by a portal killed during an import
     * (the import deletes its folder when it ends): those of {@link #PREFIX}… not modified for {@code olderThan}, so
     * that the folder of an import running in a portal beside this one is left alone. Returns how many were deleted.
     */
    int sweep(java.time.Duration olderThan) {
        Path folder = portal.dataDir().resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        java.time.Instant before = java.time.Instant.now().minus(olderThan);
        int deleted = 0;
        try (var dirs = Files.newDirectoryStream(folder, PREFIX + "*")) {
            for (Path dir : dirs) {
                try {
                    if (Files.isDirectory(dir) && Files.getLastModifiedTime(dir).toInstant().isBefore(before)) {
                        delete(dir);
                        log.info("Deleted the upload folder {} left over by an import that did not end", dir);
                        deleted++;
                    }
                } catch (IOException | UncheckedIOException e) {
                    log.warn("Cannot delete the left-over upload folder {}: {}", dir, e.toString());
                }
            }
        } catch (IOException e) {
            log.warn("Cannot look for left-over upload folders in {}: {}", folder, e.toString());
        }
        return deleted;
    }

    /** At every start, the folders of imports a killed portal left behind, older than a day, go. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void sweepAtStart() {
        sweep(java.time.Duration.ofDays(1));
    }

    /** Deletes the folder and everything in it; quietly does nothing when it is gone. */
    void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        deleteContents(dir);
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteContents(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
            paths.remove(dir);
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts entries and bytes across every file of one upload. */
    private static final class Budget {
        private final int maxEntries;
        private final long maxBytes;
        private int entries;
        private long bytes;

        Budget(int maxEntries, long maxBytes) {
            this.maxEntries = maxEntries;
            this.maxBytes = maxBytes;
        }

        void entry(String name) throws Rejected {
            if (++entries > maxEntries) {
                throw new Rejected("regulation.upload.tooManyEntries", maxEntries);
            }
        }

        void bytes(long n, String name) throws Rejected {
            bytes += n;
            if (bytes > maxBytes) {
                throw new Rejected("regulation.upload.tooLarge", maxBytes / (1024 * 1024));
            }
        }

    }
}
