package vn.khcn.workflow.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

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

  /** JPQL, so that Hibernate caches its SQL (a derived query is translated on every call). */
  @Query("select a.id as id, a.fileName as fileName, a.contentType as contentType,"
      + " a.sizeBytes as sizeBytes, a.sha256 as sha256, a.unitId as unitId,"
      + " a.uploadedBy as uploadedBy, a.uploadedAt as uploadedAt from Attachment a"
      + " where a.documentId = ?1 order by a.id")
  List<AttachmentInfo> findByDocumentIdOrderByIdAsc(Long documentId);

  Optional<Attachment> findByIdAndDocumentId(Long id, Long documentId);
}
