package cn.gov.enforcement.portal;

import cn.gov.enforcement.portal.search.TestSearchNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base class of every Spring integration test: the whole application on the one search node of
 * the test run ({@link TestSearchNode}) and a data directory per test run under
 * {@code target/test-data/}.
 *
 * <p>Database: H2 in the run's data directory, unless {@code PORTAL_TEST_DB_URL} (system property
 * or environment variable, with {@code PORTAL_TEST_DB_USER} and {@code PORTAL_TEST_DB_PASSWORD})
 * names a PostgreSQL database, e.g.
 * {@code PORTAL_TEST_DB_URL=jdbc:postgresql://localhost:5432/portal_test}.
 *
 * <p>Subclasses may redeclare {@code @SpringBootTest}, e.g. with {@code webEnvironment = RANDOM_PORT}.
 */
@SpringBootTest
// the tests of one Spring context all search and download from one address; the throttles' own tests set a limit.
// Test properties, not a @DynamicPropertySource: a subclass's @TestPropertySource can set other limits (the base
// class's dynamic properties would win over a subclass's own)
@TestPropertySource(properties = {"portal.regulation.searches-per-minute=0", "portal.lists.downloads-per-minute=0"})
public abstract class IntegrationTest {

    /**
     * Several Spring contexts live in one test JVM and each installs its own (Vaadin-aware)
     * security context strategy into the static {@link org.springframework.security.core.context.SecurityContextHolder}.
     * Point it back at this test's context so that method security and the test see the same user.
     */
    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.beans.factory.ObjectProvider<org.springframework.security.core.context.SecurityContextHolderStrategy> securityContextHolderStrategy;

    @org.junit.jupiter.api.BeforeEach
    void useThisContextsSecurityContextStrategy() {
        var strategy = securityContextHolderStrategy.getIfUnique();
        if (strategy != null) {
            org.springframework.security.core.context.SecurityContextHolder.setContextHolderStrategy(strategy);
        }
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }

    /** The data directory of this test run, shared by every Spring context of the run. */
    public static final Path RUN_DATA_DIR = runDataDir();

    @DynamicPropertySource
    static void portalTestProperties(DynamicPropertyRegistry registry) {
        testProperties(registry::add);
    }

    /**
     * The settings every integration test runs the portal with, given to {@code registry} (a test that starts the
     * portal itself, such as {@code StartupGateIT}, passes them to its {@code SpringApplication}).
     */
    public static void testProperties(
            java.util.function.BiConsumer<String, java.util.function.Supplier<Object>> registry) {
        registry.accept("spring.elasticsearch.uris", TestSearchNode::uri);
        registry.accept("portal.search.mode", () -> "external");
        registry.accept("portal.data-dir", RUN_DATA_DIR::toString);
        // no daily job in the middle of a test run: they fire on the wall clock in every live context against the
        // shared database (a reminder at 08:00 China time would use up the day's reminder a test sends itself);
        // the tests run the jobs themselves
        for (String cron : List.of("portal.backup.cron", "portal.regulation.status-cron", "portal.mediation.purge-cron",
                "portal.mediation.reminder-cron", "portal.rating.reminder-cron", "portal.guidance.reminder-cron",
                "portal.notification.purge-cron", "portal.rating.purge-cron", "portal.account.log-purge-cron",
                "portal.selfcheck.feedback-purge-cron",
                // the index rebuilds run again by the job would race the tests' own checks of pending rebuilds
                "portal.search.index-retry-cron")) {
            registry.accept(cron, () -> "-");
        }
        // a context starting would run again the event listeners still running in another live context of the
        // run (their publications are incomplete until they end): two rebuilds of one index at once, one deleting
        // the version the other is building
        registry.accept("spring.modulith.events.republish-outstanding-events-on-restart", () -> "false");
        // the Maven build's compile phase builds the production frontend bundle into
        // target/classes; production mode uses it instead of starting a dev-mode frontend build
        registry.accept("vaadin.productionMode", () -> "true");
        String dbUrl = setting("PORTAL_TEST_DB_URL");
        if (dbUrl != null) {
            registry.accept("spring.datasource.url", () -> dbUrl);
            registry.accept("spring.datasource.username", () -> orEmpty(setting("PORTAL_TEST_DB_USER")));
            registry.accept("spring.datasource.password", () -> orEmpty(setting("PORTAL_TEST_DB_PASSWORD")));
            // every cached test context keeps its own pool open: at Hikari's default of 10 connections, the run's
            // dozen contexts used up PostgreSQL's default 100 ("too many clients already")
            registry.accept("spring.datasource.hikari.maximum-pool-size", () -> "5");
        }
    }

    private static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static Path runDataDir() {
        Path root = Path.of("target", "test-data").toAbsolutePath();
        String name = "run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + ProcessHandle.current().pid();
        try {
            Files.createDirectories(root);
            // earlier runs' directories are of no further use
            try (Stream<Path> old = Files.list(root)) {
                for (Path dir : old.filter(p -> p.getFileName().toString().startsWith("run-")).toList()) {
                    cn.gov.enforcement.portal.search.embedded.EmbeddedNode.deleteTree(dir);
                }
            }
            return Files.createDirectories(root.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + root, e);
        }
    }
}
