package cn.gov.enforcement.portal.account;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in staff member, carrying the agency they are bound to. */
class PortalUserDetails extends User {

    private final String agencyId;
    private final String displayName;
    private final Role role;

    PortalUserDetails(UserAccount account) {
        super(account.getUsername(), account.getPasswordHash(), account.isEnabled(), true, true, true,
                List.of(new SimpleGrantedAuthority(account.getRole().authority())));
        this.agencyId = account.getAgencyId();
        this.displayName = account.getDisplayName();
        this.role = account.getRole();
    }

    String agencyId() {
        return agencyId;
    }

    String displayName() {
        return displayName;
    }

    Role role() {
        return role;
    }
}
