package vn.khcn.workflow.signature;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A CA certificate administrators trust for verifying signatures (table trust_anchor, V17). */
@Entity
@Table(name = "trust_anchor")
class TrustAnchor {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String subject;

  @Column(nullable = false)
  private String issuer;

  @Column(name = "fingerprint_sha256", nullable = false)
  private String fingerprint;

  @Column(name = "not_before", nullable = false)
  private Instant notBefore;

  @Column(name = "not_after", nullable = false)
  private Instant notAfter;

  @Basic(fetch = FetchType.EAGER)
  @Column(nullable = false)
  private byte[] der;

  @Column(name = "added_by", nullable = false)
  private String addedBy;

  @Column(name = "added_at", nullable = false)
  private Instant addedAt;

  protected TrustAnchor() {}

  TrustAnchor(String subject, String issuer, String fingerprint, Instant notBefore,
      Instant notAfter, byte[] der, String addedBy, Instant addedAt) {
    this.subject = subject;
    this.issuer = issuer;
    this.fingerprint = fingerprint;
    this.notBefore = notBefore;
    this.notAfter = notAfter;
    this.der = der;
    this.addedBy = addedBy;
    this.addedAt = addedAt;
  }

  Long getId() { return id; }
  String getSubject() { return subject; }
  String getIssuer() { return issuer; }
  String getFingerprint() { return fingerprint; }
  Instant getNotBefore() { return notBefore; }
  Instant getNotAfter() { return notAfter; }
  byte[] getDer() { return der; }
  String getAddedBy() { return addedBy; }
  Instant getAddedAt() { return addedAt; }
}
