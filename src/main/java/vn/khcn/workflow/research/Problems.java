package vn.khcn.workflow.research;

import java.util.ArrayList;
import java.util.List;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;

/** Problems of a person's input, thrown together so they see every one at once. */
final class Problems {
  private final List<String> problems = new ArrayList<>();

  Problems add(String field, String message) {
    problems.add(field + ": " + message);
    return this;
  }

  Problems require(boolean ok, String field, String message) {
    return ok ? this : add(field, message);
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new InvalidTaskInputException(problems);
    }
  }

  /** A decision (approve/accept or not); returning or refusing needs a comment. */
  static void requireDecision(Boolean decision, String comment, String field) {
    new Problems().require(decision != null, field, "chọn quyết định")
        .require(!Boolean.FALSE.equals(decision) || comment != null, "comment",
            "nêu ý kiến khi trả lại hoặc không đồng ý")
        .throwIfAny();
  }
}
