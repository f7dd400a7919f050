package vn.khcn.workflow.shared.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The one JSON error body of {@code /api/**} and of the security layer in front of
 * {@code /engine-rest/**}: HTTP status, a short English reason, a Vietnamese message a person can
 * read, the request path and, for invalid input, one entry per bad field.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(
    Instant timestamp,
    int status,
    String error,
    String message,
    String path,
    List<FieldError> fieldErrors) {

  /** One invalid field: its JSON name and why it is invalid (Vietnamese). */
  public record FieldError(String field, String message) {}

  public static ApiError of(int status, String error, String message, String path) {
    return new ApiError(Instant.now(), status, error, message, path, List.of());
  }

  public static ApiError invalid(String message, String path, List<FieldError> fieldErrors) {
    return new ApiError(Instant.now(), 400, "Bad Request", message, path, List.copyOf(fieldErrors));
  }
}
