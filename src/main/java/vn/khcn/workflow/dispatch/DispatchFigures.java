package vn.khcn.workflow.dispatch;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures of the dispatch work that operations watches (issue 20): how many documents were
 * registered, and how many units' duties are overdue now, by unit. Both read the database, so every
 * node of a cluster reports the same value.
 */
@Component
public class DispatchFigures {

  private final EntityManager entityManager;

  DispatchFigures(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Every registered incoming document, imported registers included (only ever grows). */
  @Transactional(readOnly = true)
  public long registeredDocuments() {
    return entityManager.createQuery("select count(d) from IncomingDocument d", Long.class)
        .getSingleResult();
  }

  /**
   * Open lead and co-ordinating duties past their due date, by unit id, on documents still in
   * handling (recalled and replaced documents' work is ended).
   */
  @Transactional(readOnly = true)
  public Map<String, Long> overdueByUnit() {
    List<Object[]> rows = entityManager.createQuery("""
        select a.unitId, count(a) from Assignment a, IncomingDocument d
        where d.id = a.documentId and a.completedAt is null and a.dueAt < :now
          and a.role <> :informed and d.status not in (:ended)
        group by a.unitId""", Object[].class)
        .setParameter("now", Instant.now())
        .setParameter("informed", AssignmentRole.INFORMED)
        .setParameter("ended", List.of(DocumentStatus.RECALLED, DocumentStatus.REPLACED,
            DocumentStatus.ARCHIVED))
        .getResultList();
    Map<String, Long> overdue = new LinkedHashMap<>();
    for (Object[] row : rows) {
      overdue.put((String) row[0], (Long) row[1]);
    }
    return overdue;
  }
}
