package vn.khcn.workflow.substitution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * A candidate-user link a substitution added to one of the absent person's open tasks, so that
 * Camunda Tasklist shows the task to the substitute (ADR 0021); removed when the substitution is
 * over.
 */
@Entity
@Table(name = "substitution_task")
@IdClass(SubstitutionTask.Key.class)
class SubstitutionTask {

  record Key(Long substitutionId, String taskId) implements Serializable {
    Key() {
      this(null, null);
    }
  }

  @Id
  @Column(name = "substitution_id", nullable = false)
  private Long substitutionId;

  @Id
  @Column(name = "task_id", nullable = false)
  private String taskId;

  @Column(name = "added_at", nullable = false)
  private Instant addedAt;

  protected SubstitutionTask() {}

  SubstitutionTask(Long substitutionId, String taskId, Instant addedAt) {
    this.substitutionId = substitutionId;
    this.taskId = taskId;
    this.addedAt = addedAt;
  }

  Long getSubstitutionId() { return substitutionId; }
  String getTaskId() { return taskId; }
}
