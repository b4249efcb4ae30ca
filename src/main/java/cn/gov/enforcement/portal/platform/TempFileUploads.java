package cn.gov.enforcement.portal.platform;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.server.streams.FileUploadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads of one page streamed to temporary files instead of into memory: the servlet accepts files up to
 * {@code portal.regulation.upload.max-file-size} for every page, and an in-memory upload would hold each such file
 * whole before the page could even look at its size. Each file received is written to a new file in the system's
 * temporary directory (named with the page's prefix, never with the browser's file name) and handed to the page
 * inside the UI's lock; from then on the page holds it and gives it back with {@link #delete} (consumed, refused,
 * removed from the list) or {@link #release} (handed on to something that deletes it itself).
 *
 * <p>No file is left behind: a file whose transfer fails, that the page refuses by throwing, or that arrives when
 * the UI is gone is deleted here, and every file the page still holds is deleted when the owning component is
 * detached (the page left or reloaded, the language switched, the session ended).
 *
 * <p>Vaadin's own {@link UploadHandler#toTempFile} is not used: it makes a new folder in the temporary directory for
 * every file, names the file after the browser's file name (a name with a path separator, or one too long for the
 * file system, fails the upload) and never tells the page which file a failed transfer left behind.
 */
public final class TempFileUploads implements Serializable {

    /** What the page does with a file received; the file is the page's once this returns normally. */
    @FunctionalInterface
    public interface Receiver extends Serializable {

        void received(UploadMetadata metadata, Path file) throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(TempFileUploads.class);

    /** Every page's temporary upload files start with this and end with {@link #SUFFIX}, so {@link #sweep} finds them. */
    public static final String SWEPT_PREFIX = "portal-";
    static final String SUFFIX = ".upload";

    private final String prefix;
    /** The files received or arriving and not yet deleted or released. */
    private final Set<Path> held = ConcurrentHashMap.newKeySet();

    /**
     * @param owner the component whose detach deletes the files still held (the page)
     * @param prefix the start of the temporary files' names, such as {@code portal-evidence-}
     */
    public TempFileUploads(Component owner, String prefix) {
        if (!prefix.startsWith(SWEPT_PREFIX)) {
            throw new IllegalArgumentException("Upload files must start with " + SWEPT_PREFIX + " to be swept: " + prefix);
        }
        this.prefix = prefix;
        owner.addDetachListener(e -> deleteAll());
    }

    /** An upload handler that streams each file to a new temporary file and hands it to the receiver. */
    public UploadHandler handler(Receiver receiver) {
        return event -> {
            // one handler per request, so that a failure here knows the file of this request
            AtomicReference<Path> created = new AtomicReference<>();
            AtomicBoolean handedOver = new AtomicBoolean();
            FileUploadHandler toFile = UploadHandler.toFile((metadata, file) -> {
                handedOver.set(true);
                hand(receiver, metadata, file.toPath());
            }, metadata -> {
                Path file = Files.createTempFile(prefix, SUFFIX);
                held.add(file);
                created.set(file);
                return file.toFile();
            });
            try {
                toFile.handleUploadRequest(event);
            } catch (IOException | RuntimeException | Error e) {
                // the transfer broke off, or the UI was gone before the file could be handed over
                if (!handedOver.get()) {
                    delete(created.get());
                }
                throw e;
            }
        };
    }

    private void hand(Receiver receiver, UploadMetadata metadata, Path file) throws IOException {
        if (!held.contains(file)) {
            // deleted while it arrived: the page was detached meanwhile
            return;
        }
        boolean kept = false;
        try {
            receiver.received(metadata, file);
            kept = true;
        } finally {
            if (!kept) {
                delete(file);
            }
        }
    }

    /** Deletes a file received (consumed, refused or removed); quietly does nothing for null or a file gone. */
    public void delete(Path file) {
        if (file == null) {
            return;
        }
        held.remove(file);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete the temporary upload file {}: {}", file, e.toString());
        }
    }

    /** Lets go of a file received without deleting it: whoever it was handed to deletes it. */
    public void release(Path file) {
        held.remove(file);
    }

    /** Deletes every file still held; done by itself when the owner is detached. */
    public void deleteAll() {
        for (Path file : Set.copyOf(held)) {
            delete(file);
        }
    }

    /** How many files are held, received or arriving (for tests). */
    int heldCount() {
        return held.size();
    }

    /**
     * Deletes upload files left in {@code directory} by a portal that was killed while it held them (a detach never
     * came): those of {@link #SWEPT_PREFIX}…{@link #SUFFIX} not modified for {@code olderThan}, so files of a portal
     * running beside this one are left alone. Returns how many were deleted.
     */
    public static int sweep(Path directory, java.time.Duration olderThan) {
        java.time.Instant before = java.time.Instant.now().minus(olderThan);
        int deleted = 0;
        try (var files = Files.newDirectoryStream(directory, SWEPT_PREFIX + "*" + SUFFIX)) {
            for (Path file : files) {
                try {
                    if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                        Files.delete(file);
                        deleted++;
                    }
                } catch (IOException e) {
                    log.warn("Cannot delete the left-over upload file {}: {}", file, e.toString());
                }
            }
        } catch (IOException e) {
            log.warn("Cannot look for left-over upload files in {}: {}", directory, e.toString());
        }
        if (deleted > 0) {
            log.info("Deleted {} upload file(s) left over in {}", deleted, directory);
        }
        return deleted;
    }

    /** At every start, the left-overs of a portal killed while it held uploads, older than a day, go. */
    @org.springframework.stereotype.Component
    static class Sweeper {

        @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
        void sweepAtStart() {
            sweep(Path.of(System.getProperty("java.io.tmpdir")), java.time.Duration.ofDays(1));
        }
    }
}
