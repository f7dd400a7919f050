package vn.khcn.workflow.research;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A stored rules regime: the file as deployed, by code (table {@code rules_regime}, V21). */
@Entity
@Table(name = "rules_regime")
class RuleRegimeRecord {

  @Id
  private String code;
  @Column(name = "effective_from", nullable = false)
  private LocalDate effectiveFrom;
  @Column(nullable = false)
  private String content;
  @Column(nullable = false)
  private String sha256;
  @Column(name = "deployed_by", nullable = false)
  private String deployedBy;
  @Column(name = "deployed_at", nullable = false)
  private Instant deployedAt;
  @Column(nullable = false)
  private int revision;

  protected RuleRegimeRecord() {}

  RuleRegimeRecord(String code, LocalDate effectiveFrom, String content, String sha256,
      String deployedBy, Instant deployedAt) {
    this.code = code;
    this.effectiveFrom = effectiveFrom;
    this.content = content;
    this.sha256 = sha256;
    this.deployedBy = deployedBy;
    this.deployedAt = deployedAt;
    this.revision = 1;
  }

  void replace(LocalDate effectiveFrom, String content, String sha256, String by, Instant at) {
    this.effectiveFrom = effectiveFrom;
    this.content = content;
    this.sha256 = sha256;
    this.deployedBy = by;
    this.deployedAt = at;
    this.revision++;
  }

  String getCode() { return code; }
  String getContent() { return content; }
  String getSha256() { return sha256; }
  String getDeployedBy() { return deployedBy; }
  Instant getDeployedAt() { return deployedAt; }
  int getRevision() { return revision; }
}
