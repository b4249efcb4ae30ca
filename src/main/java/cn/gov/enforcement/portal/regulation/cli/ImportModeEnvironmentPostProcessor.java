package cn.gov.enforcement.portal.regulation.cli;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * When the command line carries {@code --import=<folder>}, the portal runs as a one-shot import: the web
 * server starts harmlessly on a free port bound to 127.0.0.1 (so it neither collides with a running portal
 * nor serves anyone), the knowledge base is not loaded (the next start loads it; about 8 s of a start on two
 * cores, its small indexes included) and the process ends after the import. A non-web context
 * ({@code spring.main.web-application-type=none}) is not used because the account module's web security
 * configuration needs Spring MVC. Registered in {@code META-INF/spring.factories}.
 */
public class ImportModeEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String OPTION = "import";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        PropertySource<?> args = environment.getPropertySources()
                .get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
        if (args != null && args.containsProperty(OPTION)) {
            environment.getPropertySources().addFirst(new MapPropertySource("regulationImportMode",
                    Map.of("server.port", "0", "server.address", "127.0.0.1",
                            // agencies, lists and guides are not needed to import: the next start loads them
                            "portal.knowledge.load-on-start", "false")));
        }
    }
}
