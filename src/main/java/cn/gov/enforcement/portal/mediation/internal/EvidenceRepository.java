package cn.gov.enforcement.portal.mediation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EvidenceRepository extends JpaRepository<Evidence, Long> {

    List<Evidence> findByCaseIdOrderByIdAsc(Long caseId);

    List<Evidence> findBySubmissionTokenAndCaseIdIsNullOrderByIdAsc(String submissionToken);

    Optional<Evidence> findByIdAndCaseId(Long id, Long caseId);

    List<Evidence> findByCaseIdIsNullAndUploadedAtBefore(Instant cutoff);
}
