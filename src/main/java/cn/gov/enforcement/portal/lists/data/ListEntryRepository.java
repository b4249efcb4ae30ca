package cn.gov.enforcement.portal.lists.data;

import java.util.List;
import java.util.Optional;
import java.time.LocalDate;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ListEntryRepository extends JpaRepository<ListEntryEntity, String> {

    List<ListEntryEntity> findByListKindOrderByIdAsc(String listKind);

    Optional<ListEntryEntity> findByIdAndListKind(String id, String listKind);

    long countByListKind(String listKind);

    /** Ids of the entries of a list that are not in force on the given day (not yet, or no longer). */
    @Query("select e.id from ListEntryEntity e where e.listKind = :kind and (e.effectiveFrom > :day "
            + "or e.effectiveTo < :day)")
    List<String> findIdsNotInForce(@Param("kind") String listKind, @Param("day") LocalDate day);
}
