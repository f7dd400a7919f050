package vn.khcn.workflow.interop;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ReceivedPackageRepository extends JpaRepository<ReceivedPackage, Long> {

  @Query("select p from ReceivedPackage p where p.edxmlDocumentId = ?1 order by p.id")
  List<ReceivedPackage> findByEdxmlDocumentId(String edxmlDocumentId);

  @Query("select p from ReceivedPackage p where p.documentId = ?1")
  Optional<ReceivedPackage> findByDocumentId(Long documentId);

  /** The same, its row locked: one progress report at a time per package (ADR 0033). */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from ReceivedPackage p where p.documentId = ?1")
  Optional<ReceivedPackage> findByDocumentIdForUpdate(Long documentId);

  @Query("select p from ReceivedPackage p order by p.id desc")
  List<ReceivedPackage> findAllNewestFirst(org.springframework.data.domain.Pageable page);
}
