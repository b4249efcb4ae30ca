package cn.gov.enforcement.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gov.enforcement.portal.regulation.ImportService;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
            // two versions of one law for the versions list
            Path corpus = seeds.getParent().resolve("corpus/lawrefbook/行政法");
            assumeTrue(Files.isDirectory(corpus), "skipped: " + corpus + " is absent");
            try {
                // the LawRefBook folder names the level: files under 行政法/ are laws
                Path dir = Files.createDirectories(RUN_DATA_DIR.resolve("browser-versions").resolve("行政法"));
                for (String version : new String[] {"体育法(2016-11-07).md", "体育法(2022-06-24).md"}) {
                    Files.copy(corpus.resolve(version), dir.resolve(version), StandardCopyOption.REPLACE_EXISTING);
                }
                importService.importFolder(dir.getParent(), line -> {});
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
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

    @Test
    void on_a_390_pixel_phone_the_filters_fold_behind_a_button_and_unfold_when_one_is_set() {
        browser.resize(390, 844);
        try {
            browser.open("/regulations?q=" + java.net.URLEncoder.encode("行政调解", StandardCharsets.UTF_8));
            WebElement toggle = browser.find(By.id("regulation-filters-toggle"));
            assertThat(toggle.isDisplayed()).isTrue();
            assertThat(toggle.getText()).isEqualTo("筛选条件");
            assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
            assertThat(browser.find(By.id("regulation-level")).isDisplayed()).isFalse();
            // the first result starts on the first screen, not below six fields
            WebElement first = browser.find(By.cssSelector("#regulation-results a.regulation-hit-link"));
            assertThat(first.getLocation().getY()).isLessThan(844);

            toggle.click();
            browser.until(d -> d.findElement(By.id("regulation-level")).isDisplayed());
            assertThat(browser.find(By.id("regulation-filters-toggle")).getAttribute("aria-expanded")).isEqualTo("true");

            // a filter set in the address is shown, and the button says how many are set
            browser.open("/regulations?q=" + java.net.URLEncoder.encode("体育", StandardCharsets.UTF_8)
                    + "&level=law&status=any");
            browser.until(d -> d.findElement(By.id("regulation-level")).isDisplayed());
            assertThat(browser.find(By.id("regulation-filters-toggle")).getText()).isEqualTo("筛选条件（已设 2 项）");
            assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth - window.innerWidth")).intValue())
                    .as("horizontal overflow in px").isLessThanOrEqualTo(0);
        } finally {
            browser.resize(1280, 900);
        }
        // on a wide screen the filters are always there, beside no folding button, and the query box is wide
        browser.open("/regulations");
        assertThat(browser.find(By.id("regulation-filters-toggle")).isDisplayed()).isFalse();
        assertThat(browser.find(By.id("regulation-level")).isDisplayed()).isTrue();
        assertThat(browser.find(By.id("regulation-search")).getSize().getWidth()).isGreaterThan(450);
        // the date pickers' calendars title each month year first, as Chinese calendars do (Vaadin's: 12月 2026)
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "const p = document.getElementById('regulation-from');"
                        + " return p.i18n.formatTitle(p.i18n.monthNames[11], 2026);")).isEqualTo("2026年12月");
        // and a screen reader hears each day year first too (Vaadin's label: "1 9月 2026, 星期二"), today's as today
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser.driver();
        js.executeScript("document.getElementById('regulation-from').open();");
        java.time.LocalDate today = java.time.LocalDate.now();
        String[] weekdays = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};
        String todaysLabel = today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日 "
                + weekdays[today.getDayOfWeek().getValue() - 1] + "，今天";
        browser.until(d -> todaysLabel.equals(js.executeScript("const found = [];"
                + " const walk = root => root.querySelectorAll('*').forEach(e => {"
                + " if (e.getAttribute('role') === 'gridcell' && e.date && e.date.toDateString() === new Date().toDateString())"
                + " { found.push(e.getAttribute('aria-label')); } if (e.shadowRoot) { walk(e.shadowRoot); } });"
                + " walk(document); return found[0];")));
        assertThat(js.executeScript("const p = document.getElementById('regulation-from'); p.close();"
                + " return p.i18n.formatDayLabel(new Date(2026, 8, 1), p.i18n.weekdays, p.i18n.monthNames, false);"))
                .isEqualTo("2026年9月1日 星期二");
    }

    @Test
    void a_citizen_filters_pages_goes_back_and_opens_an_older_version_from_the_versions_list() {
        browser.open("/regulations");
        browser.find(By.cssSelector("#regulation-search input")).sendKeys("体育");
        browser.choose("regulation-status", "全部版本");
        browser.choose("regulation-level", "法律");
        browser.find(By.id("regulation-search-submit")).click();
        browser.until(d -> decode(d.getCurrentUrl()).contains("status=any"));
        browser.waitForVaadin();
        assertThat(decode(browser.driver().getCurrentUrl())).contains("q=体育").contains("level=law");
        assertThat(browser.find(By.id("regulation-count")).getText()).contains("第 1/");

        // page 2, then back to page 1 with the browser's back button
        String firstOnPage1 = browser.find(By.cssSelector("#regulation-results a.regulation-hit-link")).getText();
        browser.find(By.id("regulation-next-page")).click();
        browser.until(d -> d.getCurrentUrl().contains("page=2"));
        browser.waitForVaadin();
        browser.until(d -> d.findElement(By.id("regulation-count")).getText().contains("第 2/"));
        assertThat(browser.find(By.cssSelector("#regulation-results a.regulation-hit-link")).getText())
                .isNotEqualTo(firstOnPage1);
        assertThat(browser.find(By.cssSelector("#regulation-status")).getText()).contains("全部版本");
        browser.driver().navigate().back();
        browser.until(d -> !d.getCurrentUrl().contains("page=2"));
        browser.waitForVaadin();
        browser.until(d -> d.findElement(By.id("regulation-count")).getText().contains("第 1/"));

        // the current version lists both versions; the older one says it is superseded and links back
        browser.open("/regulations?q=" + java.net.URLEncoder.encode("体育强国", StandardCharsets.UTF_8));
        WebElement hit = browser.until(d -> d.findElements(By.cssSelector("#regulation-results a.regulation-hit-link"))
                .stream().findFirst().orElse(null));
        hit.click();
        browser.until(d -> d.findElements(By.cssSelector("#regulation-versions li")).size() == 2);
        List<WebElement> versions = browser.driver().findElements(By.cssSelector("#regulation-versions li"));
        assertThat(versions.get(0).getText()).contains("2022-06-24 版（即本页）"); // no space before the full-width bracket
        assertThat(browser.driver().findElements(By.id("regulation-version-notice"))).isEmpty();
        versions.get(1).findElement(By.cssSelector("a")).click();
        WebElement notice = browser.until(d -> d.findElements(By.id("regulation-version-notice")).stream()
                .findFirst().orElse(null));
        assertThat(notice.getText()).contains("已被新版本取代");
        assertThat(browser.find(By.id("regulation-title")).getText()).isEqualTo("中华人民共和国体育法");
        browser.find(By.id("regulation-current-version")).click();
        browser.until(d -> d.findElements(By.id("regulation-version-notice")).isEmpty()
                && !d.findElements(By.cssSelector("#regulation-versions li[aria-current='page']")).isEmpty());
        assertThat(browser.find(By.cssSelector("#regulation-versions li[aria-current='page']")).getText())
                .contains("2022-06-24");
        // three documents shown by the same page: a copy button still answers once, for its own article
        browser.find(By.cssSelector("[id='第一条'] button.regulation-copy-citation")).click();
        browser.until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .anyMatch(c -> c.getText().contains("《中华人民共和国体育法》第一条")));
        browser.waitForVaadin();
        assertThat(browser.driver().findElements(By.cssSelector("vaadin-notification-card"))).hasSize(1);
    }

    @Test
    void a_permalink_opens_at_its_article_whether_typed_in_or_clicked_in_the_results() {
        // the 121st of the 122 articles of the current sports law lies far below the first screen
        browser.open("/regulations?q=" + java.net.URLEncoder.encode("中国人民解放军和中国人民武装警察部队开展体育活动",
                StandardCharsets.UTF_8));
        WebElement hit = browser.until(d -> d.findElements(By.cssSelector("#regulation-results a.regulation-hit-link"))
                .stream().filter(a -> a.getText().endsWith("第一百二十一条")).findFirst().orElse(null));
        hit.click();
        browser.until(d -> decode(d.getCurrentUrl()).endsWith("#第一百二十一条"));
        browser.waitForVaadin();
        browser.until(d -> onScreen("第一百二十一条"));
        String permalink = browser.driver().getCurrentUrl();

        browser.driver().get("about:blank");
        browser.driver().get(permalink);
        browser.waitForVaadin();
        browser.until(d -> onScreen("第一百二十一条"));
        // the first article is then above the screen: the page did scroll; the article is marked
        assertThat(onScreen("第一条")).isFalse();
        assertThat(browser.find(By.id("第一百二十一条")).getAttribute("class")).contains("regulation-article-target");
        // the article number is a link inside the text: underlined, not told apart by its colour alone
        assertThat(browser.find(By.cssSelector("[id='第一百二十一条'] a.regulation-permalink"))
                .getCssValue("text-decoration-line")).isEqualTo("underline");

        // a link within the page moves the mark to the article it names
        browser.find(By.cssSelector("[id='第一百二十一条'] a.regulation-previous")).click();
        browser.until(d -> d.findElement(By.id("第一百二十条")).getAttribute("class")
                .contains("regulation-article-target"));
        assertThat(browser.find(By.id("第一百二十一条")).getAttribute("class")).doesNotContain("regulation-article-target");
        assertThat(onScreen("第一百二十条")).isTrue();

        // copying the citation says what was copied, or shows it to copy by hand: never a silent failure
        WebElement copy = browser.find(By.cssSelector("[id='第一百二十条'] button.regulation-copy-citation"));
        // a plain button drawn small, yet big enough to hit
        assertThat(copy.getSize().getHeight()).isGreaterThanOrEqualTo(24);
        copy.click();
        WebElement notice = browser.until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .filter(c -> c.getText().contains("《中华人民共和国体育法》第一百二十条")).findFirst().orElse(null));
        assertThat(notice.getText()).containsAnyOf("已复制", "手动复制");
    }

    @Test
    void a_mistyped_address_shows_page_not_found_and_a_staff_page_still_asks_to_sign_in() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String path : new String[] {"/regulation", "/regulations/12/extra", "/no-such-page"}) {
            java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            // Vaadin answers the address itself (its not-found view), instead of redirecting to the staff sign-in
            assertThat(response.statusCode()).as(path).isNotEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(path).isEmpty();
        }
        // deny by default is intact: a page that exists and needs a role still redirects to the sign-in
        java.net.http.HttpResponse<Void> staff = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/admin/regulations/import")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(staff.statusCode()).isEqualTo(302);
        assertThat(staff.headers().firstValue("Location").orElse("")).endsWith("/login");

        browser.open("/no-such-page");
        browser.waitForVaadin();
        assertThat(browser.find(By.id("page-not-found")).getText()).contains("没有找到这个页面");
        assertThat(browser.driver().findElements(By.cssSelector("input[name=password]"))).isEmpty();
    }

    /** True when the element with this id starts within the browser's window (scrolled to; the top may lie a fraction of a pixel above it). */
    private boolean onScreen(String id) {
        return Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "const e = document.getElementById(arguments[0]); if (!e) { return false; }"
                        + " const top = e.getBoundingClientRect().top; return top > -2 && top < window.innerHeight;", id));
    }

    private static String decode(String url) {
        return URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
