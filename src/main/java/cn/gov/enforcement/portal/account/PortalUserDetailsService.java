package cn.gov.enforcement.portal.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks staff accounts up for {@link ThrottledAuthenticationProvider} (and for tests that act as a signed-in person).
 * Deliberately no {@code UserDetailsService}: Spring Security would build its own, unthrottled sign-in from such a bean,
 * or warn that its global authentication manager ignores it beside the provider; the provider is the only sign-in.
 */
@Service
public class PortalUserDetailsService {

    private final UserAccountRepository users;

    PortalUserDetailsService(UserAccountRepository users) {
        this.users = users;
    }

    /**
     * The account with this user name (either case) as Spring Security's user.
     *
     * @throws UsernameNotFoundException when there is none
     */
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsernameIgnoreCase(username == null ? "" : username.trim())
                .map(PortalUserDetails::new)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
