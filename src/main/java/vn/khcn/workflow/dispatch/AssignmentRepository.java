package vn.khcn.workflow.dispatch;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssignmentRepository extends JpaRepository<Assignment, Long> {

  List<Assignment> findByDocumentIdOrderByIdAsc(Long documentId);

  List<Assignment> findByDocumentIdInOrderByIdAsc(Collection<Long> documentIds);

  Optional<Assignment> findFirstByDocumentIdAndUnitIdAndRoleNot(Long documentId, String unitId,
      AssignmentRole role);

  boolean existsByDocumentIdAndUnitIdIn(Long documentId, Collection<String> unitIds);
}
