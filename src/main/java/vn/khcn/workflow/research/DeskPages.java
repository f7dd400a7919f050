package vn.khcn.workflow.research;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * What the portal's and the council desk's pages share: a form carries only its own fields, and a
 * refused action answers a page with its status (400, 403, 404, 409) naming each problem.
 */
final class DeskPages {

  /** The token every form of ours carries besides its fields. */
  static final String CSRF = "_csrf";

  /** 400 naming every submitted field the form does not have (nothing is done). */
  static void onlyFields(Collection<String> submitted, Set<String> allowed) {
    List<FieldError> extra = new ArrayList<>();
    for (String name : submitted) {
      if (!allowed.contains(name) && !CSRF.equals(name)) {
        extra.add(new FieldError(name, "biểu mẫu này không có trường '" + name + "'"));
      }
    }
    if (!extra.isEmpty()) {
      throw new InvalidInputException(extra);
    }
  }

  /**
   * The refusal page: status, message and the problems by field; anything that is not a refusal
   * is thrown on (an error, answered as such).
   */
  static String refused(RuntimeException refused, String back, HttpServletResponse response,
      Model model) {
    if (!isRefusal(refused)) {
      throw refused;
    }
    int status;
    List<String> problems = new ArrayList<>();
    String message;
    if (refused instanceof InvalidInputException invalid) {
      status = 400;
      message = "Chưa thực hiện: dữ liệu chưa hợp lệ. Không có gì được lưu.";
      invalid.fieldErrors().forEach(e -> problems.add((e.field().isEmpty() ? "" : e.field() + ": ")
          + e.message()));
    } else if (refused instanceof InvalidTaskInputException invalid) {
      status = 400;
      message = "Chưa thực hiện: dữ liệu chưa hợp lệ. Không có gì được lưu.";
      problems.addAll(invalid.problems());
    } else if (refused instanceof BadUserRequestException) {
      status = 400;
      message = "Chưa thực hiện: " + refused.getMessage();
    } else if (refused instanceof AccessDeniedException) {
      status = 403;
      message = refused.getMessage();
    } else if (refused instanceof NotFoundException) {
      status = 404;
      message = refused.getMessage();
    } else {
      status = 409;
      message = refused.getMessage();
    }
    response.setStatus(status);
    model.addAttribute("status", status);
    model.addAttribute("message", message);
    model.addAttribute("problems", problems);
    model.addAttribute("back", back);
    return "desk-refused";
  }

  /** The refusals the desks answer with a page (others are errors). */
  private static boolean isRefusal(RuntimeException e) {
    return e instanceof InvalidInputException || e instanceof InvalidTaskInputException
        || e instanceof BadUserRequestException || e instanceof AccessDeniedException
        || e instanceof NotFoundException || e instanceof ConflictException;
  }

  static Integer whole(String value, String field, List<FieldError> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      problems.add(new FieldError(field, "nhập một số nguyên"));
      return null;
    }
  }

  private DeskPages() {}
}
