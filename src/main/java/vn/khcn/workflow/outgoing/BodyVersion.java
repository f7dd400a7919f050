package vn.khcn.workflow.outgoing;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.khcn.workflow.identity.Actor;

/** One uploaded body (DOCX or PDF) of a draft with what changed; never changed nor removed. */
@Entity
@Table(name = "outgoing_body_version")
class BodyVersion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "document_id", nullable = false)
  private Long documentId;
  @Column(name = "version_no", nullable = false)
  private int versionNo;
  @Column(name = "file_name", nullable = false)
  private String fileName;
  @Column(name = "content_type", nullable = false)
  private String contentType;
  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;
  @Column(nullable = false)
  private String sha256;
  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private byte[] content;
  @Column(name = "change_note", nullable = false)
  private String changeNote;
  @Column(name = "uploaded_by", nullable = false)
  private String uploadedBy;
  @Column(name = "uploaded_by_name", nullable = false)
  private String uploadedByName;
  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  protected BodyVersion() {}

  BodyVersion(Long documentId, int versionNo, String fileName, String contentType,
      byte[] content, String sha256, String changeNote, Actor uploader, Instant now) {
    this.documentId = documentId;
    this.versionNo = versionNo;
    this.fileName = fileName;
    this.contentType = contentType;
    this.sizeBytes = content.length;
    this.sha256 = sha256;
    this.content = content;
    this.changeNote = changeNote;
    this.uploadedBy = uploader.userId();
    this.uploadedByName = uploader.fullName();
    this.uploadedAt = now;
  }

  Long getId() {
    return id;
  }

  Long getDocumentId() {
    return documentId;
  }

  int getVersionNo() {
    return versionNo;
  }

  String getFileName() {
    return fileName;
  }

  String getContentType() {
    return contentType;
  }

  long getSizeBytes() {
    return sizeBytes;
  }

  String getSha256() {
    return sha256;
  }

  byte[] getContent() {
    return content;
  }

  String getChangeNote() {
    return changeNote;
  }

  String getUploadedBy() {
    return uploadedBy;
  }

  String getUploadedByName() {
    return uploadedByName;
  }

  Instant getUploadedAt() {
    return uploadedAt;
  }
}
