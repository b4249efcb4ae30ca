package cn.gov.enforcement.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gov.enforcement.portal.regulation.ImportService;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** The regulation search and the article permalinks, as a citizen uses them in a real browser. */
class RegulationBrowserIT extends BrowserTest {

    private static boolean imported;

    @Autowired ImportService importService;

    @BeforeEach
    void importTheSeeds() {
        Path seeds = Path.of(System.getProperty("portal.shared-dir", "../shared")).toAbsolutePath().normalize()
                .resolve("seeds");
        assumeTrue(Files.isDirectory(seeds),
                "skipped: " + seeds + " is absent (set -Dportal.shared-dir=/path/to/shared)");
        if (!imported) {
            importService.importFolder(seeds, line -> {});
            imported = true;
        }
    }

    @Test
    void a_citizen_finds_an_article_and_its_permalink_opens_at_that_article() {
        browser.open("/regulations");
        WebElement search = browser.find(By.cssSelector("#regulation-search input"));
        // seed 000 (洛陽市服務型行政執法實施辦法, Traditional characters) has this in 第十一條
        search.sendKeys("灵活开展行政调解");
        browser.find(By.id("regulation-search-submit")).click();
        browser.until(d -> d.getCurrentUrl().contains("q="));
        browser.waitForVaadin();

        List<WebElement> hits = browser.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#regulation-results a.regulation-hit-link"));
            return found.isEmpty() ? null : found;
        });
        WebElement hit = hits.stream().filter(a -> decode(a.getAttribute("href")).contains("#第")).findFirst()
                .orElseThrow(() -> new AssertionError("no result links to a numbered article"));
        String label = hit.getText();
        assertThat(label).contains("洛陽市服務型行政執法實施辦法");
        hit.click();

        browser.until(d -> decode(d.getCurrentUrl()).contains("#第"));
        browser.waitForVaadin();
        String permalink = browser.driver().getCurrentUrl();
        String anchor = decode(permalink).substring(decode(permalink).indexOf('#') + 1);
        assertThat(label).endsWith(anchor);
        assertThat(browser.find(By.id("regulation-title")).getText()).isEqualTo("洛陽市服務型行政執法實施辦法");
        WebElement article = browser.find(By.id(anchor));
        assertThat(article.getText()).contains(anchor).contains("行政調解");

        browser.driver().get("about:blank");
        browser.driver().get(permalink);
        browser.waitForVaadin();
        assertThat(browser.find(By.id(anchor)).getText()).contains(anchor);
        assertThat(browser.find(By.id("regulation-title")).getText()).isEqualTo("洛陽市服務型行政執法實施辦法");
    }

    private static String decode(String url) {
        return URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
