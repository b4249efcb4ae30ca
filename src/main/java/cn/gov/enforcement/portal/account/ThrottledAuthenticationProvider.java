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
 * to the account log with its client address (never the password typed).
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final AccountLog log;
    private final AccountService accounts;

    ThrottledAuthenticationProvider(PortalUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle,
            AccountLog log, AccountService accounts) {
        this.log = log;
        this.accounts = accounts;
        this.delegate = new DaoAuthenticationProvider(users);
        this.delegate.setPasswordEncoder(encoder);
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
            throw new LockedException("Too many failed sign-in attempts");
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
        accounts.signedIn(result.getName(), address);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
