package vn.khcn.workflow.inbox;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.identity.EngineAuthentication;

/**
 * A task that is no longer open, as its page tells the person who follows an old link: what it
 * was, who finished it and when, and the document it belonged to. Details only for those the task
 * was for (its assignee, a candidate user or a member of a candidate group); anyone else learns
 * only that there is no open task there.
 */
@Service
class ClosedTasks {

  /**
   * What a closed task's page shows.
   *
   * @param involved whether the viewer was one the task was for (else the rest is null)
   * @param completed completed by a person (false: ended by the process, e.g. a timer or a recall)
   */
  record ClosedTask(boolean involved, String taskName, String businessKey, boolean completed,
      String byName, Instant at, Long documentId) {

    static final ClosedTask UNKNOWN = new ClosedTask(false, null, null, false, null, null, null);
  }

  private final HistoryService historyService;
  private final IdentityService identityService;
  private final ActorResolver actors;

  ClosedTasks(HistoryService historyService, IdentityService identityService,
      ActorResolver actors) {
    this.historyService = historyService;
    this.identityService = identityService;
    this.actors = actors;
  }

  /** The closed task as this viewer may read it; empty when the task is still open. */
  Optional<ClosedTask> find(String taskId, String userId, Collection<String> groups) {
    return EngineAuthentication.withoutAuthentication(identityService, () -> {
      HistoricTaskInstance task = historyService.createHistoricTaskInstanceQuery().taskId(taskId)
          .singleResult();
      if (task == null) {
        return Optional.of(ClosedTask.UNKNOWN);
      }
      if (task.getEndTime() == null) {
        return Optional.<ClosedTask>empty();
      }
      if (!involved(task, userId, groups)) {
        return Optional.of(ClosedTask.UNKNOWN);
      }
      boolean completed = "completed".equals(task.getDeleteReason());
      String by = completed && task.getAssignee() != null
          ? actors.of(task.getAssignee()).fullName() : null;
      return Optional.of(new ClosedTask(true, task.getName(), businessKey(task), completed, by,
          task.getEndTime().toInstant(), documentId(task)));
    });
  }

  private boolean involved(HistoricTaskInstance task, String userId,
      Collection<String> groups) {
    if (userId.equals(task.getAssignee())) {
      return true;
    }
    for (HistoricIdentityLinkLog link : historyService.createHistoricIdentityLinkLogQuery()
        .taskId(task.getId()).listPage(0, 200)) {
      if (userId.equals(link.getUserId())
          || link.getGroupId() != null && groups.contains(link.getGroupId())) {
        return true;
      }
    }
    return false;
  }

  private String businessKey(HistoricTaskInstance task) {
    if (task.getProcessInstanceId() == null) {
      return null;
    }
    var instance = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }

  private Long documentId(HistoricTaskInstance task) {
    if (task.getProcessInstanceId() == null) {
      return null;
    }
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(task.getProcessInstanceId())
        .variableName(IncomingDirectiveProcess.Vars.DOCUMENT_ID.name()).listPage(0, 10)) {
      if (variable.getValue() instanceof Number id) {
        return id.longValue();
      }
    }
    return null;
  }
}
