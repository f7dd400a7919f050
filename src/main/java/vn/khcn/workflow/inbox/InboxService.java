package vn.khcn.workflow.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Service;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;
import vn.khcn.workflow.research.ResearchTaskProcess;
import vn.khcn.workflow.dispatch.Urgency;
import vn.khcn.workflow.identity.EngineAuthentication;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * The directors' inbox over Camunda's tasks: everything waiting for the director (tasks of the
 * groups he belongs to that nobody has claimed, and tasks assigned to him), most urgent first,
 * then by due date. Actions are completed as the director, so Camunda's history and the
 * document's trail read exactly as if done in Tasklist.
 */
@Service
public class InboxService {

  /** The most items one inbox shows; far above what a director has waiting. */
  static final int MAX_ITEMS = 500;
  private static final List<String> VARIABLES = List.of(IncomingDirectiveProcess.Vars.SUMMARY,
      IncomingDirectiveProcess.Vars.URGENCY, IncomingDirectiveProcess.Vars.DOCUMENT_ID);

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final Clock clock;

  InboxService(TaskService taskService, RuntimeService runtimeService,
      RepositoryService repositoryService, IdentityService identityService, Clock clock) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.clock = clock;
  }

  public List<InboxItem> items(String userId, Collection<String> groups) {
    // Read as the system: the query itself restricts to the director's candidate groups and own
    // assignments, which are exactly the tasks the engine authorizes for him (candidates and
    // assignees get their task authorization). The authorized form of this OR query takes tens of
    // seconds at 100,000 open tasks on PostgreSQL (README, "Performance").
    List<Task> tasks = EngineAuthentication.withoutAuthentication(identityService, () ->
        taskService.createTaskQuery()
            .or().taskCandidateGroupIn(new ArrayList<>(groups)).taskAssignee(userId).endOr()
            .active().listPage(0, MAX_ITEMS));
    if (tasks.isEmpty()) {
      return List.of();
    }
    // variables of tasks the director can see, read as the system (no READ on instances)
    Map<String, Map<String, Object>> variables = EngineAuthentication.withoutAuthentication(
        identityService, () -> variablesOf(tasks));
    Map<String, String> businessKeys = EngineAuthentication.withoutAuthentication(
        identityService, () -> businessKeysOf(tasks));
    Map<String, String> keys = new HashMap<>();
    Instant now = clock.instant();
    List<InboxItem> items = new ArrayList<>();
    for (Task task : tasks) {
      Map<String, Object> vars = variables.getOrDefault(task.getProcessInstanceId(), Map.of());
      String urgency = vars.get(IncomingDirectiveProcess.Vars.URGENCY) instanceof String u ? u : null;
      Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
      items.add(new InboxItem(task.getId(), task.getName(), task.getTaskDefinitionKey(),
          keys.computeIfAbsent(task.getProcessDefinitionId(), this::processKey),
          businessKeys.get(task.getProcessInstanceId()), title(task, vars), urgency, label(urgency), due,
          due != null && now.isAfter(due), task.getCreateTime().toInstant(), task.getAssignee(),
          vars.get(IncomingDirectiveProcess.Vars.DOCUMENT_ID) instanceof Number n
              ? n.longValue() : null));
    }
    items.sort(Comparator.comparingInt((InboxItem i) -> -rank(i.urgency()))
        .thenComparing(InboxItem::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(InboxItem::created));
    return items;
  }

  /** The item of one task, if it is in the director's inbox. */
  public InboxItem item(String taskId, String userId, Collection<String> groups) {
    return items(userId, groups).stream().filter(i -> i.taskId().equals(taskId)).findFirst()
        .orElseThrow(() -> new NotFoundException("Không có việc " + taskId + " trong hộp việc"));
  }

  /** The task-local text the task's form shows (the document as a person reads it). */
  public String view(String taskId) {
    Object view = EngineAuthentication.withoutAuthentication(identityService, () -> {
      Object document = taskService.getVariableLocal(taskId,
          IncomingDirectiveProcess.Vars.DOCUMENT_VIEW);
      return document != null ? document : taskService.getVariableLocal(taskId,
          ResearchTaskProcess.Vars.RESEARCH_VIEW);
    });
    return view == null ? "" : view.toString();
  }

  /** A process variable of the task as seen by the task (e.g. the suggested due date). */
  public Object variable(String taskId, String name) {
    return EngineAuthentication.withoutAuthentication(identityService,
        () -> taskService.getVariable(taskId, name));
  }

  /**
   * Choices the task's form offers (task-local Json [{label, value}], e.g. the council pool), as
   * value and label pairs.
   */
  public List<String[]> options(String taskId, String name) {
    Object value = EngineAuthentication.withoutAuthentication(identityService,
        () -> taskService.getVariableLocal(taskId, name));
    List<String[]> options = new ArrayList<>();
    if (value instanceof org.camunda.spin.json.SpinJsonNode node && node.isArray()) {
      for (org.camunda.spin.json.SpinJsonNode option : node.elements()) {
        options.add(new String[] {option.prop("value").stringValue(),
            option.prop("label").stringValue()});
      }
    }
    return options;
  }

  /** Claims the task for the director when needed and completes it with the variables. */
  public void complete(String taskId, String userId, Collection<String> groups,
      VariableMap variables) {
    InboxItem item = item(taskId, userId, groups);
    try {
      if (item.assignee() == null) {
        taskService.claim(taskId, userId);
      }
      taskService.complete(taskId, variables);
    } catch (org.camunda.bpm.engine.ProcessEngineException e) {
      // a listener's refusal comes wrapped (ENGINE-03051): answer it as the 400 it is
      for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
        if (cause instanceof InvalidTaskInputException invalid) {
          throw invalid;
        }
      }
      throw e;
    }
  }

  private Map<String, Map<String, Object>> variablesOf(List<Task> tasks) {
    String[] instances = tasks.stream().map(Task::getProcessInstanceId).distinct()
        .toArray(String[]::new);
    Map<String, Map<String, Object>> byInstance = new HashMap<>();
    for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
        .processInstanceIdIn(instances).variableNameIn(VARIABLES.toArray(String[]::new))
        .listPage(0, instances.length * VARIABLES.size() * 4)) {
      if (variable.getProcessInstanceId().equals(variable.getExecutionId())) {
        byInstance.computeIfAbsent(variable.getProcessInstanceId(), k -> new HashMap<>())
            .put(variable.getName(), variable.getValue());
      }
    }
    return byInstance;
  }

  private String processKey(String definitionId) {
    ProcessDefinition definition = EngineAuthentication.withoutAuthentication(identityService,
        () -> repositoryService.getProcessDefinition(definitionId));
    return definition.getKey();
  }

  private Map<String, String> businessKeysOf(List<Task> tasks) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    tasks.forEach(t -> ids.add(t.getProcessInstanceId()));
    Map<String, String> keys = new HashMap<>();
    runtimeService.createProcessInstanceQuery().processInstanceIds(ids).listPage(0, ids.size())
        .forEach(p -> keys.put(p.getId(), p.getBusinessKey()));
    return keys;
  }

  private static String title(Task task, Map<String, Object> vars) {
    Object summary = vars.get(IncomingDirectiveProcess.Vars.SUMMARY);
    return summary != null ? summary.toString() : task.getName();
  }

  private static int rank(String urgency) {
    try {
      return urgency == null ? -1 : Urgency.valueOf(urgency).ordinal();
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  private static String label(String urgency) {
    try {
      return urgency == null ? null : Urgency.valueOf(urgency).label();
    } catch (IllegalArgumentException e) {
      return urgency;
    }
  }
}
