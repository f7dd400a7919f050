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

/** A member of a council: role, declaration of no conflict, presence, ballot or grade. */
@Entity
@Table(name = "council_member")
class CouncilMember {

  /** ACTIVE members sit on the council; REMOVED ones declared a conflict and were replaced. */
  public enum Status { ACTIVE, REMOVED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "council_id", nullable = false)
  private Long councilId;
  @Column(nullable = false)
  private String username;
  @Column(name = "full_name", nullable = false)
  private String fullName;
  @Column(nullable = false)
  private String organisation;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CouncilRole role;
  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;
  @Column(name = "declared_at")
  private Instant declaredAt;
  private Boolean conflict;
  @Column(name = "conflict_note")
  private String conflictNote;
  @Column(name = "replaced_by")
  private String replacedBy;
  private Boolean present;
  @Column(name = "score_urgency")
  private Integer scoreUrgency;
  @Column(name = "score_content")
  private Integer scoreContent;
  @Column(name = "score_method")
  private Integer scoreMethod;
  @Column(name = "score_products")
  private Integer scoreProducts;
  @Column(name = "score_capacity")
  private Integer scoreCapacity;
  @Column(name = "score_total")
  private Integer scoreTotal;
  @Column(name = "ballot_valid")
  private Boolean ballotValid;
  @Enumerated(EnumType.STRING)
  private Grade grade;
  @Column(name = "member_comment")
  private String comment;
  @Column(name = "voted_at")
  private Instant votedAt;

  protected CouncilMember() {}

  CouncilMember(Long councilId, Expert expert, CouncilRole role) {
    this.councilId = councilId;
    this.username = expert.getUsername();
    this.fullName = expert.getFullName();
    this.organisation = expert.getOrganisation();
    this.role = role;
    this.status = Status.ACTIVE;
  }

  void declare(boolean conflict, String note, Instant at) {
    this.conflict = conflict;
    this.conflictNote = note;
    this.declaredAt = at;
  }

  void replaceBy(String username) {
    this.status = Status.REMOVED;
    this.replacedBy = username;
  }

  void score(Ballot ballot, String comment, Instant at) {
    this.scoreUrgency = ballot.scores()[0];
    this.scoreContent = ballot.scores()[1];
    this.scoreMethod = ballot.scores()[2];
    this.scoreProducts = ballot.scores()[3];
    this.scoreCapacity = ballot.scores()[4];
    this.scoreTotal = ballot.total();
    this.comment = comment;
    this.votedAt = at;
  }

  void grade(Grade grade, String comment, Instant at) {
    this.grade = grade;
    this.comment = comment;
    this.votedAt = at;
  }

  void markPresent(boolean present) { this.present = present; }
  void markBallotValid(Boolean valid) { this.ballotValid = valid; }

  /** The ballot, or null before the member scored. */
  Ballot ballot() {
    if (scoreTotal == null) {
      return null;
    }
    return new Ballot(username, new int[] {scoreUrgency, scoreContent, scoreMethod, scoreProducts,
        scoreCapacity});
  }

  boolean isActive() { return status == Status.ACTIVE; }

  public Long getId() { return id; }
  public Long getCouncilId() { return councilId; }
  public String getUsername() { return username; }
  public String getFullName() { return fullName; }
  public String getOrganisation() { return organisation; }
  public CouncilRole getRole() { return role; }
  public Status getStatus() { return status; }
  public Instant getDeclaredAt() { return declaredAt; }
  public Boolean getConflict() { return conflict; }
  public String getConflictNote() { return conflictNote; }
  public String getReplacedBy() { return replacedBy; }
  public Boolean getPresent() { return present; }
  public Integer getScoreTotal() { return scoreTotal; }
  public Boolean getBallotValid() { return ballotValid; }
  public Grade getGrade() { return grade; }
  public String getComment() { return comment; }
  public Instant getVotedAt() { return votedAt; }
}
