package vn.khcn.workflow.signature;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AttachmentSignatureRepository extends JpaRepository<AttachmentSignature, Long> {

  List<AttachmentSignature> findByAttachmentIdInOrderByAttachmentIdAscPositionAsc(
      Collection<Long> attachmentIds);
}
