package cn.gov.enforcement.portal.mediation.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseMessageRepository extends JpaRepository<CaseMessage, Long> {

    List<CaseMessage> findByCaseIdOrderBySentAtAscIdAsc(Long caseId);

    long deleteByCaseId(Long caseId);

    /** The cases among those given whose latest message is from the applicant (the agency has not answered it yet). */
    @org.springframework.data.jpa.repository.Query("select m.caseId from CaseMessage m where m.caseId in :cases"
            + " and m.fromApplicant = true and m.id = (select max(l.id) from CaseMessage l where l.caseId = m.caseId)")
    List<Long> awaitingAnswer(@org.springframework.data.repository.query.Param("cases") java.util.Collection<Long> cases);
}
