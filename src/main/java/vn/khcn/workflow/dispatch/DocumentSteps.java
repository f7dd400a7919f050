package vn.khcn.workflow.dispatch;

import vn.khcn.workflow.identity.Actor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.notify.Notification;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;
import vn.khcn.workflow.shared.process.VariableValues;

/**
 * The steps of the incoming-directive process, one method each, called by the model's delegates
 * and listeners inside the engine's transaction. The document's state lives here, in JPA.
 */
@Service
@Transactional
class DocumentSteps {

  /** A handling due date further ahead than this is a typing mistake (2062 typed for 2026). */
  static final int MAX_DUE_YEARS = 5;
  static final int MAX_DIRECTION_LENGTH = 4000;
  static final int MAX_RESULT_LENGTH = 8000;

  private final IncomingDocumentRepository documents;
  private final DocumentAssignments assignments;
  private final TrailRepository trail;
  private final WorkingCalendar calendar;
  private final DispatchDeadlines deadlines;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final String baseUrl;

  DocumentSteps(IncomingDocumentRepository documents, DocumentAssignments assignments,
      TrailRepository trail, WorkingCalendar calendar, DispatchDeadlines deadlines, Clock clock,
      ApplicationEventPublisher events,
      @Value("${khcn.base-url:http://localhost:8080}") String baseUrl) {
    this.documents = documents;
    this.assignments = assignments;
    this.trail = trail;
    this.calendar = calendar;
    this.deadlines = deadlines;
    this.clock = clock;
    this.events = events;
    this.baseUrl = baseUrl;
  }

  /**
   * Tells the members of the groups (by mail, after the transaction commits). A classified
   * document's summary never leaves the system: only its number is mailed.
   */
  private void notify(Collection<String> groups, String tag, IncomingDocument document,
      String text) {
    if (groups.isEmpty()) {
      return;
    }
    boolean directors = groups.contains(Groups.LANH_DAO);
    String summary = document.getClassification().isClassified() ? "(văn bản mật)"
        : document.getSummary();
    String subject = "[" + tag + "] Văn bản đến số " + document.getBusinessKey() + ": "
        + (summary.length() > 120 ? summary.substring(0, 119) + "…" : summary);
    String body = text + "\n\nVăn bản: " + document.getDocumentType() + " số "
        + document.getDocumentNumber() + " của " + document.getIssuer() + "\nTrích yếu: " + summary
        + "\n\nMở: " + baseUrl + (directors ? "/inbox" : "/camunda/app/tasklist/")
        + "\n\n— Hệ thống quản lý văn bản, Sở Khoa học và Công nghệ";
    events.publishEvent(new Notification(groups, subject, body));
  }

  /**
   * Presents the document to the directors with the deadline of dispatch-sla: a number of hours
   * for urgent documents, otherwise the end of the same or the next working day, counted from the
   * working day the document counts from (after office hours or on a day off: the next working
   * day; Decree 30/2020 Art. 23–24). Plans the directors' reminder and escalation.
   */
  public DirectionSchedule scheduleDirection(long documentId, Integer dueHours,
      Integer dueWorkingDays, Integer handlingWorkingDays, Integer escalationRepeat) {
    IncomingDocument document = document(documentId);
    Instant now = clock.instant();
    LocalDate counting = deadlines.countingDay(now);
    Instant directionDue = dueHours != null
        ? now.plus(Duration.ofHours(dueHours))
        : calendar.endOfWorkingDay(now, dueWorkingDays == null ? 1 : dueWorkingDays);
    LocalDate suggested = calendar.addWorkingDays(counting,
        handlingWorkingDays == null ? 10 : handlingWorkingDays);
    document.presentForDirection(directionDue);
    StringBuilder text = new StringBuilder("Hạn cho ý kiến chỉ đạo: ")
        .append(DocumentFormats.dateTime(directionDue, zone()));
    if (!counting.equals(LocalDate.ofInstant(now, zone()))) {
      text.append("\nVăn bản đến ngoài giờ hành chính hoặc vào ngày nghỉ: thời hạn tính từ ngày"
          + " làm việc ").append(DocumentFormats.date(counting)).append(".");
    }
    deadlines.missingCalendarNote(directionDue, calendar.officeEnd(suggested))
        .ifPresent(note -> text.append("\n").append(note));
    trail.save(new TrailEntry(documentId, now, Actor.SYSTEM, TrailAction.PRESENTED, null, null,
        text.toString()));
    notify(List.of(Groups.LANH_DAO), "Chờ chỉ đạo", document, "Văn bản đến chờ ý kiến chỉ đạo, hạn "
        + DocumentFormats.dateTime(directionDue, zone()) + ".");
    return new DirectionSchedule(directionDue, suggested,
        deadlines.reminderAt(now, directionDue),
        deadlines.escalationCycle(directionDue, escalationRepeat));
  }

  /** Validates and records a director's direction; refuses invalid input with every problem. */
  public DirectionPlan recordDirection(long documentId, DirectionInput input, Actor actor,
      String taskId, Integer escalationRepeat) {
    IncomingDocument document = document(documentId);
    Instant now = clock.instant();
    List<String> problems = new ArrayList<>();
    boolean infoOnly = Boolean.TRUE.equals(input.infoOnly());
    String direction = vn.khcn.workflow.shared.text.TypedText.normalize(input.direction());
    if (direction != null && direction.isEmpty()) {
      direction = null;
    }
    vn.khcn.workflow.shared.text.TypedText.problem(direction).ifPresent(
        problem -> problems.add("direction: ý kiến chỉ đạo " + problem));
    if (direction == null && infoOnly) {
      direction = "Để biết, lưu hồ sơ.";
    }
    if (direction == null) {
      problems.add("direction: chưa nhập ý kiến chỉ đạo");
    } else if (direction.length() > MAX_DIRECTION_LENGTH) {
      problems.add("direction: ý kiến chỉ đạo dài quá " + MAX_DIRECTION_LENGTH + " ký tự");
    }
    List<String> informed = input.informedUnits();
    checkUnits("informedUnits", informed, problems);
    String lead = infoOnly ? null : input.leadUnit();
    List<String> coordinating = infoOnly ? List.of() : input.coordinatingUnits();
    Instant due = null;
    if (!infoOnly) {
      if (lead == null) {
        problems.add("leadUnit: chưa chọn đơn vị chủ trì");
      } else if (!Groups.isUnit(lead)) {
        problems.add("leadUnit: '" + lead + "' không phải là đơn vị của Sở");
      }
      checkUnits("coordinatingUnits", coordinating, problems);
      if (lead != null && coordinating.contains(lead)) {
        problems.add("coordinatingUnits: đơn vị chủ trì không đồng thời là đơn vị phối hợp");
      }
      try {
        due = VariableValues.instant(input.dueDate(), zone());
        if (due == null) {
          problems.add("dueDate: chưa nhập hạn xử lý");
        } else if (due.isBefore(now)) {
          problems.add("dueDate: hạn xử lý đã qua (" + DocumentFormats.dateTime(due, zone()) + ")");
        } else if (due.isAfter(now.atZone(zone()).plusYears(MAX_DUE_YEARS).toInstant())) {
          problems.add("dueDate: hạn xử lý không thể xa quá " + MAX_DUE_YEARS + " năm");
        }
      } catch (IllegalArgumentException e) {
        problems.add("dueDate: " + e.getMessage());
      }
    }
    if (lead != null && informed.contains(lead) || informed.stream().anyMatch(coordinating::contains)) {
      problems.add("informedUnits: đơn vị để biết không đồng thời là đơn vị chủ trì hoặc phối hợp");
    }
    List<String> handling = new ArrayList<>();
    if (lead != null) {
      handling.add(lead);
    }
    handling.addAll(coordinating);
    java.util.Map<String, Instant> own = UnitDueDates.read(input.unitDueDates(), handling,
        document.getDocumentDueDate(), now, MAX_DUE_YEARS, calendar, zone(), problems);
    if (!problems.isEmpty()) {
      throw new InvalidTaskInputException(problems);
    }

    assignments.noneBeforeFirstDirection(document);
    document.recordDirection(direction, infoOnly, due, actor.userId(), now);
    for (String unit : handling) { // each unit is told its own deadline
      Instant unitDue = own.getOrDefault(unit, due);
      assignments.add(new Assignment(documentId, unit, unit.equals(lead) ? AssignmentRole.LEAD
          : AssignmentRole.COORDINATING, unitDue, now));
      notify(List.of(unit), "Việc mới", document, "Lãnh đạo Sở giao xử lý văn bản, hạn "
          + DocumentFormats.dateTime(unitDue, zone()) + ".\nÝ kiến chỉ đạo: " + direction);
    }
    for (String unit : informed) {
      assignments.add(new Assignment(documentId, unit, AssignmentRole.INFORMED, null, now));
    }
    StringBuilder comment = new StringBuilder(direction);
    if (!infoOnly) {
      comment.append("\nChủ trì: ").append(Groups.nameOf(lead));
      if (!coordinating.isEmpty()) {
        comment.append("; phối hợp: ").append(names(coordinating));
      }
      comment.append("; hạn xử lý: ").append(DocumentFormats.dateTime(due, zone()));
      own.forEach((unit, unitDue) -> comment.append("; hạn riêng của ").append(Groups.nameOf(unit))
          .append(": ").append(DocumentFormats.dateTime(unitDue, zone())));
      deadlines.missingCalendarNote(due).ifPresent(note -> comment.append("\n").append(note));
    }
    if (!informed.isEmpty()) {
      comment.append(infoOnly ? "\nĐể biết: " : "; để biết: ").append(names(informed));
    }
    trail.save(new TrailEntry(documentId, now, actor, TrailAction.DIRECTION_GIVEN, null, taskId,
        comment.toString()));
    return new DirectionPlan(infoOnly, List.copyOf(handling), !coordinating.isEmpty(), due,
        infoOnly ? null : reminderTime(now, due),
        infoOnly ? null : deadlines.escalationCycle(due, escalationRepeat));
  }

  /** The units informed only ("để biết") are told; the trail says who. */
  public void notifyInformedUnits(long documentId) {
    List<String> informed = assignments.of(documentId).stream()
        .filter(a -> a.getRole() == AssignmentRole.INFORMED).map(Assignment::getUnitId).toList();
    if (!informed.isEmpty()) {
      IncomingDocument document = document(documentId);
      notify(informed, "Để biết", document, "Lãnh đạo Sở gửi văn bản để đơn vị biết.\nÝ kiến"
          + " chỉ đạo: " + document.getDirection());
      trail.save(new TrailEntry(documentId, clock.instant(), Actor.SYSTEM, TrailAction.INFORMED,
          null, null, "Đã gửi để biết: " + names(informed)));
    }
  }

  /**
   * Records one unit's result. When the lead unit handles the document alone, its result is the
   * report the directors approve.
   */
  public void recordUnitResult(long documentId, String unit, String result, Reply reply,
      Actor actor, String taskId) {
    requireText("result", "kết quả xử lý", result, MAX_RESULT_LENGTH);
    IncomingDocument document = document(documentId);
    List<String> replyProblems = reply.problems(document.getReceivedOn(),
        LocalDate.now(clock));
    if (!replyProblems.isEmpty()) {
      throw new InvalidTaskInputException(replyProblems);
    }
    List<Assignment> all = assignments.of(documentId);
    Assignment assignment = assignments.require(documentId, unit);
    Instant now = clock.instant();
    assignment.complete(result, reply, actor.userId(), now);
    trail.save(new TrailEntry(documentId, now, actor, TrailAction.UNIT_RESULT, unit, taskId,
        reply.isGiven() ? result + "\n" + reply.label() : result));
    boolean alone = all.stream().noneMatch(a -> a.getRole() == AssignmentRole.COORDINATING);
    if (alone && assignment.getRole() == AssignmentRole.LEAD) {
      document.submitReport(result);
      notify(List.of(Groups.LANH_DAO), "Chờ duyệt", document, Groups.nameOf(unit)
          + " trình kết quả xử lý:\n" + result);
    }
  }

  /** The lead unit's consolidated report goes to the directors. */
  public void recordReport(long documentId, String report, Actor actor, String taskId) {
    requireText("report", "báo cáo tổng hợp", report, MAX_RESULT_LENGTH);
    IncomingDocument document = document(documentId);
    document.submitReport(report);
    trail.save(new TrailEntry(documentId, clock.instant(), actor, TrailAction.REPORT_SUBMITTED,
        null, taskId, report));
    notify(List.of(Groups.LANH_DAO), "Chờ duyệt", document, "Báo cáo tổng hợp chờ duyệt:\n"
        + report);
  }

  /** A director approves the result, or returns it with a comment (required then). */
  public void recordApproval(long documentId, Boolean approved, String comment, Actor actor,
      String taskId) {
    List<String> problems = new ArrayList<>();
    if (approved == null) {
      problems.add("approved: chưa chọn duyệt hay trả lại");
    } else if (!approved && comment == null) {
      problems.add("comment: khi trả lại cần ghi rõ ý kiến");
    }
    if (comment != null && comment.length() > MAX_DIRECTION_LENGTH) {
      problems.add("comment: ý kiến dài quá " + MAX_DIRECTION_LENGTH + " ký tự");
    }
    if (!problems.isEmpty()) {
      throw new InvalidTaskInputException(problems);
    }
    IncomingDocument document = document(documentId);
    if (!approved) {
      document.returnForRework();
      assignments.of(documentId).stream()
          .filter(a -> a.getRole() == AssignmentRole.LEAD).findFirst()
          .ifPresent(lead -> notify(List.of(lead.getUnitId()), "Trả lại", document,
              "Lãnh đạo Sở trả lại báo cáo để hoàn thiện:\n" + comment));
    }
    trail.save(new TrailEntry(documentId, clock.instant(), actor,
        approved ? TrailAction.APPROVED : TrailAction.RETURNED, null, taskId, comment));
  }

  /**
   * A reminder before the due date: to the unit still working (stage HANDLING or REPORT) or to the
   * directors (DIRECTION). Only on a working day and before the due; a stale one sends nothing.
   */
  public void remind(long documentId, String unit, String stage) {
    IncomingDocument document = document(documentId);
    Instant due = IncomingDirectiveProcess.Stages.DIRECTION.equals(stage)
        ? document.getDirectionDueAt() : dueOf(document, unit, stage);
    if (!deadlines.remindNow(due)) {
      return;
    }
    followUp(document, unit, stage, TrailAction.REMINDER);
  }

  /**
   * Overdue: the directors are told and the unit's assignment is flagged; repeated every working
   * day while the task is open (the timer fires daily, days off are skipped here).
   */
  public void escalate(long documentId, String unit, String stage) {
    if (!deadlines.isWorkingDayToday()) {
      return;
    }
    followUp(document(documentId), unit, stage, TrailAction.ESCALATED);
  }

  private void followUp(IncomingDocument document, String unit, String stage, TrailAction action) {
    Instant now = clock.instant();
    long documentId = document.getId();
    boolean escalation = action == TrailAction.ESCALATED;
    if (IncomingDirectiveProcess.Stages.DIRECTION.equals(stage)) {
      String due = DocumentFormats.dateTime(document.getDirectionDueAt(), zone());
      String text = escalation ? "Quá hạn cho ý kiến chỉ đạo (hạn " + due + ")"
          : "Nhắc lãnh đạo Sở: hạn cho ý kiến chỉ đạo là " + due;
      trail.save(new TrailEntry(documentId, now, Actor.SYSTEM, action, null, null, text));
      notify(List.of(Groups.LANH_DAO), escalation ? "Quá hạn chỉ đạo" : "Nhắc hạn chỉ đạo",
          document, text + ".");
      return;
    }
    assignments.ofUnit(documentId, unit)
        .ifPresent(a -> {
          if (escalation) {
            a.escalated(now);
          } else {
            a.reminded(now);
          }
        });
    String what = IncomingDirectiveProcess.Stages.REPORT.equals(stage) ? "báo cáo tổng hợp"
        : "xử lý";
    String due = DocumentFormats.dateTime(dueOf(document, unit, stage), zone());
    String text = escalation
        ? Groups.nameOf(unit) + " quá hạn " + what + " (hạn " + due + "); đã báo "
            + Groups.nameOf(Groups.LANH_DAO)
        : "Nhắc " + Groups.nameOf(unit) + ": hạn " + what + " là " + due;
    trail.save(new TrailEntry(documentId, now, Actor.SYSTEM, action, unit, null, text));
    notify(escalation ? List.of(Groups.LANH_DAO, unit) : List.of(unit),
        escalation ? "Quá hạn" : "Nhắc hạn", document, text + ".");
  }

  /** A unit's handling deadline is its assignment's own; the report's is the common one. */
  private Instant dueOf(IncomingDocument document, String unit, String stage) {
    return IncomingDirectiveProcess.Stages.HANDLING.equals(stage) ? assignments
        .ofUnit(document.getId(), unit).map(Assignment::getDueAt).orElse(document.getDueAt())
        : document.getDueAt();
  }

  /** Files the document (lưu hồ sơ): status ARCHIVED, the whole trail kept. */
  public void archive(long documentId) {
    Instant now = clock.instant();
    document(documentId).archive(now);
    trail.save(new TrailEntry(documentId, now, Actor.SYSTEM, TrailAction.ARCHIVED, null, null,
        "Đã lưu hồ sơ"));
  }

  /**
   * Office start of the working day before the due date, or of the due day, or half-way when in
   * office hours: see {@link DispatchDeadlines#reminderAt}.
   */
  Instant reminderTime(Instant now, Instant due) {
    return deadlines.reminderAt(now, due);
  }

  private void checkUnits(String field, List<String> units, List<String> problems) {
    for (String unit : units) {
      if (!Groups.isUnit(unit)) {
        problems.add(field + ": '" + unit + "' không phải là đơn vị của Sở");
      }
    }
  }

  private static void requireText(String field, String label, String text, int max) {
    if (text == null) {
      throw new InvalidTaskInputException(List.of(field + ": chưa nhập " + label));
    }
    if (text.length() > max) {
      throw new InvalidTaskInputException(List.of(field + ": " + label + " dài quá " + max
          + " ký tự"));
    }
  }

  private IncomingDocument document(long id) {
    return documents.findById(id).orElseThrow(
        () -> new IllegalStateException("Incoming document " + id + " does not exist"));
  }

  private ZoneId zone() {
    return clock.getZone();
  }

  private static String names(List<String> units) {
    return units.stream().map(Groups::nameOf).collect(Collectors.joining(", "));
  }
}
