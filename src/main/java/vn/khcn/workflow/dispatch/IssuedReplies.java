package vn.khcn.workflow.dispatch;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Tasks;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Vars;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.EngineAuthentication;

/**
 * An outgoing document answering an incoming one has been issued (issue 19, ADR 0027): the
 * incoming document's trail says so with the reply's number and date; when the reply was
 * drafted by a member of a unit the document was assigned to, the reply is that unit's: its
 * open handling task (the handler's proposal, or the unit's own task without a head) is
 * completed as the system with the reply's number and date, through the same listeners as a
 * person's completion; with no such task open, the unit's assignment keeps the reply's number
 * and date for the tracking register unless it already names one.
 */
@Service
public class IssuedReplies {

  /** What the reply did to the incoming document, for the outgoing document's trail. */
  public enum Outcome {
    /** The unit's open task was completed with the reply. */
    TASK_COMPLETED,
    /** The unit's assignment records the reply's number and date. */
    ASSIGNMENT_NOTED,
    /** The direction item the reply answers records its number and date (not the unit's work). */
    ITEM_NOTED,
    /** Only the trail: the drafter's unit has no duty on it, or one naming another reply. */
    TRAIL_ONLY,
    /** No such incoming document. */
    NOT_FOUND
  }

  private final IncomingDocumentRepository documents;
  private final AssignmentRepository assignments;
  private final DirectionItemRepository items;
  private final TrailRepository trail;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final Clock clock;

  IssuedReplies(IncomingDocumentRepository documents, AssignmentRepository assignments,
      DirectionItemRepository items, TrailRepository trail, TaskService taskService,
      IdentityService identityService, Clock clock) {
    this.items = items;
    this.documents = documents;
    this.assignments = assignments;
    this.trail = trail;
    this.taskService = taskService;
    this.identityService = identityService;
    this.clock = clock;
  }

  /**
   * Records the reply numbered {@code number} on {@code date}, drafted by {@code drafter} in
   * {@code unit} and issued by {@code clerk}, on incoming document {@code incomingId}.
   */
  @Transactional
  public Outcome replyIssued(long incomingId, String unit, String drafter, String number,
      LocalDate date, String summary, Actor clerk) {
    return replyIssued(incomingId, null, unit, drafter, number, date, summary, clerk);
  }

  /**
   * The same, for a reply answering direction item {@code itemId} of that document (checked
   * again: an item of another document or not given to {@code unit} is ignored): the item keeps
   * the reply's number and date for its line in the tracking register.
   */
  @Transactional
  public Outcome replyIssued(long incomingId, Long itemId, String unit, String drafter,
      String number, LocalDate date, String summary, Actor clerk) {
    IncomingDocument document = documents.findById(incomingId).orElse(null);
    if (document == null) {
      return Outcome.NOT_FOUND;
    }
    Reply reply = new Reply(number, date);
    Optional<DirectionItem> item = itemId == null ? Optional.empty()
        : items.findById(itemId).filter(i -> i.getDocumentId().equals(incomingId)
            && i.units().contains(unit));
    item.ifPresent(i -> i.recordReply(reply));
    trail.save(new TrailEntry(incomingId, clock.instant(), clerk, TrailAction.REPLY_ISSUED, unit,
        null, reply.label() + item.map(i -> " (mục " + i.getLabel() + ")").orElse("") + ": "
            + summary));
    if (item.isPresent()) {
      return Outcome.ITEM_NOTED; // one item answered: the unit's other work goes on
    }
    boolean member = EngineAuthentication.withoutAuthentication(identityService,
        () -> identityService.createUserQuery().userId(drafter).memberOfGroup(unit).count() > 0);
    Optional<Assignment> duty = assignments.findFirstByDocumentIdAndUnitIdAndRoleNot(incomingId,
        unit, AssignmentRole.INFORMED);
    if (!member || duty.isEmpty()) {
      return Outcome.TRAIL_ONLY;
    }
    Assignment assignment = duty.get();
    Optional<Task> open = assignment.getCompletedAt() != null ? Optional.empty()
        : openTask(document.getProcessInstanceId(), unit);
    if (open.isPresent()) {
      String result = "Đã trả lời bằng văn bản số " + number + " ngày "
          + DocumentFormats.date(date) + ": " + summary;
      // the system's own completion (no engine authentication): the integrity plugin allows it
      EngineAuthentication.withoutAuthentication(identityService, () -> {
        taskService.complete(open.get().getId(), Variables.createVariables()
            .putValue(Vars.RESULT.name(), result)
            .putValue(Vars.REPLY_NUMBER.name(), number)
            .putValue(Vars.REPLY_DATE.name(), date.toString()));
        return null;
      });
      // the tracking register shows the reply at once, also while the head reviews the proposal
      assignment.recordReply(reply);
      return Outcome.TASK_COMPLETED;
    }
    if (assignment.getReplyNumber() == null) {
      assignment.recordReply(reply);
      return Outcome.ASSIGNMENT_NOTED;
    }
    return Outcome.TRAIL_ONLY;
  }

  /**
   * The reply numbered {@code number} was recalled or replaced ({@code why}, Art. 18.3-18.4): the
   * trail says so, and the assignments and direction items of the document that name it no
   * longer do (the tracking register shows them unanswered). A unit's work the reply completed
   * stays completed — the engine's history is not rewritten — and the trail says why its reply
   * is gone. Returns how many assignments and items were cleared.
   */
  @Transactional
  public int replyWithdrawn(long incomingId, String unit, String number, String why,
      Actor actor) {
    if (documents.findById(incomingId).isEmpty()) {
      return 0;
    }
    int cleared = 0;
    for (Assignment assignment : assignments.findByDocumentIdOrderByIdAsc(incomingId)) {
      cleared += assignment.withdrawReply(number) ? 1 : 0;
    }
    for (DirectionItem item : items.ofDocument(incomingId)) {
      cleared += item.withdrawReply(number) ? 1 : 0;
    }
    trail.save(new TrailEntry(incomingId, clock.instant(), actor, TrailAction.REPLY_WITHDRAWN,
        unit, null, "Văn bản trả lời số " + number + " " + why));
    return cleared;
  }

  /** The unit's task a reply completes: the handler's proposal, or the unit's own task. */
  private Optional<Task> openTask(String processInstanceId, String unit) {
    if (processInstanceId == null) {
      return Optional.empty();
    }
    return EngineAuthentication.withoutAuthentication(identityService, () -> taskService
        .createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKeyIn(Tasks.PROPOSE_RESULT, Tasks.HANDLE_ASSIGNMENT).list().stream()
        .filter(t -> unit.equals(taskService.getVariable(t.getId(), Vars.UNIT.name())))
        .findFirst());
  }
}
