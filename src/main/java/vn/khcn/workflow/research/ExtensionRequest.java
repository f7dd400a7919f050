package vn.khcn.workflow.research;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The one request to extend a research task (TT 04/2015), and the director's decision on it. */
@Entity
@Table(name = "extension_request")
class ExtensionRequest {

  /** PENDING until a director decides. */
  public enum Status { PENDING, GRANTED, REFUSED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "research_task_id", nullable = false)
  private Long researchTaskId;
  @Column(nullable = false)
  private int months;
  @Column(nullable = false)
  private String reason;
  @Column(name = "requested_by", nullable = false)
  private String requestedBy;
  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;
  @Column(name = "decided_by")
  private String decidedBy;
  @Column(name = "decided_at")
  private Instant decidedAt;
  @Column(name = "decision_comment")
  private String decisionComment;

  protected ExtensionRequest() {}

  ExtensionRequest(Long researchTaskId, int months, String reason, String requestedBy,
      Instant requestedAt) {
    this.researchTaskId = researchTaskId;
    this.months = months;
    this.reason = reason;
    this.requestedBy = requestedBy;
    this.requestedAt = requestedAt;
    this.status = Status.PENDING;
  }

  void decide(boolean granted, String comment, String by, Instant at) {
    this.status = granted ? Status.GRANTED : Status.REFUSED;
    this.decisionComment = comment;
    this.decidedBy = by;
    this.decidedAt = at;
  }

  public Long getId() { return id; }
  public int getMonths() { return months; }
  public String getReason() { return reason; }
  public String getRequestedBy() { return requestedBy; }
  public Instant getRequestedAt() { return requestedAt; }
  public Status getStatus() { return status; }
  public String getDecidedBy() { return decidedBy; }
  public Instant getDecidedAt() { return decidedAt; }
  public String getDecisionComment() { return decisionComment; }
}
