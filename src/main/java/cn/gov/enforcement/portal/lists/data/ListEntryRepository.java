package cn.gov.enforcement.portal.lists.data;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ListEntryRepository extends JpaRepository<ListEntryEntity, String> {

    List<ListEntryEntity> findByListKindOrderByIdAsc(String listKind);

    Optional<ListEntryEntity> findByIdAndListKind(String id, String listKind);

    long countByListKind(String listKind);
}
