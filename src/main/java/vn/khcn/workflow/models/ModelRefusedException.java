package vn.khcn.workflow.models;

import java.util.List;
import java.util.stream.Collectors;

/** Models that failed validation: nothing of them was deployed. */
public class ModelRefusedException extends RuntimeException {

  private final List<ModelProblem> problems;

  public ModelRefusedException(List<ModelProblem> problems) {
    super("Mô hình bị từ chối, không triển khai / Models refused, nothing deployed:\n"
        + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<ModelProblem> problems() {
    return problems;
  }
}
