package cn.gov.enforcement.portal.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Throttles sign-in attempts: after {@code maxFailedLogins} failures within the lockout window, for
 * one user name or from one client address, further attempts are refused until the window has
 * passed. Kept in memory: a restart clears it, which is acceptable for a throttle.
 */
@Component
class LoginThrottle {

    private final Clock clock;
    private final AccountSettings settings;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock, AccountSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    boolean isBlocked(String username, String address) {
        return blocked(userKey(username)) || blocked(addressKey(address));
    }

    void failed(String username, String address) {
        record(userKey(username));
        record(addressKey(address));
    }

    void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private boolean blocked(String key) {
        if (key == null) {
            return false;
        }
        Deque<Instant> list = failures.get(key);
        if (list == null) {
            return false;
        }
        synchronized (list) {
            prune(list);
            // addresses are shared (offices behind one NAT): allow them more attempts than one user name
            int limit = key.startsWith("ip:") ? settings.maxFailedLogins() * 4 : settings.maxFailedLogins();
            return list.size() >= limit;
        }
    }

    private void record(String key) {
        if (key == null) {
            return;
        }
        Deque<Instant> list = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (list) {
            prune(list);
            list.addLast(clock.instant());
        }
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue());
                    return e.getValue().isEmpty();
                }
            });
        }
    }

    private void prune(Deque<Instant> list) {
        Instant cutoff = clock.instant().minus(settings.lockout());
        while (!list.isEmpty() && list.peekFirst().isBefore(cutoff)) {
            list.removeFirst();
        }
    }

    private static String userKey(String username) {
        return username == null || username.isBlank() ? null : "user:" + username.trim().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return address == null || address.isBlank() ? null : "ip:" + address;
    }
}
