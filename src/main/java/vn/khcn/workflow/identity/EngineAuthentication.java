package vn.khcn.workflow.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs an engine call without the request's engine authentication, so that a system check (is
 * this the last administrator? what is this user's name?) is neither filtered by the caller's
 * authorizations nor limited by {@code queryMaxResultsLimit}. Restores the authentication after.
 */
public final class EngineAuthentication {

  public static <T> T withoutAuthentication(IdentityService identityService, Supplier<T> call) {
    Authentication current = identityService.getCurrentAuthentication();
    if (current == null) {
      return call.get();
    }
    identityService.clearAuthentication();
    try {
      return call.get();
    } finally {
      identityService.setAuthentication(current);
    }
  }

  private EngineAuthentication() {}
}
