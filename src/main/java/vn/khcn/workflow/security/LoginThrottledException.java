package vn.khcn.workflow.security;

import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** A login refused by {@link LoginThrottle} before its password is checked. */
final class LoginThrottledException extends AuthenticationException {

  static final String MESSAGE = "Đăng nhập sai quá nhiều lần từ máy này; hãy thử lại sau %d phút"
      + " hoặc báo quản trị viên.";

  private final Instant until;

  LoginThrottledException(Instant until) {
    super("Login throttled until " + until);
    this.until = until;
  }

  Instant until() {
    return until;
  }

  /** The Vietnamese message with the minutes left (at least 1). */
  String message(Instant now) {
    long minutes = Math.max(1, (until.getEpochSecond() - now.getEpochSecond() + 59) / 60);
    return String.format(MESSAGE, minutes);
  }
}
