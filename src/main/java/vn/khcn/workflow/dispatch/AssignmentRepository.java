package vn.khcn.workflow.dispatch;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AssignmentRepository extends JpaRepository<Assignment, Long> {

  // The queries every step runs are JPQL: Hibernate 6.6 caches their SQL, while it translates a
  // derived (criteria) query again on every call.
  @Query("select a from Assignment a where a.documentId = ?1 order by a.id")
  List<Assignment> findByDocumentIdOrderByIdAsc(Long documentId);

  List<Assignment> findByDocumentIdInOrderByIdAsc(Collection<Long> documentIds);

  /** The unit's assignment on the document in a role other than the one given. */
  default Optional<Assignment> findFirstByDocumentIdAndUnitIdAndRoleNot(Long documentId,
      String unitId, AssignmentRole role) {
    return assignmentsOfUnit(documentId, unitId, role).stream().findFirst();
  }

  @Query("select a from Assignment a where a.documentId = ?1 and a.unitId = ?2 and a.role <> ?3"
      + " order by a.id")
  List<Assignment> assignmentsOfUnit(Long documentId, String unitId, AssignmentRole role);

  boolean existsByDocumentIdAndUnitIdIn(Long documentId, Collection<String> unitIds);
}
