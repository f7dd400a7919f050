package vn.khcn.workflow.shared.web;

import java.util.List;
import java.util.stream.Collectors;

/** Input that fails validation: answered with 400 and one entry per bad field; nothing is stored. */
public class InvalidInputException extends RuntimeException {

  private final List<ApiError.FieldError> fieldErrors;

  public InvalidInputException(List<ApiError.FieldError> fieldErrors) {
    super("Dữ liệu không hợp lệ: " + fieldErrors.stream()
        .map(e -> e.field() + " – " + e.message()).collect(Collectors.joining("; ")));
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  public List<ApiError.FieldError> fieldErrors() {
    return fieldErrors;
  }
}
