package vn.khcn.workflow.dispatch;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SavedDocumentSearchRepository extends JpaRepository<SavedDocumentSearch, Long> {

  List<SavedDocumentSearch> findByOwnerIdOrderByNameAscIdAsc(String ownerId);

  /** The search only if it is this owner's: another person's is "not found". */
  Optional<SavedDocumentSearch> findByIdAndOwnerId(Long id, String ownerId);

  long countByOwnerId(String ownerId);

  boolean existsByOwnerIdAndName(String ownerId, String name);
}
