package cn.gov.enforcement.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Enter in the short look-up forms of the public pages does what their button does, as on the certificate check: a
 * reader who types a case number and code and presses Enter is not left with a form that does nothing.
 */
class EnterKeyBrowserIT extends BrowserTest {

    private void pressEnterIn(String id) {
        WebElement input = browser.find(By.cssSelector("#" + id + " input"));
        input.click();
        input.sendKeys(Keys.ENTER);
        browser.waitForVaadin();
    }

    private boolean invalid(String id) {
        return "true".equals(browser.driver().findElement(By.id(id)).getAttribute("invalid"));
    }

    @Test
    void enter_in_the_tracking_form_looks_the_case_up() {
        browser.open("/mediation/track");
        browser.type("mediation-track-number", "TJ-2026-000123");
        // the code left empty: refused before any look-up, so no failed guess counts against the test's address
        pressEnterIn("mediation-track-code");
        browser.until(d -> "refused".equals(d.findElement(By.id("mediation-track-result")).getDomAttribute("data-outcome")));
        assertThat(invalid("mediation-track-code")).as("the empty code marked").isTrue();
        assertThat(invalid("mediation-track-number")).as("the number is well formed").isFalse();
    }

    @Test
    void enter_in_the_guidance_form_opens_the_guidance() {
        browser.open("/guidance");
        browser.type("guidance-open-number", "ZD-2026-000123");
        pressEnterIn("guidance-open-code");
        browser.until(d -> invalid("guidance-open-code"));
        assertThat(invalid("guidance-open-number")).as("the number is well formed").isFalse();
    }

    @Test
    void enter_in_the_resume_code_field_resumes_the_draft() {
        browser.open("/mediation/apply");
        browser.find(By.xpath("//*[@id='mediation-category']//vaadin-radio-button[contains(normalize-space(.), '消费者权益投诉')]"))
                .findElement(By.tagName("input")).click();
        browser.waitForVaadin();
        // by keyboard, so that the focus moved by the page shows as keyboard focus would (:focus-visible)
        browser.find(By.id("mediation-next")).sendKeys(Keys.ENTER);
        browser.waitForVaadin();
        // the focus moves to the next step's heading for a screen reader; a heading is no control: no focus ring
        browser.until(d -> "mediation-step-title".equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.activeElement && document.activeElement.id")));
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "return getComputedStyle(document.activeElement).outlineStyle")).isEqualTo("none");
        String code = browser.until(d -> {
            Matcher m = Pattern.compile("[A-Z0-9]{12}").matcher(d.findElement(By.id("mediation-draft-code")).getText());
            return m.find() ? m.group() : null;
        });

        // a new session, as after a timeout: the code typed into the folded box and Enter pressed
        browser.driver().manage().deleteAllCookies();
        browser.open("/mediation/apply");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelector('#mediation-resume-box vaadin-details-summary').click()");
        browser.until(d -> d.findElement(By.id("mediation-resume-input")).isDisplayed());
        browser.type("mediation-resume-input", code);
        pressEnterIn("mediation-resume-input");
        browser.until(d -> d.findElement(By.id("mediation-draft-info")).getText().contains("已恢复"));
        assertThat(invalid("mediation-resume-input")).isFalse();
        assertThat(browser.find(By.id("mediation-category")).getAttribute("value")).as("the category chosen before")
                .isNotBlank();
    }
}
