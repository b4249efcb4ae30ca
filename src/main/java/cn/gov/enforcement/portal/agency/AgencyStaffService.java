package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.account.CurrentUser;
import cn.gov.enforcement.portal.agency.data.AgencyRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agency records for signed-in staff, with officers' full names. An officer or editor sees only
 * their own agency; an administrator sees every agency. Asking for another agency's id is refused
 * before anything is read.
 */
@Service
@Transactional(readOnly = true)
public class AgencyStaffService {

    private final AgencyRepository repository;
    private final CurrentUser currentUser;
    private final cn.gov.enforcement.portal.regulation.RegulationCatalog regulations;

    AgencyStaffService(AgencyRepository repository, CurrentUser currentUser,
            cn.gov.enforcement.portal.regulation.RegulationCatalog regulations) {
        this.regulations = regulations;
        this.repository = repository;
        this.currentUser = currentUser;
    }

    /** The signed-in officer's or editor's own agency; empty for administrators (they pick one). */
    @PreAuthorize("hasAnyRole('OFFICER','EDITOR','ADMIN')")
    public Optional<AgencyDetails> ownAgency() {
        return currentUser.agencyId().flatMap(this::load);
    }

    /**
     * One agency with full officer names.
     *
     * @throws org.springframework.security.access.AccessDeniedException when the user may not see it
     */
    @PreAuthorize("hasAnyRole('OFFICER','EDITOR','ADMIN')")
    public Optional<AgencyDetails> agency(String id) {
        currentUser.requireAgency(id);
        return load(id);
    }

    /** Every agency, for administrators to pick from. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<AgencySummary> agenciesForAdmin() {
        return repository.findAllByOrderByIdAsc().stream().map(AgencyDirectory::summary).toList();
    }

    /** Whether the signed-in user is an administrator (who picks any agency). */
    @PreAuthorize("hasAnyRole('OFFICER','EDITOR','ADMIN')")
    public boolean isAdmin() {
        return currentUser.isAdmin();
    }

    /**
     * Whether the signed-in user may edit the agency's public details ({@link AgencyBackOffice}): an editor of that
     * agency or an administrator; officers only read.
     */
    @PreAuthorize("hasAnyRole('OFFICER','EDITOR','ADMIN')")
    public boolean mayEdit(String id) {
        return (currentUser.isAdmin() || currentUser.hasRole("EDITOR")) && currentUser.canAccessAgency(id);
    }

    /** The permalink of a cited article when the portal holds the law (as {@link AgencyDirectory#articleUrl}). */
    @PreAuthorize("hasAnyRole('OFFICER','EDITOR','ADMIN')")
    public Optional<String> articleUrl(String law, String article) {
        return regulations.articleUrl(law, article);
    }

    /** The permalinks of many cited articles at once (as {@link AgencyDirectory#articleUrls}). */
    @PreAuthorize("hasAnyRole('OFFICER','EDITOR','ADMIN')")
    public java.util.Map<cn.gov.enforcement.portal.regulation.RegulationCatalog.CitedArticle, String> articleUrls(
            java.util.Collection<cn.gov.enforcement.portal.regulation.RegulationCatalog.CitedArticle> cited) {
        return regulations.articleUrls(cited);
    }

    private Optional<AgencyDetails> load(String id) {
        return repository.findById(id).map(a -> AgencyDirectory.details(a, false));
    }
}
