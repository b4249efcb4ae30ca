package cn.gov.enforcement.portal.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Temporary directories that a test class keeps for the whole run (a copied knowledge base, for instance) and that
 * are removed when the test JVM exits, so repeated runs leave nothing behind in the system's temporary folder.
 */
public final class TemporaryDirectories {

    private TemporaryDirectories() {
    }

    /** A new directory under the system's temporary folder, deleted with its contents when the JVM exits. */
    public static Path createDeletedOnExit(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "delete " + dir.getFileName()));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort at exit: a file still open elsewhere stays behind
        }
    }
}
