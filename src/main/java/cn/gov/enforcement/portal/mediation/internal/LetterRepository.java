package cn.gov.enforcement.portal.mediation.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface LetterRepository extends JpaRepository<Letter, Long> {

    Optional<Letter> findByCode(String code);

    List<Letter> findByAgencyIdOrderByCreatedAtDescIdDesc(String agencyId);

    @Modifying
    @Query("delete from Letter l where l.expiresAt < :now")
    int deleteExpired(Instant now);
}
