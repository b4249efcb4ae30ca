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

    @AfterAll
    static void stopBrowser() {
        browser.stop();
    }
}
