package cn.gov.enforcement.portal.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings shared by every module.
 *
 * @param dataDir the one directory that holds everything the portal keeps: the H2 database, the
 *     embedded search node's data, uploaded files and logs
 */
@ConfigurationProperties(prefix = "portal")
public record PortalSettings(Path dataDir) {

    public PortalSettings {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** A sub-directory of the data directory, created on first use. */
    public Path dir(String name) {
        Path dir = dataDir.resolve(name);
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create data directory " + dir, e);
        }
        return dir;
    }
}
