package vn.khcn.workflow.bench;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Contracts;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Tasks;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Vars;
import vn.khcn.workflow.identity.DemoUsers;
import vn.khcn.workflow.shared.process.UserTaskContract;

/**
 * A unit's part of the lifecycle as the model has it (ADR 0019): a unit with a head goes to the
 * head's "Phân công xử lý", the named handler proposes, the head approves; a unit without a head
 * keeps the group task. Both sides (application and bare engine) work the same tasks with the
 * same people (the demo units' heads and officers) and submit the same fields, each within its
 * task's declared completion contract.
 */
record UnitWork(String user, boolean claim, VariableMap variables) {

  /** The unit's officer: the handler the head names, or who works a group task. */
  static final Map<String, String> OFFICER = Map.of("phong-qlkh", "cv.qlkh", "phong-khtc",
      "cv.khtc", "phong-qlcn", "cv.qlcn");
  /** The demo units' leaders (head first), as the application seeds them. */
  static final Map<String, List<String>> LEADERS = DemoUsers.LEADERS.stream().collect(
      Collectors.toMap(l -> l.get(0), l -> l.subList(1, l.size())));
  /** Each demo user's group. */
  static final Map<String, String> GROUP = DemoUsers.USERS.stream().collect(
      Collectors.toMap(DemoUsers.DemoUser::id, DemoUsers.DemoUser::groupId));
  /** The unit's task definition keys, whichever path the unit takes. */
  static final List<String> KEYS = List.of(Tasks.HANDLE_ASSIGNMENT, Tasks.ASSIGN_HANDLER,
      Tasks.PROPOSE_RESULT, Tasks.REVIEW_PROPOSAL);
  private static final Map<String, UserTaskContract> CONTRACTS = Map.of(
      Tasks.HANDLE_ASSIGNMENT, Contracts.HANDLE_ASSIGNMENT, Tasks.ASSIGN_HANDLER,
      Contracts.ASSIGN_HANDLER, Tasks.PROPOSE_RESULT, Contracts.PROPOSE_RESULT,
      Tasks.REVIEW_PROPOSAL, Contracts.REVIEW_PROPOSAL);

  UnitWork {
    if (user == null) {
      throw new IllegalStateException("no one to work the unit's task");
    }
  }

  /**
   * Who works the open unit task and what they submit. handlerDue: the day the head gives the
   * handler (not later than the unit's own deadline, the task's due date).
   */
  static UnitWork of(Task task, String unit, Function<Task, LocalDate> handlerDue) {
    String key = task.getTaskDefinitionKey();
    Map<String, Object> fields = new LinkedHashMap<>();
    UnitWork work = switch (key) {
      case Tasks.HANDLE_ASSIGNMENT -> {
        fields.put(Vars.RESULT.name(), "Đã xử lý");
        yield new UnitWork(OFFICER.get(unit), true, Variables.fromMap(fields));
      }
      case Tasks.ASSIGN_HANDLER -> {
        fields.put(Vars.HANDLER.name(), OFFICER.get(unit));
        fields.put(Vars.HANDLER_DUE_DATE.name(), handlerDue.apply(task).toString());
        fields.put(Vars.HANDLER_NOTE.name(), "Đề nghị xử lý đúng hạn");
        yield new UnitWork(head(unit), true, Variables.fromMap(fields));
      }
      case Tasks.PROPOSE_RESULT -> {
        fields.put(Vars.RESULT.name(), "Đề xuất kết quả xử lý");
        // assigned to the handler by the model: no claim
        yield new UnitWork(task.getAssignee(), false, Variables.fromMap(fields));
      }
      case Tasks.REVIEW_PROPOSAL -> {
        fields.put(Vars.PROPOSAL_APPROVED.name(), true);
        yield new UnitWork(head(unit), true, Variables.fromMap(fields));
      }
      default -> throw new IllegalStateException("not a unit task: " + key);
    };
    if (!CONTRACTS.get(key).inputs().keySet().containsAll(fields.keySet())) {
      throw new IllegalStateException(key + " submitted outside its contract: " + fields.keySet());
    }
    return work;
  }

  private static String head(String unit) {
    List<String> leaders = LEADERS.get(unit);
    return leaders == null || leaders.isEmpty() ? null : leaders.get(0);
  }

  /** The groups the user logs in with. */
  List<String> groups() {
    return List.of(GROUP.get(user));
  }

  void complete(TaskService tasks, Task task) {
    if (claim) {
      tasks.claim(task.getId(), user);
    }
    tasks.complete(task.getId(), variables);
  }

  /** The open unit tasks of the instance (empty once every unit is done). */
  static List<Task> open(TaskService tasks, String pi) {
    return tasks.createTaskQuery().processInstanceId(pi)
        .taskDefinitionKeyIn(KEYS.toArray(String[]::new)).list();
  }

  /** The unit of the task (the multi-instance's element variable). */
  static String unit(TaskService tasks, Task task) {
    return (String) tasks.getVariable(task.getId(), Vars.UNIT.name());
  }
}
