package vn.khcn.workflow.shared.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The one decision on what a completion of a user task may carry, used by the engine REST and
 * webapp filter and by our own controllers: the task's {@link UserTaskContract} (found through
 * {@link ProcessDescriptors} by process definition key and task definition key). A variable that
 * is neither an input nor a view of the contract, or an input of a refused REST type, is a
 * problem named in Vietnamese; views echoed back (read-only form fields) are dropped before the
 * engine sees them. A task of a process no descriptor declares, or whose descriptor declares no
 * contracts at all, is not checked; a task missing from a descriptor that declares contracts
 * accepts nothing.
 */
@Component
public class TaskCompletionContracts {

  /** What to do with a submission: refuse it (problems) or pass it on without the views. */
  public record Verdict(List<String> problems, Set<String> views) {
    public boolean refused() {
      return !problems.isEmpty();
    }
  }

  private static final Verdict UNCHECKED = new Verdict(List.of(), Set.of());

  private final ProcessDescriptors descriptors;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;

  TaskCompletionContracts(ProcessDescriptors descriptors, TaskService taskService,
      RepositoryService repositoryService, IdentityService identityService) {
    this.descriptors = descriptors;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  /**
   * The verdict on a submission to the task: {@code submitted} maps each variable name to the REST
   * type the client named (null when none). An unknown task is not checked (the engine answers).
   */
  public Verdict check(String taskId, Map<String, String> submitted) {
    Optional<Optional<UserTaskContract>> governing = contractOf(taskId);
    if (governing.isEmpty() || submitted.isEmpty()) {
      return UNCHECKED;
    }
    Optional<UserTaskContract> contract = governing.get();
    if (contract.isEmpty()) {
      List<String> problems = new ArrayList<>();
      submitted.keySet().forEach(name -> problems.add(name
          + ": công việc này không nhận dữ liệu nào qua biểu mẫu"));
      return new Verdict(problems, Set.of());
    }
    Set<String> views = new LinkedHashSet<>(submitted.keySet());
    views.retainAll(contract.get().views());
    views.removeAll(contract.get().inputs().keySet());
    return new Verdict(contract.get().problems(submitted), views);
  }

  /**
   * The task's {@linkplain Variable#longText long texts} (empty for a task no contract governs):
   * a {@code resolve} hands a delegated task back without completing it, so the engine keeps
   * what it carries until the owner completes and may keep no more than {@link
   * Variable#MAX_TEXT} characters of each (ADR 0044).
   */
  public Set<String> longTexts(String taskId) {
    return contractOf(taskId).flatMap(contract -> contract).map(UserTaskContract::longTexts)
        .orElse(Set.of());
  }

  /**
   * The variables a controller may complete the task with: the submission without views; throws
   * {@link InvalidTaskInputException} naming every variable the task's form does not have.
   */
  public VariableMap admit(String taskId, Map<String, Object> variables) {
    Map<String, String> submitted = new LinkedHashMap<>();
    variables.keySet().forEach(name -> submitted.put(name, null));
    Verdict verdict = check(taskId, submitted);
    if (verdict.refused()) {
      throw new InvalidTaskInputException(verdict.problems());
    }
    VariableMap admitted = Variables.createVariables();
    if (variables instanceof VariableMap typed) {
      typed.keySet().stream().filter(name -> !verdict.views().contains(name))
          .forEach(name -> admitted.putValueTyped(name, typed.getValueTyped(name)));
    } else {
      variables.forEach((name, value) -> {
        if (!verdict.views().contains(name)) {
          admitted.putValue(name, value);
        }
      });
    }
    return admitted;
  }

  /**
   * The assignee of the task when it is someone other than {@code userId}: only the assignee
   * completes a task (the engine enforces it too; this lets the web layer answer 403 first).
   */
  public Optional<String> otherAssignee(String taskId, String userId) {
    return asSystem(() -> {
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      return task == null || task.getAssignee() == null || task.getAssignee().equals(userId)
          ? Optional.<String>empty() : Optional.of(task.getAssignee());
    });
  }

  /**
   * Empty when the task is not governed by contracts (unknown task, standalone task, process
   * without descriptor or without declared contracts); otherwise the task's contract, empty when
   * the descriptor declares none for it.
   */
  private Optional<Optional<UserTaskContract>> contractOf(String taskId) {
    return asSystem(() -> {
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      if (task == null || task.getProcessDefinitionId() == null) {
        return Optional.empty();
      }
      String processKey = repositoryService.getProcessDefinition(task.getProcessDefinitionId())
          .getKey();
      return descriptors.process(processKey)
          .filter(descriptor -> !descriptor.userTasks().isEmpty())
          .map(descriptor -> descriptor.contract(task.getTaskDefinitionKey()));
    });
  }

  /** Reads as the system: the caller's authorizations must not hide the task from the check. */
  private <T> T asSystem(Supplier<T> call) {
    Authentication current = identityService.getCurrentAuthentication();
    if (current == null) {
      return call.get();
    }
    identityService.clearAuthentication();
    try {
      return call.get();
    } finally {
      identityService.setAuthentication(current);
    }
  }
}
