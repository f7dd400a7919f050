package vn.khcn.workflow.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Tasks;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Vars;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.identity.EngineAuthentication;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.identity.UnitLeaders;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * The unit head names (or names again) the handler of the unit's work outside Tasklist: the API
 * and the document page. Only the unit's head or a deputy (403); only while the head's task
 * "Phân công xử lý" or the handler's task is open (409); the handler a member of the unit and the
 * deadline a working day not later than the unit's (400). The first naming completes the head's
 * task; a later one is recorded and moves the handler's task to the new handler with the new
 * deadline and timers. All or nothing, in one transaction with the engine.
 */
@Service
class HandlerAssignmentService {

  /** The body of POST/PUT .../assignments/{unit}/handler: nothing else is accepted. */
  record HandlerRequest(String handler, LocalDate dueDate, String note) {}

  /** What the unit's handling is now. */
  record HandlerView(String unit, String unitName, String handler, String handlerName,
      Instant dueAt, String note, Instant unitDueAt) {}

  private final DocumentQueries queries;
  private final UnitHandlers handlers;
  private final UnitLeaders leaders;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final ActorResolver actors;

  HandlerAssignmentService(DocumentQueries queries, UnitHandlers handlers, UnitLeaders leaders,
      TaskService taskService, RuntimeService runtimeService, IdentityService identityService,
      ActorResolver actors) {
    this.queries = queries;
    this.handlers = handlers;
    this.leaders = leaders;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.actors = actors;
  }

  @Transactional
  public HandlerView assign(long documentId, String unit, HandlerRequest request, String userId,
      Viewer viewer) {
    return assign(documentId, unit, request, userId, viewer, UnitHandlers.Fields.API);
  }

  /** As {@link #assign(long, String, HandlerRequest, String, Viewer)}, naming fields as given. */
  @Transactional
  public HandlerView assign(long documentId, String unit, HandlerRequest request, String userId,
      Viewer viewer, UnitHandlers.Fields fields) {
    IncomingDocument document = queries.visibleDocument(documentId, viewer);
    if (!Groups.isUnit(unit)) {
      throw new NotFoundException("'" + unit + "' không phải là đơn vị của Sở");
    }
    Assignment assignment;
    try {
      assignment = handlers.assignment(documentId, unit);
    } catch (IllegalStateException none) {
      throw new NotFoundException(Groups.nameOf(unit) + " không được giao xử lý văn bản này");
    }
    if (!leaders.leads(userId, unit)) {
      throw new AccessDeniedException("Chỉ trưởng hoặc phó " + Groups.nameOf(unit)
          + " được phân công người xử lý");
    }
    Task task = openTask(document.getProcessInstanceId(), unit).orElseThrow(
        () -> new ConflictException(stageText(assignment), java.util.Map.of("unit", unit)));
    List<String> problems = handlers.problems(assignment, request.handler(), request.dueDate(),
        request.note(), fields);
    if (!problems.isEmpty()) {
      throw new InvalidTaskInputException(problems);
    }
    if (Tasks.ASSIGN_HANDLER.equals(task.getTaskDefinitionKey())) {
      completeAsLeader(task, userId, request);
    } else {
      handlers.recordHandler(documentId, unit, request.handler(), request.dueDate(),
          request.note(), actors.of(userId), null);
      system(() -> {
        runtimeService.messageEventReceived(IncomingDirectiveProcess.Messages.HANDLER_REASSIGNED,
            task.getExecutionId());
        return null;
      });
    }
    HandlerAssignment handling = assignment.getHandling();
    return new HandlerView(unit, Groups.nameOf(unit), handling.getHandler(),
        actors.of(handling.getHandler()).fullName(), handling.getDueAt(), handling.getNote(),
        assignment.getDueAt());
  }

  /**
   * The unit's open task where a handler is named: the head's "Phân công xử lý" or, for a new
   * naming, the handler's own task (not once the proposal awaits review).
   */
  Optional<Task> openTask(String processInstanceId, String unit) {
    if (processInstanceId == null) {
      return Optional.empty();
    }
    return system(() -> taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKeyIn(Tasks.ASSIGN_HANDLER, Tasks.PROPOSE_RESULT).list().stream()
        .filter(t -> unit.equals(taskService.getVariable(t.getId(), Vars.UNIT.name())))
        .findFirst());
  }

  private void completeAsLeader(Task task, String userId, HandlerRequest request) {
    if (task.getAssignee() != null && !task.getAssignee().equals(userId)) {
      // claimed by another leader of the unit in Tasklist: the one acting now takes it over
      system(() -> {
        taskService.setAssignee(task.getId(), userId);
        return null;
      });
    }
    VariableMap variables = Variables.createVariables()
        .putValue(Vars.HANDLER.name(), request.handler())
        .putValue(Vars.HANDLER_DUE_DATE.name(), request.dueDate().toString())
        .putValue(Vars.HANDLER_NOTE.name(), request.note());
    try {
      taskService.complete(task.getId(), variables);
    } catch (ProcessEngineException e) {
      for (Throwable cause = e; cause != null && cause.getCause() != cause;
          cause = cause.getCause()) {
        if (cause instanceof InvalidTaskInputException invalid) {
          throw invalid;
        }
      }
      throw e;
    }
  }

  private static String stageText(Assignment assignment) {
    String unit = Groups.nameOf(assignment.getUnitId());
    if (assignment.getCompletedAt() != null) {
      return unit + " đã báo cáo kết quả; không thể giao lại người xử lý";
    }
    if (assignment.getHandling().getProposedAt() != null
        && assignment.getHandling().getApproved() == null) {
      return "Người xử lý đã đề xuất, đang chờ lãnh đạo " + unit
          + " duyệt; không thể giao lại lúc này";
    }
    return unit + " không ở bước phân công người xử lý";
  }

  private <T> T system(java.util.function.Supplier<T> call) {
    return EngineAuthentication.withoutAuthentication(identityService, call);
  }
}
