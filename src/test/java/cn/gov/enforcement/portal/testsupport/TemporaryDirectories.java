package cn.gov.enforcement.portal.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /**
     * A copy of the YAML files of the committed knowledge base's {@code folders} (under {@code knowledge-base/} of the
     * working directory) in a new directory that is deleted when the JVM exits, so a test can change content.
     */
    public static Path copyOfKnowledgeBase(String prefix, String... folders) {
        Path dir = createDeletedOnExit(prefix);
        try {
            for (String folder : folders) {
                Path target = Files.createDirectories(dir.resolve(folder));
                try (Stream<Path> files = Files.list(Path.of("knowledge-base", folder))) {
                    for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                        Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
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
