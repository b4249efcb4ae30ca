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

    /** True when an attempt with this name from this address would be refused now; counts nothing. */
    boolean isBlocked(String username, String address) {
        return !users.allows(userKey(username)) || !addresses.allows(addressKey(address));
    }

    /**
     * Starts a sign-in attempt: counts it as a failure of the name and the address at once, so that attempts sent side
     * by side cannot all pass the check before any of them has failed (a password check takes a while); null when
     * the name or the address has failed too often, counting nothing. The attempt then says how it ended: a success
     * or an attempt that did not test the password gives its count back.
     */
    Attempt begin(String username, String address) {
        SlidingWindowLimiter.Reservation user = users.reserve(userKey(username));
        if (!user.granted()) {
            return null;
        }
        SlidingWindowLimiter.Reservation network = addresses.reserve(addressKey(address));
        if (!network.granted()) {
            user.release();
            return null;
        }
        return new Attempt(username, user, network);
    }

    /** One sign-in attempt, counted as a failure until it says otherwise. */
    final class Attempt {

        private final String username;
        private final SlidingWindowLimiter.Reservation user;
        private final SlidingWindowLimiter.Reservation network;

        private Attempt(String username, SlidingWindowLimiter.Reservation user, SlidingWindowLimiter.Reservation network) {
            this.username = username;
            this.user = user;
            this.network = network;
        }

        /** The password was right: this attempt does not count, and the name's earlier failures are forgotten. */
        void succeeded() {
            network.release();
            user.release();
            users.forget(userKey(username));
        }

        /** The attempt ended without a wrong password (a disabled account, a failure of the check itself). */
        void notCounted() {
            network.release();
            user.release();
        }
    }

    /**
     * How much longer sign-ins with this user name are refused for the failures counted against the name: zero when
     * they are not (failures from one client address block that address, whatever the name, and are not counted
     * here).
     */
    java.time.Duration lockedFor(String username) {
        return users.retryAfter(userKey(username));
    }

    /**
     * How much longer an attempt with this name from this address is refused: the longer of the name's and the
     * address's lock, zero when neither is locked.
     */
    java.time.Duration retryAfter(String username, String address) {
        java.time.Duration user = users.retryAfter(userKey(username));
        java.time.Duration network = addresses.retryAfter(addressKey(address));
        return user.compareTo(network) >= 0 ? user : network;
    }

    /**
     * True when attempts from this address are refused now for the failures counted against the address, whatever the
     * name: a lock an administrator cannot lift, unlike a name's.
     */
    boolean addressLocked(String address) {
        return !addresses.allows(addressKey(address));
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
