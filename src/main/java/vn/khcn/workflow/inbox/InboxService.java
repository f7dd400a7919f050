package vn.khcn.workflow.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
import vn.khcn.workflow.identity.Substitutes;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;
import vn.khcn.workflow.shared.web.ApiError;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * The directors' inbox over Camunda's tasks: everything waiting for the director (tasks of the
 * groups he belongs to that nobody has claimed, and tasks assigned to him), most urgent first,
 * then by due date. Actions are completed as the director, so Camunda's history and the
 * document's trail read exactly as if done in Tasklist.
 */
@Service
public class InboxService {

  /** Items per inbox page: a screen's worth on a phone, a few on a desk. */
  public static final int PAGE_SIZE = 50;
  /**
   * The last page (items 1,951 to 2,000): each page reads every item before it, so deeper pages
   * are refused rather than computed; Tasklist's filters list the rest.
   */
  static final int MAX_PAGE = 39;
  private static final List<String> VARIABLES = List.of(
      IncomingDirectiveProcess.Vars.SUMMARY.name(), IncomingDirectiveProcess.Vars.URGENCY.name(),
      IncomingDirectiveProcess.Vars.DOCUMENT_ID.name());

  /** One page of the inbox; {@code hasMore} when a next page has items. */
  public record InboxPage(List<InboxItem> items, int page, int pageSize, boolean hasMore) {}

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final Clock clock;
  private final InboxEntries entries;
  private final Substitutes substitutes;

  InboxService(InboxEntries entries, TaskService taskService, RuntimeService runtimeService,
      RepositoryService repositoryService, IdentityService identityService, Clock clock,
      Substitutes substitutes) {
    this.substitutes = substitutes;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.clock = clock;
    this.entries = entries;
  }

  /**
   * One page of what waits for the director, most urgent first (the task priority carries the
   * urgency, see {@link Urgency#taskPriority()}), then by due date and age. The database orders
   * and pages, so the most urgent item is on the first page however many are waiting.
   */
  public InboxPage items(String userId, Collection<String> groups, int page) {
    if (page < 0 || page > MAX_PAGE) {
      throw new InvalidInputException(List.of(new ApiError.FieldError("page",
          "trang phải từ 0 đến " + MAX_PAGE)));
    }
    int upTo = (page + 1) * PAGE_SIZE + 1;
    // The read model (ADR 0010) gives the order: the first rows of each party the director
    // answers for, his own assignments and his groups' unclaimed tasks, straight from its index.
    // The engine then gives the tasks themselves, read as the system: the parties are exactly
    // what the engine authorizes for him (candidates and assignees get their task authorization).
    List<String> parties = new ArrayList<>();
    parties.add(InboxEntries.USER + userId);
    groups.forEach(g -> parties.add(InboxEntries.GROUP + g));
    // a substitute also answers, while the substitution is active, for the absent's own tasks
    java.util.Set<String> assignees = new java.util.HashSet<>(substitutes.absentCoveredBy(userId));
    assignees.forEach(absent -> parties.add(InboxEntries.USER + absent));
    assignees.add(userId);
    for (int attempt = 0; ; attempt++) {
      List<String> ids = entries.waitingFor(parties, upTo);
      int from = Math.min(page * PAGE_SIZE, ids.size());
      // one more than the page: whether a next page exists
      List<String> window = ids.subList(from, Math.min(from + PAGE_SIZE + 1, ids.size()));
      Map<String, Task> tasks = tasksOf(window);
      List<String> gone = window.stream().filter(id -> !tasks.containsKey(id)).toList();
      if (!gone.isEmpty() && attempt == 0) {
        entries.forget(gone); // deleted without their listeners: drop the rows, read again
        continue;
      }
      List<Task> waiting = window.stream().map(tasks::get)
          .filter(t -> t != null && !t.isSuspended()
              && (t.getAssignee() == null || assignees.contains(t.getAssignee())))
          .toList();
      List<Task> shown = waiting.subList(0, Math.min(PAGE_SIZE, waiting.size()));
      return new InboxPage(toItems(shown), page, PAGE_SIZE, waiting.size() > PAGE_SIZE);
    }
  }

  private Map<String, Task> tasksOf(List<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<String, Task> byId = new HashMap<>();
    EngineAuthentication.withoutAuthentication(identityService, () -> taskService
        .createTaskQuery().taskIdIn(ids.toArray(String[]::new)).listPage(0, ids.size()))
        .forEach(t -> byId.put(t.getId(), t));
    return byId;
  }

  /** The item of one task, if it is in the director's inbox. */
  public InboxItem item(String taskId, String userId, Collection<String> groups) {
    Task task = EngineAuthentication.withoutAuthentication(identityService, () -> {
      Task mine = taskService.createTaskQuery().taskId(taskId).taskAssignee(userId).active()
          .singleResult();
      if (mine == null) { // the task of someone the user covers for, while that lasts
        java.util.Set<String> absent = substitutes.absentCoveredBy(userId);
        mine = absent.isEmpty() ? null : taskService.createTaskQuery().taskId(taskId)
            .taskAssigneeIn(absent.toArray(String[]::new)).active().singleResult();
      }
      return mine != null || groups.isEmpty() ? mine : taskService.createTaskQuery()
          .taskId(taskId).taskCandidateGroupIn(new ArrayList<>(groups)).active().singleResult();
    });
    if (task == null) {
      throw new NotFoundException("Không có việc " + taskId + " trong hộp việc");
    }
    return toItems(List.of(task)).get(0);
  }

  private List<InboxItem> toItems(List<Task> tasks) {
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
      String urgency = vars.get(IncomingDirectiveProcess.Vars.URGENCY.name()) instanceof String u ? u : null;
      Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
      items.add(new InboxItem(task.getId(), task.getName(), task.getTaskDefinitionKey(),
          keys.computeIfAbsent(task.getProcessDefinitionId(), this::processKey),
          businessKeys.get(task.getProcessInstanceId()), title(task, vars), urgency, label(urgency), due,
          due != null && now.isAfter(due), task.getCreateTime().toInstant(), task.getAssignee(),
          vars.get(IncomingDirectiveProcess.Vars.DOCUMENT_ID.name()) instanceof Number n
              ? n.longValue() : null));
    }
    return items;
  }

  /** The task-local text the task's form shows (the document as a person reads it). */
  public String view(String taskId) {
    Object view = EngineAuthentication.withoutAuthentication(identityService, () -> {
      Object document = taskService.getVariableLocal(taskId,
          IncomingDirectiveProcess.Vars.DOCUMENT_VIEW.name());
      return document != null ? document : taskService.getVariableLocal(taskId,
          ResearchTaskProcess.Vars.RESEARCH_VIEW.name());
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

  /** The research dossier's files the task shows, as name and download address pairs. */
  public List<String[]> documentLinks(String taskId) {
    Object value = EngineAuthentication.withoutAuthentication(identityService,
        () -> taskService.getVariableLocal(taskId, ResearchTaskProcess.Vars.DOCUMENT_LINKS));
    List<String[]> links = new ArrayList<>();
    if (value instanceof org.camunda.spin.json.SpinJsonNode node && node.isArray()) {
      for (org.camunda.spin.json.SpinJsonNode link : node.elements()) {
        links.add(new String[] {link.prop("name").stringValue(), link.prop("url").stringValue()});
      }
    }
    return links;
  }

  /**
   * Completes the task with the variables as the director. An unclaimed task becomes the
   * director's in the same transaction (the engine's completion rule), so a refused completion
   * leaves it unclaimed, as it was.
   */
  public void complete(String taskId, String userId, Collection<String> groups,
      VariableMap variables) {
    item(taskId, userId, groups);
    try {
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
    Object summary = vars.get(IncomingDirectiveProcess.Vars.SUMMARY.name());
    return summary != null ? summary.toString() : task.getName();
  }

  private static String label(String urgency) {
    try {
      return urgency == null ? null : Urgency.valueOf(urgency).label();
    } catch (IllegalArgumentException e) {
      return urgency;
    }
  }
}
