package vn.khcn.workflow.inbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Tasks;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Vars;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;
import vn.khcn.workflow.shared.process.TaskCompletionContracts;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * One action on several inbox items of one kind (issue #17): approve several results, or file
 * several documents "for information" (để biết, lưu). Each item goes through exactly what the
 * single action does (the item must be in the director's inbox and of the action's kind, the
 * task's contract admits the fields, the engine's completion rule and the process's listeners
 * validate and record it), each in its own transaction: one refused item leaves the others done.
 */
@Service
class InboxBulk {

  /** At most one inbox page at once. */
  static final int MAX_ITEMS = InboxService.PAGE_SIZE;

  /** The bulk actions and the task kinds each applies to. */
  enum Action {
    /** Approve results and decisions (the approval tasks), with one optional comment. */
    APPROVE("approve", InboxController.APPROVALS),
    /** Direction "for information / file only" on documents waiting for a direction. */
    INFO_ONLY("infoOnly", Set.of(Tasks.GIVE_DIRECTION));

    final String name;
    final Set<String> taskKeys;

    Action(String name, Set<String> taskKeys) {
      this.name = name;
      this.taskKeys = taskKeys;
    }

    static Action of(String name) {
      for (Action action : values()) {
        if (action.name.equals(name)) {
          return action;
        }
      }
      throw new InvalidInputException(List.of(new FieldError("action",
          "thao tác phải là 'approve' (duyệt) hoặc 'infoOnly' (để biết, lưu)")));
    }
  }

  /** Task definition key to the bulk action its items take (the list page's checkboxes). */
  static java.util.Map<String, String> kinds() {
    java.util.Map<String, String> kinds = new java.util.HashMap<>();
    for (Action action : Action.values()) {
      action.taskKeys.forEach(key -> kinds.put(key, action.name));
    }
    return kinds;
  }

  /** The outcome of one item: done, or refused with the status the single action answers. */
  record Outcome(String taskId, boolean ok, int status, String message) {}

  /** All outcomes, in the order asked. */
  record Result(String action, int succeeded, int failed, List<Outcome> items) {}

  private static final Logger log = LoggerFactory.getLogger(InboxBulk.class);

  private final InboxService inbox;
  private final TaskCompletionContracts contracts;

  InboxBulk(InboxService inbox, TaskCompletionContracts contracts) {
    this.inbox = inbox;
    this.contracts = contracts;
  }

  /**
   * Acts on each task; 400 (nothing done) only for the request itself: an unknown action, no
   * items or too many, a comment or direction that is not text.
   */
  Result act(String actionName, List<String> taskIds, String text, String userId,
      Set<String> groups) {
    Action action = Action.of(actionName);
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    if (taskIds != null) {
      taskIds.stream().filter(id -> id != null && !id.isBlank()).map(String::strip)
          .forEach(ids::add);
    }
    if (ids.isEmpty()) {
      throw new InvalidInputException(List.of(new FieldError("taskIds", "chưa chọn việc nào")));
    }
    if (ids.size() > MAX_ITEMS) {
      throw new InvalidInputException(List.of(new FieldError("taskIds",
          "mỗi lần chọn tối đa " + MAX_ITEMS + " việc")));
    }
    String given = text == null || text.isBlank() ? null : text.strip();
    List<Outcome> outcomes = new ArrayList<>();
    for (String taskId : ids) {
      outcomes.add(one(action, taskId, given, userId, groups));
    }
    int ok = (int) outcomes.stream().filter(Outcome::ok).count();
    return new Result(action.name, ok, outcomes.size() - ok, outcomes);
  }

  private Outcome one(Action action, String taskId, String text, String userId,
      Set<String> groups) {
    try {
      InboxItem item = inbox.item(taskId, userId, groups);
      if (!action.taskKeys.contains(item.taskDefinitionKey())) {
        return new Outcome(taskId, false, 400, "Việc \"" + item.taskName()
            + "\" không làm được bằng thao tác này.");
      }
      inbox.complete(taskId, userId, groups, contracts.admit(taskId, variables(action, text)));
      return new Outcome(taskId, true, 204, null);
    } catch (NotFoundException e) {
      return new Outcome(taskId, false, 404, "Việc không còn trong hộp việc.");
    } catch (InvalidInputException e) {
      return new Outcome(taskId, false, 400, e.getMessage());
    } catch (InvalidTaskInputException e) {
      return new Outcome(taskId, false, 400, e.getMessage());
    } catch (AuthorizationException e) {
      return new Outcome(taskId, false, 403, e.getMessage());
    } catch (OptimisticLockingException e) {
      return new Outcome(taskId, false, 409, "Việc vừa được người khác xử lý; tải lại hộp việc.");
    } catch (ProcessEngineException e) {
      if (refusedByRule(e)) {
        return new Outcome(taskId, false, 403, e.getMessage());
      }
      log.warn("Bulk {} refused on task {}: {}", action.name, taskId, e.toString());
      return new Outcome(taskId, false, 400, e.getMessage());
    }
  }

  /** The engine's completion rule, wrapped by the listener invocation. */
  private static boolean refusedByRule(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null
        : cause.getCause()) {
      if (cause instanceof AuthorizationException) {
        return true;
      }
    }
    return false;
  }

  private static VariableMap variables(Action action, String text) {
    return switch (action) {
      case APPROVE -> Variables.createVariables().putValue(Vars.APPROVED.name(), true)
          .putValue(Vars.COMMENT.name(), text);
      case INFO_ONLY -> InboxController.directionVariables(new InboxController.DirectionRequest(
          text, true, null, List.of(), List.of(), null, null, null));
    };
  }
}
