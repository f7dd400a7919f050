package vn.khcn.workflow.shared.web;

/** A resource of ours that does not exist, or that the caller may not know exists: 404. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
