package cn.gov.enforcement.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.account.Role;
import cn.gov.enforcement.portal.lists.EntryStatus;
import cn.gov.enforcement.portal.lists.ListEntryForms.RiskPointInput;
import cn.gov.enforcement.portal.lists.ListsBackOffice;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import cn.gov.enforcement.portal.account.PortalUserDetailsService;

/** An editor submits a draft; another editor of the agency publishes it in the browser and the public sees it. */
class ListsBackOfficeBrowserIT extends BrowserTest {

    @Autowired PortalUserDetailsService users;
    @Autowired ListsBackOffice backOffice;

    private String createEditor(String username) {
        return newStaff(username, "测试编辑", Role.EDITOR, "sample-urban-management");
    }

    @Test
    void a_draft_submitted_by_one_editor_is_published_by_another_and_then_appears_on_the_public_page() {
        createEditor("bo-browser-author");
        String reviewerPassword = createEditor("bo-browser-reviewer");
        var author = users.loadUserByUsername("bo-browser-author");
        SecurityContextHolder.setContext(new SecurityContextImpl(
                new UsernamePasswordAuthenticationToken(author, null, author.getAuthorities())));
        String id = "um-rp-bo-browser";
        try {
            backOffice.saveRiskPoint(null, 0, null, new RiskPointInput(id, "sample-urban-management", "户外广告与店招", "沿街商户",
                    "后台样例：浏览器发布测试", "店招灯箱夜间不亮且破损。", "低", "影响市容，危害较小。",
                    "城市市容和环境卫生管理条例 第十一条", "城市市容和环境卫生管理条例 第三十六条", "责令限期改正。",
                    "定期检查灯箱", Set.of("提示"), LocalDate.of(2024, 1, 1), null, true));
            backOffice.submit(id, 1, EntryStatus.DRAFT);
        } finally {
            SecurityContextHolder.clearContext();
        }

        browser.open("/risks/" + id);
        assertThat(browser.mainText()).as("not public before publishing").doesNotContain("后台样例：浏览器发布测试");

        signIn("bo-browser-reviewer", reviewerPassword);
        browser.open("/staff/lists");
        WebElement row = browser.find(By.cssSelector(".lists-admin-row[data-id='" + id + "']"));
        assertThat(row.getDomAttribute("data-status")).isEqualTo("IN_REVIEW");
        assertThat(row.getText()).contains("待审核");
        row.findElement(By.cssSelector("vaadin-button.lists-admin-publish")).click();
        browser.until(d -> "PUBLISHED".equals(d.findElement(By.cssSelector(".lists-admin-row[data-id='" + id + "']"))
                .getDomAttribute("data-status")));
        browser.waitForVaadin();

        browser.open("/risks/" + id);
        assertThat(browser.find(By.id("risk-title")).getText()).contains("后台样例：浏览器发布测试");
        assertThat(browser.find(By.cssSelector("header")).getText()).contains("bo-browser-reviewer");

        browser.open("/staff/lists/history/" + id);
        assertThat(browser.find(By.id("history-versions")).getText()).contains("第 1 版").contains("已发布");
        browser.open("/staff/lists/audit");
        assertThat(browser.find(By.id("lists-audit-log")).getText()).contains("bo-browser-author")
                .contains("bo-browser-reviewer").contains(id);

        // on a phone each record is a block, each value under its column name, and nothing scrolls sideways
        browser.resize(390, 844);
        try {
            browser.open("/staff/lists/audit");
            browser.find(By.id("lists-audit-log"));
            org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser.driver();
            assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth"
                    + " - document.documentElement.clientWidth")).intValue()).as("horizontal overflow in px")
                    .isLessThanOrEqualTo(0);
            assertThat(js.executeScript("return getComputedStyle(document.querySelector('.lists-audit-row')).display"))
                    .isEqualTo("block");
            assertThat((String) js.executeScript("return getComputedStyle(document.querySelector('.lists-audit-row td'),"
                    + " '::before').content")).contains("时间");

            // an exemption item's condition rows stack their fields on a phone, without scrolling sideways
            browser.open("/staff/lists/edit/exemptions/um-ex-first-outside-store");
            browser.find(By.cssSelector(".entry-condition-row"));
            assertThat(browser.driver().findElements(By.cssSelector(".entry-condition-row"))).hasSize(3);
            assertThat(js.executeScript("return getComputedStyle(document.querySelector('.entry-condition-row'))"
                    + ".flexDirection")).isEqualTo("column");
            assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth"
                    + " - document.documentElement.clientWidth")).intValue()).as("horizontal overflow in px")
                    .isLessThanOrEqualTo(0);
            // stacked, the question field is one field high (its flex basis once made it 20em tall, a gap under it)
            assertThat(((Number) js.executeScript("return document.querySelector('.entry-condition-row"
                    + " .entry-condition-question').getBoundingClientRect().height")).doubleValue())
                    .as("question field height in px").isLessThan(120);
            assertThat(browser.find(By.cssSelector(".entry-condition-row vaadin-select.entry-condition-type"))
                    .getDomProperty("label")).isEqualTo("第 1 个条件：类型");
        } finally {
            browser.resize(1280, 900);
        }
        // on a wide window a row's fields stand side by side
        browser.open("/staff/lists/edit/exemptions/um-ex-first-outside-store");
        browser.find(By.cssSelector(".entry-condition-row"));
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "return getComputedStyle(document.querySelector('.entry-condition-row')).flexDirection")).isEqualTo("row");
    }
}
