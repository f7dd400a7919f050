package vn.khcn.workflow.outgoing;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OpinionRequestRepository extends JpaRepository<OpinionRequest, Long> {

  List<OpinionRequest> findByDocumentIdOrderByRoundNoAscIdAsc(Long documentId);

  /** Unanswered requests naming one of the parties (a user id or a unit group), oldest first. */
  List<OpinionRequest> findByAnsweredAtIsNullAndPartyIdInOrderByDueDateAscIdAsc(
      java.util.Collection<String> parties);

  @Query("select coalesce(max(r.roundNo), 0) from OpinionRequest r where r.documentId = ?1")
  int lastRound(Long documentId);
}
