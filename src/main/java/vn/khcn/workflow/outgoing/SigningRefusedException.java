package vn.khcn.workflow.outgoing;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.khcn.workflow.shared.web.ApiError;

/**
 * A signature the signing rules refuse (ADR 0032): 403 with the Vietnamese reason, on the API and
 * the inbox (the handler below) and on the engine's REST API (an {@link AuthorizationException},
 * which Tasklist shows with its message).
 */
class SigningRefusedException extends AuthorizationException {

  SigningRefusedException(String message) {
    super(message);
  }

  /** Maps the refusal to a 403 whose message names the reason. */
  @RestControllerAdvice
  @Order(Ordered.HIGHEST_PRECEDENCE + 1)
  static class Handler {

    @ExceptionHandler(SigningRefusedException.class)
    ResponseEntity<ApiError> refused(SigningRefusedException e, HttpServletRequest request) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ApiError.of(403, "Forbidden",
          e.getMessage(), request.getRequestURI()));
    }
  }
}
