package cn.gov.enforcement.portal.account;

import cn.gov.enforcement.portal.platform.SlidingWindowLimiter;
import java.time.Clock;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Throttles sign-in attempts: after {@code maxFailedLogins} failures within the lockout window, for
 * one user name or from one client address, further attempts are refused until the window has
 * passed. Kept in memory: a restart clears it, which is acceptable for a throttle.
 */
@Component
class LoginThrottle {

    private final SlidingWindowLimiter users;
    private final SlidingWindowLimiter addresses;

    LoginThrottle(Clock clock, AccountSettings settings) {
        this.users = new SlidingWindowLimiter(settings.maxFailedLogins(), settings.lockout(), clock);
        // addresses are shared (offices behind one NAT): allow them more attempts than one user name
        this.addresses = new SlidingWindowLimiter(settings.maxFailedLogins() * 4, settings.lockout(), clock);
    }

    boolean isBlocked(String username, String address) {
        return !users.allows(userKey(username)) || !addresses.allows(addressKey(address));
    }

    void failed(String username, String address) {
        users.record(userKey(username));
        addresses.record(addressKey(address));
    }

    void succeeded(String username) {
        users.forget(userKey(username));
    }

    /**
     * How much longer sign-ins with this user name are refused for the failures counted against the name: zero when
     * they are not (failures from one client address block that address, whatever the name, and are not counted
     * here).
     */
    java.time.Duration lockedFor(String username) {
        return users.retryAfter(userKey(username));
    }

    /** Forgets the failures counted against this user name, so that it may sign in again at once. */
    void release(String username) {
        users.forget(userKey(username));
    }

    private static String userKey(String username) {
        return username == null || username.isBlank() ? null : "user:" + username.trim().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return address == null || address.isBlank() ? null : "ip:" + address;
    }
}
