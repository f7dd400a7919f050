package vn.khcn.workflow.research;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.shared.process.InterventionTrail;

/**
 * An administrator's intervention in a research task's process (or a process it called), on the
 * research task's trail.
 */
@Component
class ResearchInterventionTrail implements InterventionTrail {

  static final String ACTION = "ADMIN_INTERVENTION";

  private final EntityManager entityManager;
  private final ResearchTrailRepository trail;
  private final ActorResolver actors;
  private final Clock clock;

  ResearchInterventionTrail(EntityManager entityManager, ResearchTrailRepository trail,
      ActorResolver actors, Clock clock) {
    this.entityManager = entityManager;
    this.trail = trail;
    this.actors = actors;
    this.clock = clock;
  }

  @Override
  @Transactional
  public boolean record(String rootProcessInstanceId, String userId, String taskId,
      String description) {
    List<Long> tasks = entityManager.createQuery(
            "select t.id from ResearchTask t where t.processInstanceId = ?1", Long.class)
        .setParameter(1, rootProcessInstanceId).getResultList();
    if (tasks.isEmpty()) {
      return false;
    }
    trail.save(new ResearchTrailEntry(tasks.get(0), clock.instant(),
        actors.of(userId), ACTION, description, taskId));
    return true;
  }
}
