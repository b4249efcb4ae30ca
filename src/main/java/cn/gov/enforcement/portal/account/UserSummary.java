package cn.gov.enforcement.portal.account;

import java.time.OffsetDateTime;

/** A staff account as shown to administrators (never the password hash). */
public record UserSummary(Long id, String username, String displayName, Role role, String agencyId, boolean enabled,
        OffsetDateTime createdAt) {}
