package vn.khcn.workflow.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;

/**
 * The one refusal page of every {@link PageController}: status (400, 403, 404, 409), message and
 * the problems by field. Runs before the API's handlers, which answer the other controllers.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageRefusals {

  /** The refusal template; the outgoing pages' own 403/404 handlers render it through {@link #page}. */
  static final String TEMPLATE = "document-refused";
  private static final String NOTHING_SAVED =
      "Chưa thực hiện: dữ liệu chưa hợp lệ. Không có gì được lưu.";

  @ExceptionHandler({PageRefusedException.class, InvalidInputException.class,
      InvalidTaskInputException.class, BadUserRequestException.class, AccessDeniedException.class,
      NotFoundException.class, ConflictException.class})
  String refused(RuntimeException refused, HandlerMethod handler, HttpServletResponse response,
      Model model) {
    PageController page =
        AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PageController.class);
    return page(refused, page == null ? "" : page.back(), response, model);
  }

  /**
   * The refusal page for a controller that catches a refusal itself; anything that is not a
   * refusal is thrown on (an error, answered as such).
   */
  public static String page(RuntimeException refused, String back, HttpServletResponse response,
      Model model) {
    int status;
    String message = refused.getMessage();
    List<String> problems = new ArrayList<>();
    if (refused instanceof PageRefusedException page) {
      status = page.status();
    } else if (refused instanceof InvalidInputException invalid) {
      status = 400;
      message = NOTHING_SAVED;
      invalid.fieldErrors().forEach(e -> problems.add((e.field().isEmpty() ? "" : e.field() + ": ")
          + e.message()));
    } else if (refused instanceof InvalidTaskInputException invalid) {
      status = 400;
      message = NOTHING_SAVED;
      problems.addAll(invalid.problems());
    } else if (refused instanceof BadUserRequestException) {
      status = 400;
      message = "Chưa thực hiện: " + refused.getMessage();
    } else if (refused instanceof AccessDeniedException) {
      status = 403;
    } else if (refused instanceof NotFoundException) {
      status = 404;
    } else if (refused instanceof ConflictException) {
      status = 409;
    } else {
      throw refused;
    }
    response.setStatus(status);
    model.addAttribute("status", status);
    model.addAttribute("message", message);
    model.addAttribute("problems", problems);
    model.addAttribute("back", back.isEmpty() ? null : back);
    return TEMPLATE;
  }
}
