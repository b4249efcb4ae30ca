package cn.gov.enforcement.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.account.Role;
import cn.gov.enforcement.portal.testsupport.StaffAccounts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Staff sign in through the login page; an officer sees only their own agency, whatever the URL says. */
class StaffBrowserIT extends BrowserTest {

    @Autowired
    AccountService accounts;

    @Autowired
    cn.gov.enforcement.portal.account.AccountLog log;

    private String createOfficer(String username, String agency) {
        SecurityContextHolder.setContext(new org.springframework.security.core.context.SecurityContextImpl(new UsernamePasswordAuthenticationToken("test-admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))));
        try {
            return StaffAccounts.createOrReset(accounts, new AccountService.NewUser(username, "测试执法人员", Role.OFFICER,
                    agency));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void an_officer_sees_their_own_agency_but_not_another_by_changing_the_url() {
        String password = createOfficer("officer-browser", "sample-traffic-police");
        signIn("officer-browser", password);
        assertThat(browser.find(By.cssSelector("header")).getText()).contains("officer-browser");
        // the initial password set by the administrator must be replaced first, whatever page is asked for
        assertThat(browser.driver().getCurrentUrl()).endsWith("/account/password");
        assertThat(browser.find(By.id("password-required")).getText()).contains("请先设置一个只有您知道的新密码");
        browser.open("/staff/mediation");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/account/password");
        for (String[] field : new String[][] {{"password-current", password}, {"password-new", "my-own-secret-42"},
                {"password-repeat", "my-own-secret-42"}}) {
            WebElement input = browser.find(By.cssSelector("#" + field[0] + " input"));
            input.clear();
            input.sendKeys(field[1]);
        }
        browser.find(By.id("password-save")).click();
        browser.waitForVaadin();
        assertThat(browser.find(By.id("password-result")).getText()).contains("密码已修改");
        // then the workbench of the officer's agency (where the sign-in leads when opened on its own)
        browser.open("/staff");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/staff");
        assertThat(browser.mainText()).contains("工作台", "示例市公安局交通管理支队", "待作出受理决定的调解申请", "待回访的差评")
                .doesNotContain("示例市市场监督管理局", "清单条目");
        // the officer's pages are a line of their own under the public pages, which keep their one row
        WebElement group = browser.find(By.id("portal-nav-staff"));
        assertThat(group.getText()).startsWith("工作人员").contains("工作台", "调解案件").doesNotContain("法律法规检索");
        java.util.List<WebElement> publicLinks = browser.driver().findElements(By.cssSelector("#portal-nav > a"));
        assertThat(publicLinks).hasSizeGreaterThan(8);
        assertThat(publicLinks).allSatisfy(a -> assertThat(a.getLocation().getY()).isEqualTo(publicLinks.get(0).getLocation().getY()));
        assertThat(group.getLocation().getY()).isGreaterThanOrEqualTo(
                publicLinks.get(0).getLocation().getY() + publicLinks.get(0).getSize().getHeight());

        browser.find(By.id("staff-agency-link")).click();
        browser.until(d -> d.getCurrentUrl().contains("/staff/agency"));
        browser.waitForVaadin();
        // staff see full officer names
        assertThat(browser.mainText()).contains("示例市公安局交通管理支队").contains("胡一鸣");

        browser.open("/staff/agency/sample-market-regulation");
        String text = browser.mainText();
        assertThat(text).contains("没有找到这个执法主体，或者您无权查看").doesNotContain("示例市市场监督管理局");

        // administration is not reachable for an officer
        browser.open("/admin/users");
        assertThat(browser.mainText()).contains("没有找到这个页面").doesNotContain("创建账号");
        browser.open("/admin/account-log");
        assertThat(browser.mainText()).contains("没有找到这个页面").doesNotContain("账号日志");

        // signing in and out is in the account log, with the browser's address
        browser.open("/staff");
        browser.find(By.id("logout")).click();
        browser.until(d -> !d.findElement(By.cssSelector("header")).getText().contains("officer-browser"));
        SecurityContextHolder.setContext(new org.springframework.security.core.context.SecurityContextImpl(
                new UsernamePasswordAuthenticationToken("test-admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))));
        try {
            List<cn.gov.enforcement.portal.account.AccountLogEntry> entries = log.entries("officer-browser", null);
            // newest first: this run's entries down to the set-up (created, or reset when an earlier run against the
            // same database created the account), then that earlier run's, down to the creation
            List<cn.gov.enforcement.portal.account.AccountAction> actions = entries.stream()
                    .map(cn.gov.enforcement.portal.account.AccountLogEntry::action).toList();
            assertThat(actions.subList(0, Math.min(4, actions.size()))).containsExactly(
                    cn.gov.enforcement.portal.account.AccountAction.SIGNED_OUT,
                    cn.gov.enforcement.portal.account.AccountAction.PASSWORD_CHANGED,
                    cn.gov.enforcement.portal.account.AccountAction.SIGNED_IN,
                    actions.size() == 4 ? cn.gov.enforcement.portal.account.AccountAction.CREATED
                            : cn.gov.enforcement.portal.account.AccountAction.PASSWORD_RESET);
            assertThat(actions).last().isEqualTo(cn.gov.enforcement.portal.account.AccountAction.CREATED);
            assertThat(entries.get(2).clientAddress()).isNotBlank();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void an_administrator_backs_up_from_the_page_and_the_page_follows_the_run_to_its_end() {
        SecurityContextHolder.setContext(new org.springframework.security.core.context.SecurityContextImpl(
                new UsernamePasswordAuthenticationToken("test-admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))));
        String initial;
        try {
            initial = StaffAccounts.createOrReset(accounts, new AccountService.NewUser("admin-browser-backup", "测试管理员",
                    Role.ADMIN, null));
        } finally {
            SecurityContextHolder.clearContext();
        }
        signIn("admin-browser-backup", ownPassword("admin-browser-backup", initial));
        browser.open("/admin/backups");
        assertThat(browser.mainText()).contains("数据备份", "不包含：调解加密密钥");
        browser.find(By.id("backup-now")).click();
        // the page polls while the run goes on and shows the outcome without a reload
        browser.until(d -> d.findElement(By.id("backup-status")).getText().startsWith("备份完成：portal-backup-"));
        assertThat(browser.find(By.id("backup-list")).getText()).contains("portal-backup-");
    }

    @Test
    void disabling_an_account_ends_its_open_session() throws Exception {
        String initial = createOfficer("officer-disabled-later", "sample-urban-management");
        signIn("officer-disabled-later", ownPassword("officer-disabled-later", initial));
        browser.open("/staff");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/staff");
        SecurityContextHolder.setContext(new org.springframework.security.core.context.SecurityContextImpl(
                new UsernamePasswordAuthenticationToken("test-admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))));
        try {
            long id = accounts.list().stream().filter(u -> u.username().equals("officer-disabled-later")).findFirst()
                    .orElseThrow().id();
            accounts.setEnabled(id, false);
        } finally {
            SecurityContextHolder.clearContext();
        }
        // the session's account is looked up again at most every ten seconds
        Thread.sleep(10_500);
        // a click in the page already open: its request finds the session ended, the page reloads to the sign-in,
        // which says why
        browser.find(By.cssSelector("#portal-nav-staff a[href*='staff/mediation']")).click();
        browser.until(d -> d.getCurrentUrl().contains("/login"));
        assertThat(browser.find(By.id("login-disabled")).getText()).contains("您的账号已被停用");
        browser.open("/staff");
        browser.until(d -> d.getCurrentUrl().contains("/login"));
        assertThat(browser.find(By.cssSelector("header")).getText()).doesNotContain("officer-disabled-later");
        SecurityContextHolder.setContext(new org.springframework.security.core.context.SecurityContextImpl(
                new UsernamePasswordAuthenticationToken("test-admin", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))));
        try {
            assertThat(log.entries("officer-disabled-later", null).get(0)).satisfies(e -> {
                assertThat(e.action()).isEqualTo(cn.gov.enforcement.portal.account.AccountAction.SESSION_ENDED);
                assertThat(e.detail()).isEqualTo("disabled");
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void a_wrong_password_keeps_the_user_on_the_login_page_with_a_clear_message() {
        browser.open("/login");
        browser.find(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys("nobody-here");
        browser.find(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("wrong-password");
        browser.find(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        browser.until(d -> d.getCurrentUrl().contains("error"));
        browser.waitForVaadin();
        WebElement form = browser.find(By.tagName("vaadin-login-form"));
        assertThat(form.getText()).contains("用户名或密码不正确");
        // the name typed stays, so that only the password is typed again
        browser.until(d -> "nobody-here".equals(d.findElement(By.cssSelector("vaadin-login-form input[name='username']"))
                .getDomProperty("value")));
    }

    @Test
    void the_show_password_buttons_are_named_in_the_pages_language() {
        // Vaadin names them Show password in every language; a screen reader read that out on Chinese pages
        String[][] pages = {{"/login", "显示密码"}, {"/login?lang=zh-TW", "顯示密碼"}, {"/login?lang=en", "Show password"},
            // access code fields show an access code, not a password
            {"/mediation/track?lang=zh-CN", "显示查询码"}, {"/mediation/track?lang=en", "Show access code"},
            {"/guidance?lang=zh-TW", "顯示查詢碼"}};
        for (String[] page : pages) {
            browser.open(page[0]);
            browser.find(By.tagName("vaadin-password-field"));
            browser.until(d -> page[1].equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "const b = document.querySelector('vaadin-password-field-button');"
                    + " return b && b.getAttribute('aria-label');")));
            assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "return [...document.querySelectorAll('vaadin-password-field-button')]"
                    + ".map(b => b.getAttribute('aria-label'))")).as(page[0]).asList().containsOnly(page[1]);
        }
    }
}
