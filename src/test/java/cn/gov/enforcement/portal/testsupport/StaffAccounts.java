package cn.gov.enforcement.portal.testsupport;

import cn.gov.enforcement.portal.account.AccountService;
import cn.gov.enforcement.portal.account.UserSummary;
import java.util.Objects;

/**
 * Staff accounts of integration tests. The tests of a run share one database, and a run against a kept database (the
 * PostgreSQL one of the README's test command, for instance) finds the accounts of the runs before it: an account of a
 * fixed username may exist already.
 */
public final class StaffAccounts {

    private StaffAccounts() {
    }

    /** Runs what follows on this thread as the named user with one role (ADMIN, EDITOR, OFFICER), without a session. */
    public static void runAs(String name, String role) {
        org.springframework.security.core.context.SecurityContextHolder.setContext(
                new org.springframework.security.core.context.SecurityContextImpl(
                        new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(name, null,
                                java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                        "ROLE_" + role)))));
    }

    /**
     * Creates the account and returns its initial password; when an account of that username exists already, makes it
     * as a new one would be instead (enabled, not locked, with a new initial password, which is returned). Either way
     * the caller signs in with the password returned and is asked to choose one of its own, as at a first sign-in.
     * Needs an administrator signed in.
     *
     * @throws IllegalStateException when the existing account has another role or agency: some other test's account
     */
    public static String createOrReset(AccountService accounts, AccountService.NewUser user) {
        UserSummary existing = accounts.list().stream()
                .filter(account -> account.username().equalsIgnoreCase(user.username().trim()))
                .findFirst().orElse(null);
        if (existing == null) {
            return accounts.create(user).initialPassword();
        }
        String agency = user.role().boundToAgency() && user.agencyId() != null ? user.agencyId().trim() : null;
        if (existing.role() != user.role() || !Objects.equals(existing.agencyId(), agency)) {
            throw new IllegalStateException("The account " + existing.username() + " exists already as "
                    + existing.role() + " of " + existing.agencyId() + ", not as " + user.role() + " of " + agency);
        }
        if (!existing.enabled()) {
            accounts.setEnabled(existing.id(), true);
        }
        accounts.releaseSignInLock(existing.id());
        return accounts.resetPassword(existing.id());
    }

    /**
     * Signs in on this thread with a real account of the account module, of the given role and agency (null for an
     * ADMIN), created by an administrator when missing and loaded through the portal's user details service, so that
     * {@code CurrentUser} and method security see what they see in production.
     */
    public static org.springframework.security.core.userdetails.UserDetails signInAs(AccountService accounts,
            cn.gov.enforcement.portal.account.PortalUserDetailsService users, String username,
            cn.gov.enforcement.portal.account.Role role, String agency) {
        runAs("test-admin", "ADMIN");
        try {
            accounts.create(new AccountService.NewUser(username, "测试人员", role, agency));
        } catch (cn.gov.enforcement.portal.platform.ValidationFailure alreadyThere) {
            // created by an earlier test of this run
        }
        var user = users.loadUserByUsername(username);
        org.springframework.security.core.context.SecurityContextHolder.setContext(
                new org.springframework.security.core.context.SecurityContextImpl(
                        new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(user, null,
                                user.getAuthorities())));
        return user;
    }

    /** {@link #createOrReset} as an administrator ({@code test-admin}); the thread's security context is cleared after. */
    public static String createOrResetAsAdmin(AccountService accounts, AccountService.NewUser user) {
        runAs("test-admin", "ADMIN");
        try {
            return createOrReset(accounts, user);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }
}
