package vn.khcn.workflow.dispatch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A unit's duty on a document: lead, co-ordinating or informed, with its due date and result. */
@Entity
@Table(name = "document_assignment")
class Assignment {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "document_assignment_ids")
  @SequenceGenerator(name = "document_assignment_ids", sequenceName = "document_assignment_seq",
      allocationSize = V45__AssignmentIdsFromSequence.ALLOCATION)
  private Long id;

  @Column(name = "document_id", nullable = false)
  private Long documentId;

  @Column(name = "unit_id", nullable = false)
  private String unitId;

  @Enumerated(EnumType.STRING)
  @Column(name = "assignment_role", nullable = false)
  private AssignmentRole role;

  @Column(name = "due_at")
  private Instant dueAt;

  @Column(name = "assigned_at", nullable = false)
  private Instant assignedAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "completed_by")
  private String completedBy;

  private String result;

  /** Number and symbol of the outgoing document that answered the duty (sổ theo dõi). */
  @Column(name = "reply_number")
  private String replyNumber;

  @Column(name = "reply_date")
  private java.time.LocalDate replyDate;

  @Column(name = "reminded_at")
  private Instant remindedAt;

  @Column(name = "escalated_at")
  private Instant escalatedAt;

  /** The slip's second part: the handler the unit head named, the internal deadline, the note. */
  @jakarta.persistence.Embedded
  private HandlerAssignment handling = new HandlerAssignment();

  @Version
  private long version;

  protected Assignment() {}

  Assignment(Long documentId, String unitId, AssignmentRole role, Instant dueAt, Instant assignedAt) {
    this.documentId = documentId;
    this.unitId = unitId;
    this.role = role;
    this.dueAt = dueAt;
    this.assignedAt = assignedAt;
  }

  void complete(String result, Reply reply, String by, Instant at) {
    this.result = result;
    this.replyNumber = reply.number();
    this.replyDate = reply.date();
    this.completedBy = by;
    this.completedAt = at;
  }

  /** The reply issued after the unit's result (or while it is reviewed): the register's column. */
  void recordReply(Reply reply) {
    this.replyNumber = reply.number();
    this.replyDate = reply.date();
  }

  /** The reply numbered {@code number} was recalled or replaced: no longer this unit's answer. */
  boolean withdrawReply(String number) {
    if (number == null || !number.equals(replyNumber)) {
      return false;
    }
    this.replyNumber = null;
    this.replyDate = null;
    return true;
  }

  void reminded(Instant at) {
    this.remindedAt = at;
  }

  void escalated(Instant at) {
    this.escalatedAt = at;
  }

  /** Not done by its due date: still open after it, or completed after it. */
  public boolean isOverdue(Instant now) {
    if (dueAt == null || role == AssignmentRole.INFORMED) {
      return false;
    }
    return completedAt == null ? now.isAfter(dueAt) : completedAt.isAfter(dueAt);
  }

  public Long getId() { return id; }
  public Long getDocumentId() { return documentId; }
  public String getUnitId() { return unitId; }
  public AssignmentRole getRole() { return role; }
  public Instant getDueAt() { return dueAt; }
  public Instant getAssignedAt() { return assignedAt; }
  public Instant getCompletedAt() { return completedAt; }
  public String getCompletedBy() { return completedBy; }
  public String getResult() { return result; }
  public String getReplyNumber() { return replyNumber; }
  public java.time.LocalDate getReplyDate() { return replyDate; }
  public Instant getRemindedAt() { return remindedAt; }
  public Instant getEscalatedAt() { return escalatedAt; }

  /** The handler, the proposal and its review (never null; empty for a unit without a head). */
  public HandlerAssignment getHandling() {
    if (handling == null) { // Hibernate leaves an all-null embeddable null
      handling = new HandlerAssignment();
    }
    return handling;
  }
}
