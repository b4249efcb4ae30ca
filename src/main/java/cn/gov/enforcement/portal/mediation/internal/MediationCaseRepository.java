package cn.gov.enforcement.portal.mediation.internal;

import cn.gov.enforcement.portal.mediation.CaseStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MediationCaseRepository extends JpaRepository<MediationCase, Long>, JpaSpecificationExecutor<MediationCase> {

    Optional<MediationCase> findByCaseNumber(String caseNumber);

    Optional<MediationCase> findBySubmissionToken(String submissionToken);

    boolean existsByAgencyId(String agencyId);

    List<MediationCase> findByStatusInOrderByAgencyIdAscSubmittedAtAscIdAsc(Collection<CaseStatus> statuses);

    /** As {@link #findByStatusInOrderByAgencyIdAscSubmittedAtAscIdAsc}, each case with its history in the same query. */
    @EntityGraph(attributePaths = "history")
    @Query("select c from MediationCase c where c.status in :statuses order by c.agencyId asc, c.submittedAt asc, c.id asc")
    List<MediationCase> findWithHistoryByStatusIn(@Param("statuses") Collection<CaseStatus> statuses);

    @Query("select distinct c.agencyId from MediationCase c")
    List<String> findAgencyIds();

    /** How many cases of the agency are in each status: rows of status and count. */
    @Query("select c.status, count(c) from MediationCase c where c.agencyId = :agency group by c.status")
    List<Object[]> countByStatus(@Param("agency") String agencyId);

    /** The deadline columns of the agency's cases in the given statuses, without the rest of the cases. */
    @Query("select new cn.gov.enforcement.portal.mediation.internal.CaseDeadline(c.status, c.submittedAt, c.acceptedAt,"
            + " c.extended) from MediationCase c where c.agencyId = :agency and c.status in :statuses")
    List<CaseDeadline> deadlines(@Param("agency") String agencyId, @Param("statuses") Collection<CaseStatus> statuses);

    /**
     * How many of the agency's cases in the given statuses have an applicant who wrote last (no answer from the agency
     * yet).
     */
    @Query("select count(m) from CaseMessage m where m.fromApplicant = true"
            + " and m.caseId in (select c.id from MediationCase c where c.agencyId = :agency and c.status in :statuses)"
            + " and m.id = (select max(l.id) from CaseMessage l where l.caseId = m.caseId)")
    long countAwaitingAnswer(@Param("agency") String agencyId, @Param("statuses") Collection<CaseStatus> statuses);

    /** The select and join of {@link #figureRows} and {@link #allFigureRows}. */
    String FIGURES = "select c.agencyId, c.status, c.submittedAt, c.acceptedAt, c.extended,"
            + " sum(case when t.to = :accepted then 1 else 0 end),"
            + " sum(case when t.to = :notAccepted then 1 else 0 end),"
            + " sum(case when t.to = :agreement then 1 else 0 end),"
            + " sum(case when t.to = :failed then 1 else 0 end),"
            + " sum(case when t.to = :declined then 1 else 0 end),"
            + " max(case when t.kind is null and t.to in (:agreement, :failed) then t.occurredAt end)"
            + " from MediationCase c left join c.history t where c.submittedAt between :from and :to";

    /** The grouping of {@link #figureRows} and {@link #allFigureRows}: one row per case. */
    String FIGURES_GROUPING = " group by c.id, c.agencyId, c.status, c.submittedAt, c.acceptedAt, c.extended";

    /**
     * One row per case of the agency submitted in the period: agency, status, submission, acceptance, extension, how
     * many steps of the history went into ACCEPTED, NOT_ACCEPTED, AGREEMENT_REACHED, FAILED and OTHER_PARTY_DECLINED
     * (the statuses passed as parameters) and the time of the last step into an outcome (null for none).
     */
    @Query(FIGURES + " and c.agencyId = :agency" + FIGURES_GROUPING)
    List<Object[]> figureRows(@Param("agency") String agencyId, @Param("from") Instant from, @Param("to") Instant to,
            @Param("accepted") CaseStatus accepted, @Param("notAccepted") CaseStatus notAccepted,
            @Param("agreement") CaseStatus agreement, @Param("failed") CaseStatus failed,
            @Param("declined") CaseStatus declined);

    /** {@link #figureRows} of every agency. */
    @Query(FIGURES + FIGURES_GROUPING)
    List<Object[]> allFigureRows(@Param("from") Instant from, @Param("to") Instant to,
            @Param("accepted") CaseStatus accepted, @Param("notAccepted") CaseStatus notAccepted,
            @Param("agreement") CaseStatus agreement, @Param("failed") CaseStatus failed,
            @Param("declined") CaseStatus declined);

    /** The ids of the finished cases whose final step lies before the cutoff. */
    @Query("select c.id from MediationCase c where c.finishedAt < :cutoff order by c.id")
    List<Long> finishedBefore(@Param("cutoff") Instant cutoff);

    /** The ids of the cases left at their outcome whose (last) step into the outcome lies before the cutoff. */
    @Query("select c.id from MediationCase c join c.history t where c.status in :outcomes and t.kind is null"
            + " and t.to in :outcomes group by c.id having max(t.occurredAt) < :cutoff order by c.id")
    List<Long> outcomeBefore(@Param("outcomes") Collection<CaseStatus> outcomes, @Param("cutoff") Instant cutoff);

    /** Deletes the history of the given cases in one statement. */
    @Modifying
    @Query("delete from CaseTransition t where t.mediationCase.id in :ids")
    int deleteHistoryOf(@Param("ids") Collection<Long> ids);

    /** Deletes the given cases in one statement (their messages go with them: the foreign key cascades). */
    @Modifying
    @Query("delete from MediationCase c where c.id in :ids")
    int deleteByIds(@Param("ids") Collection<Long> ids);
}
