package vn.khcn.workflow.dispatch;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The processing slip's second and third parts on one unit's assignment (Decree 30/2020 App. IV):
 * the handler the unit head named, the internal deadline and note; the handler's proposal; the
 * head's (or a deputy's) approval or return. The latest of each; the trail keeps every earlier one.
 */
@Embeddable
public class HandlerAssignment {

  @Column(name = "handler")
  private String handler;

  @Column(name = "handler_due_at")
  private Instant dueAt;

  @Column(name = "handler_note")
  private String note;

  @Column(name = "handler_assigned_by")
  private String assignedBy;

  @Column(name = "handler_assigned_at")
  private Instant assignedAt;

  @Column(name = "proposal")
  private String proposal;

  @Column(name = "proposal_reply_number")
  private String replyNumber;

  @Column(name = "proposal_reply_date")
  private LocalDate replyDate;

  @Column(name = "proposed_at")
  private Instant proposedAt;

  @Column(name = "proposal_approved")
  private Boolean approved;

  @Column(name = "proposal_comment")
  private String comment;

  @Column(name = "proposal_reviewed_by")
  private String reviewedBy;

  @Column(name = "proposal_reviewed_at")
  private Instant reviewedAt;

  void assign(String handler, Instant dueAt, String note, String by, Instant at) {
    this.handler = handler;
    this.dueAt = dueAt;
    this.note = note;
    this.assignedBy = by;
    this.assignedAt = at;
  }

  /** A new proposal replaces a returned one; its review starts empty. */
  void propose(String proposal, Reply reply, Instant at) {
    this.proposal = proposal;
    this.replyNumber = reply.number();
    this.replyDate = reply.date();
    this.proposedAt = at;
    this.approved = null;
    this.comment = null;
    this.reviewedBy = null;
    this.reviewedAt = null;
  }

  void review(boolean approved, String comment, String by, Instant at) {
    this.approved = approved;
    this.comment = comment;
    this.reviewedBy = by;
    this.reviewedAt = at;
  }

  Reply reply() {
    return new Reply(replyNumber, replyDate);
  }

  /** A handler was named (the unit has a head who did so). */
  public boolean isNamed() {
    return handler != null;
  }

  public String getHandler() { return handler; }
  public Instant getDueAt() { return dueAt; }
  public String getNote() { return note; }
  public String getAssignedBy() { return assignedBy; }
  public Instant getAssignedAt() { return assignedAt; }
  public String getProposal() { return proposal; }
  public String getReplyNumber() { return replyNumber; }
  public LocalDate getReplyDate() { return replyDate; }
  public Instant getProposedAt() { return proposedAt; }
  public Boolean getApproved() { return approved; }
  public String getComment() { return comment; }
  public String getReviewedBy() { return reviewedBy; }
  public Instant getReviewedAt() { return reviewedAt; }
}
