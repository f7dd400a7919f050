package vn.khcn.workflow.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.identity.EngineAuthentication;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.identity.UnitLeaders;
import vn.khcn.workflow.notify.Notification;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;

/**
 * The processing slip's second and third parts inside one unit's work (Decree 30/2020 Art. 10,
 * 12; App. IV): the unit head or a deputy names a handler of the unit with an internal deadline
 * (a working day, not later than the unit's) and a note; the handler proposes the result; the head
 * or a deputy approves it, and it goes up as the unit's result, or returns it with a comment. Called
 * by the model's listeners and steps and by {@link HandlerAssignmentService}.
 */
@Service
@Transactional
class UnitHandlers {

  static final int MAX_NOTE_LENGTH = 2000;

  /** The handler's task: assignee, due date, reminder and escalation cycle. */
  record HandlerSchedule(String handler, Instant due, Instant reminderAt, String escalationCycle) {}

  /** Field names of a handler choice: the task's form, the API's body or the page's form. */
  record Fields(String handler, String dueDate, String note) {
    static final Fields TASK = new Fields("handler", "handlerDueDate", "handlerNote");
    static final Fields API = new Fields("handler", "dueDate", "note");
    /** The labels of the document page's form, as the unit head reads them. */
    static final Fields PAGE = new Fields("Người xử lý", "Hạn xử lý", "Ghi chú");
  }

  private final IncomingDocumentRepository documents;
  private final DocumentAssignments assignments;
  private final TrailRepository trail;
  private final DocumentSteps steps;
  private final UnitLeaders leaders;
  private final IdentityService identityService;
  private final ActorResolver actors;
  private final WorkingCalendar calendar;
  private final DispatchDeadlines deadlines;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  UnitHandlers(IncomingDocumentRepository documents, DocumentAssignments assignments,
      TrailRepository trail, DocumentSteps steps, UnitLeaders leaders,
      IdentityService identityService, ActorResolver actors, WorkingCalendar calendar,
      DispatchDeadlines deadlines, ApplicationEventPublisher events, Clock clock) {
    this.documents = documents;
    this.assignments = assignments;
    this.trail = trail;
    this.steps = steps;
    this.leaders = leaders;
    this.identityService = identityService;
    this.actors = actors;
    this.calendar = calendar;
    this.deadlines = deadlines;
    this.events = events;
    this.clock = clock;
  }

  /** Whether the unit has a head now: then the head names a handler, else the group works. */
  @Transactional(readOnly = true)
  public boolean hasHead(String unit) {
    return leaders.headOf(unit).isPresent();
  }

  /** The head and the deputies: the candidates of the head's tasks. */
  @Transactional(readOnly = true)
  public List<String> leadersOf(String unit) {
    List<String> all = new ArrayList<>();
    leaders.headOf(unit).ifPresent(all::add);
    all.addAll(leaders.deputiesOf(unit));
    return all;
  }

  /**
   * What is wrong with a handler choice for the unit's assignment, each naming its field in
   * Vietnamese; empty when fine.
   */
  @Transactional(readOnly = true)
  public List<String> problems(Assignment assignment, String handler, LocalDate due, String note,
      Fields fields) {
    List<String> problems = new ArrayList<>();
    String unit = assignment.getUnitId();
    if (handler == null || handler.isBlank()) {
      problems.add(fields.handler() + ": chưa chọn người xử lý");
    } else if (!isMember(handler, unit)) {
      problems.add(fields.handler() + ": '" + handler + "' không phải là cán bộ của "
          + Groups.nameOf(unit));
    }
    LocalDate today = LocalDate.now(clock);
    if (due == null) {
      problems.add(fields.dueDate() + ": chưa nhập hạn xử lý của người xử lý");
    } else {
      LocalDate unitDue = assignment.getDueAt() == null ? null
          : LocalDate.ofInstant(assignment.getDueAt(), zone());
      if (due.isBefore(today)) {
        problems.add(fields.dueDate() + ": hạn xử lý " + DocumentFormats.date(due) + " đã qua");
      } else if (unitDue != null && due.isAfter(unitDue)) {
        problems.add(fields.dueDate() + ": hạn xử lý " + DocumentFormats.date(due)
            + " sau hạn của đơn vị (" + DocumentFormats.date(unitDue) + ")");
      } else if (!calendar.isWorkingDay(due)) {
        problems.add(fields.dueDate() + ": ngày " + DocumentFormats.date(due)
            + " không phải là ngày làm việc");
      }
    }
    if (note != null && note.length() > MAX_NOTE_LENGTH) {
      problems.add(fields.note() + ": ghi chú dài quá " + MAX_NOTE_LENGTH + " ký tự");
    }
    return problems;
  }

  /**
   * Records the handler the unit's head or deputy named (or named again), with the internal
   * deadline: the end of office hours that day, or the unit's own deadline when earlier.
   */
  public void recordHandler(long documentId, String unit, String handler, LocalDate due,
      String note, Actor actor, String taskId) {
    Assignment assignment = assignment(documentId, unit);
    List<String> problems = problems(assignment, handler, due, note, Fields.TASK);
    if (!problems.isEmpty()) {
      throw new InvalidTaskInputException(problems);
    }
    String previous = assignment.getHandling().getHandler();
    Instant dueAt = calendar.officeEnd(due);
    if (assignment.getDueAt() != null && assignment.getDueAt().isBefore(dueAt)) {
      dueAt = assignment.getDueAt();
    }
    Instant now = clock.instant();
    String text = blankToNull(note);
    assignment.getHandling().assign(handler, dueAt, text, actor.userId(), now);
    String handlerName = actors.of(handler).fullName();
    String dueText = DocumentFormats.dateTime(dueAt, zone());
    String comment = title(unit, actor.userId()) + " " + actor.fullName()
        + (previous == null ? " giao " + handlerName
            : " giao lại " + handlerName + " (thay " + actors.of(previous).fullName() + ")")
        + " xử lý, hạn " + dueText + (text == null ? "" : ". Ghi chú: " + text);
    trail.save(new TrailEntry(documentId, now, actor, previous == null
        ? TrailAction.HANDLER_ASSIGNED : TrailAction.HANDLER_REASSIGNED, unit, taskId, comment));
    tell(documentId, List.of(handler), "Việc mới", comment + ".");
  }

  /** The handler's task: who, when due, when reminded, the escalation cycle. */
  @Transactional(readOnly = true)
  public HandlerSchedule schedule(long documentId, String unit, Integer escalationRepeat) {
    HandlerAssignment handling = assignment(documentId, unit).getHandling();
    if (!handling.isNamed()) {
      throw new IllegalStateException("No handler of " + unit + " on document " + documentId);
    }
    return new HandlerSchedule(handling.getHandler(), handling.getDueAt(),
        deadlines.reminderAt(clock.instant(), handling.getDueAt()),
        deadlines.escalationCycle(handling.getDueAt(), escalationRepeat));
  }

  /** The handler's proposal (the slip's third part) goes to the unit's leaders. */
  public void recordProposal(long documentId, String unit, String proposal, Reply reply,
      Actor actor, String taskId) {
    List<String> problems = new ArrayList<>();
    if (proposal == null) {
      problems.add("result: chưa nhập đề xuất, kết quả xử lý");
    } else if (proposal.length() > DocumentSteps.MAX_RESULT_LENGTH) {
      problems.add("result: đề xuất dài quá " + DocumentSteps.MAX_RESULT_LENGTH + " ký tự");
    }
    problems.addAll(reply.problems(document(documentId).getReceivedOn(), LocalDate.now(clock)));
    if (!problems.isEmpty()) {
      throw new InvalidTaskInputException(problems);
    }
    Instant now = clock.instant();
    assignment(documentId, unit).getHandling().propose(proposal, reply, now);
    trail.save(new TrailEntry(documentId, now, actor, TrailAction.PROPOSAL_SUBMITTED, unit, taskId,
        reply.isGiven() ? proposal + "\n" + reply.label() : proposal));
    tell(documentId, leadersOf(unit), "Chờ duyệt đề xuất", actor.fullName()
        + " đề xuất kết quả xử lý của " + Groups.nameOf(unit) + ":\n" + proposal);
  }

  /**
   * The head or a deputy approves the proposal, which goes up as the unit's result, or returns it
   * to the handler with a comment (required then).
   */
  public void recordReview(long documentId, String unit, Boolean approved, String comment,
      Actor actor, String taskId) {
    List<String> problems = new ArrayList<>();
    if (approved == null) {
      problems.add("proposalApproved: chưa chọn duyệt hay trả lại");
    } else if (!approved && comment == null) {
      problems.add("proposalComment: khi trả lại cần ghi rõ ý kiến");
    }
    if (comment != null && comment.length() > DocumentSteps.MAX_DIRECTION_LENGTH) {
      problems.add("proposalComment: ý kiến dài quá " + DocumentSteps.MAX_DIRECTION_LENGTH
          + " ký tự");
    }
    if (!problems.isEmpty()) {
      throw new InvalidTaskInputException(problems);
    }
    Assignment assignment = assignment(documentId, unit);
    HandlerAssignment handling = assignment.getHandling();
    Instant now = clock.instant();
    handling.review(approved, comment, actor.userId(), now);
    trail.save(new TrailEntry(documentId, now, actor, approved ? TrailAction.PROPOSAL_APPROVED
        : TrailAction.PROPOSAL_RETURNED, unit, taskId, comment));
    if (approved) {
      steps.recordUnitResult(documentId, unit, handling.getProposal(), handling.reply(), actor,
          taskId);
    } else {
      tell(documentId, List.of(handling.getHandler()), "Trả lại", title(unit, actor.userId())
          + " " + actor.fullName() + " trả lại đề xuất để hoàn thiện:\n" + comment);
    }
  }

  /**
   * The handler's reminder before the internal deadline (only on a working day, before it) and
   * the escalation after it to the unit's leaders; once the unit's own deadline has passed too,
   * the unit's escalation to the directors follows as for any unit.
   */
  public void followUp(long documentId, String unit, boolean escalation) {
    Assignment assignment = assignment(documentId, unit);
    HandlerAssignment handling = assignment.getHandling();
    if (escalation ? !deadlines.isWorkingDayToday() : !deadlines.remindNow(handling.getDueAt())) {
      return;
    }
    Instant now = clock.instant();
    String who = actors.of(handling.getHandler()).fullName();
    String due = DocumentFormats.dateTime(handling.getDueAt(), zone());
    String text = escalation ? who + " quá hạn xử lý nội bộ (hạn " + due + "); đã báo lãnh đạo "
        + Groups.nameOf(unit) : "Nhắc " + who + ": hạn xử lý nội bộ là " + due;
    trail.save(new TrailEntry(documentId, now, Actor.SYSTEM,
        escalation ? TrailAction.ESCALATED : TrailAction.REMINDER, unit, null, text));
    List<String> to = new ArrayList<>(List.of(handling.getHandler()));
    if (escalation) {
      to.addAll(leadersOf(unit));
    }
    tell(documentId, to, escalation ? "Quá hạn nội bộ" : "Nhắc hạn", text + ".");
    if (escalation && assignment.getDueAt() != null && now.isAfter(assignment.getDueAt())) {
      steps.escalate(documentId, unit, IncomingDirectiveProcess.Stages.HANDLING);
    }
  }

  /** "Trưởng phòng", "Phó Trưởng phòng", "Chánh Văn phòng", "Phó Chánh Văn phòng". */
  String title(String unit, String userId) {
    boolean head = leaders.headOf(unit).map(userId::equals).orElse(false);
    String title = Groups.VAN_PHONG.equals(unit) ? "Chánh Văn phòng" : "Trưởng phòng";
    if (!leaders.leads(userId, unit)) {
      return "Lãnh đạo đơn vị";
    }
    return head ? title : "Phó " + title;
  }

  Assignment assignment(long documentId, String unit) {
    return assignments.require(documentId, unit);
  }

  private boolean isMember(String userId, String unit) {
    return EngineAuthentication.withoutAuthentication(identityService,
        () -> identityService.createUserQuery().userId(userId).memberOfGroup(unit).count() > 0);
  }

  /** Mails the named people after commit; a classified document's summary is not mailed. */
  private void tell(long documentId, List<String> users, String tag, String text) {
    IncomingDocument document = document(documentId);
    String summary = document.getClassification().isClassified() ? "(văn bản mật)"
        : document.getSummary();
    String subject = "[" + tag + "] Văn bản đến số " + document.getBusinessKey() + ": "
        + (summary.length() > 120 ? summary.substring(0, 119) + "…" : summary);
    events.publishEvent(new Notification(List.of(), users, subject, text + "\n\nVăn bản: "
        + document.getDocumentType() + " số " + document.getDocumentNumber() + " của "
        + document.getIssuer() + "\nTrích yếu: " + summary
        + "\n\n— Hệ thống quản lý văn bản, Sở Khoa học và Công nghệ"));
  }

  private IncomingDocument document(long id) {
    return documents.findById(id).orElseThrow(
        () -> new IllegalStateException("Incoming document " + id + " does not exist"));
  }

  private ZoneId zone() {
    return clock.getZone();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
