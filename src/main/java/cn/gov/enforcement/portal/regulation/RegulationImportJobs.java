package cn.gov.enforcement.portal.regulation;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.RolesAllowed;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports started from the administrators' import page: the uploaded files are unpacked safely
 * ({@link RegulationUploads}) into a temporary folder under the data directory, imported by {@link ImportService} in
 * a background thread (its progress lines, those of the command line, go to the log at debug level; the page is
 * told the files read), and the folder and the uploaded (temporary) files are deleted afterwards. One
 * import at a time: a second start while one runs is refused.
 */
@Service
public class RegulationImportJobs {

    /** What the page is told while an import runs; called from the background thread. */
    public interface Listener {

        /** {@code done} of {@code total} files read. */
        void progress(int done, int total);

        void finished(ImportSummary summary);

        /**
         * The upload was refused (nothing imported) or the import stopped ({@link #ABORTED}); the message is a
         * translation key with arguments.
         */
        void failed(String messageKey, Object... args);
    }

    /**
     * The failure of an import stopped by an unexpected error (the database or the search node away, say): the
     * documents stored before it stay, and a new import of the same files completes the rest. The page says so in
     * the user's language; the exception itself goes to the log only.
     */
    public static final String ABORTED = "regulation.upload.aborted";

    /** The answer to a start request. */
    public enum Start { STARTED, BUSY }

    private static final Logger log = LoggerFactory.getLogger(RegulationImportJobs.class);

    private final ImportService importService;
    private final RegulationUploads uploads;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "regulation-import");
        t.setDaemon(true);
        return t;
    });

    private final RegulationIndex index;

    /** How far the import under way has come (files read of files found); kept for pages opened meanwhile. */
    public record Progress(int done, int total) {}

    /**
     * How the last import ended, for a page reloaded or opened after it: its summary, or the translation key and
     * arguments of its refusal or failure; and when.
     */
    public record Outcome(ImportSummary summary, String messageKey, List<Object> args, java.time.Instant at) {}

    private volatile Progress progress = new Progress(0, 0);
    private volatile Outcome last;

    RegulationImportJobs(ImportService importService, RegulationUploads uploads, RegulationIndex index) {
        this.importService = importService;
        this.uploads = uploads;
        this.index = index;
    }

    /**
     * How far the search index rebuild under way has come: {@code done} of {@code total} articles; for a
     * {@code revision} (a small change: a copy of the live version gets only the changed articles), of those.
     */
    public record IndexRebuild(long done, long total, boolean revision) {}

    /**
     * The rebuild of the regulation search index under way, if any: the background rebuild started at start or
     * the rebuild at the end of an import. Searches are answered from the previous version meanwhile.
     */
    @RolesAllowed("ADMIN")
    public java.util.Optional<IndexRebuild> indexRebuild() {
        return index.rebuildProgress().map(p -> new IndexRebuild(p.done(), p.total(), p.revision()));
    }

    /** How far the import under way has come (the last one's final figures when none runs). */
    @RolesAllowed("ADMIN")
    public Progress progress() {
        return progress;
    }

    /** How the last import since start ended, if one did. */
    @RolesAllowed("ADMIN")
    public java.util.Optional<Outcome> lastOutcome() {
        return java.util.Optional.ofNullable(last);
    }

    /** True while an import started here runs. */
    @RolesAllowed("ADMIN")
    public boolean isRunning() {
        return running.get();
    }

    /**
     * Starts importing the uploaded files in the background, or answers {@link Start#BUSY} when an import is
     * already running. Once started, the files are the import's: it deletes them as soon as they are unpacked or
     * refused; when busy, they stay the caller's.
     *
     * @param files name and temporary file of each uploaded file ({@code .zip}, {@code .md}, {@code .txt})
     */
    @RolesAllowed("ADMIN")
    public Start start(List<UploadedFile> files, Listener listener) {
        if (!running.compareAndSet(false, true)) {
            return Start.BUSY;
        }
        progress = new Progress(0, 0);
        List<RegulationUploads.UploadedFile> copy = files.stream()
                .map(f -> new RegulationUploads.UploadedFile(f.name(), f.file())).toList();
        try {
            executor.execute(() -> run(copy, listener));
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
        return Start.STARTED;
    }

    /** One uploaded file: its name as the browser sent it and the temporary file its bytes were streamed to. */
    public record UploadedFile(String name, Path file) {}

    private void run(List<RegulationUploads.UploadedFile> files, Listener listener) {
        Path dir = null;
        List<cn.gov.enforcement.portal.regulation.importer.ImportProblem> notRead = new java.util.ArrayList<>();
        Runnable outcome;
        try {
            try {
                dir = uploads.unpack(files, notRead);
            } finally {
                // unpacked or refused, the uploaded files have served
                deleteUploaded(files);
            }
            // the English progress lines of the command line go to the log; the page shows its own, translated
            ImportSummary summary = importService.importFolder(dir, line -> log.debug("Upload import: {}", line),
                    (done, total) -> {
                        progress = new Progress(done, total);
                        listener.progress(done, total);
                    });
            // the archives inside the upload, not read, first among the summary's problems
            ImportSummary told = notRead.isEmpty() ? summary : new ImportSummary(summary.files(), summary.imported(),
                    summary.corrected(), summary.unchanged(), summary.failed(), summary.articles(),
                    java.util.stream.Stream.concat(notRead.stream(), summary.problems().stream()).toList());
            last = new Outcome(told, null, List.of(), java.time.Instant.now());
            outcome = () -> listener.finished(told);
        } catch (RegulationUploads.Rejected e) {
            log.info("Regulation upload refused: {}", e.messageKey());
            last = new Outcome(null, e.messageKey(), java.util.Arrays.asList(e.args()), java.time.Instant.now());
            outcome = () -> listener.failed(e.messageKey(), e.args());
        } catch (RuntimeException | Error e) {
            // an Error (out of memory, say) too: the page hears of it and the next import can start
            log.error("Regulation import from the import page failed", e);
            last = new Outcome(null, ABORTED, List.of(), java.time.Instant.now());
            outcome = () -> listener.failed(ABORTED);
        } finally {
            try {
                uploads.delete(dir);
            } catch (RuntimeException e) {
                log.warn("Cannot delete the upload folder {}: {}", dir, e.toString());
            }
            // free for the next import before telling the page, so that it can offer a new start at once
            running.set(false);
        }
        outcome.run();
    }

    /** Deletes the uploaded (temporary) files. */
    private static void deleteUploaded(List<RegulationUploads.UploadedFile> files) {
        for (RegulationUploads.UploadedFile file : files) {
            try {
                java.nio.file.Files.deleteIfExists(file.file());
            } catch (java.io.IOException | RuntimeException e) {
                log.warn("Cannot delete the uploaded file {}: {}", file.file(), e.toString());
            }
        }
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}
