package cn.gov.enforcement.portal.rating.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RatingRepository extends JpaRepository<Rating, Long> {

    Optional<Rating> findByReference(String reference);

    List<Rating> findByAgencyIdOrderBySubmittedAtDesc(String agencyId);

    List<Rating> findBySubmittedAtGreaterThanEqual(Instant since);
}
