package vn.khcn.workflow.outgoing;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OpinionRequestRepository extends JpaRepository<OpinionRequest, Long> {

  List<OpinionRequest> findByDocumentIdOrderByRoundNoAscIdAsc(Long documentId);

  @Query("select coalesce(max(r.roundNo), 0) from OpinionRequest r where r.documentId = ?1")
  int lastRound(Long documentId);
}
