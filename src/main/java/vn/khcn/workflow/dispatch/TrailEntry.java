package vn.khcn.workflow.dispatch;

import vn.khcn.workflow.identity.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a document's trail: who did what, when, with which comment. Never changed. */
@Entity
@Table(name = "document_trail")
class TrailEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "document_id", nullable = false)
  private Long documentId;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false)
  private String actor;

  @Column(name = "actor_name")
  private String actorName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TrailAction action;

  @Column(name = "unit_id")
  private String unitId;

  @Column(name = "task_id")
  private String taskId;

  @Column(name = "comment_text")
  private String comment;

  protected TrailEntry() {}

  TrailEntry(Long documentId, Instant occurredAt, Actor actor, TrailAction action, String unitId,
      String taskId, String comment) {
    this.documentId = documentId;
    this.occurredAt = occurredAt;
    this.actor = actor.userId();
    this.actorName = actor.fullName();
    this.action = action;
    this.unitId = unitId;
    this.taskId = taskId;
    this.comment = comment;
  }

  public Long getId() { return id; }
  public Long getDocumentId() { return documentId; }
  public Instant getOccurredAt() { return occurredAt; }
  public String getActor() { return actor; }
  public String getActorName() { return actorName; }
  public TrailAction getAction() { return action; }
  public String getUnitId() { return unitId; }
  public String getTaskId() { return taskId; }
  public String getComment() { return comment; }
}
