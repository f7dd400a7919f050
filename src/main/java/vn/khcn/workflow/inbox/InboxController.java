package vn.khcn.workflow.inbox;

import vn.khcn.workflow.identity.CurrentUser;
import vn.khcn.workflow.research.AcceptanceProcess;
import vn.khcn.workflow.research.AssignmentCouncilProcess;
import vn.khcn.workflow.research.MidtermEvaluationProcess;
import vn.khcn.workflow.research.ResearchTaskProcess;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.khcn.workflow.dispatch.DirectionItemRequests;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Tasks;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Vars;
import vn.khcn.workflow.shared.process.TaskCompletionContracts;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/** The directors' inbox as JSON: GET /api/inbox and actions under /api/inbox/{taskId}/…. */
@RestController
@RequestMapping("/api/inbox")
@PreAuthorize("hasAuthority('lanh-dao')")
class InboxController {

  record DirectionRequest(String direction, Boolean infoOnly, String leadUnit,
      List<String> coordinatingUnits, List<String> informedUnits, String dueDate,
      Map<String, String> unitDueDates, List<DirectionItemRequests.Item> items) {}

  /** authority: only for the signer's approval of an outgoing document ("", KT., TL., TUQ.). */
  record ApprovalRequest(Boolean approved, String comment, String authority) {}

  /** A council: user ids of the pool for each role, up to four further members. */
  record CouncilRequest(String chair, String viceChair, String secretary, String reviewer1,
      String reviewer2, List<String> members) {}

  record ReplacementRequest(String replacement) {}

  /** Director's tasks answered with approve or return (variables approved and comment). */
  static final Set<String> APPROVALS = Set.of(Tasks.APPROVE_RESULT,
      ResearchTaskProcess.Tasks.APPROVE_BUDGET, ResearchTaskProcess.Tasks.DECIDE_EXTENSION,
      MidtermEvaluationProcess.Tasks.APPROVE_ADJUSTMENT,
      MidtermEvaluationProcess.Tasks.APPROVE_TERMINATION,
      vn.khcn.workflow.outgoing.OutgoingDocumentProcess.Tasks.APPROVE_SIGNATURE);

  /** Director's tasks that appoint a council. */
  static final Set<String> APPOINTMENTS = Set.of(AssignmentCouncilProcess.Tasks.APPOINT_COUNCIL,
      AcceptanceProcess.Tasks.APPOINT_COUNCIL);

  private final InboxService inbox;
  private final TaskCompletionContracts contracts;

  InboxController(InboxService inbox, TaskCompletionContracts contracts) {
    this.inbox = inbox;
    this.contracts = contracts;
  }

  /** Completes with what the task's form allows (the contract check of every completion path). */
  private void complete(String taskId, Authentication user, VariableMap variables) {
    inbox.complete(taskId, user.getName(), CurrentUser.groupIds(user),
        contracts.admit(taskId, variables));
  }

  @GetMapping
  Map<String, Object> items(@RequestParam(defaultValue = "0") int page, Authentication user) {
    InboxService.InboxPage items = inbox.items(user.getName(), CurrentUser.groupIds(user), page);
    return Map.of("count", items.items().size(), "items", items.items(), "page", items.page(),
        "pageSize", items.pageSize(), "hasMore", items.hasMore());
  }

  @GetMapping("/{taskId}")
  Map<String, Object> item(@PathVariable String taskId, Authentication user) {
    return Map.of("item", inbox.item(taskId, user.getName(), CurrentUser.groupIds(user)),
        "document", inbox.view(taskId));
  }

  @PostMapping("/{taskId}/direction")
  ResponseEntity<Void> direct(@PathVariable String taskId, @RequestBody DirectionRequest request,
      Authentication user) {
    requireTask(taskId, Tasks.GIVE_DIRECTION, user);
    complete(taskId, user, directionVariables(request));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{taskId}/approval")
  ResponseEntity<Void> approve(@PathVariable String taskId, @RequestBody ApprovalRequest request,
      Authentication user) {
    requireTask(taskId, APPROVALS, user);
    VariableMap variables = Variables.createVariables()
        .putValue(Vars.APPROVED.name(), request.approved()).putValue(Vars.COMMENT.name(), request.comment());
    if (request.authority() != null) {
      variables.putValue("authority", request.authority());
    }
    complete(taskId, user, variables);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{taskId}/council")
  ResponseEntity<Void> appointCouncil(@PathVariable String taskId,
      @RequestBody CouncilRequest request, Authentication user) {
    requireTask(taskId, APPOINTMENTS, user);
    complete(taskId, user, councilVariables(request));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{taskId}/replacement")
  ResponseEntity<Void> appointReplacement(@PathVariable String taskId,
      @RequestBody ReplacementRequest request, Authentication user) {
    requireTask(taskId, Set.of(AssignmentCouncilProcess.Tasks.APPOINT_REPLACEMENT), user);
    complete(taskId, user, Variables.createVariables()
        .putValue(AssignmentCouncilProcess.Vars.REPLACEMENT.name(), request.replacement()));
    return ResponseEntity.noContent().build();
  }

  /** The variables of appointCouncil / appointAcceptanceCouncil, as the Tasklist form sends them. */
  static VariableMap councilVariables(CouncilRequest request) {
    VariableMap variables = Variables.createVariables()
        .putValue(AssignmentCouncilProcess.Vars.CHAIR_FIELD.name(), blankToNull(request.chair()))
        .putValue(AssignmentCouncilProcess.Vars.VICE_CHAIR_FIELD.name(), blankToNull(request.viceChair()))
        .putValue(AssignmentCouncilProcess.Vars.SECRETARY_FIELD.name(), blankToNull(request.secretary()))
        .putValue(AssignmentCouncilProcess.Vars.REVIEWER_1.name(), blankToNull(request.reviewer1()))
        .putValue(AssignmentCouncilProcess.Vars.REVIEWER_2.name(), blankToNull(request.reviewer2()));
    List<String> members = request.members() == null ? List.of() : request.members().stream()
        .filter(m -> m != null && !m.isBlank()).toList();
    if (members.size() > 4) {
      throw new InvalidInputException(List.of(new FieldError("members",
          "tối đa 4 ủy viên ngoài chủ tịch, phó chủ tịch, thư ký và hai phản biện")));
    }
    for (int i = 1; i <= 4; i++) {
      variables.putValue(AssignmentCouncilProcess.Vars.MEMBER_FIELDS.get(i - 1).name(),
          i <= members.size() ? members.get(i - 1) : null);
    }
    return variables;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The variables of giveDirection, as Tasklist's form and REST clients send them. */
  static VariableMap directionVariables(DirectionRequest request) {
    return Variables.createVariables()
        .putValue(Vars.DIRECTION.name(), request.direction())
        .putValue(Vars.INFO_ONLY.name(), Boolean.TRUE.equals(request.infoOnly()))
        .putValue(Vars.LEAD_UNIT.name(), request.leadUnit())
        .putValue(Vars.COORDINATING_UNITS.name(), json(request.coordinatingUnits()))
        .putValue(Vars.INFORMED_UNITS.name(), json(request.informedUnits()))
        .putValue(Vars.DUE_DATE.name(), request.dueDate())
        .putValue(Vars.UNIT_DUE_DATES.name(), unitDueDateLines(request.unitDueDates()))
        .putValue(Vars.DIRECTION_ITEMS.name(), DirectionItemRequests.lines(request.items()));
  }

  /**
   * {@code {"phong-khtc": "2026-03-20"}} as the lines of {@code unitDueDates} ("phong-khtc:
   * 2026-03-20"); blank dates are left out. The process checks units and dates.
   */
  static String unitDueDateLines(Map<String, String> byUnit) {
    if (byUnit == null) {
      return null;
    }
    StringBuilder lines = new StringBuilder();
    for (Map.Entry<String, String> entry : new java.util.TreeMap<>(byUnit).entrySet()) {
      String unit = entry.getKey().strip();
      String day = entry.getValue() == null ? "" : entry.getValue().strip();
      if (unit.contains(":") || unit.chars().anyMatch(Character::isISOControl)
          || day.chars().anyMatch(Character::isISOControl)) {
        throw new InvalidInputException(List.of(new FieldError(Vars.UNIT_DUE_DATES.name(),
            "mã đơn vị hoặc ngày không hợp lệ: '" + unit + "'")));
      }
      if (!day.isEmpty()) {
        lines.append(unit).append(": ").append(day).append('\n');
      }
    }
    return lines.isEmpty() ? null : lines.toString();
  }

  private void requireTask(String taskId, String key, Authentication user) {
    requireTask(taskId, Set.of(key), user);
  }

  private void requireTask(String taskId, Set<String> keys, Authentication user) {
    InboxItem item = inbox.item(taskId, user.getName(), CurrentUser.groupIds(user));
    if (!keys.contains(item.taskDefinitionKey())) {
      throw new InvalidInputException(List.of(new FieldError("taskId",
          "việc '" + item.taskName() + "' không làm bằng thao tác này")));
    }
  }

  private static Object json(List<String> units) {
    return SpinValues.jsonValue(Spin.JSON(units == null ? List.of() : units)).create();
  }
}
