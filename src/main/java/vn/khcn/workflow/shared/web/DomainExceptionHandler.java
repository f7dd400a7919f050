package vn.khcn.workflow.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps the application's own exceptions to {@link ApiError} bodies (after {@link PageRefusals},
 * which answers the page controllers with a page).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DomainExceptionHandler {

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ApiError> invalid(InvalidInputException e, HttpServletRequest request) {
    return ResponseEntity.badRequest().body(ApiError.invalid("Dữ liệu không hợp lệ",
        request.getRequestURI(), e.fieldErrors()));
  }

  /**
   * A task completion refused by the process's own checks: 400 with one entry per problem,
   * "field: message" split into the field and its Vietnamese message.
   */
  @ExceptionHandler(vn.khcn.workflow.shared.process.InvalidTaskInputException.class)
  ResponseEntity<ApiError> invalidTaskInput(
      vn.khcn.workflow.shared.process.InvalidTaskInputException e, HttpServletRequest request) {
    java.util.List<ApiError.FieldError> fields = new java.util.ArrayList<>();
    for (String problem : e.problems()) {
      java.util.regex.Matcher keyed = KEYED.matcher(problem);
      fields.add(keyed.matches() ? new ApiError.FieldError(keyed.group(1), keyed.group(2))
          : new ApiError.FieldError("", problem));
    }
    return ResponseEntity.badRequest().body(ApiError.invalid("Yêu cầu không hợp lệ: "
        + e.getMessage(), request.getRequestURI(), fields));
  }

  private static final java.util.regex.Pattern KEYED = java.util.regex.Pattern.compile(
      "^([A-Za-z][A-Za-z0-9_.\\[\\]]*): (.*)$", java.util.regex.Pattern.DOTALL);

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ApiError> notFound(NotFoundException e, HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(
        ApiError.of(404, "Not Found", e.getMessage(), request.getRequestURI()));
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<Map<String, Object>> conflict(ConflictException e, HttpServletRequest request) {
    ApiError error = ApiError.of(409, "Conflict", e.getMessage(), request.getRequestURI());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("timestamp", error.timestamp());
    body.put("status", error.status());
    body.put("error", error.error());
    body.put("message", error.message());
    body.put("path", error.path());
    body.putAll(e.details());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
  }
}
