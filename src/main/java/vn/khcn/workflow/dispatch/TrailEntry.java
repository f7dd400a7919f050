package vn.khcn.workflow.dispatch;

import vn.khcn.workflow.identity.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One entry of a document's trail: who did what, when, with which comment. Never changed. */
@Entity
@jakarta.persistence.EntityListeners(TaskViewPartsListener.class)
@Table(name = "document_trail")
class TrailEntry {

  /** From a sequence, 50 at a time (V44): a command's entries go to the database in one batch. */
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "document_trail_ids")
  @SequenceGenerator(name = "document_trail_ids", sequenceName = "document_trail_seq",
      allocationSize = V44__TrailIdsFromSequence.ALLOCATION)
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

  /** The other document of a recall/replace entry (replaced by, replaces). */
  @Column(name = "related_document_id")
  private Long relatedDocumentId;

  /** What a correction changed, in the order of the field table. */
  @ElementCollection
  @CollectionTable(name = "document_trail_change", joinColumns = @JoinColumn(name = "trail_id"))
  @OrderColumn(name = "position")
  private List<TrailChange> changes = new ArrayList<>();

  protected TrailEntry() {}

  /** An entry linking another document (replaced by / replaces). */
  static TrailEntry related(Long documentId, Instant occurredAt, Actor actor, TrailAction action,
      String comment, Long relatedDocumentId) {
    TrailEntry entry = new TrailEntry(documentId, occurredAt, actor, action, null, null, comment);
    entry.relatedDocumentId = relatedDocumentId;
    return entry;
  }

  /** A correction with the fields it changed. */
  static TrailEntry correction(Long documentId, Instant occurredAt, Actor actor, String reason,
      List<TrailChange> changes) {
    TrailEntry entry = new TrailEntry(documentId, occurredAt, actor, TrailAction.CORRECTED, null,
        null, reason);
    entry.changes.addAll(changes);
    return entry;
  }

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
  public Long getRelatedDocumentId() { return relatedDocumentId; }
  public List<TrailChange> getChanges() { return changes; }
}
