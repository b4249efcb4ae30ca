package cn.gov.enforcement.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.account.Role;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/** Pages on a 390 px phone: nothing wider than the screen, field labels read whole instead of cut. */
class PhoneLayoutBrowserIT extends BrowserTest {

    @Autowired
    AccountService accounts;

    @AfterEach
    void wideAgain() {
        browser.resize(1280, 900);
    }

    @Test
    void the_mediation_statistics_fit_a_phone_with_the_show_button_on_screen() {
        SecurityContextHolder.setContext(new SecurityContextImpl(new UsernamePasswordAuthenticationToken("test-admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))));
        String initial;
        try {
            initial = accounts.create(new AccountService.NewUser("admin-phone-layout", "测试管理员", Role.ADMIN, null))
                    .initialPassword();
        } finally {
            SecurityContextHolder.clearContext();
        }
        String password = ownPassword("admin-phone-layout", initial);
        browser.open("/login");
        browser.find(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys("admin-phone-layout");
        browser.find(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password);
        browser.find(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        browser.until(d -> !d.getCurrentUrl().contains("/login"));
        browser.waitForVaadin();

        browser.resize(390, 844);
        for (String lang : new String[] {"zh-CN", "en"}) {
            browser.open("/staff/mediation/statistics?lang=" + lang);
            browser.find(By.id("mediation-stats-grid"));
            assertThat(overflow()).as("horizontal overflow in px, " + lang).isLessThanOrEqualTo(0);
            Number right = (Number) js("return document.getElementById('mediation-stats-show').getBoundingClientRect().right");
            Number to = (Number) js("return document.getElementById('mediation-stats-to').getBoundingClientRect().right");
            Number width = (Number) js("return document.documentElement.clientWidth");
            assertThat(right.doubleValue()).as("right edge of the show button, " + lang).isLessThanOrEqualTo(width.doubleValue());
            assertThat(to.doubleValue()).as("right edge of the second date, " + lang).isLessThanOrEqualTo(width.doubleValue());
        }
    }

    @Test
    void on_an_english_phone_page_the_question_box_label_and_its_example_are_read_whole() {
        browser.resize(390, 844);
        browser.open("/?lang=en");
        assertThat(overflow()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
        assertThat(labelCut("home-question")).as("label cut by px").isLessThanOrEqualTo(0);
        // the example is the helper text under the box, which wraps, not a placeholder cut at the box's width
        assertThat(browser.find(By.cssSelector("#home-question [slot='helper']")).getText())
                .isEqualTo("For example: will I be fined the first time for not displaying my business licence?");
        Number helperCut = (Number) js("const h = document.querySelector('#home-question [slot=helper]');"
                + " return h.scrollWidth - h.clientWidth");
        assertThat(helperCut.intValue()).isLessThanOrEqualTo(0);
    }

    @Test
    void on_an_english_phone_page_the_agency_names_of_the_self_check_sectors_are_read_whole() {
        browser.resize(390, 844);
        browser.open("/self-check?lang=en");
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) js("return [...document.querySelectorAll('vaadin-checkbox-group[id^=selfcheck-sectors-]')]"
                + ".map(g => g.id)");
        assertThat(ids).isNotEmpty();
        for (String id : ids) {
            assertThat(labelCut(id)).as("label of " + id + " cut by px").isLessThanOrEqualTo(0);
        }
        assertThat(overflow()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
    }

    /** How many pixels of a field's label are hidden (its label part's scroll width beyond its box). */
    private int labelCut(String id) {
        Number cut = (Number) js("const p = document.getElementById(arguments[0]).shadowRoot.querySelector('[part=label]');"
                + " return p.scrollWidth - p.clientWidth", id);
        return cut.intValue();
    }

    private int overflow() {
        return ((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
    }
}
