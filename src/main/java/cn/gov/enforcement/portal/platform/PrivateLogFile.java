package cn.gov.enforcement.portal.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The portal's log file ({@code logging.file.name}, {@code <data-dir>/logs/portal.log} by default) is readable by the
 * portal's own account only: it names staff, client addresses and what they did. Before logging starts, the file is
 * created {@code 0600} (or made so when it is looser) and its folder {@code 0700} when it lies in the data directory
 * ({@link OwnerOnly}), so the logger appends to a private file and the files it rolls over stay in a private folder.
 * The search node keeps its own logs in {@code <data-dir>/search/logs}, outside that folder. Registered in
 * {@code META-INF/spring.factories}.
 */
public class PrivateLogFile implements EnvironmentPostProcessor {

    private final Log log;

    public PrivateLogFile(DeferredLogFactory logs) {
        this.log = logs.getLog(PrivateLogFile.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Path file = logFile(environment);
        if (file == null || !OwnerOnly.posix(file)) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("portal.data-dir", "data")).toAbsolutePath().normalize();
        try {
            Path folder = file.getParent();
            if (folder.startsWith(dataDir)) {
                OwnerOnly.folder(folder);
            } else {
                Files.createDirectories(folder);
            }
            OwnerOnly.file(file);
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot make the log file " + file + " readable by the portal's account only: " + e);
        }
    }

    /** The file Spring Boot logs to, as {@code logging.file.name} or {@code logging.file.path} say; null for none. */
    static Path logFile(ConfigurableEnvironment environment) {
        String name = environment.getProperty("logging.file.name");
        if (name != null && !name.isBlank()) {
            return Path.of(name.strip()).toAbsolutePath().normalize();
        }
        String folder = environment.getProperty("logging.file.path");
        if (folder != null && !folder.isBlank()) {
            return Path.of(folder.strip(), "spring.log").toAbsolutePath().normalize();
        }
        return null;
    }
}
