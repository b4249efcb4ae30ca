package cn.gov.enforcement.portal.agency.data;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AgencyRepository extends JpaRepository<AgencyEntity, String> {

    @Query("select distinct a from AgencyEntity a join a.officers o where o.certificate = :certificate")
    Optional<AgencyEntity> findByCertificate(String certificate);

    List<AgencyEntity> findAllByOrderByIdAsc();
}
