package vn.khcn.workflow.research;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A council appointed for a research task: its meetings and its conclusion. */
@Entity
@Table(name = "council")
class Council {

  /** Appointed: members declare and vote; then the meeting concludes it. */
  public enum Status { APPOINTED, CONCLUDED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "research_task_id", nullable = false)
  private Long researchTaskId;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CouncilKind kind;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;
  @Column(name = "appointed_by", nullable = false)
  private String appointedBy;
  @Column(name = "appointed_at", nullable = false)
  private Instant appointedAt;
  @Column(name = "ballot_due_at")
  private Instant ballotDueAt;
  @Column(name = "meeting_date")
  private LocalDate meetingDate;
  @Column(name = "meetings_held", nullable = false)
  private int meetingsHeld;
  @Column(name = "members_present")
  private Integer membersPresent;
  @Column(name = "quorum_problem")
  private String quorumProblem;
  @Column(name = "mean_score")
  private Double meanScore;
  @Column(name = "max_zero_share")
  private Double maxZeroShare;
  private String outcome;
  private String notes;
  @Column(name = "decided_at")
  private Instant decidedAt;
  @Version
  private long version;

  protected Council() {}

  Council(Long researchTaskId, CouncilKind kind, String appointedBy, Instant appointedAt,
      Instant ballotDueAt) {
    this.researchTaskId = researchTaskId;
    this.kind = kind;
    this.status = Status.APPOINTED;
    this.appointedBy = appointedBy;
    this.appointedAt = appointedAt;
    this.ballotDueAt = ballotDueAt;
  }

  void meetingHeld(LocalDate date, int present, String notes) {
    this.meetingDate = date;
    this.meetingsHeld++;
    this.membersPresent = present;
    this.notes = notes;
  }

  void quorumFailed(String problem) { this.quorumProblem = problem; }

  void concluded(String outcome, Double meanScore, Double maxZeroShare, Instant at) {
    this.quorumProblem = null;
    this.outcome = outcome;
    this.meanScore = meanScore;
    this.maxZeroShare = maxZeroShare;
    this.decidedAt = at;
    this.status = Status.CONCLUDED;
  }

  public Long getId() { return id; }
  public Long getResearchTaskId() { return researchTaskId; }
  public CouncilKind getKind() { return kind; }
  public Status getStatus() { return status; }
  public String getAppointedBy() { return appointedBy; }
  public Instant getAppointedAt() { return appointedAt; }
  public Instant getBallotDueAt() { return ballotDueAt; }
  public LocalDate getMeetingDate() { return meetingDate; }
  public int getMeetingsHeld() { return meetingsHeld; }
  public Integer getMembersPresent() { return membersPresent; }
  public String getQuorumProblem() { return quorumProblem; }
  public Double getMeanScore() { return meanScore; }
  public Double getMaxZeroShare() { return maxZeroShare; }
  public String getOutcome() { return outcome; }
  public String getNotes() { return notes; }
  public Instant getDecidedAt() { return decidedAt; }
}
