package vn.khcn.workflow.shared.process;

/**
 * Where an administrator's intervention in a running process (a BPMN error thrown on a task,
 * variables changed, a message or signal sent, a task reassigned) is written: the trail of the
 * document or research task the process belongs to. One implementation per feature; each answers
 * only for the processes of its own entities.
 */
public interface InterventionTrail {

  /**
   * Records the intervention on the trail of the entity whose process instance (the root of any
   * called process) this is.
   *
   * @param rootProcessInstanceId the root process instance the intervention touched
   * @param userId who intervened
   * @param taskId the user task concerned, or null
   * @param description what was done, in Vietnamese
   * @return whether this feature owns the process and wrote the entry
   */
  boolean record(String rootProcessInstanceId, String userId, String taskId, String description);
}
