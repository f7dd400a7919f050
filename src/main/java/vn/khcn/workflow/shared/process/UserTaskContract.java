package vn.khcn.workflow.shared.process;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a person may send when completing one user task: the task's form fields, each a
 * {@link Variable} with its {@link FieldType}. Everything else (documents, units, members, roles,
 * councils, routing flags) comes from the task and the authenticated user, never from a
 * submission. Read-only fields of the form (the document as a person reads it) may be echoed back
 * by Tasklist; they are accepted and never stored.
 *
 * @param taskKey the task definition key (= the user task's element id)
 * @param formKey the Camunda Form's id ({@code camunda-forms:deployment:<id>.form}), or null
 * @param inputs the variables a person may submit, by name
 * @param views the form's read-only fields, by name
 */
public record UserTaskContract(String taskKey, String formKey, Map<String, Variable<?>> inputs,
    Set<String> views) {

  public UserTaskContract {
    inputs = Map.copyOf(inputs);
    views = Set.copyOf(views);
  }

  /** A task whose form has these inputs and these read-only fields. */
  public static UserTaskContract of(String taskKey, String formKey, Collection<Variable<?>> inputs,
      Collection<String> views) {
    Map<String, Variable<?>> byName = new LinkedHashMap<>();
    for (Variable<?> input : inputs) {
      if (input.fieldType() == null) {
        throw new IllegalArgumentException(input.name() + " is written by the server only");
      }
      if (byName.put(input.name(), input) != null) {
        throw new IllegalArgumentException("duplicate input " + input.name());
      }
    }
    return new UserTaskContract(taskKey, formKey, byName, Set.copyOf(views));
  }

  /** The names of its {@linkplain Variable#longText long texts} (ADR 0044). */
  public Set<String> longTexts() {
    return inputs.entrySet().stream().filter(input -> input.getValue().isLongText())
        .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
  }

  /** Starts a contract: {@code UserTaskContract.task("giveDirection").form(...).inputs(...)}. */
  public static Builder task(String taskKey) {
    return new Builder(taskKey);
  }

  /**
   * The problems of a submission, one per variable, in Vietnamese (empty when it may be
   * submitted). {@code submitted} maps each variable name to the REST type the client named
   * (null when it named none).
   */
  public List<String> problems(Map<String, String> submitted) {
    List<String> problems = new java.util.ArrayList<>();
    submitted.forEach((name, restType) -> {
      Variable<?> input = inputs.get(name);
      if (input == null && !views.contains(name)) {
        problems.add(name + ": không thuộc biểu mẫu của công việc này");
      } else if (input != null && !input.fieldType().accepts(restType)) {
        problems.add(name + ": kiểu " + restType + " không được chấp nhận");
      }
    });
    return problems;
  }

  /** The fluent way descriptors declare a contract. */
  public static final class Builder {
    private final String taskKey;
    private String formKey;
    private final List<String> views = new java.util.ArrayList<>();

    private Builder(String taskKey) {
      this.taskKey = taskKey;
    }

    /** The Camunda Form's id and its read-only fields. */
    public Builder form(String formId, String... readOnlyFields) {
      this.formKey = formId;
      views.addAll(List.of(readOnlyFields));
      return this;
    }

    public UserTaskContract inputs(Variable<?>... inputs) {
      return UserTaskContract.of(taskKey, formKey, List.of(inputs), views);
    }
  }
}
