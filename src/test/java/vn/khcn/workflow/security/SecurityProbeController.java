package vn.khcn.workflow.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.khcn.workflow.identity.CurrentUser;

/** Test-only /api endpoints exercising method security, CurrentUser and ApiExceptionHandler. */
@RestController
@RequestMapping("/api/test-probe")
class SecurityProbeController {

  record Probe(@NotBlank(message = "Không được để trống") String name,
               @Size(max = 5, message = "Tối đa 5 ký tự") String code, Integer count) {}

  private final CurrentUser currentUser;
  private final RepositoryService repositoryService;

  SecurityProbeController(CurrentUser currentUser, RepositoryService repositoryService) {
    this.currentUser = currentUser;
    this.repositoryService = repositoryService;
  }

  @GetMapping("/me")
  Map<String, Object> me() {
    return Map.of("userId", currentUser.userId(), "fullName", currentUser.fullName(),
        "groups", new TreeSet<>(currentUser.groupIds()),
        "clerk", currentUser.hasGroup("van-thu"));
  }

  @GetMapping("/clerk-only")
  @PreAuthorize("hasAuthority('van-thu')")
  Map<String, Object> clerkOnly() {
    return Map.of("ok", true);
  }

  @PostMapping("/echo")
  Probe echo(@Valid @RequestBody Probe probe) {
    return probe;
  }

  @GetMapping("/number")
  Map<String, Object> number(@RequestParam int n) {
    return Map.of("n", n);
  }

  /** Runs an engine call as the request's user: a deployment needs DEPLOYMENT CREATE. */
  @PostMapping("/deploy")
  Map<String, Object> deploy() {
    repositoryService.createDeployment().name("probe").addString("ghi-chu.txt", "thử").deploy();
    return Map.of("ok", true);
  }
}
