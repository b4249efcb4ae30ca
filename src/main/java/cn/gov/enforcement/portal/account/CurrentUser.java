package cn.gov.enforcement.portal.account;

import java.util.Optional;

/**
 * Who is asking, for services that scope data by agency. Public visitors are anonymous. OFFICER and
 * EDITOR are bound to exactly one agency; ADMIN sees every agency.
 */
public interface CurrentUser {

    /** The signed-in user's name, empty for anonymous visitors. */
    Optional<String> username();

    /** The agency an OFFICER or EDITOR is bound to; empty for ADMIN and anonymous visitors. */
    Optional<String> agencyId();

    boolean isAdmin();

    boolean hasRole(String role);

    /**
     * True when the user may see or change records of the given agency: an administrator, or an
     * officer/editor bound to exactly that agency.
     */
    default boolean canAccessAgency(String agencyId) {
        return isAdmin() || (agencyId != null && agencyId().map(agencyId::equals).orElse(false));
    }

    /**
     * The agency a staff page shows: for an administrator the one asked for (stripped; empty when blank or none),
     * for an officer or editor their own agency, whatever is asked. Callers check the role first.
     */
    default Optional<String> shownAgency(String requested) {
        if (isAdmin()) {
            return Optional.ofNullable(requested).map(String::strip).filter(s -> !s.isEmpty());
        }
        return agencyId();
    }

    /** Throws {@link org.springframework.security.access.AccessDeniedException} unless {@link #canAccessAgency}. */
    default void requireAgency(String agencyId) {
        if (!canAccessAgency(agencyId)) {
            throw new org.springframework.security.access.AccessDeniedException("Not allowed for this agency");
        }
    }
}
