package cn.gov.enforcement.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The agency directory and the certificate check, as a citizen uses them in a real browser. */
class AgencyBrowserIT extends BrowserTest {

    @Test
    void a_citizen_searches_the_directory_in_chinese_and_opens_an_agency() {
        browser.open("/agencies");
        WebElement search = browser.find(By.cssSelector("#agency-search input"));
        search.sendKeys("交通");
        browser.find(By.id("agency-search-submit")).click();
        browser.until(d -> d.getCurrentUrl().contains("q="));
        browser.waitForVaadin();
        WebElement results = browser.find(By.id("agency-results"));
        assertThat(results.getText()).contains("示例市公安局交通管理支队").doesNotContain("市场监督管理局");
        assertThat(results.getText()).contains("示例");

        results.findElement(By.linkText("示例市公安局交通管理支队")).click();
        browser.until(d -> d.getCurrentUrl().endsWith("/agencies/sample-traffic-police"));
        browser.waitForVaadin();
        assertThat(browser.find(By.id("agency-name")).getText()).contains("示例市公安局交通管理支队");
        String officers = browser.find(By.id("agency-officers")).getText();
        assertThat(officers).contains("JJ-990100-2017-0044").contains("*");
        assertThat(officers).doesNotContain("胡一鸣");
        assertThat(browser.find(By.id("agency-phone")).getAttribute("href")).startsWith("tel:");
        // a link inside text is underlined, not told apart by its colour alone
        assertThat(browser.find(By.id("agency-phone")).getCssValue("text-decoration-line")).isEqualTo("underline");
    }

    @Test
    void the_certificate_check_answers_valid_revoked_and_unknown_numbers() {
        browser.open("/certificate-check");
        check("jj-990100-2019-0101");
        String valid = browser.find(By.id("certificate-result")).getText();
        assertThat(valid).contains("证件有效").contains("示例市公安局交通管理支队").contains("*");

        check("JJ-990100-2017-0044");
        assertThat(browser.find(By.id("certificate-result")).getText()).contains("证件已注销");

        check("ZZ-000000-0000-0000");
        assertThat(browser.find(By.id("certificate-result")).getText()).contains("没有查到这个证件号");
    }

    @Test
    void the_certificate_check_speaks_english_too() {
        browser.open("/certificate-check?lang=en");
        check("JJ-990100-2016-0020");
        assertThat(browser.find(By.id("certificate-result")).getText())
                .contains("This certificate has been revoked and is NOT valid");
    }

    @Test
    void a_long_message_under_a_narrow_field_is_shown_whole_inside_the_field() {
        browser.resize(390, 844);
        try {
            browser.open("/certificate-check?lang=en");
            // the back office's forms say as much under a narrow field (the agency form's certificate number: what a
            // plausible number is, with examples); the rule is the theme's, for every field
            String message = "is not a plausible certificate number: an optional province abbreviation first, then"
                    + " Latin letters and digits (at least one digit), 6 to 32 characters not counting dashes and spaces";
            // Lumo caps a field's error message at 5em (for its appearing animation) and lets the rest run over what
            // follows the field; the theme lifts the cap, so the field grows with its message
            Object measured = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const field = document.getElementById('certificate-input');
                    field.errorMessage = arguments[0];
                    field.invalid = true;
                    setTimeout(() => {
                        const message = field.shadowRoot.querySelector('[part=error-message]');
                        done([field.querySelector('[slot=error-message]').textContent.length, message.scrollHeight - message.clientHeight,
                              field.getBoundingClientRect().bottom - message.getBoundingClientRect().bottom]);
                    }, 500);""", message);
            java.util.List<?> figures = (java.util.List<?>) measured;
            assertThat(((Number) figures.get(0)).intValue()).as("message length").isGreaterThan(150);
            assertThat(((Number) figures.get(1)).intValue()).as("message taller than its box").isLessThanOrEqualTo(1);
            assertThat(((Number) figures.get(2)).doubleValue()).as("field bottom below the message").isGreaterThanOrEqualTo(0);
        } finally {
            browser.resize(1280, 900);
        }
    }

    private void check(String number) {
        WebElement input = browser.find(By.cssSelector("#certificate-input input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(number);
        String before = browser.find(By.id("certificate-result")).getText();
        browser.find(By.id("certificate-submit")).click();
        browser.until(d -> !d.findElement(By.id("certificate-result")).getText().equals(before)
                && !d.findElement(By.id("certificate-result")).getText().isBlank());
        browser.waitForVaadin();
    }
}
