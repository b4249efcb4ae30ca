package cn.gov.enforcement.portal.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, one per test class. A failing test
 * leaves a screenshot and the page source under {@code target/screenshots/}. The browser's console errors are kept, so
 * that {@link BrowserTest} can fail a test whose pages broke the portal's Content-Security-Policy.
 */
public final class Browser implements TestWatcher {

    private static final Path SHOTS = Path.of("target", "screenshots");

    private WebDriver driver;
    private String baseUrl;

    public WebDriver start(String baseUrl) {
        this.baseUrl = baseUrl;
        ChromeOptions options = new ChromeOptions();
        String binary = System.getProperty("portal.chromium", firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser"));
        if (binary != null) {
            options.setBinary(binary);
        }
        options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--lang=zh-CN"));
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.SEVERE);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService.Builder service = new ChromeDriverService.Builder();
        String driverPath = System.getProperty("portal.chromedriver", firstExisting("/usr/bin/chromedriver"));
        if (driverPath != null) {
            service.usingDriverExecutable(Path.of(driverPath).toFile());
        }
        driver = new ChromeDriver(service.build(), options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    private static String firstExisting(String... paths) {
        for (String p : paths) {
            if (Files.isExecutable(Path.of(p))) {
                return p;
            }
        }
        return null;
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
        waitForVaadin();
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /** Waits until Vaadin has rendered the view and has no pending server round trip. */
    public void waitForVaadin() {
        until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return !!window.Vaadin && !!window.Vaadin.Flow && window.Vaadin.Flow.clients"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())"
                        + " && document.querySelector('main') !== null")));
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    try {
                        return condition.apply(d);
                    } catch (org.openqa.selenium.StaleElementReferenceException e) {
                        throw e;
                    } catch (org.openqa.selenium.WebDriverException e) {
                        // an element found just before the page reloaded (a language switch): Chromium reports it
                        // gone with this message instead of a stale-element error; look again
                        if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                            return null;
                        }
                        throw e;
                    }
                });
    }

    public WebElement find(By by) {
        return until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    /** Types into the Vaadin text field or text area with the given id, replacing what it held. */
    public void type(String id, String text) {
        WebElement input = find(By.cssSelector("#" + id + " input, #" + id + " textarea"));
        input.clear();
        input.sendKeys(text);
    }

    /** Opens a vaadin-select by id and picks the visible item with the given label. */
    public void choose(String selectId, String label) {
        find(By.id(selectId)).click();
        // not the copy of a select's chosen item shown in its field (another select may show the same label)
        WebElement item = until(d -> d.findElements(By.xpath("//vaadin-select-item[normalize-space(.)='" + label
                        + "' and not(ancestor::vaadin-select-value-button)]"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        item.click();
        until(d -> d.findElement(By.id(selectId)).getText().contains(label));
        waitForVaadin();
    }

    /**
     * Runs checks while the page is laid out for paper (print media emulated by Chromium), then back on screen; also
     * checks that the portal's header is hidden on paper and shown again after.
     */
    public void printed(Runnable checks) {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        try {
            if (find(By.cssSelector(".portal-header")).isDisplayed()) {
                throw new AssertionError("the portal's header is printed");
            }
            checks.run();
        } finally {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        }
        if (!find(By.cssSelector(".portal-header")).isDisplayed()) {
            throw new AssertionError("the portal's header is hidden on screen after printing");
        }
    }

    /**
     * The console errors since the last call that report something the Content-Security-Policy refused (a script, a
     * style, an image, a connection, an {@code eval}); reading them empties the browser's list.
     */
    public List<String> policyViolations() {
        if (driver == null) {
            return List.of();
        }
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
    }

    public String mainText() {
        return find(By.tagName("main")).getText();
    }

    public void stop() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) {
            return;
        }
        try {
            Files.createDirectories(SHOTS);
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName().replaceAll("[^a-zA-Z0-9_-]", "_");
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SHOTS.resolve(name + ".png"), png);
            Files.writeString(SHOTS.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save a screenshot: " + e);
        }
    }
}
