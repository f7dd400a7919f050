package vn.khcn.workflow.outgoing;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutgoingTrailRepository extends JpaRepository<OutgoingTrailEntry, Long> {

  List<OutgoingTrailEntry> findByDocumentIdOrderByOccurredAtAscIdAsc(long documentId);
}
