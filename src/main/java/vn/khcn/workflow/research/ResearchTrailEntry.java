package vn.khcn.workflow.research;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.khcn.workflow.identity.Actor;

/** One entry of a research task's trail: who did what, when. Never changed. */
@Entity
@Table(name = "research_trail")
class ResearchTrailEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(name = "research_task_id", nullable = false)
  private Long researchTaskId;
  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;
  @Column(nullable = false)
  private String actor;
  @Column(name = "actor_name", nullable = false)
  private String actorName;
  @Column(nullable = false)
  private String action;
  private String detail;
  @Column(name = "camunda_task_id")
  private String camundaTaskId;

  /** The column's width (V43): a long text of 8,000 characters with its label. */
  static final int MAX_DETAIL = 9000;

  protected ResearchTrailEntry() {}

  ResearchTrailEntry(Long researchTaskId, Instant occurredAt, Actor actor, String action,
      String detail, String camundaTaskId) {
    this.researchTaskId = researchTaskId;
    this.occurredAt = occurredAt;
    this.actor = actor.userId();
    this.actorName = actor.fullName();
    this.action = action;
    this.detail = detail == null || detail.length() <= MAX_DETAIL ? detail
        : detail.substring(0, MAX_DETAIL);
    this.camundaTaskId = camundaTaskId;
  }

  public Instant getOccurredAt() { return occurredAt; }
  public String getActor() { return actor; }
  public String getActorName() { return actorName; }
  public String getAction() { return action; }
  public String getDetail() { return detail; }
  public String getCamundaTaskId() { return camundaTaskId; }
}
