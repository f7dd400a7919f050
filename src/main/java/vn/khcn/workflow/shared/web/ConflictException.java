package vn.khcn.workflow.shared.web;

import java.util.Map;

/** A request that contradicts what is stored: 409, with details naming what it conflicts with. */
public class ConflictException extends RuntimeException {

  private final Map<String, Object> details;

  public ConflictException(String message, Map<String, Object> details) {
    super(message);
    this.details = Map.copyOf(details);
  }

  public Map<String, Object> details() {
    return details;
  }
}
