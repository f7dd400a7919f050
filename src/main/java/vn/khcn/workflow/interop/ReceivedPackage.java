package vn.khcn.workflow.interop;

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

/** An edXML package received over the interconnection axis, and what the clerk did with it. */
@Entity
@Table(name = "interop_package")
class ReceivedPackage {

  /** Where a package came from. */
  enum Source { INBOX, UPLOAD }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "edxml_document_id") private String edxmlDocumentId;
  @Column(name = "sender_organ_id") private String senderOrganId;
  @Column(name = "sender_organ_name") private String senderOrganName;
  @Column(name = "receiver_organ_id") private String receiverOrganId;
  @Column(name = "receiver_organ_name") private String receiverOrganName;
  @Column(name = "business_doc_type") private String businessDocType;
  @Column(name = "header_json", nullable = false) private String headerJson;
  @Column(name = "file_name", nullable = false) private String fileName;
  @Enumerated(EnumType.STRING) @Column(nullable = false) private Source source;
  @Column(name = "size_bytes", nullable = false) private long sizeBytes;
  @Column(nullable = false) private String sha256;
  @Basic(fetch = FetchType.LAZY) @Column(nullable = false) private byte[] content;
  @Column(name = "attachment_count", nullable = false) private int attachmentCount;
  @Enumerated(EnumType.STRING) @Column(name = "signature_result", nullable = false)
  private SignatureResult signatureResult;
  @Column(name = "signature_detail") private String signatureDetail;
  @Enumerated(EnumType.STRING) @Column(nullable = false) private PackageStatus status;
  @Column(name = "duplicate_of_id") private Long duplicateOfId;
  @Column(name = "received_at", nullable = false) private Instant receivedAt;
  @Column(name = "received_by", nullable = false) private String receivedBy;
  @Column(name = "decided_at") private Instant decidedAt;
  @Column(name = "decided_by") private String decidedBy;
  @Column(name = "refusal_reason") private String refusalReason;
  @Column(name = "document_id") private Long documentId;
  @Column(name = "recall_requested_at") private Instant recallRequestedAt;
  @Column(name = "recall_reason") private String recallReason;
  @Column(name = "recall_decision") private String recallDecision;

  protected ReceivedPackage() {}

  ReceivedPackage(EdxmlPackage parsed, String headerJson, String fileName, Source source,
      byte[] content, String sha256, Long duplicateOfId, Instant receivedAt, String receivedBy) {
    this.edxmlDocumentId = parsed.documentId();
    this.senderOrganId = parsed.from().id();
    this.senderOrganName = parsed.from().name();
    this.receiverOrganId = parsed.to().id();
    this.receiverOrganName = parsed.to().name();
    this.businessDocType = parsed.businessDocType();
    this.headerJson = headerJson;
    this.fileName = fileName;
    this.source = source;
    this.sizeBytes = content.length;
    this.content = content;
    this.sha256 = sha256;
    this.attachmentCount = parsed.attachments().size();
    this.signatureResult = parsed.signature().result();
    this.signatureDetail = parsed.signature().detail();
    this.status = PackageStatus.RECEIVED;
    this.duplicateOfId = duplicateOfId;
    this.receivedAt = receivedAt;
    this.receivedBy = receivedBy;
  }

  void refuse(String reason, String by, Instant at) {
    status = PackageStatus.REFUSED;
    refusalReason = reason;
    decidedBy = by;
    decidedAt = at;
  }

  void registered(long document, String by, Instant at) {
    status = PackageStatus.REGISTERED;
    documentId = document;
    decidedBy = by;
    decidedAt = at;
  }

  void recallRequested(String reason, Instant at) {
    recallRequestedAt = at;
    recallReason = reason;
    recallDecision = null;
  }

  void recallDecided(boolean accepted) {
    recallDecision = accepted ? "ACCEPTED" : "REFUSED";
    if (accepted) {
      status = PackageStatus.RECALLED;
    }
  }

  boolean recallPending() {
    return recallRequestedAt != null && recallDecision == null;
  }

  Long getId() { return id; }
  String getEdxmlDocumentId() { return edxmlDocumentId; }
  String getSenderOrganId() { return senderOrganId; }
  String getSenderOrganName() { return senderOrganName; }
  String getReceiverOrganId() { return receiverOrganId; }
  String getReceiverOrganName() { return receiverOrganName; }
  String getBusinessDocType() { return businessDocType; }
  String getHeaderJson() { return headerJson; }
  String getFileName() { return fileName; }
  Source getSource() { return source; }
  long getSizeBytes() { return sizeBytes; }
  String getSha256() { return sha256; }
  byte[] getContent() { return content; }
  int getAttachmentCount() { return attachmentCount; }
  SignatureResult getSignatureResult() { return signatureResult; }
  String getSignatureDetail() { return signatureDetail; }
  PackageStatus getStatus() { return status; }
  Long getDuplicateOfId() { return duplicateOfId; }
  Instant getReceivedAt() { return receivedAt; }
  String getReceivedBy() { return receivedBy; }
  Instant getDecidedAt() { return decidedAt; }
  String getDecidedBy() { return decidedBy; }
  String getRefusalReason() { return refusalReason; }
  Long getDocumentId() { return documentId; }
  Instant getRecallRequestedAt() { return recallRequestedAt; }
  String getRecallReason() { return recallReason; }
  String getRecallDecision() { return recallDecision; }
}
