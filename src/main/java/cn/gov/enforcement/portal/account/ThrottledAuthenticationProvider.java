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
        if (throttle.isBlocked(username, network)) {
            log.record(AccountAction.SIGN_IN_BLOCKED, username, null, address, null);
            throw new LockedException("Too many failed sign-in attempts");
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.succeeded(username);
            accounts.signedIn(result.getName(), address);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(username, network);
            log.record(AccountAction.SIGN_IN_FAILED, username, null, address, "badCredentials");
            throw e;
        } catch (DisabledException e) {
            log.record(AccountAction.SIGN_IN_FAILED, username, null, address, "disabled");
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
