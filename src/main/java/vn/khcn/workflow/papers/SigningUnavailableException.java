package vn.khcn.workflow.papers;

/** Signing was asked for but no usable keystore is configured (khcn.signing.*). */
public class SigningUnavailableException extends RuntimeException {

  public SigningUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
