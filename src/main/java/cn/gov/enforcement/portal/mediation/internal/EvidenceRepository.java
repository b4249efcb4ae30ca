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

    /** The stored file names of the evidence of the given cases. */
    @org.springframework.data.jpa.repository.Query("select e.storedName from Evidence e where e.caseId in :cases")
    List<String> storedNamesOfCases(@org.springframework.data.repository.query.Param("cases") java.util.Collection<Long> cases);

    /** Deletes the evidence records of the given cases in one statement (their files are the caller's to delete). */
    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("delete from Evidence e where e.caseId in :cases")
    int deleteByCases(@org.springframework.data.repository.query.Param("cases") java.util.Collection<Long> cases);
}
