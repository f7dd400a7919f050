package vn.khcn.workflow.shared.web;

/** A page refused with the given status and a message a person reads (Vietnamese). */
public class PageRefusedException extends RuntimeException {

  private final int status;

  public PageRefusedException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
