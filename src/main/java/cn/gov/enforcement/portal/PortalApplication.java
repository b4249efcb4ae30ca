package cn.gov.enforcement.portal;

import cn.gov.enforcement.portal.search.DataDirectoryInUseException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PortalApplication {

    /** {@link #launch}'s answer when the portal was started and runs on. */
    static final int RUNNING = -1;
    /** Exit status of a failed check of the settings ({@link StartupChecks}) or a start refused for them. */
    static final int SETTINGS_FAILED = 1;
    /** Exit status of a command-line import refused because another portal holds the data folder. */
    static final int DATA_FOLDER_IN_USE = 3;

    static final String USAGE = """
            Service-oriented enforcement portal (服务型行政执法公共服务平台)

            Usage:
              java -jar portal.jar [--<setting>=<value> ...]
                  serve the portal (http://localhost:8080 unless another port is set)
              java -jar portal.jar --import=<folder> [--<setting>=<value> ...]
                  import a folder of regulations into the portal's data folder and exit: 0 every file imported
                  or unchanged, 1 a file failed, 2 no such folder, 3 the data folder is in use by a running portal
              java -jar portal.jar --help (or -h)
                  this text

            Main settings (a command-line argument, or the environment variable in brackets):
              --server.port=8080 (PORT)                   the HTTP port
              --portal.data-dir=./data (PORTAL_DATA_DIR)  the one folder holding the database, the search node's
                                                          data, logs and uploaded files
              --spring.profiles.active=prod               production: PostgreSQL, an external Elasticsearch
                                                          cluster and SMTP, set by PORTAL_DB_URL, PORTAL_DB_USER,
                                                          PORTAL_DB_PASSWORD, PORTAL_ES_URIS, PORTAL_SMTP_HOST, ...

            Every setting is described in README.md at the top of the portal's source tree (sections "The two
            commands", "Configuration", "Production profile" and "Importing regulations").
            """;

    public static void main(String[] args) {
        int status = launch(args, System.out, System.err, PortalApplication::start);
        if (status != RUNNING) {
            System.exit(status);
        }
    }

    /**
     * Handles the command line: prints the usage for {@code --help} or {@code -h} without starting anything;
     * otherwise starts the portal through {@code starter} and turns the failures an operator must act on (failed
     * {@link StartupChecks}, another portal on the data folder, a search node's port in use) into a message and an
     * exit status instead of a stack trace.
     *
     * @return {@link #RUNNING} when the portal was started, else the process's exit status
     */
    static int launch(String[] args, PrintStream out, PrintStream err, Consumer<String[]> starter) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            out.print(USAGE);
            out.flush();
            return 0;
        }
        try {
            starter.accept(args);
            return RUNNING;
        } catch (RuntimeException e) {
            RuntimeException refusal = StartupChecks.startRefusal(e);
            if (refusal == null) {
                throw e;
            }
            List<String> problems = refusal instanceof StartupChecks.Failure failed ? failed.problems()
                    : List.of(refusal.getMessage());
            if (cause(refusal, DataDirectoryInUseException.class) != null
                    && arguments.stream().anyMatch(a -> a.equals("--import") || a.startsWith("--import="))) {
                err.println("Nothing imported:\n- " + String.join("\n- ", problems));
                return DATA_FOLDER_IN_USE;
            }
            err.println("The portal did not start:\n- " + String.join("\n- ", problems));
            return SETTINGS_FAILED;
        }
    }

    private static void start(String[] args) {
        application().run(args);
    }

    /** The portal's application as {@code main} runs it: with the checks of the settings and of their names. */
    static SpringApplication application() {
        SpringApplication application = new SpringApplication(PortalApplication.class);
        application.addListeners(new StartupChecks(), new UnknownSettings());
        return application;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
