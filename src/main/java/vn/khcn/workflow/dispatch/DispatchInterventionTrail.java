package vn.khcn.workflow.dispatch;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.shared.process.InterventionTrail;

/** An administrator's intervention in a document's process, on the document's trail. */
@Component
class DispatchInterventionTrail implements InterventionTrail {

  private final EntityManager entityManager;
  private final TrailRepository trail;
  private final ActorResolver actors;
  private final Clock clock;

  DispatchInterventionTrail(EntityManager entityManager, TrailRepository trail, ActorResolver actors,
      Clock clock) {
    this.entityManager = entityManager;
    this.trail = trail;
    this.actors = actors;
    this.clock = clock;
  }

  @Override
  @Transactional
  public boolean record(String rootProcessInstanceId, String userId, String taskId,
      String description) {
    List<Long> documents = entityManager.createQuery(
            "select d.id from IncomingDocument d where d.processInstanceId = ?1", Long.class)
        .setParameter(1, rootProcessInstanceId).getResultList();
    if (documents.isEmpty()) {
      return false;
    }
    trail.save(new TrailEntry(documents.get(0), clock.instant(),
        actors.of(userId), TrailAction.INTERVENED, null, taskId,
        description));
    return true;
  }
}
