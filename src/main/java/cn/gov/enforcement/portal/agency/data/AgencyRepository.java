package cn.gov.enforcement.portal.agency.data;

import cn.gov.enforcement.portal.agency.AgencySummary;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AgencyRepository extends JpaRepository<AgencyEntity, String> {

    /**
     * The agency, its row locked (SELECT ... FOR UPDATE) until the transaction ends: a back-office save and a
     * knowledge-base reload of the agency wait for each other instead of interleaving. Read after the lock, so it
     * holds what a writer that held the lock before committed.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from AgencyEntity a where a.id = :id")
    Optional<AgencyEntity> lockById(@Param("id") String id);

    /**
     * Every agency, each row locked until the transaction ends, in id order (every writer that locks more than one
     * agency takes them in this order, so that no two writers wait for each other in a circle).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from AgencyEntity a order by a.id")
    List<AgencyEntity> lockAllOrderById();

    @Query("select distinct a from AgencyEntity a join a.officers o where o.certificate = :certificate")
    Optional<AgencyEntity> findByCertificate(String certificate);

    /** Every agency with its powers, legal basis and officers (each collection read in one query for all agencies). */
    List<AgencyEntity> findAllByOrderByIdAsc();

    /** Every agency's summary, sorted by id, in one query and without the powers, legal basis and officers. */
    @Query("select new cn.gov.enforcement.portal.agency.AgencySummary(a.id, a.name, a.nameEn, a.category, a.region, "
            + "a.address, a.addressEn, a.supervisionPhone, a.supervisionEmail, a.mediationEmail, a.officeHours, "
            + "a.officeHoursEn, a.sample) "
            + "from AgencyEntity a order by a.id")
    List<AgencySummary> findSummariesByOrderByIdAsc();

    /** The summaries of these agencies (unknown ids left out, in no order), in one query and without the collections. */
    @Query("select new cn.gov.enforcement.portal.agency.AgencySummary(a.id, a.name, a.nameEn, a.category, a.region, "
            + "a.address, a.addressEn, a.supervisionPhone, a.supervisionEmail, a.mediationEmail, a.officeHours, "
            + "a.officeHoursEn, a.sample) "
            + "from AgencyEntity a where a.id in :ids")
    List<AgencySummary> findSummariesByIdIn(@Param("ids") Collection<String> ids);
}
