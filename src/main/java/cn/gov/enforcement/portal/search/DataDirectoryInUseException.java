package cn.gov.enforcement.portal.search;

import java.nio.file.Path;

/** Another process (another portal) runs the search node of this data directory: this portal must not start. */
public class DataDirectoryInUseException extends IllegalStateException {

    private final Path dataDir;

    public DataDirectoryInUseException(Path dataDir, Path lockFile) {
        super("Another portal is using the data directory " + dataDir + " (another process holds the lock " + lockFile
                + "). This portal does not start, so that it does not stop that portal's search node or open its "
                + "database. Stop the other portal first, or start this one with its own data directory "
                + "(--portal.data-dir or PORTAL_DATA_DIR).");
        this.dataDir = dataDir;
    }

    /** The data directory another process uses. */
    public Path dataDir() {
        return dataDir;
    }
}
