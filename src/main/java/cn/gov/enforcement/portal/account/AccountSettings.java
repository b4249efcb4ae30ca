package cn.gov.enforcement.portal.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param initialAdminUsername user name of the first administrator, created when no administrator exists
 * @param initialAdminPassword its password; when empty a random one is generated and printed once to the log
 * @param maxFailedLogins failed sign-ins allowed per user name and per client address within {@code lockout}
 * @param lockout how long sign-in is refused after too many failures
 * @param passwordMinLength minimum length of a staff password
 * @param logRetention how long entries of the account log are kept: at least 180 days (the Cybersecurity Law,
 *     Art. 21 (3), asks network operators to keep logs of network events for no less than six months), 365 by default
 */
@ConfigurationProperties(prefix = "portal.account")
public record AccountSettings(String initialAdminUsername, String initialAdminPassword, Integer maxFailedLogins,
        Duration lockout, Integer passwordMinLength, Duration logRetention) {

    /** The shortest retention of the account log that may be configured. */
    public static final Duration MIN_LOG_RETENTION = Duration.ofDays(180);

    public AccountSettings {
        if (initialAdminUsername == null || initialAdminUsername.isBlank()) {
            initialAdminUsername = "admin";
        }
        if (maxFailedLogins == null) {
            maxFailedLogins = 5;
        }
        if (lockout == null) {
            lockout = Duration.ofMinutes(15);
        }
        if (passwordMinLength == null) {
            passwordMinLength = 12;
        }
        if (logRetention == null) {
            logRetention = Duration.ofDays(365);
        }
        if (logRetention.compareTo(MIN_LOG_RETENTION) < 0) {
            throw new IllegalArgumentException("portal.account.log-retention must be at least 180 days (P180D): sign-in"
                    + " and account logs are kept for no less than six months; got " + logRetention);
        }
    }
}
