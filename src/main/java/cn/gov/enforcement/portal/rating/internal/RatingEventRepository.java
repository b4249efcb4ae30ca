package cn.gov.enforcement.portal.rating.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RatingEventRepository extends JpaRepository<RatingEvent, Long> {

    /** A rating's steps, oldest first. */
    List<RatingEvent> findByRatingIdOrderByOccurredAtAscIdAsc(long ratingId);
}
