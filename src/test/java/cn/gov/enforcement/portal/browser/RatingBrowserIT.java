package cn.gov.enforcement.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The public rating form in the browser. */
class RatingBrowserIT extends BrowserTest {

    private static final String AGENCY = "sample-traffic-police";

    @Autowired JdbcTemplate jdbc;
    @Autowired cn.gov.enforcement.portal.rating.RatingService ratings;

    private int ratingsOfTheAgency() {
        return jdbc.queryForObject("select count(*) from enforcement_rating where agency_id = ?", Integer.class, AGENCY);
    }

    @Test
    void a_double_click_on_the_send_button_stores_one_rating() {
        browser.open("/rating?agency=" + AGENCY + "&matter=GUIDANCE");
        browser.find(By.xpath("//*[@id='rating-score']//vaadin-radio-button[normalize-space(.)='非常满意']"))
                .findElement(By.tagName("input")).click();
        java.time.LocalDate day = ratings.today();
        WebElement date = browser.find(By.cssSelector("#rating-date input"));
        date.sendKeys(day.getYear() + "/" + day.getMonthValue() + "/" + day.getDayOfMonth(), Keys.ENTER);
        browser.waitForVaadin();
        int before = ratingsOfTheAgency();

        new Actions(browser.driver()).doubleClick(browser.find(By.id("rating-submit"))).perform();
        browser.until(d -> d.findElements(By.id("rating-reference")).isEmpty() ? null : true);
        browser.waitForVaadin();
        assertThat(ratingsOfTheAgency()).isEqualTo(before + 1);
    }

    @Test
    void the_chosen_agency_is_read_whole_in_english() {
        browser.open("/rating?lang=en&agency=sample-market-regulation");
        browser.until(d -> d.findElement(By.cssSelector("#rating-agency vaadin-select-value-button")).getText()
                .startsWith("Sample City Administration for Market Regulation"));
        // the most any element of the shown value (in its shadow roots too) hides of its text; the form's 24rem cut
        // the name at "Market Reg…"
        Number cut = (Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "const all = [];"
                + " const walk = root => { for (const e of root.querySelectorAll('*')) { all.push(e); if (e.shadowRoot) walk(e.shadowRoot); } };"
                + " const button = document.querySelector('#rating-agency vaadin-select-value-button');"
                + " all.push(button); walk(button); if (button.shadowRoot) walk(button.shadowRoot);"
                + " return Math.max(...all.map(e => e.scrollWidth - e.clientWidth));");
        assertThat(cut.intValue()).as("px of the agency's name cut").isLessThanOrEqualTo(0);
    }

    @Test
    void an_english_reader_may_write_the_month_first_and_sees_the_date_as_the_portal_writes_it() {
        browser.open("/rating?lang=en&agency=" + AGENCY);
        java.time.LocalDate day = ratings.today().minusDays(3);
        WebElement date = browser.find(By.cssSelector("#rating-date input"));
        date.sendKeys(day.getMonthValue() + "/" + day.getDayOfMonth() + "/" + day.getYear(), Keys.ENTER);
        browser.waitForVaadin();
        assertThat(date.getAttribute("value")).isEqualTo(day.toString());
        assertThat(browser.find(By.id("rating-date")).getDomAttribute("invalid")).isNull();

        // the same date on a Chinese page is not read (a Chinese reader writes the year first) and says so
        browser.open("/rating?lang=zh-CN&agency=" + AGENCY);
        WebElement chinese = browser.find(By.cssSelector("#rating-date input"));
        chinese.sendKeys(day.getMonthValue() + "/" + day.getDayOfMonth() + "/" + day.getYear(), Keys.ENTER);
        browser.waitForVaadin();
        assertThat(browser.find(By.id("rating-date")).getDomAttribute("invalid")).isNotNull();
    }
}
