package cn.gov.enforcement.portal.account;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** {@link CurrentUser} read from Spring Security's context (works in views, services and the API). */
@Component
class SecurityCurrentUser implements CurrentUser {

    private static Optional<Authentication> authentication() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(auth);
    }

    @Override
    public Optional<String> username() {
        return authentication().map(Authentication::getName);
    }

    @Override
    public Optional<String> agencyId() {
        return authentication().map(Authentication::getPrincipal)
                .filter(PortalUserDetails.class::isInstance)
                .map(p -> ((PortalUserDetails) p).agencyId());
    }

    @Override
    public boolean isAdmin() {
        return hasRole("ADMIN");
    }

    @Override
    public boolean hasRole(String role) {
        String authority = "ROLE_" + role;
        return authentication().map(a -> a.getAuthorities().stream().anyMatch(g -> authority.equals(g.getAuthority())))
                .orElse(false);
    }
}
