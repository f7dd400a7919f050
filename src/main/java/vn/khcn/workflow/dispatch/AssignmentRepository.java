package vn.khcn.workflow.dispatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AssignmentRepository extends JpaRepository<Assignment, Long> {

  // The queries every step runs are JPQL: Hibernate 6.6 caches their SQL, while it translates a
  // derived (criteria) query again on every call.
  @Query("select a from Assignment a where a.documentId = ?1 order by a.id")
  List<Assignment> findByDocumentIdOrderByIdAsc(Long documentId);

  List<Assignment> findByDocumentIdInOrderByIdAsc(Collection<Long> documentIds);

  /** Ids per "in (…)": a statement carries at most 65,535 parameters on PostgreSQL. */
  int CHUNK = 1000;

  /**
   * The documents' assignments by document, each list in order, read {@link #CHUNK} ids at a
   * time: a year's register holds up to 100,000 documents at a province's volume.
   */
  default Map<Long, List<Assignment>> byDocument(List<Long> documentIds) {
    Map<Long, List<Assignment>> byDocument = new HashMap<>();
    for (int i = 0; i < documentIds.size(); i += CHUNK) {
      findByDocumentIdInOrderByIdAsc(documentIds.subList(i, Math.min(documentIds.size(),
          i + CHUNK))).forEach(a -> byDocument.computeIfAbsent(a.getDocumentId(),
              k -> new ArrayList<>()).add(a));
    }
    return byDocument;
  }

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
