package cn.gov.enforcement.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.account.Role;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An officer writes a guidance in Chromium and gets the document with the access code; the party, in a new
 * session, opens it with the number and code and replies; printed, the party's page shows the document alone.
 */
class GuidanceBrowserIT extends BrowserTest {

    @Test
    void an_officer_writes_guidance_and_the_party_reads_it_with_the_code_and_replies() {
        String password = newStaff("guidance-browser-officer", "测试指导员", Role.OFFICER, "sample-market-regulation");
        signIn("guidance-browser-officer", password);

        browser.open("/staff/guidance");
        browser.find(By.id("guidance-new")).click();
        browser.until(d -> d.getCurrentUrl().endsWith("/staff/guidance/new"));
        browser.waitForVaadin();
        browser.choose("guidance-kind", "提示");
        browser.type("guidance-certificates", "sj-990100-2021-0003");
        browser.type("guidance-party", "某某烘焙坊");
        browser.type("guidance-subject", "散装食品标签");
        browser.type("guidance-findings", "店内散装面包没有标明生产日期和保质期。");
        browser.type("guidance-advice", "请在散装食品的容器或外包装上标明名称、生产日期和保质期。");
        browser.find(By.id("guidance-issue")).click();
        browser.waitForVaadin();
        String told = browser.find(By.id("guidance-issued")).getText();
        String number = browser.find(By.cssSelector(".guidance-compose-view")).getDomAttribute("data-issued");
        assertThat(told).contains(number);
        Matcher code = Pattern.compile("查询码 ([A-Z0-9]{12})").matcher(browser.find(By.id("guidance-document-how")).getText());
        assertThat(code.find()).isTrue();

        // the party, in a session of its own
        browser.driver().manage().deleteAllCookies();
        browser.open("/guidance?number=" + number);
        browser.type("guidance-open-code", code.group(1));
        browser.find(By.id("guidance-open-submit")).click();
        browser.waitForVaadin();
        assertThat(browser.find(By.id("guidance-document")).getText()).contains("行政指导书", "某某烘焙坊", "散装食品标签",
                "标明名称、生产日期和保质期");
        browser.choose("guidance-party-answer", "已按建议完成");
        browser.find(By.id("guidance-party-send")).click();
        browser.waitForVaadin();
        assertThat(browser.find(By.id("guidance-party-thanks")).getText()).contains("谢谢");

        // switching the language keeps the guidance open (the page reloads in English)
        browser.find(By.id("language-switch")).click();
        browser.find(By.xpath("//vaadin-select-item[normalize-space(.)='English']")).click();
        browser.until(d -> d.findElement(By.tagName("h1")).getText().equals("Administrative guidance"));
        browser.waitForVaadin();
        assertThat(browser.find(By.id("guidance-party-reply")).getText()).contains("Reply to the agency");
        assertThat(browser.find(By.id("guidance-document")).getDomAttribute("data-number")).isEqualTo(number);

        // printed, only the document is left
        browser.printed(() -> {
            assertThat(browser.find(By.id("guidance-document")).isDisplayed()).isTrue();
            assertThat(browser.find(By.id("guidance-party-reply")).isDisplayed()).isFalse();
            assertThat(browser.find(By.tagName("footer")).isDisplayed()).isFalse();
        });
        browser.open("/?lang=zh-CN");
    }
}
