package cn.gov.enforcement.portal.search;

import cn.gov.enforcement.portal.search.embedded.EmbeddedNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * The embedded search node's part of the checks {@code java -jar} makes before the context starts: another running
 * portal holding the data folder, a configured port of the node in use. The node makes the same checks when it starts
 * (for a portal started in between); made here, they end the start before a bean, the database or the log file (the
 * running portal's own {@code portal.log}) is opened, with one message and no stack trace.
 */
public final class EmbeddedNodeChecks {

    static final List<String> PORT_SETTINGS = List.of("portal.search.embedded.port",
            "portal.search.embedded.transport-port");

    private EmbeddedNodeChecks() {
    }

    /**
     * Why the embedded node could not start on {@code dataDir} with these settings: a {@link
     * DataDirectoryInUseException} alone (that portal's node holds the ports too), else a {@link
     * SearchNodePortInUseException} for each configured port that cannot be opened. Empty with an external cluster,
     * and for settings that cannot be read (an unknown {@code portal.search.mode}, a port that is no number, a cluster
     * address from an environment variable that is not set), which the context or the other checks name.
     */
    public static List<IllegalStateException> problems(Environment environment, Path dataDir) {
        boolean embedded;
        try {
            embedded = EmbeddedModeCondition.embedded(environment);
        } catch (RuntimeException e) {
            return List.of(); // an unknown mode, or a cluster address from a variable that is not set
        }
        if (!embedded) {
            return List.of();
        }
        Optional<DataDirectoryInUseException> inUse = EmbeddedNode.dataDirectoryInUse(dataDir);
        if (inUse.isPresent()) {
            return List.of(inUse.get());
        }
        List<IllegalStateException> problems = new ArrayList<>();
        for (String setting : PORT_SETTINGS) {
            try {
                EmbeddedNode.requireFree(port(environment, setting), setting);
            } catch (SearchNodePortInUseException e) {
                problems.add(e);
            }
        }
        return problems;
    }

    /** The configured port, by Spring Boot's relaxed names (PORTAL_SEARCH_EMBEDDED_PORT too); 0 when unreadable. */
    private static int port(Environment environment, String setting) {
        try {
            if (environment instanceof ConfigurableEnvironment configurable) {
                return Binder.get(configurable).bind(setting, Integer.class).orElse(0);
            }
            return environment.getProperty(setting, Integer.class, 0);
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
