package cn.gov.enforcement.portal.mediation.internal;

import cn.gov.enforcement.portal.mediation.CaseStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MediationCaseRepository extends JpaRepository<MediationCase, Long> {

    Optional<MediationCase> findByCaseNumber(String caseNumber);

    Optional<MediationCase> findBySubmissionToken(String submissionToken);

    List<MediationCase> findByAgencyIdOrderBySubmittedAtAsc(String agencyId);

    List<MediationCase> findByFinishedAtBefore(Instant cutoff);

    List<MediationCase> findByAgencyIdAndSubmittedAtBetween(String agencyId, Instant from, Instant to);

    List<MediationCase> findBySubmittedAtBetween(Instant from, Instant to);

    List<MediationCase> findByStatusInOrderByAgencyIdAscSubmittedAtAsc(Collection<CaseStatus> statuses);

    @Query("select distinct c.agencyId from MediationCase c")
    List<String> findAgencyIds();
}
