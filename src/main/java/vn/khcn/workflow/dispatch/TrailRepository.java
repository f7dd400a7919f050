package vn.khcn.workflow.dispatch;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TrailRepository extends JpaRepository<TrailEntry, Long> {

  List<TrailEntry> findByDocumentIdOrderByOccurredAtAscIdAsc(Long documentId);
}
