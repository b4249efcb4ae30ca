package cn.gov.enforcement.portal.account;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccountEventRepository extends JpaRepository<AccountEvent, Long> {

    @Query("select e from AccountEvent e where (:username is null or lower(e.username) = :username)"
            + " and (:action is null or e.action = :action) order by e.occurredAt desc, e.id desc")
    List<AccountEvent> latest(@Param("username") String username, @Param("action") AccountAction action, Pageable page);

    @Modifying
    @Query("delete from AccountEvent e where e.occurredAt < :before")
    int deleteOlderThan(@Param("before") OffsetDateTime before);
}
