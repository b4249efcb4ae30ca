package cn.gov.enforcement.portal.rating.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RatingRepository extends JpaRepository<Rating, Long> {

    Optional<Rating> findByReference(String reference);

    /** The rating a rendering of the form has sent, if it has. */
    Optional<Rating> findBySubmissionToken(String submissionToken);

    /** One page of an agency's ratings, in the page's order. */
    List<Rating> findByAgencyId(String agencyId, Pageable page);

    /** One page of an agency's ratings with the given status, in the page's order. */
    List<Rating> findByAgencyIdAndStatus(String agencyId, String status, Pageable page);

    long countByAgencyId(String agencyId);

    /** The ratings with the given status whose follow-up is due on or before a day, by agency and deadline. */
    List<Rating> findByStatusAndFollowUpDueLessThanEqualOrderByAgencyIdAscFollowUpDueAscReferenceAsc(String status,
            java.time.LocalDate due);

    long countByAgencyIdAndStatus(String agencyId, String status);

    long countByAgencyIdAndStatusAndFollowUpDueBefore(String agencyId, String status, java.time.LocalDate day);

    /**
     * How the agencies were rated since an instant, one row per agency: the agency id, the number of ratings, the
     * good ones (a score above badUpTo), the bad ones (badUpTo or below) and the bad ones with the status
     * followedUp. Counted by the database (plain JPQL, for H2 and PostgreSQL alike).
     */
    @Query("select r.agencyId, count(r), "
            + "sum(case when r.score > :badUpTo then 1 else 0 end), "
            + "sum(case when r.score <= :badUpTo then 1 else 0 end), "
            + "sum(case when r.score <= :badUpTo and r.status = :followedUp then 1 else 0 end) "
            + "from Rating r where r.submittedAt >= :since group by r.agencyId")
    List<Object[]> countPerAgencySince(@Param("since") Instant since, @Param("badUpTo") int badUpTo,
            @Param("followedUp") String followedUp);

    /** The ratings given before the cutoff that still hold contact details and no longer wait for a follow-up. */
    @Query("select r from Rating r where r.submittedAt < :cutoff and r.status <> 'AWAITING_FOLLOW_UP' "
            + "and (r.contactName is not null or r.contactPhone is not null or r.contactEmail is not null) "
            + "order by r.id")
    List<Rating> findContactsToEraseBefore(@Param("cutoff") Instant cutoff, Pageable page);
}
