package cn.gov.enforcement.portal.mediation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface DraftRepository extends JpaRepository<Draft, Long> {

    Optional<Draft> findByCodeDigest(String codeDigest);

    List<Draft> findByExpiresAtAfter(Instant now);

    @Modifying
    @Query("delete from Draft d where d.expiresAt < :now")
    int deleteExpired(Instant now);
}
