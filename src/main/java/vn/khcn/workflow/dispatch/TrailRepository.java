package vn.khcn.workflow.dispatch;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TrailRepository extends JpaRepository<TrailEntry, Long> {

  /** JPQL, so that Hibernate caches its SQL (a derived query is translated on every call). */
  @Query("select t from TrailEntry t where t.documentId = ?1 order by t.occurredAt, t.id")
  List<TrailEntry> findByDocumentIdOrderByOccurredAtAscIdAsc(Long documentId);
}
