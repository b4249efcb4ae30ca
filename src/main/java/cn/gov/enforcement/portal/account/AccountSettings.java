package cn.gov.enforcement.portal.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param initialAdminUsername user name of the first administrator, created when no administrator exists
 * @param initialAdminPassword its password; when empty a random one is generated and printed once to the log
 * @param maxFailedLogins failed sign-ins allowed per user name and per client address within {@code lockout}
 * @param lockout how long sign-in is refused after too many failures
 * @param passwordMinLength minimum length of a staff password
 */
@ConfigurationProperties(prefix = "portal.account")
public record AccountSettings(String initialAdminUsername, String initialAdminPassword, Integer maxFailedLogins,
        Duration lockout, Integer passwordMinLength) {

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
    }
}
