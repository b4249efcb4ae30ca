package cn.gov.enforcement.portal.browser;

import cn.gov.enforcement.portal.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** End-to-end tests in headless Chromium against the running portal (production bundle). */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BrowserTest extends IntegrationTest {

    @RegisterExtension
    protected static final Browser browser = new Browser();

    @LocalServerPort
    protected int port;

    @BeforeEach
    void startBrowser() {
        if (browser.driver() == null) {
            browser.start("http://localhost:" + port);
        } else {
            browser.driver().manage().deleteAllCookies();
        }
    }

    /** Every page a test opened worked under the portal's Content-Security-Policy: the browser refused nothing. */
    @org.junit.jupiter.api.AfterEach
    void nothingRefusedByTheContentSecurityPolicy() {
        org.assertj.core.api.Assertions.assertThat(browser.policyViolations())
                .as("console errors of the Content-Security-Policy").isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired
    private cn.gov.enforcement.portal.account.AccountService staffAccounts;

    /**
     * Replaces an account's initial password by one of its own, as the person does at the first sign-in, for tests
     * whose subject is not that first step; returns the new password.
     */
    protected String ownPassword(String username, String initialPassword) {
        String own = "own-" + initialPassword;
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        org.springframework.security.core.context.SecurityContextHolder.setContext(
                new org.springframework.security.core.context.SecurityContextImpl(
                        new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(username, null,
                                java.util.List.of())));
        try {
            staffAccounts.changeOwnPassword(initialPassword, own, own);
            return own;
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }

    @AfterAll
    static void stopBrowser() {
        browser.stop();
    }
}
