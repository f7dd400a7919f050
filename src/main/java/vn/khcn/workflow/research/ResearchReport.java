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

/** A progress or mid-term report and its review. */
@Entity
@Table(name = "research_report")
class ResearchReport {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "research_task_id", nullable = false)
  private Long researchTaskId;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ReportKind kind;
  @Column(nullable = false)
  private String content;
  @Column(name = "submitted_by", nullable = false)
  private String submittedBy;
  @Column(name = "submitted_at", nullable = false)
  private Instant submittedAt;
  @Column(name = "review_result")
  private String reviewResult;
  @Column(name = "review_comment")
  private String reviewComment;
  @Column(name = "reviewed_by")
  private String reviewedBy;
  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  protected ResearchReport() {}

  ResearchReport(Long researchTaskId, ReportKind kind, String content, String submittedBy,
      Instant submittedAt) {
    this.researchTaskId = researchTaskId;
    this.kind = kind;
    this.content = content;
    this.submittedBy = submittedBy;
    this.submittedAt = submittedAt;
  }

  void reviewed(boolean accepted, String comment, String by, Instant at) {
    this.reviewResult = accepted ? "ACCEPTED" : "RETURNED";
    this.reviewComment = comment;
    this.reviewedBy = by;
    this.reviewedAt = at;
  }

  public Long getId() { return id; }
  public ReportKind getKind() { return kind; }
  public String getContent() { return content; }
  public String getSubmittedBy() { return submittedBy; }
  public Instant getSubmittedAt() { return submittedAt; }
  public String getReviewResult() { return reviewResult; }
  public String getReviewComment() { return reviewComment; }
  public String getReviewedBy() { return reviewedBy; }
  public Instant getReviewedAt() { return reviewedAt; }
}
