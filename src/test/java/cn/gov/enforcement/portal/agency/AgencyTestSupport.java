package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.IntegrationTest;
import cn.gov.enforcement.portal.account.CurrentUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Shared setup of the agency integration tests: a copy of the committed agencies in a temporary
 * knowledge base (so tests can change content), strict mode on (the committed content must be
 * valid), and a {@link CurrentUser} that reads Spring Security's context, binding the test users
 * {@code officer-market} and {@code officer-traffic} to their agencies.
 */
@Import(AgencyTestSupport.TestUsers.class)
@AutoConfigureMockMvc
abstract class AgencyTestSupport extends IntegrationTest {

    static final Path KNOWLEDGE_DIR = copyKnowledgeBase();
    static final Path AGENCIES = KNOWLEDGE_DIR.resolve("agencies");

    @DynamicPropertySource
    static void agencyProperties(DynamicPropertyRegistry registry) {
        registry.add("portal.knowledge.dir", KNOWLEDGE_DIR::toString);
        registry.add("portal.knowledge.strict", () -> "true");
        registry.add("portal.agency.certificate-checks-per-minute", () -> "1000");
    }

    private static Path copyKnowledgeBase() {
        try {
            Path dir = cn.gov.enforcement.portal.testsupport.TemporaryDirectories.createDeletedOnExit("agency-kb-");
            Path target = Files.createDirectories(dir.resolve("agencies"));
            try (Stream<Path> files = Files.list(Path.of("knowledge-base", "agencies"))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                    Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration
    static class TestUsers {

        static final Map<String, String> AGENCY_OF = Map.of(
                "officer-market", "sample-market-regulation",
                "officer-traffic", "sample-traffic-police");

        @Bean
        @Primary
        CurrentUser testCurrentUser() {
            return new CurrentUser() {
                private Optional<Authentication> auth() {
                    return Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication())
                            .filter(Authentication::isAuthenticated);
                }

                @Override
                public Optional<String> username() {
                    return auth().map(Authentication::getName);
                }

                @Override
                public Optional<String> agencyId() {
                    return username().map(AGENCY_OF::get);
                }

                @Override
                public boolean isAdmin() {
                    return hasRole("ADMIN");
                }

                @Override
                public boolean hasRole(String role) {
                    return auth().map(a -> a.getAuthorities().stream()
                            .anyMatch(g -> g.getAuthority().equals("ROLE_" + role))).orElse(false);
                }
            };
        }
    }
}
