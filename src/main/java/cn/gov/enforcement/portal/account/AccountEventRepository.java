package cn.gov.enforcement.portal.account;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccountEventRepository extends JpaRepository<AccountEvent, Long> {

    // one query per filter combination, each led by an index (time; name key and time; action and time), instead of
    // (:x is null or ...) conditions no plan can use an index for

    @Query("select e from AccountEvent e order by e.occurredAt desc, e.id desc")
    List<AccountEvent> latest(Pageable page);

    @Query("select e from AccountEvent e where e.usernameKey = :key order by e.occurredAt desc, e.id desc")
    List<AccountEvent> latestOf(@Param("key") String usernameKey, Pageable page);

    @Query("select e from AccountEvent e where e.action = :action order by e.occurredAt desc, e.id desc")
    List<AccountEvent> latestOf(@Param("action") AccountAction action, Pageable page);

    @Query("select e from AccountEvent e where e.usernameKey = :key and e.action = :action"
            + " order by e.occurredAt desc, e.id desc")
    List<AccountEvent> latestOf(@Param("key") String usernameKey, @Param("action") AccountAction action, Pageable page);

    @Modifying
    @Query("delete from AccountEvent e where e.occurredAt < :before")
    int deleteOlderThan(@Param("before") OffsetDateTime before);
}
