package vn.khcn.workflow.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

  /** Attachment metadata without the content. */
  interface AttachmentInfo {
    Long getId();
    String getFileName();
    String getContentType();
    long getSizeBytes();
    String getSha256();
    String getUnitId();
    String getUploadedBy();
    Instant getUploadedAt();
  }

  List<AttachmentInfo> findByDocumentIdOrderByIdAsc(Long documentId);

  Optional<Attachment> findByIdAndDocumentId(Long id, Long documentId);
}
