package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.KaribuViewTest;
import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.account.PortalUserDetailsService;
import cn.gov.enforcement.portal.account.Role;
import cn.gov.enforcement.portal.knowledge.KnowledgeBase;
import cn.gov.enforcement.portal.testsupport.StaffAccounts;
import cn.gov.enforcement.portal.testsupport.TemporaryDirectories;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Shared setup of the agency back-office tests: a copy of the committed agencies in a temporary knowledge base, and two
 * agencies of the tests' own, added before the tests of a class and removed after them (with their back-office
 * versions and audit rows), so that the sample agencies, which the other tests of the run read from the one database,
 * are never taken over by the back office: {@value #ALPHA} (a real agency) and {@value #BETA} (a sample one). Users
 * sign in with real accounts, as in production.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AgencyBackOfficeTestSupport extends KaribuViewTest {

    static final Path KNOWLEDGE_DIR = TemporaryDirectories.copyOfKnowledgeBase("agency-bo-kb-", "agencies");
    static final Path AGENCIES = KNOWLEDGE_DIR.resolve("agencies");

    static final String ALPHA = "test-bo-alpha";
    static final String BETA = "test-bo-beta";

    static final String ALPHA_FILE = """
            id: test-bo-alpha
            sample: false
            name: 测试市后台编辑局
            name_en: Test City Back Office Bureau
            category: market
            region: 测试市
            legal_representative: 钱立德
            powers:
              - name: 对后台编辑测试事项的行政检查
                kind: inspection
              - name: 对后台编辑测试事项的行政处罚
                kind: penalty
            legal_basis:
              - 《中华人民共和国行政处罚法》第十七条
              - 《中华人民共和国行政处罚法》第十八条
            address: 测试市东区后台路1号
            supervision_phone: 0999-55501234
            supervision_email: jiandu@bo-alpha.test.gov.cn
            office_hours: 工作日 9:00-17:00
            officers:
              - name: 孙明远
                certificate: TA-990100-2026-0001
                status: valid
              - name: 周晓岚
                certificate: TA-990100-2026-0002
                status: valid
              - name: 吴德成
                certificate: TA-990100-2026-0003
                status: valid
              - name: 郑海波
                certificate: TA-990100-2026-0004
                status: valid
            """;

    static final String BETA_FILE = """
            id: test-bo-beta
            sample: true
            name: 测试市后台示例局
            category: urban
            region: 测试市
            legal_representative: 冯远
            powers:
              - name: 对后台示例事项的行政检查
                kind: inspection
            legal_basis:
              - 《中华人民共和国行政处罚法》第十七条
            address: 测试市西区示例路2号
            supervision_phone: 0999-55505678
            supervision_email: jiandu@bo-beta.test.gov.cn
            office_hours: 工作日 8:30-17:30
            officers:
              - name: 陈可欣
                certificate: TB-990100-2026-0001
                status: valid
            """;

    @DynamicPropertySource
    static void agencyBackOfficeProperties(DynamicPropertyRegistry registry) {
        registry.add("portal.knowledge.dir", KNOWLEDGE_DIR::toString);
        registry.add("portal.knowledge.strict", () -> "true");
        registry.add("portal.agency.certificate-checks-per-minute", () -> "1000");
    }

    @Autowired KnowledgeBase knowledgeBase;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired PortalUserDetailsService users;
    @Autowired AgencyDirectory directory;

    @BeforeAll
    void addTestAgencies() throws IOException {
        forgetBackOffice();
        Files.writeString(AGENCIES.resolve(ALPHA + ".yaml"), ALPHA_FILE, StandardCharsets.UTF_8);
        Files.writeString(AGENCIES.resolve(BETA + ".yaml"), BETA_FILE, StandardCharsets.UTF_8);
        knowledgeBase.loadAll();
    }

    @AfterAll
    void removeTestAgencies() throws IOException {
        forgetBackOffice();
        Files.deleteIfExists(AGENCIES.resolve(ALPHA + ".yaml"));
        Files.deleteIfExists(AGENCIES.resolve(BETA + ".yaml"));
        knowledgeBase.loadAll();
    }

    /** The test agencies are files' agencies again: their versions and audit rows go. */
    private void forgetBackOffice() {
        for (String table : new String[] {"agency_version", "agency_audit"}) {
            jdbc.update("delete from " + table + " where agency_id in (?, ?)", ALPHA, BETA);
        }
    }

    void signIn(String username, Role role, String agency) {
        var user = StaffAccounts.signInAs(accounts, users, username, role, agency);
        signIn(user, role.name());
    }

    void editorOfAlpha() {
        signIn("agency-bo-editor-alpha", Role.EDITOR, ALPHA);
    }

    void admin() {
        signIn("agency-bo-admin", Role.ADMIN, null);
    }
}
