package vn.khcn.workflow.dispatch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.EngineAuthentication;
import vn.khcn.workflow.notify.Notification;
import vn.khcn.workflow.shared.text.TypedText;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * Recall and replacement of an incoming document (issue 14, ADR 0015): the document's open work
 * ends (its process instance is cancelled through the engine's public API with the reason, so
 * its tasks and their inbox rows go), its status becomes RECALLED or REPLACED, the trail says
 * why, and everyone who had it is told by mail.
 */
@Service
class DocumentWithdrawal {

  static final int MAX_REASON = 2000;
  /** More open tasks than one document ever has (the engine refuses unbounded lists). */
  private static final int MAX_TASKS = 200;

  private final IncomingDocumentRepository documents;
  private final AssignmentRepository assignments;
  private final TrailRepository trail;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  private final ItemReportStarter itemReports;

  DocumentWithdrawal(IncomingDocumentRepository documents, AssignmentRepository assignments,
      TrailRepository trail, RuntimeService runtimeService, TaskService taskService,
      IdentityService identityService, ApplicationEventPublisher events, Clock clock,
      ItemReportStarter itemReports) {
    this.itemReports = itemReports;
    this.documents = documents;
    this.assignments = assignments;
    this.trail = trail;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.events = events;
    this.clock = clock;
  }

  /** The reason a person gave, checked like every typed text; required. */
  static String reason(String value, List<FieldError> errors) {
    String text = TypedText.normalize(value);
    Optional<String> problem = TypedText.problem(text);
    if (problem.isPresent()) {
      errors.add(new FieldError("reason", "lý do " + problem.get()));
      return null;
    }
    if (text == null || text.isEmpty()) {
      errors.add(new FieldError("reason", "chưa nhập lý do"));
      return null;
    }
    if (text.length() > MAX_REASON) {
      errors.add(new FieldError("reason", "lý do dài quá " + MAX_REASON + " ký tự ("
          + text.length() + ")"));
      return null;
    }
    return text;
  }

  /** The issuer withdrew the document: its work ends, it is RECALLED, those who had it hear so. */
  @Transactional
  IncomingDocument recall(long id, String reasonText, Actor actor) {
    List<FieldError> errors = new ArrayList<>();
    String reason = reason(reasonText, errors);
    IncomingDocument document = documents.findById(id)
        .orElseThrow(() -> new NotFoundException("Không tìm thấy văn bản đến " + id));
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    refuseWithdrawn(document, "id");
    Recipients recipients = recipients(document);
    closeOpenWork(document, "Văn bản bị thu hồi: " + reason);
    document.recall();
    trail.save(new TrailEntry(document.getId(), clock.instant(), actor, TrailAction.RECALLED,
        null, null, reason));
    notify(recipients, "[" + document.getBusinessKey() + "] Văn bản đến đã bị thu hồi",
        describe(document) + "\n\nCơ quan ban hành đã thu hồi văn bản này; công việc đang xử lý"
            + " đã dừng.\nLý do: " + reason + "\nNgười ghi nhận: " + actor.fullName());
    return document;
  }

  /**
   * The earlier document a registration replaces, checked before the registration stores
   * anything: an unknown id is a bad field (400 naming {@code replaces}), a document already
   * recalled or replaced a conflict (409).
   */
  IncomingDocument replaceable(Long replacesId) {
    if (replacesId == null) {
      return null;
    }
    IncomingDocument earlier = documents.findById(replacesId).orElseThrow(() ->
        new InvalidInputException(List.of(new FieldError("replaces",
            "không có văn bản đến với mã " + replacesId + " để thay thế"))));
    refuseWithdrawn(earlier, "replaces");
    return earlier;
  }

  /**
   * The later registration replaces the earlier document, in the registration's transaction: the
   * earlier one's open work is cancelled in favour of the later one, both trails link each other.
   */
  void replace(IncomingDocument earlier, IncomingDocument later, Actor actor) {
    refuseWithdrawn(earlier, "replaces");
    Recipients recipients = recipients(earlier);
    closeOpenWork(earlier, "Được thay thế bởi văn bản đến số " + later.getBusinessKey());
    earlier.replacedBy(later.getId());
    later.replaces(earlier.getId());
    trail.save(TrailEntry.related(earlier.getId(), clock.instant(), actor, TrailAction.REPLACED,
        "Được thay thế bởi văn bản đến số " + later.getBusinessKey() + " ("
            + later.getDocumentNumber() + ")", later.getId()));
    trail.save(TrailEntry.related(later.getId(), clock.instant(), actor, TrailAction.REPLACES,
        "Thay thế văn bản đến số " + earlier.getBusinessKey() + " ("
            + earlier.getDocumentNumber() + ")", earlier.getId()));
    notify(recipients, "[" + earlier.getBusinessKey() + "] Văn bản đến đã được thay thế",
        describe(earlier) + "\n\nVăn bản này đã được thay thế bởi văn bản đến số "
            + later.getBusinessKey() + " (" + later.getDocumentNumber() + "); công việc đang xử"
            + " lý văn bản cũ đã dừng, văn bản mới được trình lại từ đầu.");
  }

  private static void refuseWithdrawn(IncomingDocument document, String field) {
    if (document.isWithdrawn()) {
      throw new ConflictException("Văn bản đến số " + document.getBusinessKey() + " "
          + document.getStatus().label().toLowerCase() + ".", Map.of(
              "field", field, "id", document.getId(), "status", document.getStatus().name()));
    }
  }

  /** Who had the document: units assigned, directors, whoever holds or handled its tasks. */
  record Recipients(Set<String> groups, Set<String> users) {}

  private Recipients recipients(IncomingDocument document) {
    Set<String> groups = new LinkedHashSet<>();
    Set<String> users = new LinkedHashSet<>();
    for (Assignment assignment : assignments.findByDocumentIdOrderByIdAsc(document.getId())) {
      groups.add(assignment.getUnitId());
      if (assignment.getCompletedBy() != null) {
        users.add(assignment.getCompletedBy());
      }
    }
    if (document.getDirectionBy() != null) {
      users.add(document.getDirectionBy());
    }
    if (document.getProcessInstanceId() != null) {
      EngineAuthentication.withoutAuthentication(identityService, () -> {
        for (Task task : taskService.createTaskQuery()
            .processInstanceId(document.getProcessInstanceId()).listPage(0, MAX_TASKS)) {
          if (task.getAssignee() != null) {
            users.add(task.getAssignee());
          } else {
            for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
              if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
              }
            }
          }
        }
        return null;
      });
    }
    return new Recipients(groups, users);
  }

  /** Cancels the document's process instance, if still running, with the reason. */
  private void closeOpenWork(IncomingDocument document, String reason) {
    String instanceId = document.getProcessInstanceId();
    if (instanceId == null) {
      return;
    }
    EngineAuthentication.withoutAuthentication(identityService, () -> {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(instanceId)
          .singleResult() != null) {
        runtimeService.deleteProcessInstance(instanceId, reason, false, true);
      }
      return null;
    });
    itemReports.closeOpen(document.getId(), reason);
  }

  private void notify(Recipients recipients, String subject, String body) {
    if (!recipients.groups().isEmpty() || !recipients.users().isEmpty()) {
      events.publishEvent(new Notification(recipients.groups(), recipients.users(), subject,
          body));
    }
  }

  private static String describe(IncomingDocument document) {
    return "Văn bản đến số " + document.getBusinessKey() + ": " + document.getDocumentType() + " "
        + document.getDocumentNumber() + " của " + document.getIssuer() + "\nTrích yếu: "
        + document.getSummary();
  }
}
