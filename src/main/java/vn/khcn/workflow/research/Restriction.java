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
import java.time.LocalDate;

/**
 * A host organisation (by its tax code) or an investigator (by user id) restricted from later
 * rounds after a failed acceptance, until a date; a director may lift it early with a reason.
 */
@Entity
@Table(name = "restriction")
class Restriction {

  /** Who is restricted. */
  public enum SubjectKind { ORGANISATION, INVESTIGATOR }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Enumerated(EnumType.STRING)
  @Column(name = "subject_kind", nullable = false)
  private SubjectKind subjectKind;
  /** The name people read. */
  @Column(nullable = false)
  private String subject;
  /** The identity matched: the organisation's tax code, the investigator's user id. */
  @Column(name = "subject_key", nullable = false)
  private String subjectKey;
  @Column(name = "research_task_code", nullable = false)
  private String researchTaskCode;
  @Column(nullable = false)
  private String reason;
  @Column(name = "created_at", nullable = false)
  private Instant createdAt;
  @Column(name = "until_date", nullable = false)
  private LocalDate untilDate;
  @Column(name = "lifted_by")
  private String liftedBy;
  @Column(name = "lifted_at")
  private Instant liftedAt;
  @Column(name = "lift_reason")
  private String liftReason;

  protected Restriction() {}

  private Restriction(SubjectKind kind, String subjectKey, String subject,
      String researchTaskCode, String reason, LocalDate untilDate, Instant createdAt) {
    this.subjectKind = kind;
    this.subject = subject;
    this.subjectKey = subjectKey;
    this.researchTaskCode = researchTaskCode;
    this.reason = reason;
    this.untilDate = untilDate;
    this.createdAt = createdAt;
  }

  static Restriction organisation(String taxCode, String name, String taskCode, String reason,
      LocalDate until, Instant at) {
    return new Restriction(SubjectKind.ORGANISATION, taxCode, name, taskCode, reason, until, at);
  }

  static Restriction investigator(String userId, String name, String taskCode, String reason,
      LocalDate until, Instant at) {
    return new Restriction(SubjectKind.INVESTIGATOR, userId, name, taskCode, reason, until, at);
  }

  /**
   * The restrictions after a failed task: the host organisation by its tax code (tasks entered
   * before V21 have none: only the investigator then) and the investigator by user id.
   */
  static java.util.List<Restriction> forFailure(ResearchTask task, String reason,
      LocalDate until, Instant at) {
    java.util.List<Restriction> list = new java.util.ArrayList<>();
    if (task.getHostOrganisationCode() != null) {
      list.add(organisation(task.getHostOrganisationCode(), task.getHostOrganisation(),
          task.getCode(), reason, until, at));
    }
    list.add(investigator(task.getInvestigator(), task.getInvestigatorName(), task.getCode(),
        reason, until, at));
    return list;
  }

  /** In force on {@code day}: not lifted and not past its end. */
  boolean inForce(LocalDate day) {
    return liftedAt == null && !day.isAfter(untilDate);
  }

  void lift(String by, String reason, Instant at) {
    this.liftedBy = by;
    this.liftReason = reason;
    this.liftedAt = at;
  }

  public Long getId() { return id; }
  public SubjectKind getSubjectKind() { return subjectKind; }
  public String getSubject() { return subject; }
  public String getSubjectKey() { return subjectKey; }
  public String getResearchTaskCode() { return researchTaskCode; }
  public String getReason() { return reason; }
  public Instant getCreatedAt() { return createdAt; }
  public LocalDate getUntilDate() { return untilDate; }
  public String getLiftedBy() { return liftedBy; }
  public Instant getLiftedAt() { return liftedAt; }
  public String getLiftReason() { return liftReason; }
}
