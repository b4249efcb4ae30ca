package cn.gov.enforcement.portal.lists.data;

import java.util.List;
import java.util.Optional;
import java.time.LocalDate;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ListEntryRepository extends JpaRepository<ListEntryEntity, String> {

    List<ListEntryEntity> findByListKindOrderByIdAsc(String listKind);

    /**
     * The entries of one list, each row locked (SELECT ... FOR UPDATE) until the transaction ends, in id order (every
     * writer that locks more than one entry takes them in this order, so that no two writers wait in a circle).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from ListEntryEntity e where e.listKind = :kind order by e.id")
    List<ListEntryEntity> lockByListKindOrderById(@Param("kind") String listKind);

    /**
     * The entry, its row locked until the transaction ends: a back-office save or withdrawal and a knowledge-base
     * reload of the entry wait for each other instead of interleaving. Read after the lock.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from ListEntryEntity e where e.id = :id")
    Optional<ListEntryEntity> lockById(@Param("id") String id);

    /** The entries of one agency in one list (index lists_entry_kind_agency), for the export. */
    List<ListEntryEntity> findByListKindAndAgencyOrderByIdAsc(String listKind, String agency);

    /** One row of the editors' list: the columns it shows, without the payload. */
    interface Line {
        String getId();
        String getTitle();
        String getSourceFile();
        LocalDate getEffectiveFrom();
        LocalDate getEffectiveTo();
    }

    /** The rows of one agency in one list, without their payloads, by id. */
    @Query("select e.id as id, e.title as title, e.sourceFile as sourceFile, e.effectiveFrom as effectiveFrom, "
            + "e.effectiveTo as effectiveTo from ListEntryEntity e where e.listKind = :kind and e.agency = :agency "
            + "order by e.id")
    List<Line> findLines(@Param("kind") String listKind, @Param("agency") String agency);

    Optional<ListEntryEntity> findByIdAndListKind(String id, String listKind);

    long countByListKind(String listKind);

    /** The ids of an agency's entries in the three lists. */
    @Query("select e.id from ListEntryEntity e where e.agency = :agency")
    List<String> findIdsByAgency(@Param("agency") String agency);

    /** The ids of every agency's entries in the three lists. */
    @Query("select e.id from ListEntryEntity e")
    List<String> findAllIds();

    /** True when an entry of another agency has an id starting with {@code prefix}. */
    boolean existsByIdStartingWithAndAgencyNot(String prefix, String agency);

    /** Ids of the entries of a list that are not in force on the given day (not yet, or no longer). */
    @Query("select e.id from ListEntryEntity e where e.listKind = :kind and (e.effectiveFrom > :day "
            + "or e.effectiveTo < :day)")
    List<String> findIdsNotInForce(@Param("kind") String listKind, @Param("day") LocalDate day);
}
