package vn.khcn.workflow.inbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Tasks;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Vars;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/** The directors' inbox as JSON: GET /api/inbox and actions under /api/inbox/{taskId}/…. */
@RestController
@RequestMapping("/api/inbox")
@PreAuthorize("hasAuthority('lanh-dao')")
class InboxController {

  record DirectionRequest(String direction, Boolean infoOnly, String leadUnit,
      List<String> coordinatingUnits, List<String> informedUnits, String dueDate) {}

  record ApprovalRequest(Boolean approved, String comment) {}

  private final InboxService inbox;

  InboxController(InboxService inbox) {
    this.inbox = inbox;
  }

  @GetMapping
  Map<String, Object> items(Authentication user) {
    List<InboxItem> items = inbox.items(user.getName(), groups(user));
    return Map.of("count", items.size(), "items", items);
  }

  @GetMapping("/{taskId}")
  Map<String, Object> item(@PathVariable String taskId, Authentication user) {
    return Map.of("item", inbox.item(taskId, user.getName(), groups(user)),
        "document", inbox.view(taskId));
  }

  @PostMapping("/{taskId}/direction")
  ResponseEntity<Void> direct(@PathVariable String taskId, @RequestBody DirectionRequest request,
      Authentication user) {
    requireTask(taskId, Tasks.GIVE_DIRECTION, user);
    inbox.complete(taskId, user.getName(), groups(user), directionVariables(request));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{taskId}/approval")
  ResponseEntity<Void> approve(@PathVariable String taskId, @RequestBody ApprovalRequest request,
      Authentication user) {
    requireTask(taskId, Tasks.APPROVE_RESULT, user);
    inbox.complete(taskId, user.getName(), groups(user), Variables.createVariables()
        .putValue(Vars.APPROVED, request.approved()).putValue(Vars.COMMENT, request.comment()));
    return ResponseEntity.noContent().build();
  }

  /** The variables of giveDirection, as Tasklist's form and REST clients send them. */
  static VariableMap directionVariables(DirectionRequest request) {
    return Variables.createVariables()
        .putValue(Vars.DIRECTION, request.direction())
        .putValue(Vars.INFO_ONLY, Boolean.TRUE.equals(request.infoOnly()))
        .putValue(Vars.LEAD_UNIT, request.leadUnit())
        .putValue(Vars.COORDINATING_UNITS, json(request.coordinatingUnits()))
        .putValue(Vars.INFORMED_UNITS, json(request.informedUnits()))
        .putValue(Vars.DUE_DATE, request.dueDate());
  }

  private void requireTask(String taskId, String key, Authentication user) {
    InboxItem item = inbox.item(taskId, user.getName(), groups(user));
    if (!key.equals(item.taskDefinitionKey())) {
      throw new InvalidInputException(List.of(new FieldError("taskId",
          "việc '" + item.taskName() + "' không làm bằng thao tác này")));
    }
  }

  private static Object json(List<String> units) {
    return SpinValues.jsonValue(Spin.JSON(units == null ? List.of() : units)).create();
  }

  static Set<String> groups(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .collect(Collectors.toSet());
  }
}
