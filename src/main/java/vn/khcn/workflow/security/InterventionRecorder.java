package vn.khcn.workflow.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.identity.EngineAuthentication;
import vn.khcn.workflow.shared.process.InterventionTrail;

/**
 * Finds the process an administrator's intervention touches before it happens (a task thrown a
 * BPMN error is gone afterwards) and writes it to the trail of the document or research task of
 * that process once the engine has accepted it.
 */
@Component
class InterventionRecorder {

  /** The root process instance and task an intervention touches (either may be null). */
  record Pending(String rootProcessInstanceId, String taskId) {}

  private static final Logger log = LoggerFactory.getLogger(InterventionRecorder.class);

  private final List<InterventionTrail> trails;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final ObjectMapper objectMapper;

  InterventionRecorder(List<InterventionTrail> trails, TaskService taskService,
      RuntimeService runtimeService, IdentityService identityService, ObjectMapper objectMapper) {
    this.trails = trails;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.objectMapper = objectMapper;
  }

  Pending before(AdminOnlyEngineGuard.Target target, String id, String body) {
    return EngineAuthentication.withoutAuthentication(identityService, () -> switch (target) {
      case TASK -> {
        Task task = taskService.createTaskQuery().taskId(id).singleResult();
        yield new Pending(task == null ? null : root(task.getProcessInstanceId()), id);
      }
      case PROCESS_INSTANCE -> new Pending(root(id), null);
      case EXECUTION -> {
        Execution execution = runtimeService.createExecutionQuery().executionId(id).singleResult();
        yield new Pending(execution == null ? null : root(execution.getProcessInstanceId()), null);
      }
      case MESSAGE -> new Pending(root(field(body, "processInstanceId")), null);
      case SIGNAL -> {
        String executionId = field(body, "executionId");
        Execution execution = executionId == null ? null
            : runtimeService.createExecutionQuery().executionId(executionId).singleResult();
        yield new Pending(execution == null ? null : root(execution.getProcessInstanceId()), null);
      }
      case NONE -> new Pending(null, null);
    });
  }

  void after(Pending pending, String userId, String what) {
    if (pending.rootProcessInstanceId() == null) {
      log.info("Administrator {} intervened outside any document's process: {}", userId, what);
      return;
    }
    String description = "Quản trị viên can thiệp trực tiếp vào quy trình: " + what;
    try {
      for (InterventionTrail trail : trails) {
        if (trail.record(pending.rootProcessInstanceId(), userId, pending.taskId(), description)) {
          return;
        }
      }
      log.info("Administrator {} intervened in process {} of no document: {}", userId,
          pending.rootProcessInstanceId(), what);
    } catch (RuntimeException e) {
      // the engine has already done it; a trail that cannot be written must not hide that
      log.error("Could not write the intervention of {} ({}) to the trail", userId, what, e);
    }
  }

  String assigneeOf(String taskId) {
    return EngineAuthentication.withoutAuthentication(identityService, () -> {
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      return task == null ? null : task.getAssignee();
    });
  }

  private String root(String processInstanceId) {
    if (processInstanceId == null) {
      return null;
    }
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    return instance == null ? null : instance.getRootProcessInstanceId();
  }

  private String field(String body, String name) {
    try {
      JsonNode node = body == null || body.isBlank() ? null : objectMapper.readTree(body);
      JsonNode value = node == null ? null : node.get(name);
      return value == null || value.isNull() ? null : value.asText();
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
