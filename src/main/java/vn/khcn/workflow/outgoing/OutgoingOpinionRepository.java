package vn.khcn.workflow.outgoing;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutgoingOpinionRepository extends JpaRepository<OutgoingOpinion, Long> {

  List<OutgoingOpinion> findByDocumentIdOrderByAnsweredAtAscIdAsc(Long documentId);

  Optional<OutgoingOpinion> findByRequestId(Long requestId);
}
