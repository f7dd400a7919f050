package vn.khcn.workflow.outgoing;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BodyVersionRepository extends JpaRepository<BodyVersion, Long> {

  /** The versions without their content (the content is read only for a download). */
  @Query("select new vn.khcn.workflow.outgoing.BodyVersionRepository$VersionInfo(v.id, v.versionNo,"
      + " v.fileName, v.contentType, v.sizeBytes, v.sha256, v.changeNote, v.uploadedBy,"
      + " v.uploadedByName, v.uploadedAt) from BodyVersion v where v.documentId = ?1"
      + " order by v.versionNo")
  List<VersionInfo> infos(long documentId);

  Optional<BodyVersion> findByIdAndDocumentId(long id, long documentId);

  long countByDocumentId(long documentId);

  /** The body the document was signed and issued with: its last version. */
  Optional<BodyVersion> findFirstByDocumentIdOrderByVersionNoDesc(long documentId);

  /** A version as listed: everything but the content. */
  record VersionInfo(Long id, int versionNo, String fileName, String contentType, long sizeBytes,
      String sha256, String changeNote, String uploadedBy, String uploadedByName,
      java.time.Instant uploadedAt) {}
}
