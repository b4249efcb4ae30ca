package cn.gov.enforcement.portal.regulation.cli;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * When the command line carries {@code --import=<folder>}, the portal runs as a one-shot import: no web
 * server ({@code spring.main.web-application-type=none}). Registered in {@code META-INF/spring.factories}.
 */
public class ImportModeEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String OPTION = "import";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        PropertySource<?> args = environment.getPropertySources()
                .get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
        if (args != null && args.containsProperty(OPTION)) {
            environment.getPropertySources().addFirst(new MapPropertySource("regulationImportMode",
                    Map.of("spring.main.web-application-type", "none")));
        }
    }
}
