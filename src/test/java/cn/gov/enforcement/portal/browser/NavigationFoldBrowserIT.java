package cn.gov.enforcement.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The edge of the folded navigation: up to 900 px (a tablet held upright, 768 px) the links hide behind the menu
 * button and unfold as a column; from 901 px on the button is gone and the links stand side by side in the bar.
 */
class NavigationFoldBrowserIT extends BrowserTest {

    @AfterEach
    void wideAgain() {
        browser.resize(1280, 900);
    }

    @Test
    void on_a_768_pixel_tablet_the_navigation_is_folded_and_the_menu_button_unfolds_it_as_a_column() {
        for (String lang : new String[] {"zh-CN", "en"}) {
            viewport(768);
            browser.open("/?lang=" + lang);
            assertFolded(lang);

            browser.find(By.id("portal-nav-toggle")).click();
            browser.until(d -> "true".equals(d.findElement(By.id("portal-nav-toggle")).getAttribute("aria-expanded")));
            assertThat(browser.driver().findElement(By.id("portal-nav")).isDisplayed()).as("unfolded, " + lang).isTrue();
            List<Map<String, Object>> links = links();
            assertThat(links).hasSizeGreaterThan(2);
            for (int i = 1; i < links.size(); i++) {
                assertThat(number(links.get(i), "top")).as("link " + i + " under the one before it, " + lang)
                        .isGreaterThanOrEqualTo(number(links.get(i - 1), "bottom") - 1);
                assertThat(number(links.get(i), "left")).as("link " + i + " in the column, " + lang)
                        .isEqualTo(number(links.get(0), "left"));
            }
            assertThat(overflow()).as("horizontal overflow in px, " + lang).isLessThanOrEqualTo(0);

            browser.find(By.id("portal-nav-toggle")).click();
            browser.until(d -> "false".equals(d.findElement(By.id("portal-nav-toggle")).getAttribute("aria-expanded")));
            assertThat(browser.driver().findElement(By.id("portal-nav")).isDisplayed()).as("folded again, " + lang).isFalse();

            // from the keyboard: Escape in the unfolded menu folds it and gives the focus back to the button
            browser.find(By.id("portal-nav-toggle")).click();
            browser.until(d -> "true".equals(d.findElement(By.id("portal-nav-toggle")).getAttribute("aria-expanded")));
            browser.find(By.cssSelector("#portal-nav a")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
            browser.until(d -> "false".equals(d.findElement(By.id("portal-nav-toggle")).getAttribute("aria-expanded")));
            assertThat(browser.driver().findElement(By.id("portal-nav")).isDisplayed()).as("folded by Escape, " + lang).isFalse();
            assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).as(lang).isEqualTo("portal-nav-toggle");
        }
    }

    @Test
    void the_navigation_is_folded_at_900_pixels_and_stands_in_a_row_without_the_button_at_901() {
        for (String lang : new String[] {"zh-CN", "en"}) {
            viewport(900);
            browser.open("/?lang=" + lang);
            assertFolded(lang);

            viewport(901);
            browser.open("/?lang=" + lang);
            assertThat(browser.find(By.id("portal-nav")).isDisplayed()).as("shown at 901 px, " + lang).isTrue();
            assertThat(browser.driver().findElement(By.id("portal-nav-toggle")).isDisplayed())
                    .as("menu button at 901 px, " + lang).isFalse();
            List<Map<String, Object>> links = links();
            assertThat(links).hasSizeGreaterThan(2);
            // side by side: the second link on the first one's line, to its right
            assertThat(number(links.get(1), "top")).as("second link on the first one's line, " + lang)
                    .isEqualTo(number(links.get(0), "top"));
            assertThat(number(links.get(1), "left")).as("second link right of the first, " + lang)
                    .isGreaterThanOrEqualTo(number(links.get(0), "right"));
            double width = ((Number) js("return document.documentElement.clientWidth")).doubleValue();
            for (Map<String, Object> link : links) {
                assertThat(number(link, "right")).as("right edge of " + link.get("text") + ", " + lang)
                        .isLessThanOrEqualTo(width);
            }
            assertThat(overflow()).as("horizontal overflow in px, " + lang).isLessThanOrEqualTo(0);
        }
    }

    private void assertFolded(String lang) {
        int width = ((Number) js("return window.innerWidth")).intValue();
        assertThat(browser.find(By.id("portal-nav-toggle")).isDisplayed()).as("menu button at " + width + " px, " + lang)
                .isTrue();
        assertThat(browser.driver().findElement(By.id("portal-nav-toggle")).getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(browser.driver().findElement(By.id("portal-nav")).isDisplayed()).as("folded at " + width + " px, " + lang)
                .isFalse();
        assertThat(overflow()).as("horizontal overflow in px at " + width + " px, " + lang).isLessThanOrEqualTo(0);
    }

    /**
     * Sets the width of the page's viewport (what the theme's media queries compare) to exactly {@code width} pixels:
     * the window is resized, then corrected by any difference between its outer and inner width.
     */
    private void viewport(int width) {
        browser.resize(width, 900);
        int inner = ((Number) js("return window.innerWidth")).intValue();
        if (inner != width) {
            browser.resize(width + (width - inner), 900);
        }
        assertThat(((Number) js("return window.innerWidth")).intValue()).as("viewport width").isEqualTo(width);
    }

    /** The navigation's links with their text and box, in the page's order. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> links() {
        return (List<Map<String, Object>>) js("return [...document.querySelectorAll('#portal-nav a')].map(a => {"
                + " const r = a.getBoundingClientRect();"
                + " return { text: a.textContent, top: r.top, bottom: r.bottom, left: r.left, right: r.right }; })");
    }

    private static double number(Map<String, Object> link, String key) {
        return ((Number) link.get(key)).doubleValue();
    }

    private int overflow() {
        return ((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
    }
}
