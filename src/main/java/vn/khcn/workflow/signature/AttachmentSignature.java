package vn.khcn.workflow.signature;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The check of one signature of a stored attachment, as it was when stored (V17). Never changed. */
@Entity
@Table(name = "attachment_signature")
class AttachmentSignature {

  private static final String SEPARATOR = "\n";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "attachment_id", nullable = false)
  private Long attachmentId;

  @Column(name = "document_id", nullable = false)
  private Long documentId;

  @Column(nullable = false)
  private int position;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private SignatureStatus status;

  private String signer;
  private String organisation;
  private String issuer;

  @Column(name = "signed_at")
  private Instant signedAt;

  @Column(name = "whole_document", nullable = false)
  private boolean wholeDocument;

  @Column(nullable = false)
  private String revocation;

  @Column(nullable = false)
  private String reasons;

  @Column(name = "checked_at", nullable = false)
  private Instant checkedAt;

  protected AttachmentSignature() {}

  AttachmentSignature(long attachmentId, long documentId, int position, SignatureCheck check,
      Instant checkedAt) {
    this.attachmentId = attachmentId;
    this.documentId = documentId;
    this.position = position;
    this.status = check.status();
    this.signer = cut(check.signer(), 500);
    this.organisation = cut(check.organisation(), 500);
    this.issuer = cut(check.issuer(), 500);
    this.signedAt = check.signedAt();
    this.wholeDocument = check.wholeDocument();
    this.revocation = cut(check.revocation(), 500);
    this.reasons = cut(String.join(SEPARATOR, check.reasons()), 4000);
    this.checkedAt = checkedAt;
  }

  Long getAttachmentId() { return attachmentId; }

  /** The check as verification answered it. */
  SignatureCheck check() {
    List<String> list = reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(SEPARATOR));
    return SignatureCheck.of(status, signer, organisation, issuer, signedAt, wholeDocument,
        revocation, list);
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
