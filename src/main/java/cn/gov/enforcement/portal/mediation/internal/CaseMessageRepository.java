package cn.gov.enforcement.portal.mediation.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseMessageRepository extends JpaRepository<CaseMessage, Long> {

    List<CaseMessage> findByCaseIdOrderBySentAtAscIdAsc(Long caseId);

    long deleteByCaseId(Long caseId);
}
