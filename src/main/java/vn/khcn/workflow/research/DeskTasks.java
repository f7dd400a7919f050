package vn.khcn.workflow.research;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.identity.EngineAuthentication;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;
import vn.khcn.workflow.shared.process.TaskCompletionContracts;
import vn.khcn.workflow.shared.web.ConflictException;

/**
 * The open engine tasks of the person at a desk (the investigators' portal, the council desk):
 * found by the research task's code, the task key and the authenticated user as assignee, never
 * by an id or a name from the request; completed through {@link TaskCompletionContracts} as that
 * user, so the models' listeners check and record exactly as when the task is done in Tasklist.
 */
@Component
class DeskTasks {

  /** The research models whose tasks a desk shows. */
  static final String[] PROCESS_KEYS = {ResearchTaskProcess.KEY, AssignmentCouncilProcess.KEY,
      MidtermEvaluationProcess.KEY, AcceptanceProcess.KEY};

  private final TaskService taskService;
  private final TaskCompletionContracts contracts;
  private final IdentityService identityService;

  DeskTasks(TaskService taskService, TaskCompletionContracts contracts,
      IdentityService identityService) {
    this.taskService = taskService;
    this.contracts = contracts;
    this.identityService = identityService;
  }

  /** The open research tasks assigned to the user, oldest first. */
  List<Task> assignedTo(String userId) {
    return EngineAuthentication.withoutAuthentication(identityService, () ->
        taskService.createTaskQuery().taskAssignee(userId).processDefinitionKeyIn(PROCESS_KEYS)
            .active().orderByTaskCreateTime().asc().listPage(0, 200));
  }

  /** A variable as the task sees it (read as the system). */
  Object variable(String taskId, String name) {
    return EngineAuthentication.withoutAuthentication(identityService,
        () -> taskService.getVariable(taskId, name));
  }

  /**
   * The user's open task of this kind in the research task {@code code}; 409 naming the stage
   * when there is none (done already, not yet asked, or someone else's).
   */
  Task mine(String code, Set<String> keys, String userId, String what, ResearchStage stage) {
    List<Task> open = EngineAuthentication.withoutAuthentication(identityService, () ->
        taskService.createTaskQuery().processInstanceBusinessKey(code).taskAssignee(userId)
            .taskDefinitionKeyIn(keys.toArray(String[]::new)).active().listPage(0, 2));
    if (open.isEmpty()) {
      throw new ConflictException("Nhiệm vụ " + code + " hiện không chờ bạn " + what
          + " (giai đoạn: " + stage.label() + ")", Map.of("stage", stage.name()));
    }
    return open.get(0);
  }

  /** Completes the task as the signed-in user with the form's fields only (else 400). */
  void complete(Task task, Map<String, Object> values) {
    VariableMap variables = Variables.createVariables();
    variables.putAll(values);
    VariableMap admitted = contracts.admit(task.getId(), variables);
    try {
      taskService.complete(task.getId(), admitted);
    } catch (ProcessEngineException e) {
      // a listener's refusal comes wrapped (ENGINE-03051): answer it as the 400 it is
      for (Throwable cause = e; cause != null && cause.getCause() != cause;
          cause = cause.getCause()) {
        if (cause instanceof InvalidTaskInputException invalid) {
          throw invalid;
        }
        if (cause instanceof vn.khcn.workflow.shared.web.ConflictException conflict) {
          throw conflict; // e.g. a ballot after the council's deadline: 409, nothing stored
        }
      }
      throw e;
    }
  }
}
