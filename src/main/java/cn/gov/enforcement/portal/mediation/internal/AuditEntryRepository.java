package cn.gov.enforcement.portal.mediation.internal;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

    List<AuditEntry> findByOrderByOccurredAtDescIdDesc(Pageable page);

    List<AuditEntry> findByCaseNumberOrderByOccurredAtDescIdDesc(String caseNumber);
}
