package cn.gov.enforcement.portal.account;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.KaribuViewTest;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/** The staff member's own page: the notification address is checked on the server and what was typed is kept. */
class AccountViewsIT extends KaribuViewTest {

    @Autowired AccountService accounts;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired java.time.Clock clock;
    @Autowired PortalUserDetailsService users;
    @Autowired LoginThrottle throttle;

    @Test
    void an_officer_sets_a_notification_address_and_a_bad_one_is_refused_with_the_typing_kept() {
        actAsTestAdministrator();
        try {
            accounts.create(new AccountService.NewUser("officer-own-page", "调解员", Role.OFFICER, "sample-traffic-police"));
        } catch (ValidationFailure alreadyThere) {
            // created by an earlier run of this test
        }
        signIn(users.loadUserByUsername("officer-own-page"), "OFFICER");
        UI.getCurrent().navigate("account/password");
        assertThat(_get(com.vaadin.flow.component.html.H1.class).getText()).isEqualTo("我的账号");
        EmailField email = _get(EmailField.class, spec -> spec.withId("account-email"));
        assertThat(email.getValue()).isEmpty();

        _setValue(email, "tiaojie at jj");
        _click(_get(Button.class, spec -> spec.withId("account-email-save")));
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).contains("有效的电子邮箱地址");
        assertThat(email.getValue()).as("what was typed is kept").isEqualTo("tiaojie at jj");
        assertThat(accounts.ownEmail()).isEmpty();

        _setValue(email, "tiaojie@jj.sample.gov.cn");
        _click(_get(Button.class, spec -> spec.withId("account-email-save")));
        assertThat(email.isInvalid()).isFalse();
        assertThat(_get(Paragraph.class, spec -> spec.withId("account-email-result")).getText()).isEqualTo("通知邮箱已保存。");

        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("account/password");
        assertThat(_get(EmailField.class, spec -> spec.withId("account-email")).getValue()).isEqualTo("tiaojie@jj.sample.gov.cn");
    }

    @Test
    void an_administrator_edits_a_name_and_address_in_a_dialog_that_keeps_the_typing_on_a_refusal() {
        actAsTestAdministrator();
        try {
            accounts.create(new AccountService.NewUser("officer-edited", "孙示例", Role.OFFICER, "sample-traffic-police"));
        } catch (ValidationFailure alreadyThere) {
            accounts.list().stream().filter(u -> u.username().equals("officer-edited")).findFirst()
                    .ifPresent(u -> accounts.update(u.id(), "孙示例", null));
        }
        signIn(users.loadUserByUsername("admin"), "ADMIN");
        UI.getCurrent().navigate("admin/users");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<UserSummary> grid = _get(com.vaadin.flow.component.grid.Grid.class,
                spec -> spec.withId("users-grid"));
        int row = rowOf(grid, "officer-edited");
        Button edit = com.github.mvysny.kaributesting.v10.LocatorJ._find(
                com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid, row, "actions"), Button.class).get(0);
        assertThat(edit.getText()).isEqualTo("修改");
        _click(edit);

        com.vaadin.flow.component.textfield.TextField name = _get(com.vaadin.flow.component.textfield.TextField.class,
                spec -> spec.withId("edit-user-name"));
        EmailField email = _get(EmailField.class, spec -> spec.withId("edit-user-email"));
        assertThat(name.getValue()).isEqualTo("孙示例");
        _setValue(name, "孙示例（调解）");
        _setValue(email, "sun at jj");
        _click(_get(Button.class, spec -> spec.withId("edit-user-save")));
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).contains("有效的电子邮箱地址");
        assertThat(email.getValue()).as("what was typed is kept").isEqualTo("sun at jj");
        assertThat(name.getValue()).isEqualTo("孙示例（调解）");
        assertThat(accounts.notificationEmail("officer-edited")).isEmpty();

        _setValue(email, "sun@jj.sample.gov.cn");
        _click(_get(Button.class, spec -> spec.withId("edit-user-save")));
        assertThat(accounts.notificationEmail("officer-edited")).contains("sun@jj.sample.gov.cn");
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(grid, rowOf(grid, "officer-edited")))
                .contains("孙示例（调解）");
        _click(com.github.mvysny.kaributesting.v10.LocatorJ._find(com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(
                grid, rowOf(grid, "officer-edited"), "actions"), Button.class).get(0));
        assertThat(_get(EmailField.class, spec -> spec.withId("edit-user-email")).getValue())
                .as("the dialog shows the address").isEqualTo("sun@jj.sample.gov.cn");
    }

    @Test
    void resetting_a_password_and_disabling_an_account_ask_first_naming_the_account_and_say_what_was_done() {
        actAsTestAdministrator();
        long id = accounts.create(new AccountService.NewUser("officer-confirmed", "钱确认", Role.OFFICER,
                "sample-traffic-police")).user().id();
        com.vaadin.flow.component.grid.Grid<UserSummary> grid = usersFoundByAdministrator("officer-confirmed");
        String hash = jdbc.queryForObject("select password_hash from portal_user where id = ?", String.class, id);

        // 重置密码: a dialog names the account and says the old password stops working; cancelled, nothing changes
        _click(_get(actionsOf(grid), Button.class, spec -> spec.withClasses("reset-password")));
        com.vaadin.flow.component.confirmdialog.ConfirmDialog reset = _get(
                com.vaadin.flow.component.confirmdialog.ConfirmDialog.class, spec -> spec.withId("reset-password-confirm"));
        assertThat(com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt.getText(reset))
                .contains("钱确认（officer-confirmed）", "原密码立即失效");
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireCancel(reset);
        assertThat(jdbc.queryForObject("select password_hash from portal_user where id = ?", String.class, id))
                .as("not reset on one click").isEqualTo(hash);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(com.vaadin.flow.component.html.Span.class,
                spec -> spec.withId("one-time-password"))).isEmpty();
        _click(_get(actionsOf(grid), Button.class, spec -> spec.withClasses("reset-password")));
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(_get(
                com.vaadin.flow.component.confirmdialog.ConfirmDialog.class, spec -> spec.withId("reset-password-confirm")));
        assertThat(jdbc.queryForObject("select password_hash from portal_user where id = ?", String.class, id))
                .isNotEqualTo(hash);
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("one-time-password")).getText())
                .hasSizeGreaterThanOrEqualTo(16);

        // 停用: asked first (open sessions end), then said in a notification naming the account
        _click(_get(actionsOf(grid), Button.class, spec -> spec.withClasses("disable-user")));
        com.vaadin.flow.component.confirmdialog.ConfirmDialog disable = _get(
                com.vaadin.flow.component.confirmdialog.ConfirmDialog.class, spec -> spec.withId("disable-user-confirm"));
        assertThat(com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt.getText(disable))
                .contains("钱确认（officer-confirmed）", "会话随即结束");
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireCancel(disable);
        assertThat(accounts.list()).filteredOn(u -> u.id() == id).singleElement()
                .satisfies(u -> assertThat(u.enabled()).isTrue());
        _click(_get(actionsOf(grid), Button.class, spec -> spec.withClasses("disable-user")));
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(_get(
                com.vaadin.flow.component.confirmdialog.ConfirmDialog.class, spec -> spec.withId("disable-user-confirm")));
        assertThat(accounts.list()).filteredOn(u -> u.id() == id).singleElement()
                .satisfies(u -> assertThat(u.enabled()).isFalse());
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(
                "已停用 钱确认（officer-confirmed）的账号，其已打开的会话随即结束。");

        // 启用 takes nothing away: no question, and a notification
        _click(_get(actionsOf(grid), Button.class, spec -> spec.withClasses("enable-user")));
        assertThat(accounts.list()).filteredOn(u -> u.id() == id).singleElement()
                .satisfies(u -> assertThat(u.enabled()).isTrue());
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(
                "已启用 钱确认（officer-confirmed）的账号，可以重新登录。");
    }

    /** The administrator's user management, with the accounts the text finds. */
    private com.vaadin.flow.component.grid.Grid<UserSummary> usersFoundByAdministrator(String find) {
        signIn(users.loadUserByUsername("admin"), "ADMIN");
        UI.getCurrent().navigate("admin/users");
        _setValue(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("users-find")), find);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<UserSummary> grid = _get(com.vaadin.flow.component.grid.Grid.class,
                spec -> spec.withId("users-grid"));
        return grid;
    }

    /** The buttons of the grid's first row. */
    private static com.vaadin.flow.component.html.Div actionsOf(com.vaadin.flow.component.grid.Grid<UserSummary> grid) {
        return (com.vaadin.flow.component.html.Div) com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid, 0,
                "actions");
    }

    private static int rowOf(com.vaadin.flow.component.grid.Grid<UserSummary> grid, String username) {
        for (int i = 0; i < com.github.mvysny.kaributesting.v10.GridKt._size(grid); i++) {
            if (com.github.mvysny.kaributesting.v10.GridKt._get(grid, i).username().equals(username)) {
                return i;
            }
        }
        throw new AssertionError(username + " not in the grid");
    }

    @Test
    void on_a_narrow_window_the_users_are_cards_with_their_buttons_and_the_log_entries_blocks_until_it_widens() {
        actAsTestAdministrator();
        try {
            accounts.create(new AccountService.NewUser("officer-carded", "吴示例", Role.OFFICER, "sample-traffic-police"));
        } catch (ValidationFailure alreadyThere) {
            // created by an earlier run of this test
        }
        signIn(users.loadUserByUsername("admin"), "ADMIN");
        UI.getCurrent().navigate("admin/users");
        UsersView view = _get(UsersView.class);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<UserSummary> grid = _get(com.vaadin.flow.component.grid.Grid.class,
                spec -> spec.withId("users-grid"));
        List<String> wide = grid.getColumns().stream().map(com.vaadin.flow.component.grid.Grid.Column::getKey).toList();
        assertThat(wide).as("wide until the browser says otherwise").hasSize(7).contains("lastSignIn", "status", "actions");

        narrowWindow(view, true);
        assertThat(grid.getColumns()).extracting(com.vaadin.flow.component.grid.Grid.Column::getKey).containsExactly("account");
        com.vaadin.flow.component.Component card = com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid,
                rowOf(grid, "officer-carded"), "account");
        assertThat(card.getElement().getTextRecursively()).contains("吴示例", "officer-carded", "执法人员 · ",
                "最近登录：从未登录", "启用", "修改", "重置密码", "停用", "日志");
        _click(com.github.mvysny.kaributesting.v10.LocatorJ._find(card, Button.class).get(0));
        assertThat(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("edit-user-name"))
                .getValue()).as("the card's edit button opens its account").isEqualTo("吴示例");
        _get(com.vaadin.flow.component.dialog.Dialog.class, spec -> spec.withId("edit-user-dialog")).close();

        narrowWindow(view, false);
        assertThat(grid.getColumns()).extracting(com.vaadin.flow.component.grid.Grid.Column::getKey).isEqualTo(wide);

        UI.getCurrent().navigate("admin/account-log", com.vaadin.flow.router.QueryParameters.simple(
                java.util.Map.of("user", "officer-carded")));
        AccountLogView log = _get(AccountLogView.class);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<AccountLogEntry> entries = _get(com.vaadin.flow.component.grid.Grid.class,
                spec -> spec.withId("account-log"));
        narrowWindow(log, true);
        assertThat(entries.getColumns()).extracting(com.vaadin.flow.component.grid.Grid.Column::getKey).containsExactly("entry");
        int last = com.github.mvysny.kaributesting.v10.GridKt._size(entries) - 1;
        assertThat(String.join(" ", com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(entries, last)))
                .contains("创建账号", "officer-carded", "操作人：test-admin", "执法人员 · 示例市公安局交通管理支队")
                .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        narrowWindow(log, false);
        assertThat(entries.getColumns()).extracting(com.vaadin.flow.component.grid.Grid.Column::getKey)
                .containsExactly("at", "action", "username", "actor", "address", "detail");
    }

    /** What the browser tells a page following platform.NarrowWindow when the window crosses 900 px. */
    private static void narrowWindow(com.vaadin.flow.component.Component page, boolean narrow) {
        cn.gov.enforcement.portal.platform.NarrowWindowEvents.tell(page, narrow);
    }

    @Test
    void the_account_log_page_shows_an_accounts_entries_in_words_and_filters_them() {
        actAsTestAdministrator();
        var created = accounts.create(new AccountService.NewUser("officer-logged", "周示例", Role.OFFICER,
                "sample-market-regulation"));
        accounts.update(created.user().id(), "周示例改", "zhou@scjg.sample.gov.cn");
        signIn(users.loadUserByUsername("admin"), "ADMIN");
        UI.getCurrent().navigate("admin/users");
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("account-log-link")).getHref())
                .isEqualTo("admin/account-log");

        UI.getCurrent().navigate("admin/account-log", com.vaadin.flow.router.QueryParameters.simple(
                java.util.Map.of("user", "OFFICER-LOGGED")));
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<AccountLogEntry> grid = _get(com.vaadin.flow.component.grid.Grid.class,
                spec -> spec.withId("account-log"));
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(grid)).isEqualTo(2);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(grid, 0))
                .contains("修改账号", "officer-logged", "test-admin", "姓名、通知邮箱");
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(grid, 1))
                .contains("创建账号", "执法人员 · 示例市市场监督管理局");
        assertThat(_get(Paragraph.class, spec -> spec.withId("account-log-summary")).getText()).isEqualTo("共 2 条记录，最新的在前。");

        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<AccountAction> action = _get(com.vaadin.flow.component.select.Select.class,
                spec -> spec.withId("account-log-action"));
        action.setValue(AccountAction.DISABLED);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(grid)).isZero();
        assertThat(_get(Paragraph.class, spec -> spec.withId("account-log-summary")).getText()).isEqualTo("没有符合条件的记录。");

        signIn(users.loadUserByUsername("officer-logged"), "OFFICER");
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("admin/account-log");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> com.github.mvysny.kaributesting.v10.LocatorJ._find(
                AccountLogView.class)).as("officers do not open the log").hasMessageContaining("AccessDeniedException");
    }

    @Test
    void clearing_the_user_filter_of_the_account_log_shows_every_accounts_entries_again() {
        actAsTestAdministrator();
        try {
            accounts.create(new AccountService.NewUser("officer-log-cleared", "钱示例", Role.OFFICER, "sample-traffic-police"));
        } catch (ValidationFailure alreadyThere) {
            // created by an earlier run of this test
        }
        signIn(users.loadUserByUsername("admin"), "ADMIN");
        UI.getCurrent().navigate("admin/account-log", com.vaadin.flow.router.QueryParameters.simple(
                java.util.Map.of("user", "officer-log-cleared")));
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<AccountLogEntry> grid = _get(com.vaadin.flow.component.grid.Grid.class,
                spec -> spec.withId("account-log"));
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._findAll(grid)).extracting(AccountLogEntry::username)
                .containsOnly("officer-log-cleared");

        // the field's clear button: an empty value from the browser, no Enter and no button
        _setValue(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("account-log-user")), "");
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._findAll(grid)).extracting(AccountLogEntry::username)
                .contains("officer-log-cleared").anyMatch(name -> !"officer-log-cleared".equals(name));
    }

    @Test
    void the_account_pages_show_times_in_the_portals_time_zone() {
        actAsTestAdministrator();
        try {
            accounts.create(new AccountService.NewUser("officer-zoned", "郑示例", Role.OFFICER, "sample-traffic-police"));
        } catch (ValidationFailure alreadyThere) {
            // created by an earlier run of this test
        }
        // 20:00 UTC on New Year's Eve is 04:00 on New Year's Day in Beijing
        jdbc.update("update portal_user set last_sign_in_at = ? where username = 'officer-zoned'",
                java.time.OffsetDateTime.parse("2030-12-31T20:00:00Z"));
        signIn(users.loadUserByUsername("admin"), "ADMIN");
        java.time.Clock china = java.time.Clock.fixed(clock.instant(), java.time.ZoneId.of("Asia/Shanghai"));
        java.time.Clock utc = java.time.Clock.fixed(clock.instant(), java.time.ZoneOffset.UTC);

        UI.getCurrent().navigate("admin/users");
        assertThat(signInShown(_get(UsersView.class))).as("the page takes the clock's zone").isEqualTo(
                java.time.ZonedDateTime.parse("2030-12-31T20:00:00Z").withZoneSameInstant(clock.getZone())
                        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        assertThat(signInShown(new UsersView(accounts, china))).as("a portal on China time").isEqualTo("2031-01-01 04:00");
        assertThat(signInShown(new UsersView(accounts, utc))).as("a portal on UTC").isEqualTo("2030-12-31 20:00");

        AccountLogEntry created = context.getBean(AccountLog.class).entries("officer-zoned", null).get(0);
        AccountLogView log = new AccountLogView(context.getBean(AccountLog.class), accounts, utc);
        _setValue(_get(log, com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("account-log-user")),
                "officer-zoned");
        _click(_get(log, Button.class, spec -> spec.withId("account-log-show")));
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<AccountLogEntry> grid = _get(log, com.vaadin.flow.component.grid.Grid.class,
                spec -> spec.withId("account-log"));
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(grid, 0)).contains(
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneOffset.UTC)
                        .format(created.at()));
    }

    /** The last sign-in the users page shows for officer-zoned. */
    private static String signInShown(UsersView view) {
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<UserSummary> grid = _get(view, com.vaadin.flow.component.grid.Grid.class,
                spec -> spec.withId("users-grid"));
        return com.github.mvysny.kaributesting.v10.GridKt._getFormatted(grid, rowOf(grid, "officer-zoned"), "lastSignIn");
    }

    @Test
    void an_administrator_finds_accounts_by_name_and_agency() {
        actAsTestAdministrator();
        accounts.create(new AccountService.NewUser("officer-findable", "吴可寻", Role.OFFICER, "sample-traffic-police"));
        accounts.create(new AccountService.NewUser("editor-findable", "郑可寻", Role.EDITOR, "sample-market-regulation"));
        int total = accounts.list().size();
        signIn(users.loadUserByUsername("admin"), "ADMIN");
        UI.getCurrent().navigate("admin/users");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<UserSummary> grid = _get(com.vaadin.flow.component.grid.Grid.class,
                spec -> spec.withId("users-grid"));
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(grid)).isEqualTo(total);

        _setValue(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("users-find")), " 可寻 ");
        assertThat(rowsOf(grid)).containsExactlyInAnyOrder("officer-findable", "editor-findable");
        assertThat(_get(Paragraph.class, spec -> spec.withId("users-shown")).getText())
                .isEqualTo("显示 2 个账号（共 " + total + " 个）。");
        _setValue(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("users-find")), "FINDABLE");
        assertThat(rowsOf(grid)).containsExactlyInAnyOrder("officer-findable", "editor-findable");

        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.ComboBox<UsersView.AgencyChoice> agency = _get(
                com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withId("users-agency-filter"));
        agency.setValue(agency.getListDataView().getItems().filter(a -> a.id().equals("sample-market-regulation"))
                .findFirst().orElseThrow());
        assertThat(rowsOf(grid)).containsExactly("editor-findable");

        // accounts nobody has used for 90 days: the editor was created 200 days ago and never signed in
        jdbc.update("update portal_user set created_at = ? where username = 'editor-findable'",
                java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).minusDays(200));
        agency.clear();
        _setValue(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("users-find")), "findable");
        _setValue(_get(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withId("users-idle")), true);
        assertThat(rowsOf(grid)).as("the officer was created today").containsExactly("editor-findable");
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(grid, 0)).contains("从未登录");
    }

    @Test
    void an_administrator_sees_a_locked_sign_in_in_the_list_and_lifts_it() {
        actAsTestAdministrator();
        long id = accounts.create(new AccountService.NewUser("officer-lockable", "卫可锁", Role.OFFICER,
                "sample-traffic-police")).user().id();
        for (int i = 0; i < 5; i++) {
            throttle.begin("Officer-Lockable", "192.0.2.7" + i); // a wrong password each
        }
        com.vaadin.flow.component.grid.Grid<UserSummary> grid = usersFoundByAdministrator("officer-lockable");
        String until = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(clock.getZone()).format(clock.instant().plusSeconds(15 * 60));
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(grid, 0))
                .contains("启用 · 登录已锁定至 " + until);
        com.vaadin.flow.component.html.Div actions = (com.vaadin.flow.component.html.Div) com.github.mvysny.kaributesting
                .v10.GridKt._getCellComponent(grid, 0, "actions");
        Button unlock = _get(actions, Button.class, spec -> spec.withClasses("unlock-user"));
        _click(unlock);
        assertThat(accounts.signInLocks()).doesNotContainKey(id);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(grid, 0)).doesNotContain("锁定");
        actions = (com.vaadin.flow.component.html.Div) com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid,
                0, "actions");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(actions, Button.class,
                spec -> spec.withClasses("unlock-user"))).as("nothing left to lift").isEmpty();
    }

    private static List<String> rowsOf(com.vaadin.flow.component.grid.Grid<UserSummary> grid) {
        return java.util.stream.IntStream.range(0, com.github.mvysny.kaributesting.v10.GridKt._size(grid))
                .mapToObj(i -> com.github.mvysny.kaributesting.v10.GridKt._get(grid, i).username()).toList();
    }

    @Test
    void after_signing_in_with_an_initial_password_every_page_leads_to_choosing_a_new_one() {
        actAsTestAdministrator();
        String initial = accounts.create(new AccountService.NewUser("officer-first-time", "冯示例", Role.OFFICER,
                "sample-traffic-police")).initialPassword();
        var details = users.loadUserByUsername("officer-first-time");
        signIn(details, "OFFICER");
        // as the sign-in form does: the session's authentication carries the request's details
        UsernamePasswordAuthenticationToken formSignIn = UsernamePasswordAuthenticationToken.authenticated(details, null,
                details.getAuthorities());
        formSignIn.setDetails(new org.springframework.security.web.authentication.WebAuthenticationDetails("192.0.2.9", null));
        SecurityContextHolder.getContext().setAuthentication(formSignIn);

        UI.getCurrent().navigate("staff");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(PasswordView.class)).hasSize(1);
        assertThat(_get(Paragraph.class, spec -> spec.withId("password-required")).getText()).contains("只有您知道的新密码");
        UI.getCurrent().navigate("staff/mediation");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(PasswordView.class)).hasSize(1);

        _setValue(_get(com.vaadin.flow.component.textfield.PasswordField.class, spec -> spec.withId("password-current")), initial);
        _setValue(_get(com.vaadin.flow.component.textfield.PasswordField.class, spec -> spec.withId("password-new")),
                "feng-own-secret-7");
        _setValue(_get(com.vaadin.flow.component.textfield.PasswordField.class, spec -> spec.withId("password-repeat")),
                "feng-own-secret-7");
        _click(_get(Button.class, spec -> spec.withId("password-save")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("password-result")).getText()).contains("密码已修改");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Paragraph.class,
                spec -> spec.withId("password-required"))).as("the notice goes").isEmpty();

        UI.getCurrent().navigate("staff");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(cn.gov.enforcement.portal.workbench.StaffHomeView.class))
                .hasSize(1);

        // an anonymous visitor is never sent there, even if an account bears the anonymous token's name
        actAsTestAdministrator();
        try {
            accounts.create(new AccountService.NewUser("anonymousUser", "匿名同名", Role.OFFICER, "sample-traffic-police"));
        } catch (ValidationFailure alreadyThere) {
            // created by an earlier run of this test
        }
        var anonymous = new org.springframework.security.authentication.AnonymousAuthenticationToken("key", "anonymousUser",
                List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS")));
        anonymous.setDetails(new org.springframework.security.web.authentication.WebAuthenticationDetails("192.0.2.10", null));
        SecurityContextHolder.setContext(new SecurityContextImpl(anonymous));
        UI.getCurrent().navigate("regulations");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(
                cn.gov.enforcement.portal.regulation.RegulationSearchView.class)).hasSize(1);
    }

    /** The texts the sign-in form was given, as the browser receives them. */
    private static String i18nOf(com.vaadin.flow.component.login.LoginForm form) {
        Object i18n = form.getElement().getPropertyRaw("i18n");
        return i18n instanceof elemental.json.JsonValue json ? json.toJson() : String.valueOf(i18n);
    }

    private static com.vaadin.flow.component.login.LoginForm loginAfter(String parameter, SignInRefusal refusal) {
        com.vaadin.flow.server.VaadinSession.getCurrent().getSession().setAttribute(SignInRefusal.ATTRIBUTE, refusal);
        UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of(parameter, "")));
        return _get(com.vaadin.flow.component.login.LoginForm.class);
    }

    @Test
    void a_refused_sign_in_says_what_is_true_without_telling_whether_the_name_exists_and_keeps_the_name_typed() {
        // locked (the name or the address), whatever the name: how long, and who can lift it
        List<com.vaadin.flow.dom.Element> filled = cn.gov.enforcement.portal.testsupport.ScriptCalls.ranWith(
                "Somebody-Locked", () -> loginAfter("error", new SignInRefusal("Somebody-Locked",
                        SignInRefusal.Kind.LOCKED, 14)));
        var form = _get(com.vaadin.flow.component.login.LoginForm.class);
        assertThat(filled).as("the name typed is put back into the form").containsExactly(form.getElement());
        assertThat(form.isError()).isTrue();
        assertThat(i18nOf(form)).contains("登录尝试次数过多，请 14 分钟后再试，或请管理员解锁。")
                .doesNotContain("用户名或密码不正确");
        assertThat(com.vaadin.flow.server.VaadinSession.getCurrent().getSession().getAttribute(SignInRefusal.ATTRIBUTE))
                .as("told once").isNull();

        // a disabled account, to someone who typed its right password
        form = loginAfter("error", new SignInRefusal("officer-gone", SignInRefusal.Kind.DISABLED, 0));
        assertThat(i18nOf(form)).contains("账号已停用").doesNotContain("用户名或密码不正确");
        // a wrong name or password, and an error page opened without a refusal noted: the one generic answer
        form = loginAfter("error", new SignInRefusal("officer-x", SignInRefusal.Kind.WRONG, 0));
        assertThat(i18nOf(form)).contains("用户名或密码不正确");
        UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("error", "")));
        assertThat(i18nOf(_get(com.vaadin.flow.component.login.LoginForm.class))).contains("用户名或密码不正确");

        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        form = loginAfter("error", new SignInRefusal("somebody", SignInRefusal.Kind.LOCKED, 1));
        assertThat(i18nOf(form)).contains("Too many sign-in attempts. Try again in 1"
                + " minute, or ask an administrator to lift the lock.");
        // the client's address locked, whatever the name: no administrator can lift that
        form = loginAfter("error", new SignInRefusal("somebody", SignInRefusal.Kind.ADDRESS_LOCKED, 3));
        assertThat(i18nOf(form)).contains("Too many sign-in attempts from your network. Try again in 3 minutes.")
                .doesNotContain("administrator");
        UI.getCurrent().setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
        form = loginAfter("error", new SignInRefusal("somebody", SignInRefusal.Kind.ADDRESS_LOCKED, 3));
        assertThat(i18nOf(form)).contains("从您所在网络的登录尝试次数过多，请 3 分钟后再试。").doesNotContain("管理员");
    }

    @Test
    void a_session_the_portal_ended_reaches_the_sign_in_with_its_reason_in_the_readers_language() {
        String[][] expected = {
            {"zh-CN", "expired", "登录已超时，请重新登录。"},
            {"zh-TW", "expired", "登入已逾時，請重新登入。"},
            {"en", "expired", "Your sign-in timed out. Please sign in again."},
            {"zh-CN", "disabled", "您的账号已被停用"},
            {"zh-CN", "passwordChanged", "您的密码已更改"},
            {"en", "passwordChanged", "Your password was changed"},
        };
        for (String[] row : expected) {
            UI.getCurrent().setLocale(java.util.Locale.forLanguageTag(row[0]));
            UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of(row[1], "")));
            Paragraph notice = _get(Paragraph.class, spec -> spec.withId("login-disabled"));
            assertThat(notice.isVisible()).as(row[1]).isTrue();
            assertThat(notice.getText()).as(row[0] + " " + row[1]).startsWith(row[2]);
            assertThat(_get(com.vaadin.flow.component.login.LoginForm.class).isError()).isFalse();
        }
        UI.getCurrent().navigate("login");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Paragraph.class, spec -> spec.withId("login-disabled")))
                .as("no notice without a reason").isEmpty();
    }

    /** Service calls that follow are made by an administrator (no page is signed in). */
    private static void actAsTestAdministrator() {
        SecurityContextHolder.setContext(new SecurityContextImpl(new UsernamePasswordAuthenticationToken("test-admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN")))));
    }
}
