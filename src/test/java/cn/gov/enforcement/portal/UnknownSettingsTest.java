package cn.gov.enforcement.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/** The warning of {@code portal.*} settings nothing reads, with the nearest known name. */
class UnknownSettingsTest {

    private static StandardEnvironment base;
    private static UnknownSettings.Known known;

    /** The portal's own configuration files, the given environment variables and command line. */
    private static StandardEnvironment environment(Map<String, Object> variables, String... args) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        // the build's own for the tests (portal.shared-dir) are not the portal's
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        for (String file : new String[] {"application-prod.yml", "application.yml"}) {
            new YamlPropertySourceLoader().load(file, new ClassPathResource(file))
                    .forEach(env.getPropertySources()::addLast);
        }
        env.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        return env;
    }

    @BeforeAll
    static void readTheNamesThePortalKnows() throws IOException {
        base = environment(Map.of());
        known = UnknownSettings.known(base);
    }

    @Test
    void the_portals_own_configuration_files_warn_of_nothing() {
        assertThat(UnknownSettings.warning(base, known)).isEmpty();
    }

    @Test
    void misspelt_settings_on_the_command_line_are_named_with_the_nearest_known_one() throws IOException {
        var env = environment(Map.of(), "--portal.notification.max-attempt=3", "--portal.backup.kep=2",
                "--portal.nothing-like-it=1");

        assertThat(UnknownSettings.warning(env, known)).get().asString()
                .contains("portal.notification.max-attempt (commandLineArgs): did you mean "
                        + "portal.notification.max-attempts?")
                .contains("portal.backup.kep (commandLineArgs): did you mean portal.backup.keep?")
                .contains("portal.nothing-like-it (commandLineArgs)")
                .doesNotContain("portal.nothing-like-it (commandLineArgs): did you mean")
                .contains("README.md");
    }

    @Test
    void settings_the_portal_reads_are_not_named() throws IOException {
        var env = environment(Map.of(), "--portal.notification.max-attempts=3", "--portal.backup.keep=2",
                // a record's component, a nested record's, a map's key, a list's element
                "--portal.data-dir=/srv/portal", "--portal.search.embedded.port=0",
                "--portal.mediation.routing.CONSUMER=market", "--portal.backup.folders[0]=mediation-evidence",
                "--portal.regulation.ranking.level-priors.LAW=1.0",
                // read by @Value and @Scheduled
                "--portal.zone=UTC", "--portal.rating.reminder-cron=-", "--portal.search.index-retry-cron=-",
                // relaxed spelling
                "--portal.notification.maxAttempts=3");

        assertThat(UnknownSettings.warning(env, known)).isEmpty();
    }

    @Test
    void environment_variables_are_checked_by_spring_boots_relaxed_names() throws IOException {
        var env = environment(Map.of("PORTAL_NOTIFICATION_MAX_ATTEMPTS", "3", "PORTAL_NOTIFICATION_MAXATTEMPTS", "3",
                // read by the configuration files by its own name, and the tests' own
                "PORTAL_DATA_DIR", "/srv/portal", "PORTAL_DB_URL", "jdbc:h2:mem:x", "PORTAL_TEST_POSTGRES_URL", "x",
                "PORTAL_BACKUP_KEP", "2", "HOME", "/root"));

        assertThat(UnknownSettings.warning(env, known)).get().asString()
                .isEqualTo("Settings no part of the portal reads, ignored (misspelt? see \"Configuration\" in "
                        + "README.md): PORTAL_BACKUP_KEP (systemEnvironment): did you mean portal.backup.keep?");
    }

    @Test
    void the_names_come_from_the_settings_records_nested_ones_and_maps() {
        assertThat(known.leaves()).contains("portal.data-dir", "portal.public-url", "portal.backup.keep",
                "portal.notification.max-attempts", "portal.search.embedded.port",
                "portal.regulation.upload.max-file-size", "portal.mediation.purge-cron", "portal.zone");
        assertThat(known.anyBelow()).contains("portal.mediation.routing");
        assertThat(UnknownSettings.kebab("certificateChecksPerMinute")).isEqualTo("certificate-checks-per-minute");
        assertThat(UnknownSettings.distance("portal.backup.kep", "portal.backup.keep")).isEqualTo(1);
    }

    @Test
    void it_warns_after_logging_started() {
        assertThat(new UnknownSettings().getOrder()).isGreaterThan(LoggingApplicationListener.DEFAULT_ORDER);
        assertThat(PortalApplication.application().getListeners()).hasAtLeastOneElementOfType(UnknownSettings.class);
    }
}
