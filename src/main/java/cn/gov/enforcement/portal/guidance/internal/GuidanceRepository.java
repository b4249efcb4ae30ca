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

    String SELECTED = "from Guidance g where g.agencyId = :agency"
            + " and (:visitsOnly = false or (g.visitDue is not null and g.visitOutcome is null and g.voidedAt is null))"
            + " and (lower(g.partyName) like :pattern escape '!' or lower(g.subject) like :pattern escape '!'"
            + " or lower(g.number) like :pattern escape '!')";

    /**
     * One page of an agency's guidance, in the page's order: all, or only those with a follow-up visit planned and
     * not recorded; whose party, matter or number matches the lower-case like pattern ({@code %} for all, {@code !}
     * escaping).
     */
    @Query("select g " + SELECTED)
    List<Guidance> select(@Param("agency") String agencyId, @Param("visitsOnly") boolean visitsOnly,
            @Param("pattern") String pattern, Pageable page);

    @Query("select count(g) " + SELECTED)
    long countSelected(@Param("agency") String agencyId, @Param("visitsOnly") boolean visitsOnly,
            @Param("pattern") String pattern);

    long countByAgencyIdAndVisitDueNotNullAndVisitOutcomeNullAndVoidedAtNull(String agencyId);

    long countByAgencyIdAndVisitDueBeforeAndVisitOutcomeNullAndVoidedAtNull(String agencyId, LocalDate day);

    /** Guidance whose follow-up visit is planned on or before a day and not recorded, by officer, day and number. */
    List<Guidance> findByVisitDueLessThanEqualAndVisitOutcomeNullAndVoidedAtNullOrderByOfficerAscVisitDueAscNumberAsc(
            LocalDate day);

    /** Guidance given since an instant and not voided, one row per agency and kind: agency id, kind, count. */
    @Query("select g.agencyId, g.kind, count(g) from Guidance g where g.issuedAt >= :since and g.voidedAt is null"
            + " group by g.agencyId, g.kind")
    List<Object[]> countPerAgencyAndKindSince(@Param("since") Instant since);
}
