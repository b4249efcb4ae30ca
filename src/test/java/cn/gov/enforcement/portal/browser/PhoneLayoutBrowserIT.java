package cn.gov.enforcement.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.account.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/** Pages on a 390 px phone: nothing wider than the screen, field labels read whole instead of cut. */
class PhoneLayoutBrowserIT extends BrowserTest {

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @AfterEach
    void wideAgain() {
        browser.resize(1280, 900);
    }

    /** Created once for the class: the tests share the Spring context and its database. */
    private static String administratorPassword;

    /** Signs in as an administrator of this class's own (created on first use, with a password of its own). */
    private void signInAsAdministrator() {
        if (administratorPassword == null) {
            administratorPassword = newStaff("admin-phone-layout", "测试管理员", Role.ADMIN, null);
        }
        browser.resize(1280, 900);
        signIn("admin-phone-layout", administratorPassword);
    }

    private static String officerPassword;

    /** Signs in as an officer of the market regulation agency, this class's own (created on first use). */
    private void signInAsOfficer() {
        if (officerPassword == null) {
            officerPassword = newStaff("officer-phone-layout", "测试执法员", Role.OFFICER, "sample-market-regulation");
        }
        browser.resize(1280, 900);
        signIn("officer-phone-layout", officerPassword);
    }

    @Test
    void the_guidance_form_and_the_letters_form_show_every_label_whole_with_room_between_the_fields() {
        signInAsOfficer();
        for (int width : new int[] {390, 1280}) {
            browser.resize(width, 900);
            // side by side on a wide window, a field's width apart; stacked on a phone, not overlapping
            int room = width > 900 ? 8 : 0;
            for (String lang : new String[] {"en", "zh-TW"}) {
                browser.open("/staff/guidance/new?lang=" + lang);
                browser.find(By.id("guidance-issue"));
                // the language select and the two date pickers were 12em wide, their English labels cut (Language of
                // the e-mail…, Suggested date to repl…); the fields of a row touched each other
                for (String id : new String[] {"guidance-kind", "guidance-party", "guidance-email", "guidance-language",
                        "guidance-respond-by", "guidance-visit-due"}) {
                    assertThat(labelCut(id)).as("label of " + id + " cut by px, " + width + " px, " + lang)
                            .isLessThanOrEqualTo(0);
                }
                assertThat(overflow()).as("horizontal overflow in px, " + width + " px, " + lang).isLessThanOrEqualTo(0);
                assertThat(gapBetween("guidance-party", "guidance-email")).as("room between party and e-mail, " + width)
                        .isGreaterThanOrEqualTo(room);
                assertThat(gapBetween("guidance-respond-by", "guidance-visit-due")).as("room between the dates, " + width)
                        .isGreaterThanOrEqualTo(room);

                browser.open("/staff/mediation/letters?lang=" + lang);
                browser.find(By.id("mediation-letter-send"));
                for (String id : new String[] {"mediation-letter-situation", "mediation-letter-category",
                        "mediation-letter-party", "mediation-letter-email", "mediation-letter-language"}) {
                    assertThat(labelCut(id)).as("label of " + id + " cut by px, " + width + " px, " + lang)
                            .isLessThanOrEqualTo(0);
                }
                assertThat(overflow()).as("horizontal overflow in px, " + width + " px, " + lang).isLessThanOrEqualTo(0);
                assertThat(gapBetween("mediation-letter-situation", "mediation-letter-category"))
                        .as("room between situation and kind of dispute, " + width).isGreaterThanOrEqualTo(room);
                assertThat(gapBetween("mediation-letter-party", "mediation-letter-email"))
                        .as("room between party and e-mail, " + width).isGreaterThanOrEqualTo(room);
            }
        }
    }

    @Test
    void signed_in_on_a_phone_the_header_keeps_to_two_rows_and_the_account_links_unfold_with_the_menu() {
        signInAsOfficer();
        browser.resize(390, 844);
        for (String lang : new String[] {"en", "zh-CN", "zh-TW"}) {
            browser.open("/staff?lang=" + lang);
            browser.find(By.id("portal-nav-toggle"));
            // the name, the language switch and the menu button: 236 px of the screen in English, in five rows, when
            // the account's name and links were wrapped in the header
            double folded = headerHeight();
            assertThat(folded).as("header's height folded, " + lang).isLessThanOrEqualTo(120);
            assertThat(browser.find(By.id("logout")).isDisplayed()).as("sign-out folded, " + lang).isFalse();
            browser.find(By.id("portal-nav-toggle")).click();
            browser.waitForVaadin();
            // unfolded, every function of the header is on the screen, none cut off
            for (String id : new String[] {"staff-agency-link", "logout", "language-switch", "portal-nav"}) {
                assertThat(browser.find(By.id(id)).isDisplayed()).as(id + " unfolded, " + lang).isTrue();
                assertThat(rightEdge(id)).as("right edge of " + id + ", " + lang).isLessThanOrEqualTo(screenWidth());
            }
            assertThat((String) js("return document.querySelector('#portal-account a[href=\"account/password\"]')"
                    + ".getBoundingClientRect().width > 0 ? 'shown' : 'hidden'")).as("password link, " + lang)
                    .isEqualTo("shown");
            assertThat(overflow()).as("horizontal overflow in px, unfolded, " + lang).isLessThanOrEqualTo(0);
        }
        // a wide window shows the account's links in the header as before, in one row with the switch
        browser.resize(1280, 900);
        browser.open("/staff?lang=en");
        assertThat(browser.find(By.id("logout")).isDisplayed()).isTrue();
        assertThat(headerHeight()).as("header's height at 1280 px").isLessThanOrEqualTo(80);
    }

    private double headerHeight() {
        return ((Number) js("return document.querySelector('.portal-header').getBoundingClientRect().height"))
                .doubleValue();
    }

    @Autowired
    cn.gov.enforcement.portal.mediation.MediationService mediation;

    @Autowired
    cn.gov.enforcement.portal.mediation.MediationBackOffice mediationBackOffice;

    @Autowired
    cn.gov.enforcement.portal.account.PortalUserDetailsService users;

    @Test
    void on_a_phone_the_mediation_sessions_date_and_time_fit_the_screen() {
        signInAsOfficer();
        String number = mediation.submit(cn.gov.enforcement.portal.mediation.MediationTestSupport.application(
                cn.gov.enforcement.portal.mediation.DisputeCategory.CONSUMER, null), java.util.Locale.SIMPLIFIED_CHINESE)
                .caseNumber();
        org.springframework.security.core.userdetails.UserDetails officer = users.loadUserByUsername("officer-phone-layout");
        SecurityContextHolder.setContext(new SecurityContextImpl(new UsernamePasswordAuthenticationToken(officer, null,
                officer.getAuthorities())));
        try {
            mediationBackOffice.accept(number, null);
            mediationBackOffice.inviteOtherParty(number, null);
            mediationBackOffice.otherPartyAgreed(number, null);
        } finally {
            SecurityContextHolder.clearContext();
        }
        for (int width : new int[] {390, 320}) {
            browser.resize(width, 844);
            for (String lang : new String[] {"en", "zh-CN"}) {
                browser.open("/staff/mediation/case/" + number + "?lang=" + lang);
                browser.find(By.id("mediation-session-at"));
                // the date and the time field, 12em each side by side, ran 19 px past a 390 px screen
                assertThat(overflow()).as("horizontal overflow in px, " + width + " px, " + lang).isLessThanOrEqualTo(0);
                Number right = (Number) js("return document.querySelector('#mediation-session-at > [slot=time-picker]')"
                        + ".getBoundingClientRect().right");
                assertThat(right.doubleValue()).as("right edge of the time field, " + width + " px, " + lang)
                        .isLessThanOrEqualTo(screenWidth());
            }
        }
    }

    @Test
    void the_follow_up_visit_outcome_of_a_guidance_shows_its_label_whole() {
        signInAsOfficer();
        browser.open("/staff/guidance/new");
        browser.choose("guidance-kind", "提示");
        browser.type("guidance-certificates", "sj-990100-2021-0003");
        browser.type("guidance-party", "某某烘焙坊");
        browser.type("guidance-subject", "散装食品标签");
        browser.type("guidance-findings", "店内散装面包没有标明生产日期和保质期。");
        browser.type("guidance-advice", "请在散装食品的容器或外包装上标明名称、生产日期和保质期。");
        browser.find(By.id("guidance-issue")).click();
        browser.waitForVaadin();
        String number = browser.find(By.cssSelector(".guidance-compose-view")).getDomAttribute("data-issued");
        assertThat(number).startsWith("ZD-");
        for (int width : new int[] {1280, 390}) {
            browser.resize(width, 900);
            for (String lang : new String[] {"en", "zh-TW"}) {
                browser.open("/staff/guidance/document/" + number + "?lang=" + lang);
                browser.find(By.id("guidance-visit-outcome"));
                // a select's label cannot wrap: at 12em the English one was cut (Outcome of the follow-…)
                assertThat(labelCut("guidance-visit-outcome")).as("label cut by px, " + width + " px, " + lang)
                        .isLessThanOrEqualTo(0);
                assertThat(overflow()).as("horizontal overflow in px, " + width + " px, " + lang).isLessThanOrEqualTo(0);
            }
        }
    }

    /**
     * The room between two fields of a row: horizontal when the second stands beside the first, vertical when it
     * stands below (on a phone).
     */
    private double gapBetween(String first, String second) {
        @SuppressWarnings("unchecked")
        List<Number> r = (List<Number>) js("const a = document.getElementById(arguments[0]).getBoundingClientRect();"
                + " const b = document.getElementById(arguments[1]).getBoundingClientRect();"
                + " return [a.right, a.bottom, b.left, b.top]", first, second);
        boolean beside = r.get(2).doubleValue() >= r.get(0).doubleValue() - 1;
        return beside ? r.get(2).doubleValue() - r.get(0).doubleValue() : r.get(3).doubleValue() - r.get(1).doubleValue();
    }

    @Test
    void the_mediation_statistics_fit_a_phone_with_the_show_button_on_screen() {
        signInAsAdministrator();
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
    void on_a_phone_the_mail_outbox_is_one_column_of_cards_without_scrolling_sideways() {
        signInAsAdministrator();
        browser.resize(390, 844);
        for (String[] lang : new String[][] {{"zh-CN", "邮件"}, {"en", "Message"}}) {
            browser.open("/admin/outbox?lang=" + lang[0]);
            browser.find(By.id("outbox-grid"));
            browser.until(d -> headers("outbox-grid").equals(List.of(lang[1])));
            assertThat(overflow()).as("horizontal overflow of the page in px, " + lang[0]).isLessThanOrEqualTo(0);
            assertThat(gridOverflow("outbox-grid")).as("sideways scrolling inside the grid in px, " + lang[0])
                    .isLessThanOrEqualTo(0);
        }
        browser.resize(1280, 900);
        browser.until(d -> headers("outbox-grid").size() == 8);
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

    @Test
    void on_an_english_phone_page_the_mediation_wizards_buttons_wrap_instead_of_widening_the_page() {
        browser.resize(390, 844);
        browser.open("/mediation/apply?lang=en");
        browser.find(By.xpath("//*[@id='mediation-category']//vaadin-radio-button[contains(normalize-space(.),"
                + " 'Consumer complaint')]")).findElement(By.tagName("input")).click();
        browser.waitForVaadin();
        browser.find(By.id("mediation-next")).click();
        browser.waitForVaadin();
        // from the second step on: Back, Next and Save and continue later side by side were 398 px wide
        browser.until(d -> d.findElement(By.id("mediation-step-title")).getText().startsWith("Step 2 of"));
        assertThat(overflow()).as("horizontal overflow in px of the wizard's second step").isLessThanOrEqualTo(0);
        for (String button : new String[] {"mediation-back", "mediation-next", "mediation-save-draft"}) {
            assertThat(rightEdge(button)).as("right edge of " + button).isLessThanOrEqualTo(screenWidth());
        }
    }

    @Test
    void on_a_phone_the_self_check_s_sector_summary_and_report_buttons_wrap_instead_of_widening_the_page() {
        browser.resize(390, 844);
        for (String lang : new String[] {"zh-CN", "en"}) {
            browser.open("/self-check?sector=餐饮服务&sector=食品销售&sector=商品零售&lang=" + lang);
            browser.find(By.id("selfcheck-sectors-details"));
            browser.waitForVaadin();
            assertThat(overflow()).as("horizontal overflow in px of the checklist, " + lang).isLessThanOrEqualTo(0);
            Number right = (Number) js("return document.querySelector('#selfcheck-sectors-details vaadin-details-summary')"
                    + ".getBoundingClientRect().right");
            Number width = (Number) js("return document.documentElement.clientWidth");
            assertThat(right.doubleValue()).as("right edge of the sectors' summary, " + lang)
                    .isLessThanOrEqualTo(width.doubleValue());

            browser.open("/self-check?sector=商品零售&a=mr-rp-price-tag.N&report=1&lang=" + lang);
            browser.find(By.id("selfcheck-report-summary"));
            browser.waitForVaadin();
            assertThat(overflow()).as("horizontal overflow in px of the report, " + lang).isLessThanOrEqualTo(0);
            Number restart = (Number) js("return document.getElementById('selfcheck-restart').getBoundingClientRect().right");
            assertThat(restart.doubleValue()).as("right edge of the restart link, " + lang)
                    .isLessThanOrEqualTo(width.doubleValue());
        }
    }

    @Test
    void on_a_phone_the_user_management_shows_each_account_and_its_buttons_without_scrolling_sideways() {
        signInAsAdministrator();
        browser.resize(390, 844);
        String[][] languages = {{"zh-CN", "管理员", "启用", "修改", "重置密码", "停用", "日志"},
            {"en", "Administrator", "Active", "Edit", "Reset password", "Disable", "Log"}};
        for (String[] lang : languages) {
            browser.open("/admin/users?lang=" + lang[0]);
            browser.find(By.id("users-grid"));
            browser.until(d -> rowOnScreen("users-grid", "admin-phone-layout") != null);
            assertThat(overflow()).as("horizontal overflow of the page in px, " + lang[0]).isLessThanOrEqualTo(0);
            assertThat(gridOverflow("users-grid")).as("sideways scrolling inside the grid in px, " + lang[0])
                    .isLessThanOrEqualTo(0);
            for (String id : new String[] {"users-find", "users-agency-filter", "users-idle", "create-user"}) {
                assertThat(rightEdge(id)).as("right edge of " + id + ", " + lang[0]).isLessThanOrEqualTo(screenWidth());
            }
            // who the account is, what it may do and its state, and every button of its row, on the screen
            Map<String, Object> row = rowOnScreen("users-grid", "admin-phone-layout");
            assertThat((String) row.get("text")).as("what the row shows on the screen, " + lang[0])
                    .contains("admin-phone-layout", "测试管理员", lang[1], lang[2], lang[3], lang[4], lang[5], lang[6]);
            assertThat(((Number) row.get("offScreen")).intValue()).as("buttons and links of the row off the screen, "
                    + lang[0]).isZero();
        }
        // the row's edit button opens the dialog for that account
        browser.find(By.xpath("//vaadin-grid-cell-content[contains(., 'admin-phone-layout')]//vaadin-button[contains(@class,"
                + " 'edit-user')]")).click();
        assertThat(browser.find(By.id("edit-user-dialog")).getAttribute("opened")).isNotNull();
        assertThat(browser.find(By.id("edit-user-name")).isDisplayed()).isTrue();
        assertThat(((Number) js("return document.getElementById('edit-user-save').getBoundingClientRect().right"))
                .doubleValue()).as("right edge of the dialog's save button").isLessThanOrEqualTo(screenWidth());

        // a window widened past 900 px (a tablet turned sideways) gets the columns of the desktop layout, as before
        browser.open("/admin/users?lang=en");
        browser.until(d -> rowOnScreen("users-grid", "admin-phone-layout") != null);
        browser.resize(1280, 900);
        browser.until(d -> headers("users-grid").size() > 1);
        assertThat(headers("users-grid")).containsExactly("User name", "Name", "Role", "Agency", "Last sign-in", "Status",
                "Actions");
        assertThat(gridOverflow("users-grid")).as("sideways scrolling inside the wide grid in px").isLessThanOrEqualTo(0);
        // the narrowest wide window (the navigation unfolds from 901 px): every column still fits, in both languages
        browser.resize(901, 900);
        for (String lang : new String[] {"en", "zh-CN"}) {
            browser.open("/admin/users?lang=" + lang);
            browser.until(d -> headers("users-grid").size() > 1);
            assertThat(overflow()).as("horizontal overflow of the page in px at 901 px, " + lang).isLessThanOrEqualTo(0);
            assertThat(gridOverflow("users-grid")).as("sideways scrolling inside the grid in px at 901 px, " + lang)
                    .isLessThanOrEqualTo(0);
        }
    }

    @Test
    void on_a_phone_the_account_log_shows_when_who_and_what_without_scrolling_sideways() {
        signInAsAdministrator();
        browser.resize(390, 844);
        for (String[] lang : new String[][] {{"zh-CN", "登录成功"}, {"en", "Signed in"}}) {
            browser.open("/admin/account-log?user=admin-phone-layout&lang=" + lang[0]);
            browser.find(By.id("account-log"));
            browser.until(d -> rowOnScreen("account-log", lang[1]) != null);
            assertThat(overflow()).as("horizontal overflow of the page in px, " + lang[0]).isLessThanOrEqualTo(0);
            assertThat(gridOverflow("account-log")).as("sideways scrolling inside the grid in px, " + lang[0])
                    .isLessThanOrEqualTo(0);
            for (String id : new String[] {"account-log-user", "account-log-action", "account-log-show"}) {
                assertThat(rightEdge(id)).as("right edge of " + id + ", " + lang[0]).isLessThanOrEqualTo(screenWidth());
            }
            String text = (String) rowOnScreen("account-log", lang[1]).get("text");
            assertThat(text).as("what a sign-in's row shows on the screen, " + lang[0])
                    .contains("admin-phone-layout", lang[1]).containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        }

        browser.resize(1280, 900);
        browser.open("/admin/account-log?user=admin-phone-layout&lang=en");
        browser.until(d -> rowOnScreen("account-log", "Signed in") != null);
        assertThat(headers("account-log")).containsExactly("Time", "Event", "User name", "By", "Client address", "Details");

        // the longest events of the log: their column wraps them instead of widening the grid past the window
        for (String action : new String[] {"INITIAL_ADMIN_CREATED", "SIGN_IN_BLOCKED", "SIGN_IN_UNLOCKED"}) {
            jdbc.update("insert into account_event (occurred_at, action, username, username_key, actor, client_address,"
                    + " detail) values (now(), ?, 'admin-phone-layout', 'admin-phone-layout', 'admin-phone-layout',"
                    + " '203.0.113.200', null)", action);
        }
        browser.open("/admin/account-log?user=admin-phone-layout&lang=en");
        browser.until(d -> rowOnScreen("account-log", "First administrator created") != null);
        assertThat(overflow()).as("horizontal overflow of the page in px at 1280 px").isLessThanOrEqualTo(0);
        assertThat(gridOverflow("account-log")).as("sideways scrolling inside the grid in px at 1280 px")
                .isLessThanOrEqualTo(0);
        assertThat((String) rowOnScreen("account-log", "First administrator created").get("text"))
                .as("the whole row on the screen").contains("203.0.113.200");
    }

    /**
     * The row of a grid whose cells contain {@code text}: the text of its cells that lie wholly on the screen and inside
     * the grid, and how many of its buttons and links do not; null while no row holds the text.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> rowOnScreen(String gridId, String text) {
        return (Map<String, Object>) js("""
                const grid = document.getElementById(arguments[0]);
                if (!grid) { return null; }
                const screen = document.documentElement.clientWidth;
                const box = grid.getBoundingClientRect();
                const left = Math.max(0, box.left) - 1, right = Math.min(screen, box.right) + 1;
                const inside = e => { const r = e.getBoundingClientRect();
                  return r.width > 0 && r.left >= left && r.right <= right; };
                const rows = new Map();
                for (const cell of grid.querySelectorAll('vaadin-grid-cell-content')) {
                  const td = cell.assignedSlot && cell.assignedSlot.parentElement;
                  if (!td || !td.parentElement || td.parentElement.parentElement.localName !== 'tbody') { continue; }
                  const tr = td.parentElement;
                  if (!rows.has(tr)) { rows.set(tr, []); }
                  rows.get(tr).push(cell);
                }
                for (const cells of rows.values()) {
                  if (!cells.some(c => c.textContent.includes(arguments[1]))) { continue; }
                  const shown = cells.filter(inside);
                  const controls = cells.filter(c => c.getBoundingClientRect().width > 0)
                      .flatMap(c => [...c.querySelectorAll('vaadin-button, a')]);
                  return { text: shown.map(c => c.innerText).join(' | '),
                           offScreen: controls.filter(b => !inside(b)).length };
                }
                return null;""", gridId, text);
    }

    /** How many pixels the grid's rows scroll sideways inside it. */
    private int gridOverflow(String gridId) {
        return ((Number) js("const t = document.getElementById(arguments[0]).shadowRoot.getElementById('table');"
                + " return t.scrollWidth - t.clientWidth", gridId)).intValue();
    }

    /** The texts of the grid's column headers that are shown, left to right. */
    @SuppressWarnings("unchecked")
    private List<String> headers(String gridId) {
        return (List<String>) js("""
                const grid = document.getElementById(arguments[0]);
                return [...grid.querySelectorAll('vaadin-grid-cell-content')]
                  .filter(c => { const td = c.assignedSlot && c.assignedSlot.parentElement;
                    return td && td.parentElement.parentElement.localName === 'thead' && td.getBoundingClientRect().width > 0; })
                  .sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left)
                  .map(c => c.innerText.trim());""", gridId);
    }

    private double rightEdge(String id) {
        return ((Number) js("return document.getElementById(arguments[0]).getBoundingClientRect().right", id)).doubleValue();
    }

    private double screenWidth() {
        return ((Number) js("return document.documentElement.clientWidth")).doubleValue();
    }

    /** How many pixels of a field's label are hidden (its label part's scroll width beyond its box). */
    private int labelCut(String id) {
        Number cut = (Number) js("const p = document.getElementById(arguments[0]).shadowRoot.querySelector('[part=label]');"
                + " return p.scrollWidth - p.clientWidth", id);
        return cut.intValue();
    }

    @Autowired
    cn.gov.enforcement.portal.rating.RatingService ratings;

    @Test
    void on_an_english_phone_page_the_rating_figures_scroll_in_their_own_box_instead_of_widening_the_page() {
        // a rating, so that the figures are a table (without one the page says there are none)
        ratings.submit(new cn.gov.enforcement.portal.rating.RatingInput("sample-market-regulation", null,
                ratings.today(), cn.gov.enforcement.portal.rating.Matter.INSPECTION,
                cn.gov.enforcement.portal.rating.Score.SATISFIED, null, false, null, null, null), java.util.Locale.ENGLISH,
                "198.51.100.61");
        for (int width : new int[] {390, 320}) {
            browser.resize(width, 844);
            browser.open("/rating?lang=en");
            browser.find(By.cssSelector("#rating-figures table"));
            // the five English headings made the table 525 px wide: the page scrolled 150 px sideways on a 390 px phone
            assertThat(overflow()).as("horizontal overflow of the page in px at " + width).isLessThanOrEqualTo(0);
            assertThat(rightEdge("rating-figures-scroll")).as("right edge of the figures' box at " + width)
                    .isLessThanOrEqualTo(screenWidth());
            // what does not fit is reached by scrolling the box, with the keyboard too
            assertThat(js("return document.getElementById('rating-figures-scroll').getAttribute('tabindex')")).isEqualTo("0");
        }
    }

    @Test
    void on_a_phone_the_rating_forms_contact_fields_bring_up_the_phone_keypad_and_the_e_mail_keyboard() {
        browser.resize(390, 844);
        browser.open("/rating");
        browser.find(By.id("rating-contact-phone"));
        browser.waitForVaadin();
        // on the input element the phone's keyboard reads, not only on the Vaadin field around it
        String phone = "return document.querySelector('#rating-contact-phone > input')";
        String email = "return document.querySelector('#rating-contact-email > input')";
        browser.until(d -> "tel".equals(js(phone + ".getAttribute('inputmode')")));
        assertThat(js(phone + ".getAttribute('autocomplete')")).isEqualTo("tel");
        assertThat(js(email + ".getAttribute('inputmode')")).isEqualTo("email");
        assertThat(js(email + ".getAttribute('autocomplete')")).isEqualTo("email");
        assertThat(js("return document.querySelector('#rating-contact-name > input').getAttribute('autocomplete')"))
                .isEqualTo("name");
    }

    private int overflow() {
        return ((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
    }
}
