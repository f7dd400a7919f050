package vn.khcn.workflow.security;

import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/admin/login-throttle: the clients refused at login now, for administrators. */
@RestController
class LoginThrottleController {

  private final LoginThrottle throttle;

  LoginThrottleController(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @GetMapping("/api/admin/login-throttle")
  @PreAuthorize("hasAuthority('camunda-admin')")
  Map<String, Object> lockouts() {
    List<LoginThrottle.Lockout> lockouts = throttle.lockouts();
    return Map.of("count", lockouts.size(), "lockouts", lockouts,
        "pairLimit", LoginThrottle.PAIR_LIMIT, "clientLimit", LoginThrottle.CLIENT_LIMIT,
        "blockMinutes", LoginThrottle.BLOCK.toMinutes());
  }

  /** Lets a refused client (e.g. an office behind one address) try again at once. */
  @DeleteMapping("/api/admin/login-throttle")
  @PreAuthorize("hasAuthority('camunda-admin')")
  Map<String, Object> release(@RequestParam String client) {
    return Map.of("client", client, "released", throttle.release(client));
  }
}
