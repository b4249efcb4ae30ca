package cn.gov.enforcement.portal.account;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password sign-in against the user table, refusing attempts while the throttle is closed. Every attempt is written
 * to the account log with its client address (never the password typed). The one provider of the application: both
 * security chains use the global authentication manager, which holds this bean, so an attempt runs it exactly once
 * (registered on a chain as well, a failed attempt ran again in the global manager and counted twice). Whether the
 * account is disabled is told only after the password proved right, so a wrong password gets the same answer for every
 * name.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final AccountLog log;
    private final AccountService accounts;

    private final java.time.Clock clock;

    ThrottledAuthenticationProvider(PortalUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle,
            AccountLog log, AccountService accounts, java.time.Clock clock) {
        this.log = log;
        this.accounts = accounts;
        this.clock = clock;
        this.delegate = new DaoAuthenticationProvider(users::loadUserByUsername);
        this.delegate.setPasswordEncoder(encoder);
        // the account's state after the password: a wrong password is "wrong name or password" for a disabled
        // account too, and its failure is counted like any other
        org.springframework.security.core.userdetails.UserDetailsChecker enabledCheck = user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("The account is disabled");
            }
        };
        this.delegate.setPreAuthenticationChecks(user -> {});
        this.delegate.setPostAuthenticationChecks(enabledCheck);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        // the throttle counts per network (an IPv6 subscriber's /64), the account log keeps the address itself
        String network = address == null ? null : cn.gov.enforcement.portal.platform.ClientAddress.key(address);
        // counted as a failure from the start, so that attempts sent side by side cannot all pass the throttle
        LoginThrottle.Attempt attempt = throttle.begin(username, network);
        if (attempt == null) {
            log.record(AccountAction.SIGN_IN_BLOCKED, username, null, address, null);
            throw new SignInLockedException(throttle.retryAfter(username, network), throttle.addressLocked(network));
        }
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (BadCredentialsException e) {
            // the failure stays counted
            log.record(AccountAction.SIGN_IN_FAILED, username, null, address, "badCredentials");
            throw e;
        } catch (DisabledException e) {
            attempt.notCounted();
            log.record(AccountAction.SIGN_IN_FAILED, username, null, address, "disabled");
            throw e;
        } catch (RuntimeException e) {
            attempt.notCounted();
            throw e;
        }
        attempt.succeeded();
        // the page's language at the sign-in (its ?lang= or the browser's remembered choice): the person's mails follow it
        java.util.Locale language = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes request
                ? cn.gov.enforcement.portal.platform.LanguagePreference.forErrorPage(request.getRequest()) : null;
        accounts.signedIn(result.getName(), address, language);
        String session = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getSessionId() : null;
        return SignInDetails.signedInAt(result, address, session, clock.instant());
    }

    /** Sign-in refused while the throttle is closed for the name or the address, with how long it stays closed. */
    static final class SignInLockedException extends LockedException {

        private final transient java.time.Duration retryAfter;
        private final boolean addressLocked;

        SignInLockedException(java.time.Duration retryAfter, boolean addressLocked) {
            super("Too many failed sign-in attempts");
            this.retryAfter = retryAfter;
            this.addressLocked = addressLocked;
        }

        /** True when the client's address is locked (whatever the name), which no administrator can lift. */
        boolean addressLocked() {
            return addressLocked;
        }

        /** Whole minutes until an attempt is taken again, at least 1. */
        long minutesLeft() {
            long seconds = retryAfter == null ? 0 : retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
            return Math.max(1, (seconds + 59) / 60);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
