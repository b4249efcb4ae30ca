package cn.gov.enforcement.portal.guidance.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface GuidanceRepository extends JpaRepository<Guidance, Long> {

    Optional<Guidance> findByNumber(String number);

    /** One page of an agency's guidance, in the page's order. */
    List<Guidance> findByAgencyId(String agencyId, Pageable page);

    long countByAgencyId(String agencyId);

    /** One page of an agency's guidance with a return visit planned and not yet recorded. */
    List<Guidance> findByAgencyIdAndVisitDueNotNullAndVisitOutcomeNull(String agencyId, Pageable page);

    long countByAgencyIdAndVisitDueNotNullAndVisitOutcomeNull(String agencyId);

    long countByAgencyIdAndVisitDueBeforeAndVisitOutcomeNull(String agencyId, LocalDate day);

    /** Guidance given since an instant, one row per agency and kind: agency id, kind, count. */
    @Query("select g.agencyId, g.kind, count(g) from Guidance g where g.issuedAt >= :since group by g.agencyId, g.kind")
    List<Object[]> countPerAgencyAndKindSince(@Param("since") Instant since);
}
