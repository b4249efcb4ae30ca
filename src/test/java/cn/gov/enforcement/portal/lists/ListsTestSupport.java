package cn.gov.enforcement.portal.lists;

import static cn.gov.enforcement.portal.testsupport.Eventually.eventually;

import cn.gov.enforcement.portal.KaribuViewTest;
import cn.gov.enforcement.portal.lists.data.ListEntryRepository;
import cn.gov.enforcement.portal.search.SearchIndexes;
import cn.gov.enforcement.portal.testsupport.TemporaryDirectories;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Shared setup of the lists integration tests: a copy of the committed agencies and lists in a
 * temporary knowledge base (so tests can change content), strict mode on (the committed content
 * must be valid) and a fixed clock (2026-11-21 in Asia/Shanghai). Karibu's mock UI is set up before every
 * test ({@link KaribuViewTest}), so the view tests share the one Spring context of the lists tests.
 */
@Import(ListsTestSupport.FixedClock.class)
@AutoConfigureMockMvc
abstract class ListsTestSupport extends KaribuViewTest {

    static final Path KNOWLEDGE_DIR = TemporaryDirectories.copyOfKnowledgeBase("lists-kb-", "agencies", "risk-points",
            "exemptions", "discretion");
    static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");

    @DynamicPropertySource
    static void listsProperties(DynamicPropertyRegistry registry) {
        registry.add("portal.knowledge.dir", KNOWLEDGE_DIR::toString);
        registry.add("portal.knowledge.strict", () -> "true");
    }

    /**
     * Signs in with a real account of the account module: an EDITOR of the agency (or an ADMIN when
     * agency is null), created by an administrator when missing and loaded through the portal's user
     * details service, so that {@code CurrentUser} and method security see what they see in production.
     */
    static org.springframework.security.core.userdetails.UserDetails signInStaff(
            cn.gov.enforcement.portal.account.AccountService accounts,
            cn.gov.enforcement.portal.account.PortalUserDetailsService users, String username, String agency) {
        return cn.gov.enforcement.portal.testsupport.StaffAccounts.signInAs(accounts, users, username,
                agency == null ? cn.gov.enforcement.portal.account.Role.ADMIN : cn.gov.enforcement.portal.account.Role.EDITOR,
                agency);
    }

    /**
     * A list file of one exemption item of the sample urban management agency (sample content), for the tests of the
     * files and the back office: {@code id} and the question of its second condition are the test's.
     */
    static String exemptionFile(String id, String question) {
        return """
                # sample content for a test
                - id: %s
                  agency: sample-urban-management
                  kind: 不予处罚
                  subkind: 首违不罚
                  violation: 后台样例：首次占道堆放少量物品
                  basis_violation:
                    - {law: 城市市容和环境卫生管理条例, article: 第十四条}
                  basis_penalty:
                    - {law: 城市市容和环境卫生管理条例, article: 第三十六条}
                  basis_exemption:
                    - {law: 中华人民共和国行政处罚法, article: 第三十三条, paragraph: 1}
                  conditions:
                    - {type: first_violation, within_months: 12, question: 是否一年内首次？}
                    - {type: corrected_within_days, days: 1, question: %s}
                  measure: [教育, 责令改正]
                  effective_from: 2024-01-01
                  sample: true
                """.formatted(id, question);
    }

    @org.springframework.beans.factory.annotation.Autowired
    private SearchIndexes listIndexes;
    @org.springframework.beans.factory.annotation.Autowired
    private ListEntryRepository listRepository;
    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.jdbc.core.JdbcTemplate listJdbc;

    /**
     * Waits until every list index rebuild asked for has run and both list indexes hold as many entries as the
     * database: other tests of the shared context change lists, and the indexes follow the database in the
     * background after each commit. Equal counts alone are not enough: a test that removed three entries (its
     * rebuild still running) followed by one that added three shows equal counts of different entries.
     *
     * <p>A rebuild that failed stays pending (Spring Modulith keeps it to run again at the next start): the same
     * pending rebuilds for 10 seconds are taken to be such, not waited for.
     */
    void awaitIndexesInStep() throws InterruptedException {
        java.util.concurrent.atomic.AtomicReference<List<String>> seen = new java.util.concurrent.atomic.AtomicReference<>();
        long[] seenSince = {System.nanoTime()};
        eventually(() -> {
            List<String> pending = listJdbc.queryForList("select cast(id as varchar(64)) from event_publication "
                    + "where completion_date is null and listener_id = ? order by 1", String.class, ListIndexer.LISTENER_ID);
            if (pending.isEmpty()) {
                return true;
            }
            if (!pending.equals(seen.get())) {
                seen.set(pending);
                seenSince[0] = System.nanoTime();
                return false;
            }
            return System.nanoTime() - seenSince[0] > java.time.Duration.ofSeconds(10).toNanos();
        }, "no list index rebuild is pending");
        eventually(() -> listIndexes.count("risk-points") == listRepository.countByListKind("risk-points")
                && listIndexes.count("exemptions") == listRepository.countByListKind("exemptions"),
                "both list indexes are in step");
    }

    @TestConfiguration
    static class FixedClock {

        @Bean
        @Primary
        Clock fixedTestClock() {
            return Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"));
        }
    }
}
