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

    /**
     * Creates (or resets) a staff account as an administrator does and gives it a password of its own
     * ({@link #ownPassword}); returns that password.
     */
    protected String newStaff(String username, String name, cn.gov.enforcement.portal.account.Role role, String agency) {
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        org.springframework.security.core.context.SecurityContextHolder.setContext(
                new org.springframework.security.core.context.SecurityContextImpl(
                        new org.springframework.security.authentication.UsernamePasswordAuthenticationToken("test-admin",
                                null, java.util.List.of(
                                        new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                                "ROLE_ADMIN")))));
        try {
            String initial = cn.gov.enforcement.portal.testsupport.StaffAccounts.createOrReset(staffAccounts,
                    new cn.gov.enforcement.portal.account.AccountService.NewUser(username, name, role, agency));
            return ownPassword(username, initial);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }

    /** Signs in at /login and waits until the portal has left the page. */
    protected void signIn(String username, String password) {
        browser.open("/login");
        browser.find(org.openqa.selenium.By.cssSelector("vaadin-login-form input[name='username']")).sendKeys(username);
        browser.find(org.openqa.selenium.By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password);
        browser.find(org.openqa.selenium.By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        browser.until(d -> !d.getCurrentUrl().contains("/login"));
        browser.waitForVaadin();
    }

    @AfterAll
    static void stopBrowser() {
        browser.stop();
    }
}
