package vn.khcn.workflow.research;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file of a research task's dossier, stored in the database; listing never loads the content. */
@Entity
@Table(name = "research_document")
class ResearchDocument {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "research_task_id", nullable = false)
  private Long researchTaskId;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DocumentKind kind;
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
  @Column(name = "uploaded_by", nullable = false)
  private String uploadedBy;
  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  protected ResearchDocument() {}

  ResearchDocument(Long researchTaskId, DocumentKind kind, String fileName, String contentType,
      byte[] content, String sha256, String uploadedBy, Instant uploadedAt) {
    this.researchTaskId = researchTaskId;
    this.kind = kind;
    this.fileName = fileName;
    this.contentType = contentType;
    this.content = content;
    this.sizeBytes = content.length;
    this.sha256 = sha256;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
  }

  public Long getId() { return id; }
  public Long getResearchTaskId() { return researchTaskId; }
  public DocumentKind getKind() { return kind; }
  public String getFileName() { return fileName; }
  public String getContentType() { return contentType; }
  public long getSizeBytes() { return sizeBytes; }
  public String getSha256() { return sha256; }
  public byte[] getContent() { return content; }
  public String getUploadedBy() { return uploadedBy; }
  public Instant getUploadedAt() { return uploadedAt; }
}
