package cn.gov.enforcement.portal.account;

import java.time.OffsetDateTime;

/**
 * A staff account as shown to administrators (never the password hash). {@code email} is the personal notification
 * address, null when none was given or when the summary is for colleagues rather than administrators;
 * {@code lastSignInAt} the last successful sign-in, null when there was none since it is recorded.
 */
public record UserSummary(Long id, String username, String displayName, Role role, String agencyId, boolean enabled,
        OffsetDateTime createdAt, String email, OffsetDateTime lastSignInAt) {

    /** The same summary without the personal address, for lists that officers see. */
    UserSummary withoutEmail() {
        return new UserSummary(id, username, displayName, role, agencyId, enabled, createdAt, null, lastSignInAt);
    }
}
