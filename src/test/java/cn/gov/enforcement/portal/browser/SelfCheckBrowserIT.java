package cn.gov.enforcement.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A business goes through the self-check in Chromium: chooses a sector, answers two risks, reloads the page and finds
 * its answers again (they are in the address), reads the report, prints it without the portal around it and reads it
 * again in English.
 */
class SelfCheckBrowserIT extends BrowserTest {

    private static By radio(String riskId, String label) {
        return By.xpath("//vaadin-radio-group[@id='selfcheck-answer-" + riskId + "']//vaadin-radio-button[contains(., '"
                + label + "')]");
    }

    /** Clicks an answer scrolled to the middle of the window, where a reader clicks it (not under the sticky progress line). */
    private void click(By by) {
        var element = browser.find(by);
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    @Test
    void the_checklist_prints_as_a_paper_form_with_its_sectors_and_a_box_before_each_measure() {
        browser.open("/self-check?sector=商品零售&a=mr-rp-price-tag.N");
        browser.find(By.id("selfcheck-make-report"));
        browser.waitForVaadin();
        var js = (org.openqa.selenium.JavascriptExecutor) browser.driver();
        browser.printed(() -> {
            assertThat(browser.find(By.id("selfcheck-checklist-sectors")).isDisplayed()).isTrue();
            assertThat(browser.find(By.id("selfcheck-checklist-sectors")).getText()).isEqualTo("经营领域：商品零售");
            assertThat(browser.find(By.id("selfcheck-make-report")).isDisplayed()).isFalse();
            assertThat(browser.find(By.id("selfcheck-restart")).isDisplayed()).isFalse();
            assertThat(browser.find(By.id("selfcheck-progress")).isDisplayed()).isFalse();
            assertThat(browser.driver().findElements(By.cssSelector(".selfcheck-details a")))
                    .isNotEmpty().noneMatch(org.openqa.selenium.WebElement::isDisplayed);
            // every measure of every risk has its box, whatever was answered on screen
            assertThat(js.executeScript("return [...document.querySelectorAll('.selfcheck-measures li')]"
                    + ".map(li => getComputedStyle(li, '::before').content)")).asList()
                    .isNotEmpty().allMatch("\"☐ \""::equals);
            assertThat(browser.find(By.id("selfcheck-item-mr-rp-price-tag")).isDisplayed()).isTrue();
        });
        // on screen the folded first step holds the sectors, the printed line is not shown twice
        assertThat(browser.find(By.id("selfcheck-checklist-sectors")).isDisplayed()).isFalse();
    }

    /** The id of the focused element and whether its top lies within the window. */
    private String focusedInView() {
        return (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "const e = document.activeElement; const top = e.getBoundingClientRect().top;"
                        + " return e.id + (top >= 0 && top < window.innerHeight ? ' in view' : ' out of view')");
    }

    @Test
    void each_step_a_button_opens_takes_the_focus_at_its_heading_instead_of_leaving_the_window_at_its_end() {
        browser.open("/self-check");
        browser.find(By.xpath("//vaadin-checkbox-group[@id='selfcheck-sectors-sample-market-regulation']"
                + "//vaadin-checkbox[contains(., '餐饮服务')]")).click();
        click(By.id("selfcheck-start"));
        browser.until(d -> d.getCurrentUrl().contains("sector="));
        browser.waitForVaadin();
        browser.until(d -> focusedInView().equals("selfcheck-step2-title in view"));

        click(radio("mr-rp-food-licence", "还没有做到"));
        browser.waitForVaadin();
        click(radio("mr-rp-health-certificate", "还没有做到"));
        browser.waitForVaadin();
        // the button is at the end of a long checklist; the report replaces the checklist, and the window stayed
        // where the button was: at the end of the report, with the focus on nothing
        click(By.id("selfcheck-make-report"));
        browser.until(d -> d.getCurrentUrl().contains("report=1"));
        browser.waitForVaadin();
        browser.until(d -> focusedInView().equals("selfcheck-report-title in view"));

        click(By.id("selfcheck-edit"));
        browser.until(d -> !d.getCurrentUrl().contains("report=1"));
        browser.waitForVaadin();
        browser.until(d -> focusedInView().equals("selfcheck-step2-title in view"));

        // a reload opens the page at its top, as any page: no step takes the focus
        browser.driver().navigate().refresh();
        browser.waitForVaadin();
        assertThat(focusedInView()).doesNotStartWith("selfcheck-step2-title");
    }

    @Test
    void a_business_checks_itself_reloads_and_prints_its_report() {
        browser.open("/self-check");
        browser.find(By.xpath("//vaadin-checkbox-group[@id='selfcheck-sectors-sample-market-regulation']"
                + "//vaadin-checkbox[contains(., '商品零售')]")).click();
        browser.find(By.id("selfcheck-start")).click();
        browser.until(d -> d.getCurrentUrl().contains("sector="));
        browser.waitForVaadin();
        assertThat(browser.find(By.id("selfcheck-progress-text")).getText()).isEqualTo("已回答 0 / 4 项");

        click(radio("mr-rp-price-tag", "还没有做到"));
        browser.waitForVaadin();
        click(radio("mr-rp-price-fraud", "以上措施都已做到"));
        browser.waitForVaadin();
        browser.until(d -> d.getCurrentUrl().contains("mr-rp-price-fraud.D"));
        assertThat(browser.driver().getCurrentUrl()).contains("a=mr-rp-price-tag.N_mr-rp-price-fraud.D");

        // the answers are in the address: a reload keeps them
        browser.driver().navigate().refresh();
        browser.waitForVaadin();
        assertThat(browser.find(radio("mr-rp-price-tag", "还没有做到")).getDomAttribute("checked")).isNotNull();
        assertThat(browser.find(By.id("selfcheck-progress-text")).getText()).isEqualTo("已回答 2 / 4 项");

        // partly done with no measure ticked: the message is at the risk, and the focus and the window go there
        click(radio("mr-rp-price-fraud", "部分做到"));
        browser.waitForVaadin();
        click(By.id("selfcheck-make-report"));
        browser.waitForVaadin();
        var js = (org.openqa.selenium.JavascriptExecutor) browser.driver();
        browser.until(d -> Boolean.TRUE.equals(js.executeScript(
                "return document.activeElement.closest('#selfcheck-measures-mr-rp-price-fraud') !== null")));
        assertThat(js.executeScript("const r = document.getElementById('selfcheck-measures-mr-rp-price-fraud')"
                + ".getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight")).isEqualTo(true);
        assertThat(browser.find(By.id("selfcheck-measures-mr-rp-price-fraud")).getDomAttribute("invalid")).isNotNull();
        assertThat(browser.find(By.id("selfcheck-answer-error")).getText()).startsWith("“");
        click(radio("mr-rp-price-fraud", "以上措施都已做到"));
        browser.waitForVaadin();

        click(By.id("selfcheck-make-report"));
        browser.until(d -> d.getCurrentUrl().contains("report=1"));
        browser.waitForVaadin();
        assertThat(browser.find(By.id("selfcheck-report-summary")).getText()).startsWith("需要整改 1 项");
        assertThat(browser.find(By.id("selfcheck-finding-mr-rp-price-tag")).getText())
                .contains("未按规定明码标价", "还没有做到", "☐ 调价时同步更换价签，做到货签对位。");

        // printed: the report alone, without the portal's header, navigation, footer and the page's buttons
        browser.printed(() -> {
            assertThat(browser.find(By.id("selfcheck-report")).isDisplayed()).isTrue();
            assertThat(browser.find(By.id("selfcheck-report-disclaimer")).isDisplayed()).isTrue();
            assertThat(browser.find(By.cssSelector(".portal-nav")).isDisplayed()).isFalse();
            assertThat(browser.find(By.tagName("footer")).isDisplayed()).isFalse();
            assertThat(browser.find(By.id("selfcheck-edit")).isDisplayed()).isFalse();
            assertThat(browser.find(By.id("selfcheck-privacy")).isDisplayed()).isFalse();
        });

        // the language switch reloads the page: the same report, in English
        browser.find(By.id("language-switch")).click();
        browser.find(By.xpath("//vaadin-select-item[normalize-space(.)='English']")).click();
        browser.until(d -> d.findElement(By.tagName("h1")).getText().equals("Legal-risk self-check and correction"));
        browser.waitForVaadin();
        assertThat(browser.find(By.id("selfcheck-report-summary")).getText())
                .isEqualTo("To correct: 1 (high risk 0, medium 0, low 1); in place: 1; not concerned: 0; not answered: 2.");
        browser.open("/?lang=zh-CN");
    }
}
