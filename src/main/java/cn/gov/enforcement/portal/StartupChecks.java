package cn.gov.enforcement.portal;

import cn.gov.enforcement.portal.search.DataDirectoryInUseException;
import cn.gov.enforcement.portal.search.EmbeddedNodeChecks;
import cn.gov.enforcement.portal.search.SearchNodePortInUseException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Checks of the settings made when {@code java -jar portal.jar} starts, before the application context creates a
 * bean (and before logging opens its file in the data folder): the settings the production profile needs, the data
 * folder (usable, and not held by another running portal), the embedded search node's ports, the HTTP port. A failed
 * check ends the start at once with one message naming every problem and the setting to change ({@link Failure}),
 * where the context would have failed after tens of seconds with a long stack trace. Registered by {@link
 * PortalApplication#main} only, not in {@code spring.factories}: the tests' contexts (a mock web environment on the
 * configured port, several portals' tests on one machine) are not checked.
 */
final class StartupChecks implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** A setting the production profile has no default for. */
    record Required(String property, String variable, String example, boolean mayBeEmpty) {
    }

    /** What {@code application-prod.yml} takes from the environment without a default. */
    static final List<Required> PRODUCTION = List.of(
            new Required("spring.datasource.url", "PORTAL_DB_URL", "jdbc:postgresql://db:5432/portal", false),
            new Required("spring.datasource.username", "PORTAL_DB_USER", "the database account", false),
            new Required("spring.datasource.password", "PORTAL_DB_PASSWORD", "its password (may be set empty)", true),
            new Required("spring.elasticsearch.uris", "PORTAL_ES_URIS", "https://es1:9200,https://es2:9200", false));

    /**
     * One or more checks failed: the start ends with exit status 1 and this message, without a stack trace. Caused by
     * the {@link DataDirectoryInUseException} when another portal's holding the data folder is one of the problems
     * (an import then ends with its own status).
     */
    static final class Failure extends RuntimeException {

        private final List<String> problems;

        Failure(List<String> problems) {
            this(problems, null);
        }

        Failure(List<String> problems, Throwable cause) {
            super("The portal did not start:\n- " + String.join("\n- ", problems), cause);
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }

    /**
     * Tells Spring Boot that a failure {@link PortalApplication#launch} prints as a message is taken care of, so that
     * it does not log "Application run failed" with a stack trace on the console: a {@link Failure}, and the refusals
     * of the embedded search node that this class checks too when they come from the node's own start (another portal
     * took the data folder or a port after these checks): {@link #startRefusal}. The trace is logged at DEBUG.
     * Registered in {@code META-INF/spring.factories}.
     */
    static final class FailureReporter implements SpringBootExceptionReporter {

        private static final Logger log = LoggerFactory.getLogger(StartupChecks.class);

        @Override
        public boolean reportException(Throwable failure) {
            if (!(failure instanceof Failure) && startRefusal(failure) == null) {
                return false;
            }
            log.debug("The portal did not start", failure);
            return true;
        }
    }

    /**
     * The failure among {@code e} and its causes that {@link PortalApplication#launch} reports as a message: a {@link
     * Failure}, a {@link DataDirectoryInUseException} or a {@link SearchNodePortInUseException}; null for any other.
     */
    static RuntimeException startRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Failure || t instanceof DataDirectoryInUseException
                    || t instanceof SearchNodePortInUseException) {
                return (RuntimeException) t;
            }
        }
        return null;
    }

    /**
     * After the environment post-processors ({@code Ordered.HIGHEST_PRECEDENCE + 10}: the configuration files, the
     * profiles, the import mode's free port), before the logging system ({@code + 20}), which would create its log
     * file in a data folder that may not be usable.
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 15;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Failure failure = failure(event.getEnvironment());
        if (failure != null) {
            throw failure;
        }
    }

    /** Every problem found, each naming the setting; empty when the portal may start. */
    static List<String> check(Environment environment) {
        Failure failure = failure(environment);
        return failure == null ? List.of() : failure.problems();
    }

    /** The failure naming every problem found, null when the portal may start. */
    static Failure failure(Environment environment) {
        List<String> problems = new ArrayList<>(missingProductionSettings(environment));
        Optional<String> dataFolder = dataFolderProblem(environment);
        dataFolder.ifPresent(problems::add);
        DataDirectoryInUseException inUse = null;
        if (dataFolder.isEmpty()) {
            for (IllegalStateException problem : EmbeddedNodeChecks.problems(environment, dataDir(environment))) {
                problems.add(problem.getMessage());
                if (problem instanceof DataDirectoryInUseException e) {
                    inUse = e;
                }
            }
        }
        httpPortProblem(environment).ifPresent(problems::add);
        return problems.isEmpty() ? null : new Failure(problems, inUse);
    }

    /** The production profile's settings without a value, as one problem; none without the profile. */
    static List<String> missingProductionSettings(Environment environment) {
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        for (Required r : PRODUCTION) {
            if (r.mayBeEmpty() ? !resolves(environment, r.property()) : value(environment, r.property()).isEmpty()) {
                missing.add("  " + r.variable() + " (" + r.property() + "): " + r.example());
            }
        }
        if (missing.isEmpty()) {
            return List.of();
        }
        return List.of("The production profile (prod) needs these settings, which are not set:\n"
                + String.join("\n", missing) + "\n  Set the environment variables (or give --<property>=<value> on the "
                + "command line); see \"Production profile\" in README.md.");
    }

    /**
     * The data folder must be a folder this user can write in; it is created when missing (as the portal would).
     */
    static Optional<String> dataFolderProblem(Environment environment) {
        String setting = "portal.data-dir (PORTAL_DATA_DIR)";
        String configured = configuredDataDir(environment);
        Path dir;
        try {
            dir = dataDir(environment);
        } catch (InvalidPathException e) {
            return Optional.of(setting + " is not a usable path: " + configured);
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return Optional.of(setting + " is " + dir + ", which is a file, not a folder: choose a folder (it is "
                    + "created when missing).");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            return Optional.of(setting + " is " + dir + ", which cannot be created (" + reason(e) + "): choose a "
                    + "folder this user (" + System.getProperty("user.name") + ") may create or write.");
        }
        try {
            Files.delete(Files.createTempFile(dir, ".write-check", ".tmp"));
        } catch (IOException | SecurityException e) {
            return Optional.of(setting + " is " + dir + ", which cannot be written (" + reason(e) + "; a read-only "
                    + "mount, or another user's folder): choose a folder this user (" + System.getProperty("user.name")
                    + ") may write.");
        }
        return Optional.empty();
    }

    private static String configuredDataDir(Environment environment) {
        return value(environment, "portal.data-dir").orElse("data");
    }

    /** The data folder as an absolute path. */
    private static Path dataDir(Environment environment) {
        return Path.of(configuredDataDir(environment)).toAbsolutePath().normalize();
    }

    /** The HTTP port, when it is not 0 (a free one) or -1, must be free on the address the web server listens on. */
    static Optional<String> httpPortProblem(Environment environment) {
        int port;
        try {
            port = Integer.parseInt(value(environment, "server.port").orElse("8080"));
        } catch (NumberFormatException e) {
            return Optional.of("server.port (PORT) must be a port number, not " + value(environment, "server.port")
                    .orElse("") + ".");
        }
        if (port <= 0) {
            return Optional.empty(); // a free one; -1: no web server
        }
        Optional<String> address = value(environment, "server.address");
        String on = address.map(a -> " on " + a).orElse("");
        return portProblem(address.orElse(null), port).map(reason -> "Web server failed to start. Port " + port
                + " (server.port, PORT)" + on + (reason.contains("in use") ? " was already in use" : " cannot be "
                + "opened (" + reason + ")") + ". Stop the process that listens on port " + port + ", or start the "
                + "portal on another port (--server.port=<port> or PORT=<port>).");
    }

    /**
     * Why a server socket cannot listen on {@code port} of {@code address} (all addresses when null), such as
     * {@code Address already in use}; empty when it can.
     */
    static Optional<String> portProblem(String address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as the web server does: a port left in TIME_WAIT is free
            socket.bind(address == null ? new InetSocketAddress(port)
                    : new InetSocketAddress(InetAddress.getByName(address), port), 1);
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of(reason(e));
        }
    }

    /** The setting's value, empty when it is not set, blank, or a placeholder nothing resolves. */
    private static Optional<String> value(Environment environment, String property) {
        try {
            String v = environment.getProperty(property);
            return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // ${PORTAL_DB_URL} without the variable
        }
    }

    /** Whether the setting is set, to an empty value too. */
    private static boolean resolves(Environment environment, String property) {
        try {
            return environment.getProperty(property) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                + e.getMessage();
    }
}
