package vn.khcn.workflow.shared.process;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a feature's process model tells the cross-cutting code (identity, security, history,
 * inbox) about itself: its key, the decision tables it calls, each user task's completion
 * contract, and the task-local copies that need no history. Each feature exposes one Spring bean
 * of this type per model (its descriptor); nothing outside the feature spells its keys.
 */
public interface ProcessDescriptor {

  /** The process definition key (= the file name in processes/). */
  String key();

  /** The decision tables the model evaluates (keys of processes/*.dmn). */
  default Set<String> decisionKeys() {
    return Set.of();
  }

  /** One contract per user task of the model. */
  Collection<UserTaskContract> userTasks();

  /** Task-local copies made on create for forms and lists (ADR 0011): no history kept. */
  default Set<String> taskViewCopies() {
    return Set.of();
  }

  /**
   * Whether the process is started by a call activity of another model rather than by a domain
   * service (its start through any other path is refused).
   */
  default boolean calledOnly() {
    return false;
  }

  /**
   * The {@linkplain Variable#longText long texts} each user task's form takes, by task key (tasks
   * without any left out): recorded by the task's listeners, then forgotten by the engine.
   */
  default Map<String, Set<String>> longTextInputs() {
    Map<String, Set<String>> byTask = new HashMap<>();
    for (UserTaskContract contract : userTasks()) {
      Set<String> names = contract.longTexts();
      if (!names.isEmpty()) {
        byTask.put(contract.taskKey(), names);
      }
    }
    return Map.copyOf(byTask);
  }

  default Optional<UserTaskContract> contract(String taskKey) {
    return userTasks().stream().filter(c -> c.taskKey().equals(taskKey)).findFirst();
  }
}
