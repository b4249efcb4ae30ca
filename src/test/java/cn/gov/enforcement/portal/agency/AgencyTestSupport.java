package cn.gov.enforcement.portal.agency;

import static cn.gov.enforcement.portal.testsupport.Eventually.eventually;

import cn.gov.enforcement.portal.IntegrationTest;
import cn.gov.enforcement.portal.account.CurrentUser;
import cn.gov.enforcement.portal.knowledge.KnowledgeBase;
import cn.gov.enforcement.portal.testsupport.TemporaryDirectories;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
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

    static final Path KNOWLEDGE_DIR = TemporaryDirectories.copyOfKnowledgeBase("agency-kb-", "agencies");
    static final Path AGENCIES = KNOWLEDGE_DIR.resolve("agencies");

    @DynamicPropertySource
    static void agencyProperties(DynamicPropertyRegistry registry) {
        registry.add("portal.knowledge.dir", KNOWLEDGE_DIR::toString);
        registry.add("portal.knowledge.strict", () -> "true");
        registry.add("portal.agency.certificate-checks-per-minute", () -> "1000");
    }

    /** The agency given {@link #POWER_WITH_FOLDED_CHARACTER} while {@link #withPowerWithFoldedCharacter} runs. */
    static final String AGENCY_WITH_FOLDED_CHARACTER = "sample-urban-management";

    /**
     * A power whose 答复 a zh-TW page shows as 答覆, a character the Traditional-to-Simplified table keeps as it is.
     * No committed agency holds any of 了着干借只仿复, so the tests that need one add this power for a while.
     */
    static final String POWER_WITH_FOLDED_CHARACTER = "对违法建设举报的受理和答复";

    interface Body {
        void run() throws Exception;
    }

    /** The agency given an officer with a real province's certificate number while {@link #withOfficer} runs. */
    static final String AGENCY_WITH_REAL_NUMBER = "sample-market-regulation";

    /**
     * Runs {@code body} while {@link #AGENCY_WITH_REAL_NUMBER}'s file lists one more valid officer, 周立新, whose
     * certificate number is written as given (a real province's format, say); the file and the database are restored
     * afterwards.
     */
    static void withOfficer(KnowledgeBase knowledgeBase, String certificate, Body body) throws Exception {
        Path file = AGENCIES.resolve(AGENCY_WITH_REAL_NUMBER + ".yaml");
        String original = Files.readString(file, StandardCharsets.UTF_8);
        try {
            Files.writeString(file, original.stripTrailing() + "\n  - name: 周立新\n    certificate: \"" + certificate
                    + "\"\n    status: valid\n", StandardCharsets.UTF_8);
            knowledgeBase.loadAll();
            body.run();
        } finally {
            Files.writeString(file, original, StandardCharsets.UTF_8);
            knowledgeBase.loadAll();
        }
    }

    /**
     * Runs {@code body} while {@link #AGENCY_WITH_FOLDED_CHARACTER} has the power {@link #POWER_WITH_FOLDED_CHARACTER}
     * in the test knowledge base, the database and the index (found in the index with its own Simplified words);
     * the file, the database and the index are restored afterwards.
     */
    static void withPowerWithFoldedCharacter(KnowledgeBase knowledgeBase, AgencyDirectory directory, Body body)
            throws Exception {
        Path file = AGENCIES.resolve(AGENCY_WITH_FOLDED_CHARACTER + ".yaml");
        String original = Files.readString(file, StandardCharsets.UTF_8);
        BooleanSupplier indexed = () -> directory.search(POWER_WITH_FOLDED_CHARACTER, null, 0, 10).items().stream()
                .anyMatch(a -> a.id().equals(AGENCY_WITH_FOLDED_CHARACTER));
        try {
            Files.writeString(file, original.replace("\npowers:\n",
                    "\npowers:\n  - name: " + POWER_WITH_FOLDED_CHARACTER + "\n    kind: other\n"), StandardCharsets.UTF_8);
            knowledgeBase.loadAll();
            eventually(indexed, "the index has the new power");
            body.run();
        } finally {
            Files.writeString(file, original, StandardCharsets.UTF_8);
            knowledgeBase.loadAll();
            eventually(() -> !indexed.getAsBoolean(), "the index is back without the power");
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
