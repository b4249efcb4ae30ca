package cn.gov.enforcement.portal.mediation;

import cn.gov.enforcement.portal.mediation.internal.AuditEntry;
import cn.gov.enforcement.portal.mediation.internal.AuditEntryRepository;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The audit log of staff views of case files, for administrators. */
@Service
@RolesAllowed("ADMIN")
public class MediationAudit {

    public static final int PAGE = 500;

    private final AuditEntryRepository audit;

    MediationAudit(AuditEntryRepository audit) {
        this.audit = audit;
    }

    /** The latest entries (at most {@value #PAGE}), or those of one case when a number is given. */
    @Transactional(readOnly = true)
    public List<AuditRecord> entries(String caseNumber) {
        List<AuditEntry> entries = caseNumber == null || caseNumber.isBlank()
                ? audit.findByOrderByOccurredAtDescIdDesc(PageRequest.of(0, PAGE))
                : audit.findByCaseNumberOrderByOccurredAtDescIdDesc(caseNumber.strip().toUpperCase(Locale.ROOT));
        return entries.stream().map(e -> new AuditRecord(e.caseNumber(), e.agencyId(), e.username(), e.action(),
                e.occurredAt())).toList();
    }
}
