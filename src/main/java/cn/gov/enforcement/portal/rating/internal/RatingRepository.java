package cn.gov.enforcement.portal.rating.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RatingRepository extends JpaRepository<Rating, Long> {

    Optional<Rating> findByReference(String reference);

    List<Rating> findByAgencyIdOrderBySubmittedAtDesc(String agencyId);

    List<Rating> findBySubmittedAtGreaterThanEqual(Instant since);

    /** Erases the contact details of ratings given before the cutoff that no longer wait for a follow-up. */
    @Modifying
    @Query("update Rating r set r.contactName = null, r.contactPhone = null, r.contactEmail = null "
            + "where r.submittedAt < :cutoff and r.status <> 'AWAITING_FOLLOW_UP' "
            + "and (r.contactName is not null or r.contactPhone is not null or r.contactEmail is not null)")
    int eraseContactsBefore(@Param("cutoff") Instant cutoff);
}
