package cn.gov.enforcement.portal.regulation;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared data directory (system property {@code portal.shared-dir}, default {@code ../shared}). */
public final class SharedData {

    private SharedData() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("portal.shared-dir", "../shared")).toAbsolutePath().normalize();
    }

    /** The sub-path of the shared directory, or skips the test with a clear message when it is absent. */
    public static Path require(String sub) {
        Path path = dir().resolve(sub);
        assumeTrue(Files.exists(path), "skipped: " + path + " is absent (set -Dportal.shared-dir=/path/to/shared)");
        return path;
    }
}
