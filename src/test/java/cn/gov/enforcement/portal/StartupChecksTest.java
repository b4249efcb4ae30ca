package cn.gov.enforcement.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import cn.gov.enforcement.portal.search.DataDirectoryInUseException;
import cn.gov.enforcement.portal.search.SearchNodePortInUseException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.env.EnvironmentPostProcessorApplicationListener;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

/** The checks made before the context starts: production settings, data folder, HTTP port. */
class StartupChecksTest {

    @TempDir Path temp;

    /** The production profile as application-prod.yml sets it, no PORTAL_* variable set, a usable data folder. */
    private MockEnvironment production() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("prod");
        env.setProperty("spring.datasource.url", "${PORTAL_DB_URL}");
        env.setProperty("spring.datasource.username", "${PORTAL_DB_USER}");
        env.setProperty("spring.datasource.password", "${PORTAL_DB_PASSWORD}");
        env.setProperty("spring.elasticsearch.uris", "${PORTAL_ES_URIS}");
        env.setProperty("portal.data-dir", temp.resolve("data").toString());
        env.setProperty("server.port", "0");
        return env;
    }

    @Test
    void the_production_profile_without_its_variables_names_each_by_variable_and_property() {
        List<String> problems = StartupChecks.check(production());

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).contains("production profile (prod)")
                .contains("PORTAL_DB_URL (spring.datasource.url)")
                .contains("PORTAL_DB_USER (spring.datasource.username)")
                .contains("PORTAL_DB_PASSWORD (spring.datasource.password)")
                .contains("PORTAL_ES_URIS (spring.elasticsearch.uris)")
                .contains("README.md");
    }

    @Test
    void only_the_missing_production_settings_are_named() {
        MockEnvironment env = production();
        env.setProperty("PORTAL_DB_URL", "jdbc:postgresql://db:5432/portal");
        env.setProperty("PORTAL_DB_USER", "portal");
        env.setProperty("PORTAL_DB_PASSWORD", ""); // set empty: a database that asks for none

        String problem = String.join("\n", StartupChecks.check(env));

        assertThat(problem).contains("PORTAL_ES_URIS").doesNotContain("PORTAL_DB_URL").doesNotContain("PORTAL_DB_USER")
                .doesNotContain("PORTAL_DB_PASSWORD");
        env.setProperty("PORTAL_ES_URIS", "https://es1:9200");
        assertThat(StartupChecks.check(env)).isEmpty();
    }

    @Test
    void a_blank_database_address_counts_as_missing() {
        MockEnvironment env = production();
        env.setProperty("PORTAL_DB_URL", " ");
        assertThat(String.join("\n", StartupChecks.check(env))).contains("PORTAL_DB_URL (spring.datasource.url)");
    }

    @Test
    void without_the_production_profile_nothing_is_required() {
        MockEnvironment env = production();
        env.setActiveProfiles("default");
        assertThat(StartupChecks.check(env)).isEmpty();
    }

    @Test
    void every_setting_application_prod_yml_takes_from_the_environment_without_a_default_is_checked()
            throws IOException {
        String yml = new ClassPathResource("application-prod.yml").getContentAsString(StandardCharsets.UTF_8);
        Set<String> withoutDefault = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(yml);
        while (m.find()) {
            withoutDefault.add(m.group(1));
        }
        assertThat(withoutDefault).isNotEmpty();
        assertThat(StartupChecks.PRODUCTION).extracting(StartupChecks.Required::variable)
                .containsExactlyInAnyOrderElementsOf(withoutDefault);

        // and the file as Spring Boot reads it gives each one's property
        StandardEnvironment env = new StandardEnvironment();
        new YamlPropertySourceLoader().load("prod", new ClassPathResource("application-prod.yml"))
                .forEach(env.getPropertySources()::addFirst);
        env.setActiveProfiles("prod");
        List<String> problems = StartupChecks.missingProductionSettings(env);
        for (StartupChecks.Required r : StartupChecks.PRODUCTION) {
            assumeThat(System.getenv(r.variable())).as("the test machine sets %s", r.variable()).isNull();
            assertThat(problems.get(0)).contains(r.variable() + " (" + r.property() + ")");
        }
    }

    @Test
    void a_data_folder_that_is_a_file_is_refused_naming_the_setting_and_the_path() throws IOException {
        Path file = Files.writeString(temp.resolve("data"), "not a folder");
        MockEnvironment env = new MockEnvironment().withProperty("portal.data-dir", file.toString())
                .withProperty("server.port", "0");

        assertThat(StartupChecks.check(env)).singleElement().asString()
                .contains("portal.data-dir (PORTAL_DATA_DIR)").contains(file.toString()).contains("not a folder");
    }

    @Test
    void a_data_folder_that_cannot_be_created_is_refused_naming_the_setting_and_the_path() throws IOException {
        Path file = Files.writeString(temp.resolve("plain-file"), "x");
        Path below = file.resolve("data");
        MockEnvironment env = new MockEnvironment().withProperty("portal.data-dir", below.toString())
                .withProperty("server.port", "0");

        assertThat(StartupChecks.check(env)).singleElement().asString()
                .contains("portal.data-dir (PORTAL_DATA_DIR)").contains(below.toString()).contains("cannot be created");
    }

    @Test
    void a_data_folder_that_cannot_be_written_is_refused() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("read-only"));
        assumeThat(dir.toFile().setWritable(false, false)).isTrue();
        try {
            assumeThat(Files.isWritable(dir)).as("not root (root writes into a read-only folder)").isFalse();
            MockEnvironment env = new MockEnvironment().withProperty("portal.data-dir", dir.toString())
                    .withProperty("server.port", "0");
            assertThat(StartupChecks.check(env)).singleElement().asString()
                    .contains("portal.data-dir (PORTAL_DATA_DIR)").contains(dir.toString()).contains("cannot be written");
        } finally {
            dir.toFile().setWritable(true, false);
        }
    }

    @Test
    void a_usable_data_folder_is_created_and_passes() {
        Path dir = temp.resolve("new/data");
        MockEnvironment env = new MockEnvironment().withProperty("portal.data-dir", dir.toString())
                .withProperty("server.port", "0");

        assertThat(StartupChecks.check(env)).isEmpty();
        assertThat(dir).isDirectory().isEmptyDirectory();
    }

    @Test
    void an_http_port_in_use_is_refused_naming_the_port_and_the_setting() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            MockEnvironment env = new MockEnvironment().withProperty("portal.data-dir", temp.toString())
                    .withProperty("server.port", Integer.toString(port));

            assertThat(StartupChecks.check(env)).singleElement().asString()
                    .contains("Port " + port + " (server.port, PORT)").contains("already in use")
                    .contains("--server.port=");
        }
    }

    @Test
    void a_free_http_port_and_port_zero_pass() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThat(StartupChecks.httpPortProblem(new MockEnvironment().withProperty("server.port", "" + port)))
                .isEmpty();
        assertThat(StartupChecks.httpPortProblem(new MockEnvironment().withProperty("server.port", "0"))).isEmpty();
        assertThat(StartupChecks.httpPortProblem(new MockEnvironment().withProperty("server.port", "-1"))).isEmpty();
        assertThat(StartupChecks.httpPortProblem(new MockEnvironment().withProperty("server.port", "80a")))
                .get().asString().contains("server.port (PORT) must be a port number");
    }

    @Test
    void main_checks_after_the_configuration_files_are_read_and_before_logging_opens_its_file() {
        StartupChecks checks = new StartupChecks();
        assertThat(checks.getOrder()).isGreaterThan(EnvironmentPostProcessorApplicationListener.DEFAULT_ORDER)
                .isLessThan(LoggingApplicationListener.DEFAULT_ORDER);
        assertThat(PortalApplication.application().getListeners()).hasAtLeastOneElementOfType(StartupChecks.class);
    }

    @Test
    void a_data_folder_another_running_portal_holds_is_refused_and_its_node_s_ports_are_not_blamed() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("data"));
        Process other = OtherPortal.holdingTheLockOf(dir);
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            MockEnvironment env = new MockEnvironment().withProperty("portal.data-dir", dir.toString())
                    .withProperty("server.port", "0")
                    .withProperty("portal.search.embedded.port", Integer.toString(taken.getLocalPort()));

            StartupChecks.Failure failure = StartupChecks.failure(env);

            assertThat(failure.problems()).singleElement().asString()
                    .startsWith("Another portal is using the data directory " + dir.toAbsolutePath().normalize())
                    .contains("--portal.data-dir or PORTAL_DATA_DIR");
            assertThat(failure).hasCauseInstanceOf(DataDirectoryInUseException.class);
            // an external search cluster: the portal takes no lock, so it does not look at it
            env.setProperty("spring.elasticsearch.uris", "https://es1:9200");
            assertThat(StartupChecks.check(env)).isEmpty();
        } finally {
            OtherPortal.end(other);
        }
        // once that portal has ended, the folder passes (the look took no lock)
        MockEnvironment env = new MockEnvironment().withProperty("portal.data-dir", dir.toString())
                .withProperty("server.port", "0");
        assertThat(StartupChecks.check(env)).isEmpty();
        assertThat(StartupChecks.check(env)).isEmpty();
    }

    @Test
    void a_search_node_port_in_use_is_refused_naming_the_port_and_the_setting() throws IOException {
        try (ServerSocket http = new ServerSocket(); ServerSocket transport = new ServerSocket()) {
            http.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            transport.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            MockEnvironment env = new MockEnvironment().withProperty("portal.data-dir", temp.toString())
                    .withProperty("server.port", "0")
                    .withProperty("portal.search.embedded.port", Integer.toString(http.getLocalPort()))
                    .withProperty("portal.search.embedded.transport-port", Integer.toString(transport.getLocalPort()));

            assertThat(StartupChecks.check(env)).containsExactly(
                    "The search node's port " + http.getLocalPort() + " (portal.search.embedded.port) is already in "
                            + "use: choose another, or 0 for a free one",
                    "The search node's port " + transport.getLocalPort() + " (portal.search.embedded.transport-port) "
                            + "is already in use: choose another, or 0 for a free one");
            assertThat(StartupChecks.failure(env).getCause()).isNull();

            env.setProperty("portal.search.mode", "external");
            assertThat(StartupChecks.check(env)).as("no node of its own").isEmpty();
            env.setProperty("portal.search.mode", "sometimes");
            assertThat(StartupChecks.check(env)).as("the context names an unknown mode").isEmpty();
        }
    }

    @Test
    void spring_boot_leaves_a_failed_check_to_main_and_reports_other_failures_itself() {
        StartupChecks.FailureReporter reporter = new StartupChecks.FailureReporter();
        assertThat(reporter.reportException(new StartupChecks.Failure(List.of("x")))).isTrue();
        assertThat(reporter.reportException(new IllegalStateException("x"))).isFalse();
        // the node's own refusals, when another portal took the folder or a port after the checks
        assertThat(reporter.reportException(new BeanCreationException("embeddedNodeLauncher", "x",
                new DataDirectoryInUseException(temp, temp.resolve("search/node.lock"))))).isTrue();
        assertThat(reporter.reportException(new SearchNodePortInUseException(19302, "portal.search.embedded.port",
                "Address already in use"))).isTrue();
        assertThat(reporter.reportException(new BeanCreationException("x", "y", new IllegalStateException("z"))))
                .isFalse();
        assertThat(SpringFactoriesLoader.loadFactoryNames(SpringBootExceptionReporter.class, getClass().getClassLoader()))
                .contains(StartupChecks.FailureReporter.class.getName());
    }

    @Test
    void every_problem_is_in_one_message() {
        StartupChecks.Failure failure = new StartupChecks.Failure(List.of("first", "second"));
        assertThat(failure).hasMessage("The portal did not start:\n- first\n- second");
    }
}
