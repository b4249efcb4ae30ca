package cn.gov.enforcement.portal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.IntegrationTest;
import cn.gov.enforcement.portal.platform.ValidationFailure;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class AccountIT extends IntegrationTest {

    @Autowired
    AccountService accounts;

    @Autowired
    ThrottledAuthenticationProvider authentication;

    @Autowired
    CurrentUser currentUser;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void runAs(String name, String role) {
        SecurityContextHolder.setContext(new org.springframework.security.core.context.SecurityContextImpl(new UsernamePasswordAuthenticationToken(name, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role)))));
    }

    private Authentication signIn(String user, String password) {
        return authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
    }

    @Test
    void the_first_administrator_exists_after_start_and_a_second_start_creates_no_other() {
        runAs("admin", "ADMIN");
        assertThat(accounts.list()).filteredOn(u -> u.role() == Role.ADMIN).extracting(UserSummary::username).contains("admin");
        assertThat(accounts.ensureInitialAdministrator()).isEmpty();
        var second = accounts.create(new AccountService.NewUser("admin-two", "第二管理员", Role.ADMIN, "ignored"));
        assertThat(second.user().agencyId()).isNull();
        SecurityContextHolder.clearContext();
        Authentication auth = signIn("admin-two", second.initialPassword());
        assertThat(auth.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
    }

    @Test
    void only_administrators_manage_accounts() {
        assertThatThrownBy(() -> accounts.list()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        runAs("officer-x", "OFFICER");
        assertThatThrownBy(() -> accounts.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.create(new AccountService.NewUser("sneaky", "S", Role.ADMIN, null)))
                .isInstanceOf(AccessDeniedException.class);
        runAs("admin", "ADMIN");
        assertThat(accounts.list()).extracting(UserSummary::username).contains("admin");
    }

    @Test
    void an_officer_account_needs_a_real_agency_and_a_valid_user_name() {
        runAs("admin", "ADMIN");
        assertThatThrownBy(() -> accounts.create(new AccountService.NewUser("x", "", Role.OFFICER, null)))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems())
                        .extracting(ValidationFailure.FieldProblem::messageKey)
                        .containsExactlyInAnyOrder("account.error.username", "account.error.displayName",
                                "account.error.agencyRequired"));
        assertThatThrownBy(() -> accounts.create(
                        new AccountService.NewUser("officer-nowhere", "王某", Role.OFFICER, "no-such-agency")))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems())
                        .extracting(ValidationFailure.FieldProblem::messageKey)
                        .containsExactly("account.error.agencyUnknown"));
    }

    @Test
    void a_created_officer_signs_in_bound_to_the_agency_and_repeated_failures_are_throttled() {
        runAs("admin", "ADMIN");
        var created = accounts.create(new AccountService.NewUser("officer-throttle", "李示例", Role.OFFICER,
                "sample-market-regulation"));
        assertThat(created.initialPassword()).hasSizeGreaterThanOrEqualTo(16);
        assertThatThrownBy(() -> accounts.create(new AccountService.NewUser("OFFICER-THROTTLE", "重复", Role.OFFICER,
                "sample-market-regulation"))).isInstanceOf(ValidationFailure.class);
        SecurityContextHolder.clearContext();

        Authentication auth = signIn("officer-throttle", created.initialPassword());
        SecurityContextHolder.setContext(new org.springframework.security.core.context.SecurityContextImpl(auth));
        assertThat(currentUser.agencyId()).contains("sample-market-regulation");
        assertThat(currentUser.canAccessAgency("sample-market-regulation")).isTrue();
        assertThat(currentUser.canAccessAgency("sample-traffic-police")).isFalse();
        SecurityContextHolder.clearContext();

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn("officer-throttle", "wrong-password")).isInstanceOf(BadCredentialsException.class);
        }
        // even the right password is refused while the throttle is closed
        assertThatThrownBy(() -> signIn("officer-throttle", created.initialPassword())).isInstanceOf(LockedException.class);
    }

    @Test
    void a_password_change_checks_the_current_password_and_the_rules() {
        runAs("admin", "ADMIN");
        var created = accounts.create(new AccountService.NewUser("editor-pw", "编辑", Role.EDITOR, "sample-urban-management"));
        runAs("editor-pw", "EDITOR");
        assertThatThrownBy(() -> accounts.changeOwnPassword("wrong", "short", "other"))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems())
                        .extracting(ValidationFailure.FieldProblem::messageKey)
                        .containsExactlyInAnyOrder("account.error.currentPassword", "account.error.passwordLength",
                                "account.error.repeat"));
        assertThat(accounts.mustChangeOwnPassword()).as("an initial password is the administrator's").isTrue();
        accounts.changeOwnPassword(created.initialPassword(), "a-much-longer-secret", "a-much-longer-secret");
        assertThat(accounts.mustChangeOwnPassword()).isFalse();
        assertThatThrownBy(() -> accounts.changeOwnPassword("a-much-longer-secret", "a-much-longer-secret",
                "a-much-longer-secret")).isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems())
                        .extracting(ValidationFailure.FieldProblem::messageKey).containsExactly("account.error.passwordUnchanged"));
        SecurityContextHolder.clearContext();
        assertThat(signIn("editor-pw", "a-much-longer-secret").isAuthenticated()).isTrue();
        runAs("admin", "ADMIN");
        String reset = accounts.resetPassword(created.user().id());
        runAs("editor-pw", "EDITOR");
        assertThat(accounts.mustChangeOwnPassword()).as("so is a reset one").isTrue();
        accounts.changeOwnPassword(reset, "yet-another-secret", "yet-another-secret");
        assertThat(accounts.mustChangeOwnPassword()).isFalse();
    }

    @Test
    void staff_set_and_remove_their_own_notification_address_which_only_an_enabled_account_gets_mail_at() {
        runAs("admin", "ADMIN");
        var created = accounts.create(new AccountService.NewUser("officer-mail", "调解员", Role.OFFICER, "sample-market-regulation"));
        runAs("officer-mail", "OFFICER");
        assertThat(accounts.ownEmail()).isEmpty();
        for (String bad : List.of("not-an-address", "a@b", "两个@地址.cn x@y.cn", "x@y.cn\nBcc: z@w.cn")) {
            assertThatThrownBy(() -> accounts.changeOwnEmail(bad)).as(bad).isInstanceOfSatisfying(ValidationFailure.class,
                    f -> assertThat(f.problems()).singleElement().satisfies(p -> {
                        assertThat(p.field()).isEqualTo("email");
                        assertThat(p.messageKey()).isEqualTo("account.error.email");
                    }));
        }
        accounts.changeOwnEmail("  tiaojieyuan@scjg.sample.gov.cn ");
        assertThat(accounts.ownEmail()).contains("tiaojieyuan@scjg.sample.gov.cn");
        assertThat(accounts.notificationEmail("OFFICER-MAIL")).contains("tiaojieyuan@scjg.sample.gov.cn");

        runAs("admin", "ADMIN");
        accounts.setEnabled(created.user().id(), false);
        assertThat(accounts.notificationEmail("officer-mail")).as("a disabled account gets no mail").isEmpty();
        accounts.setEnabled(created.user().id(), true);

        runAs("officer-mail", "OFFICER");
        accounts.changeOwnEmail(" ");
        assertThat(accounts.ownEmail()).isEmpty();
        assertThat(accounts.notificationEmail("officer-mail")).isEmpty();
        SecurityContextHolder.clearContext();
        assertThatThrownBy(accounts::ownEmail).as("anonymous visitors have no account").isInstanceOf(
                org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void an_administrator_gives_and_corrects_a_notification_address_which_colleagues_do_not_see() {
        runAs("admin", "ADMIN");
        assertThatThrownBy(() -> accounts.create(new AccountService.NewUser("officer-admin-mail", "", Role.OFFICER,
                "sample-traffic-police", "not an address")))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems())
                        .extracting(ValidationFailure.FieldProblem::field).containsExactlyInAnyOrder("displayName", "email"));
        assertThat(accounts.list()).extracting(UserSummary::username).as("nothing half-written")
                .doesNotContain("officer-admin-mail");
        var created = accounts.create(new AccountService.NewUser("officer-admin-mail", "赵示例", Role.OFFICER,
                "sample-traffic-police", " zhao@jj.sample.gov.cn "));
        assertThat(created.user().email()).isEqualTo("zhao@jj.sample.gov.cn");
        assertThat(accounts.notificationEmail("officer-admin-mail")).contains("zhao@jj.sample.gov.cn");

        long id = created.user().id();
        assertThatThrownBy(() -> accounts.update(id, "赵示例改", "zhao@@jj"))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems())
                        .extracting(ValidationFailure.FieldProblem::field).containsExactly("email"));
        assertThatThrownBy(() -> accounts.update(id, " ", "zhao2@jj.sample.gov.cn"))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems())
                        .extracting(ValidationFailure.FieldProblem::field).containsExactly("displayName"));
        assertThat(accounts.list()).filteredOn(u -> u.id() == id).singleElement().satisfies(u -> {
            assertThat(u.displayName()).as("a refused change writes nothing").isEqualTo("赵示例");
            assertThat(u.email()).isEqualTo("zhao@jj.sample.gov.cn");
        });
        // a name is shown as mediator, signer and in timelines: control, format and separator characters are refused
        // like in the other names (TextChecks), and so is a control character in an address
        for (String name : new String[] {"赵\u0007调解", "赵\n调解", "赵\u202e调解"}) {
            assertThatThrownBy(() -> accounts.update(id, name, null)).as(name)
                    .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems())
                            .extracting(ValidationFailure.FieldProblem::field, ValidationFailure.FieldProblem::messageKey)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("displayName", "platform.error.singleLine")));
        }
        assertThatThrownBy(() -> accounts.create(new AccountService.NewUser("officer-control-name", "赵\u0007调解",
                Role.OFFICER, "sample-traffic-police"))).isInstanceOf(ValidationFailure.class);
        assertThatThrownBy(() -> accounts.update(id, "赵示例", "zhao\u0007@jj.sample.gov.cn"))
                .isInstanceOfSatisfying(ValidationFailure.class, f -> assertThat(f.problems())
                        .extracting(ValidationFailure.FieldProblem::field).containsExactly("email"));
        UserSummary changed = accounts.update(id, " 赵示例改 ", "zhao2@jj.sample.gov.cn");
        assertThat(changed.displayName()).isEqualTo("赵示例改");
        assertThat(accounts.notificationEmail("officer-admin-mail")).contains("zhao2@jj.sample.gov.cn");
        assertThatThrownBy(() -> accounts.update(-1L, "某人", null)).isInstanceOf(ValidationFailure.class);

        assertThat(accounts.officersOf("sample-traffic-police")).filteredOn(u -> u.id() == id).singleElement()
                .satisfies(u -> assertThat(u.email()).as("the list colleagues choose from carries no address").isNull());
        assertThat(accounts.staffName("Officer-Admin-Mail")).as("the name shown for who did something").contains("赵示例改");
        assertThat(accounts.staffName("no-such-officer")).isEmpty();
        runAs("officer-admin-mail", "OFFICER");
        assertThat(accounts.ownEmail()).contains("zhao2@jj.sample.gov.cn");
        assertThatThrownBy(() -> accounts.update(id, "自己改名", null)).as("only administrators edit accounts")
                .isInstanceOf(AccessDeniedException.class);

        runAs("admin", "ADMIN");
        accounts.update(id, "赵示例改", "");
        assertThat(accounts.notificationEmail("officer-admin-mail")).as("blank removes it").isEmpty();
    }
}
