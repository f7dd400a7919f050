package vn.khcn.workflow.dispatch;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface InformedAcknowledgementRepository
    extends JpaRepository<InformedAcknowledgement, InformedAcknowledgement.Key> {

  List<InformedAcknowledgement> findByDocumentId(Long documentId);
}
