package vn.khcn.workflow.shared.process;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * What a person entered to complete a task is invalid. Thrown by task listeners and delegates; the
 * task stays open, nothing is stored, and the REST API answers 400 with this message.
 */
public class InvalidTaskInputException extends BadUserRequestException {

  private final List<String> problems;

  public InvalidTaskInputException(List<String> problems) {
    super("Dữ liệu không hợp lệ: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
