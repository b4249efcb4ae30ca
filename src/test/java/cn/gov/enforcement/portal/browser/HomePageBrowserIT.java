package cn.gov.enforcement.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

class HomePageBrowserIT extends BrowserTest {

    @Test
    void home_page_is_chinese_by_default_and_switches_to_english_and_remembers_it() {
        browser.open("/");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("让执法更有温度，让企业和群众少走弯路");
        assertThat(browser.find(By.cssSelector("header")).getText()).contains("服务型行政执法公共服务平台");
        assertThat(js("return document.documentElement.lang")).isEqualTo("zh-CN");

        // the language switch in the header
        WebElement select = browser.find(By.id("language-switch"));
        select.click();
        // each language's name is marked as written in that language
        assertThat(browser.find(By.xpath("//vaadin-select-item[normalize-space(.)='English']//span")).getAttribute("lang"))
                .isEqualTo("en");
        assertThat(browser.find(By.xpath("//vaadin-select-item[normalize-space(.)='繁體中文']//span")).getAttribute("lang"))
                .isEqualTo("zh-TW");
        browser.find(By.xpath("//vaadin-select-item[normalize-space(.)='English']")).click();
        browser.until(d -> d.findElement(By.tagName("h1")).getText().startsWith("Enforcement that helps"));
        browser.waitForVaadin();
        assertThat(browser.find(By.cssSelector("header")).getText()).contains("Service-Oriented Enforcement Portal");

        // remembered per browser
        browser.open("/");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Enforcement that helps businesses and citizens get it right");
        assertThat(js("return document.documentElement.lang")).isEqualTo("en");

        browser.open("/?lang=zh-TW");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("讓執法更有溫度，讓企業和群眾少走彎路");

        // on a page opened with ?lang= (the sitemap's alternate links), the switch still switches
        browser.find(By.id("language-switch")).click();
        browser.find(By.xpath("//vaadin-select-item[normalize-space(.)='简体中文']")).click();
        browser.until(d -> d.findElement(By.tagName("h1")).getText().equals("让执法更有温度，让企业和群众少走弯路"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("lang=zh-CN");

        // a malformed ?lang= is no language, not an error page
        browser.open("/?lang=%25zz%");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("让执法更有温度，让企业和群众少走弯路");
    }

    @Test
    void the_content_security_policy_refuses_what_comes_from_another_site_and_the_check_after_each_test_sees_it() {
        browser.open("/");
        assertThat(browser.find(By.tagName("h1")).getText()).isNotEmpty();
        assertThat(browser.policyViolations()).as("the page itself works under the policy").isEmpty();
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "var i = document.createElement('img'); i.src = 'http://images.example.invalid/x.png';"
                        + " document.body.appendChild(i);");
        browser.until(d -> !browser.policyViolations().isEmpty());
        assertThat(browser.policyViolations()).as("read once").isEmpty();
    }

    @Test
    void a_stray_percent_is_escaped_by_a_redirect_on_this_site_never_to_another() throws Exception {
        assertThat(rawGet("/regulations?q=100%")).startsWith("HTTP/1.1 302").contains("Location: /regulations?q=100%25");
        // //evil.example?% would have been answered Location: //evil.example?%25, which a browser follows to that host
        // now the doubled slash itself is sent on to the single-slash address of this site (ErrorAnswersIT): a
        // redirect, if any, must name a path here, never another host
        for (String offSite : new String[] {"//evil.example?%", "///evil.example?q=%"}) {
            String answer = rawGet(offSite);
            assertThat(answer).as(offSite).doesNotContain("Location: //").doesNotContain("Location: ///")
                    .doesNotContain("Location: http");
            if (answer.startsWith("HTTP/1.1 3")) {
                assertThat(answer).as(offSite).containsPattern("\r\nLocation: /[^/\\\\]");
            }
        }
    }

    /** The status line and headers of a GET sent as written (java.net.URI refuses a stray %). */
    private String rawGet(String target) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            return end < 0 ? answer : answer.substring(0, end);
        }
    }

    @Test
    void the_page_has_landmarks_a_skip_link_and_fits_a_375_pixel_screen() {
        browser.resize(375, 800);
        try {
            browser.open("/");
            assertThat(browser.driver().findElements(By.tagName("header"))).hasSize(1);
            assertThat(browser.driver().findElements(By.tagName("nav"))).hasSize(1);
            assertThat(browser.driver().findElements(By.tagName("main"))).hasSize(1);
            assertThat(browser.driver().findElements(By.tagName("footer"))).hasSize(1);
            Object overflow = js("return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
            // the first Tab reaches the skip link, which leads to the main content
            browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
            WebElement focused = browser.driver().switchTo().activeElement();
            assertThat(focused.getAttribute("href")).endsWith("#main-content");
        } finally {
            browser.resize(1280, 900);
        }
    }

    @Test
    void the_language_switch_shows_where_the_keyboard_is_on_the_blue_header() {
        browser.open("/");
        // Lumo's focus ring is the header's own blue; the switch gets the links' yellow outline instead
        WebElement body = browser.driver().findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        String inSwitch = "return document.activeElement != null"
                + " && document.activeElement.closest('#language-switch') != null";
        for (int i = 0; i < 5 && !Boolean.TRUE.equals(js(inSwitch)); i++) {
            browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(js(inSwitch)).as("the keyboard reached the language switch").isEqualTo(true);
        WebElement focused = browser.find(By.id("language-switch"));
        browser.until(d -> focused.getDomAttribute("focus-ring") != null);
        assertThat(focused.getCssValue("outline-style")).isEqualTo("solid");
        assertThat(focused.getCssValue("outline-color")).isEqualTo("rgba(242, 183, 5, 1)");
    }

    @Test
    void the_skip_link_of_a_page_other_than_the_home_page_stays_on_it_and_focuses_its_main_content() {
        browser.open("/regulations?q=" + java.net.URLEncoder.encode("罚款", java.nio.charset.StandardCharsets.UTF_8));
        String page = browser.driver().getCurrentUrl();
        browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement skip = browser.driver().switchTo().activeElement();
        assertThat(skip.getAttribute("class")).contains("skip-link");
        skip.sendKeys(Keys.ENTER);
        browser.until(d -> "main-content".equals(d.switchTo().activeElement().getAttribute("id")));
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(page);
        assertThat(browser.find(By.tagName("h1")).getText()).isNotEqualTo("让执法更有温度，让企业和群众少走弯路");
    }

    @Test
    void on_a_390_pixel_phone_the_navigation_folds_behind_a_menu_button_usable_by_keyboard() {
        browser.resize(390, 844);
        try {
            browser.open("/");
            WebElement toggle = browser.find(By.id("portal-nav-toggle"));
            WebElement nav = browser.driver().findElement(By.id("portal-nav"));
            assertThat(toggle.isDisplayed()).isTrue();
            assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
            assertThat(nav.isDisplayed()).as("folded navigation").isFalse();
            Number chrome = (Number) js("return document.querySelector('main').getBoundingClientRect().top");
            assertThat(chrome.intValue()).as("header and navigation above the main content, px").isLessThan(140);

            // keyboard: focus the button, Enter unfolds, the next Tab reaches the first link
            js("document.getElementById('portal-nav-toggle').focus()");
            browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
            browser.until(d -> "true".equals(d.findElement(By.id("portal-nav-toggle")).getAttribute("aria-expanded")));
            assertThat(browser.driver().findElement(By.id("portal-nav")).isDisplayed()).isTrue();
            browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
            assertThat(browser.driver().switchTo().activeElement().getAttribute("class")).contains("portal-nav-link");

            browser.resize(1280, 900);
            browser.open("/");
            assertThat(browser.find(By.id("portal-nav")).isDisplayed()).as("always shown on a wide screen").isTrue();
            assertThat(browser.driver().findElement(By.id("portal-nav-toggle")).isDisplayed()).isFalse();
        } finally {
            browser.resize(1280, 900);
        }
    }

    @Test
    void the_connection_indicator_and_the_icon_are_the_portals_own() {
        browser.open("/");
        browser.until(d -> "已连接".equals(js("return window.Vaadin.connectionIndicator.onlineText")));
        Object icon = js("return [...document.querySelectorAll('link[rel=icon]')].map(l => l.href).join(' ')");
        assertThat((String) icon).contains("icons/favicon.svg").contains("favicon.ico");
    }

    @Test
    void the_titles_of_the_lists_cards_are_as_large_as_the_home_pages_card_titles() {
        browser.open("/");
        String home = (String) js("return getComputedStyle(document.querySelector('.service-card h3')).fontSize");
        for (String page : new String[] {"/exemptions", "/risks", "/agencies"}) {
            browser.open(page);
            browser.find(By.cssSelector(".service-card h2"));
            assertThat(js("return getComputedStyle(document.querySelector('.service-card h2')).fontSize"))
                    .as(page).isEqualTo(home);
        }
    }

    /**
     * WCAG 2.1, 1.4.11: the boundary of every kind of form control differs from what lies behind it by 3:1 or more
     * (Lumo's grey fill alone is 1.1:1, its check boxes' and radio buttons' 1.4:1). The rating form has each kind.
     */
    @Test
    void every_kind_of_form_control_is_outlined_at_three_to_one_against_the_page_behind_it() {
        browser.open("/rating");
        browser.waitForVaadin();
        java.util.Map<String, String> controls = new java.util.LinkedHashMap<>();
        controls.put("#rating-agency", "[part=input-field]"); // select
        controls.put("#rating-date", "[part=input-field]"); // date picker
        controls.put("#rating-comment", "[part=input-field]"); // text area
        controls.put("#rating-certificate", "[part=input-field]"); // text field
        controls.put("#rating-contact-email", "[part=input-field]"); // e-mail field
        controls.put("#rating-score vaadin-radio-button", "[part=radio]");
        controls.put("#rating-wants-reply", "[part=checkbox]");
        controls.forEach((host, part) -> {
            WebElement element = browser.find(By.cssSelector(host));
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> outline = (java.util.Map<String, Object>) ((JavascriptExecutor) browser.driver())
                    .executeScript(OUTLINE_CONTRAST, element, part);
            assertThat(((Number) outline.get("width")).doubleValue()).as("outline width of %s in px: %s", host, outline)
                    .isGreaterThanOrEqualTo(1);
            assertThat(((Number) outline.get("ratio")).doubleValue()).as("outline contrast of %s: %s", host, outline)
                    .isGreaterThanOrEqualTo(3);
        });
    }

    /**
     * The outline Lumo draws as an inset box shadow on a control's part, its colour laid over what lies behind the
     * control (the backgrounds of its ancestors, across shadow roots, down to the first opaque one, else white),
     * and the contrast ratio of the two as WCAG defines it.
     */
    private static final String OUTLINE_CONTRAST = """
            const [host, selector] = arguments;
            const part = host.shadowRoot.querySelector(selector);
            const shadow = getComputedStyle(part).boxShadow;
            const rgba = s => { const n = s.match(/[\\d.]+/g).map(Number); return [n[0], n[1], n[2], n.length > 3 ? n[3] : 1]; };
            const over = (top, below) => [0, 1, 2].map(i => top[i] * top[3] + below[i] * (1 - top[3]));
            const layers = [];
            for (let e = host; e; e = e.parentElement || (e.getRootNode() && e.getRootNode().host)) {
              const colour = rgba(getComputedStyle(e).backgroundColor);
              if (colour[3] > 0) layers.push(colour);
              if (colour[3] === 1) break;
            }
            let behind = [255, 255, 255];
            for (const layer of layers.reverse()) behind = over(layer, behind);
            const colourText = (shadow.match(/rgba?\\([^)]*\\)/) || ['rgba(0, 0, 0, 0)'])[0];
            const lengths = shadow.replace(colourText, '').match(/-?[\\d.]+px/g) || [];
            const width = lengths.length > 3 ? parseFloat(lengths[3]) : 0;
            const outline = over(rgba(colourText), behind);
            const luminance = c => { const l = c.map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
              return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]; };
            const a = luminance(outline), b = luminance(behind);
            return {shadow: shadow, behind: behind.map(Math.round).join(','), width: width,
                ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)};
            """;

    private Object js(String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }
}
