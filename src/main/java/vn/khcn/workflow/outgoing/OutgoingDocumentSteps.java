package vn.khcn.workflow.outgoing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.dispatch.Urgency;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.identity.UnitLeaders;
import vn.khcn.workflow.notify.Notification;
import vn.khcn.workflow.outgoing.OutgoingDocumentProcess.Tasks;
import vn.khcn.workflow.outgoing.OutgoingTrailEntry.Action;
import vn.khcn.workflow.papers.PdfSigner;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;

/**
 * The steps of outgoing-document.bpmn (ADR 0026): who checks, each check's verdict with its
 * rules (never by the drafter; a return needs a comment; the form check needs App. I's whole
 * checklist), signing with the PAdES signature of the PDF body, numbering and the deadlines of
 * opinions (working days) and of issue (Art. 18.1).
 */
@Service
@Transactional
class OutgoingDocumentSteps {

  /** Who may check the content, and who is told when something is late. */
  record Candidates(List<String> users, List<String> groups) {}

  /** An opinion task's candidates and deadlines. */
  record OpinionSchedule(List<String> users, List<String> groups, Instant due, Instant reminder,
      String escalationCycle) {}

  /** When the registry must issue, and the escalation cycle after that. */
  record IssueSchedule(Instant due, String escalationCycle) {}

  private final OutgoingDocumentRepository documents;
  private final BodyVersionRepository versions;
  private final OutgoingTrailRepository trail;
  private final OpinionRequestRepository requests;
  private final OutgoingOpinions opinions;
  private final OutgoingLifecycle lifecycle;
  private final OutgoingTaskViews views;
  private final PdfSigner signer;
  private final UnitLeaders leaders;
  private final WorkingCalendar calendar;
  private final OutgoingWorkflow workflow;
  private final ActorResolver actors;
  private final ApplicationEventPublisher events;
  private final SigningRules rules;
  private final Clock clock;

  OutgoingDocumentSteps(OutgoingDocumentRepository documents, BodyVersionRepository versions,
      OutgoingTrailRepository trail, OpinionRequestRepository requests,
      OutgoingOpinions opinions, OutgoingLifecycle lifecycle, OutgoingTaskViews views,
      PdfSigner signer, UnitLeaders leaders, WorkingCalendar calendar, OutgoingWorkflow workflow,
      ActorResolver actors, ApplicationEventPublisher events, SigningRules rules, Clock clock) {
    this.rules = rules;
    this.documents = documents;
    this.versions = versions;
    this.trail = trail;
    this.requests = requests;
    this.opinions = opinions;
    this.lifecycle = lifecycle;
    this.views = views;
    this.signer = signer;
    this.leaders = leaders;
    this.calendar = calendar;
    this.workflow = workflow;
    this.actors = actors;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  String view(long documentId, String returnComment) {
    return views.view(documentId, returnComment);
  }

  /** The drafter submits the draft: it needs a body. */
  void submitDraft(long documentId, Actor actor) {
    if (versions.countByDocumentId(documentId) == 0) {
      throw new InvalidTaskInputException(List.of("Dự thảo chưa có bản nội dung (DOCX hoặc PDF):"
          + " tải lên trước khi trình"));
    }
    trail.save(new OutgoingTrailEntry(documentId, clock.instant(), actor, Action.SUBMITTED,
        null));
  }

  /** The consolidation is done when each opinion is accepted or explained. */
  void consolidated(long documentId, Actor actor) {
    List<String> open = opinions.unresolved(documentId);
    if (!open.isEmpty()) {
      throw new InvalidTaskInputException(List.of("Chưa tiếp thu hay giải trình ý kiến của: "
          + String.join("; ", open)));
    }
    submitDraft(documentId, actor);
  }

  /** The unit head; when he drafted it, his deputies; a unit without either: the unit. */
  @Transactional(readOnly = true)
  Candidates contentCheckers(long documentId) {
    OutgoingDocument document = document(documentId);
    String unit = document.getUnitId();
    String drafter = document.getDrafter();
    List<String> heads = leaders.headOf(unit).filter(h -> !h.equals(drafter)).map(List::of)
        .orElseGet(() -> leaders.deputiesOf(unit).stream().filter(d -> !d.equals(drafter))
            .toList());
    return heads.isEmpty() ? new Candidates(List.of(), List.of(unit))
        : new Candidates(new ArrayList<>(heads), List.of());
  }

  /**
   * The unit heads made candidates of the signature task besides the directors' group: those the
   * signing rules let sign the document's type "TL." or "TUQ." today, never its drafter, and only
   * those who may read it (the sign step reads the document as the signer).
   */
  List<String> delegatedSigners(long documentId) {
    OutgoingDocument document = document(documentId);
    return rules.delegatedSigners(document.getDocumentType(), LocalDate.now(clock)).stream()
        .filter(u -> !u.equals(document.getDrafter()))
        .filter(u -> new Reader(u, groupsOf(u)).canRead(document)).toList();
  }

  /**
   * A check's verdict (content, form, signature): true when it passes. Never by the drafter; a
   * return needs a comment; the form check passes only with App. I's whole checklist.
   */
  boolean check(String taskKey, long documentId, Actor actor, Boolean approved, String comment,
      Map<String, Boolean> checklist, String authority) {
    OutgoingDocument document = document(documentId);
    if (document.getDrafter().equals(actor.userId())) {
      throw new AuthorizationException("Người soạn thảo không tự kiểm tra, duyệt hay ký văn bản"
          + " mình soạn");
    }
    List<String> problems = new ArrayList<>();
    if (approved == null) {
      problems.add("approved: chưa chọn duyệt hay trả lại");
    } else if (!approved && (comment == null || comment.isBlank())) {
      problems.add("comment: cần ghi ý kiến khi trả lại");
    } else if (approved && Tasks.CHECK_FORM.equals(taskKey)) {
      checklist.forEach((name, ok) -> {
        if (!Boolean.TRUE.equals(ok)) {
          problems.add(name + ": thành phần thể thức chưa đạt; trả lại nếu thiếu");
        }
      });
    }
    if (Tasks.APPROVE_SIGNATURE.equals(taskKey) && SignAuthority.ofMark(authority) == null) {
      problems.add("authority: thẩm quyền ký phải là KT., TL., TUQ. hoặc để trống");
    }
    if (!problems.isEmpty()) {
      throw new InvalidTaskInputException(problems);
    }
    if (approved && Tasks.APPROVE_SIGNATURE.equals(taskKey)) {
      rules.titleOrRefuse(actor.userId(), SignAuthority.ofMark(authority), document.getUnitId(),
          document.getDocumentType(), LocalDate.now(clock), SigningRefusedException::new);
    }
    Action action = !approved ? Action.RETURNED : switch (taskKey) {
      case Tasks.CHECK_CONTENT -> Action.CONTENT_CHECKED;
      case Tasks.CHECK_FORM -> Action.FORM_CHECKED;
      default -> Action.SIGNATURE_APPROVED;
    };
    trail.save(new OutgoingTrailEntry(documentId, clock.instant(), actor, action,
        comment == null || comment.isBlank() ? null : comment.strip()));
    return approved;
  }

  /**
   * Signs (OutgoingLifecycle.sign, the director's own rules) and, when a keystore is configured
   * and the latest body is a PDF, signs that PDF (PAdES) as a new version; then the issue's due.
   */
  IssueSchedule sign(long documentId, String signerId, String authority) {
    if (!lifecycle.latestIsPdf(documentId)) {
      throw new InvalidTaskInputException(List.of(OutgoingLifecycle.SIGN_NEEDS_PDF));
    }
    Actor actor = actors.of(signerId);
    lifecycle.sign(documentId, SignAuthority.ofMark(authority), actor,
        new Reader(signerId, groupsOf(signerId)));
    OutgoingDocument document = document(documentId);
    List<BodyVersionRepository.VersionInfo> infos = versions.infos(documentId);
    BodyVersionRepository.VersionInfo latest = infos.get(infos.size() - 1);
    Instant now = clock.instant();
    if (signer.configured() && "application/pdf".equals(latest.contentType())) {
      byte[] pdf = versions.findByIdAndDocumentId(latest.id(), documentId).orElseThrow()
          .getContent();
      byte[] signed = signer.sign(pdf, new PdfSigner.SignatureDetails("Ký ban hành "
          + document.getDocumentType() + ": " + document.getSummary(), null, now));
      String name = latest.fileName().replaceFirst("(?i)\\.pdf$", "") + "-da-ky.pdf";
      versions.save(new BodyVersion(documentId, latest.versionNo() + 1, name, "application/pdf",
          signed, vn.khcn.workflow.shared.web.UploadedFiles.sha256(signed),
          "Bản đã ký số (PAdES) của bản " + latest.versionNo(), actor, now));
      document.signedDigitally();
      trail.save(new OutgoingTrailEntry(documentId, now, actor, Action.DIGITALLY_SIGNED,
          "Bản " + (latest.versionNo() + 1) + " (" + name + ")"));
    }
    return issueSchedule(document.getUrgency(), now);
  }

  /** Art. 18.1: the same day, at the latest the next working day; urgent ones at once. */
  IssueSchedule issueSchedule(Urgency urgency, Instant signedAt) {
    if (urgency != Urgency.NORMAL) {
      Instant due = signedAt.plus(Duration.ofHours(1));
      return new IssueSchedule(due, "R/" + iso(due) + "/PT1H");
    }
    Instant due = calendar.endOfWorkingDay(signedAt, 1);
    return new IssueSchedule(due, "R/" + iso(due) + "/P1D");
  }

  /** The registry numbers, registers and issues (OutgoingLifecycle.number, its own rules). */
  void issue(long documentId, String clerkId) {
    lifecycle.number(documentId, actors.of(clerkId), new Reader(clerkId, groupsOf(clerkId)));
  }

  /** Not issued in time: the registry and the directors hear it (working days only). */
  void escalateIssue(long documentId) {
    OutgoingDocument document = document(documentId);
    if (document.getStatus() != OutgoingStatus.SIGNED || !workingNow()) {
      return;
    }
    events.publishEvent(new Notification(List.of(Groups.VAN_THU, Groups.LANH_DAO),
        "[Chậm phát hành] Văn bản đi " + document.getDocumentType() + ": "
            + document.getSummary(), "Văn bản đã ký chưa được cấp số, phát hành"
            + (document.getUrgency() == Urgency.NORMAL ? " trong ngày làm việc tiếp theo"
            : " ngay (" + document.getUrgency().label() + ")") + " (Điều 18.1 Nghị định"
            + " 30/2020)."));
  }

  /** The opinion task's candidates and deadlines: the due day's end, reminder the day before. */
  @Transactional(readOnly = true)
  OpinionSchedule opinionSchedule(long requestId) {
    OpinionRequest request = requests.findById(requestId).orElseThrow();
    LocalDate dueDay = calendar.addWorkingDays(request.getDueDate(), 0);
    Instant due = calendar.officeEnd(dueDay);
    LocalDate before = dueDay.minusDays(1);
    for (int i = 0; i < 60 && !calendar.isWorkingDay(before); i++) {
      before = before.minusDays(1);
    }
    Instant reminder = calendar.officeStart(before);
    if (!reminder.isAfter(clock.instant())) {
      reminder = due; // too late for a reminder: the step finds it stale and sends nothing
    }
    boolean unit = request.getPartyType() == OpinionRequest.Party.UNIT;
    return new OpinionSchedule(unit ? List.of() : new ArrayList<>(List.of(request.getPartyId())),
        unit ? new ArrayList<>(List.of(request.getPartyId())) : List.of(), due, reminder,
        "R/" + iso(due) + "/P1D");
  }

  /** A reminder to the asked party, on a working day before the due, if not yet answered. */
  void remindOpinion(long requestId) {
    OpinionRequest request = requests.findById(requestId).orElseThrow();
    OpinionSchedule schedule = opinionSchedule(requestId);
    if (request.getAnsweredAt() != null || !workingNow()
        || !clock.instant().isBefore(schedule.due())) {
      return;
    }
    events.publishEvent(notice(request, schedule.users(), schedule.groups(), "[Nhắc hạn góp ý]",
        "hạn góp ý " + OutgoingQueries.DATE.format(request.getDueDate())));
  }

  /** Overdue, each working day: the asked party and the drafter hear it. */
  void escalateOpinion(long requestId) {
    OpinionRequest request = requests.findById(requestId).orElseThrow();
    if (request.getAnsweredAt() != null || !workingNow()) {
      return;
    }
    OpinionSchedule schedule = opinionSchedule(requestId);
    List<String> users = new ArrayList<>(schedule.users());
    users.add(request.getAskedBy());
    events.publishEvent(notice(request, users, schedule.groups(), "[Quá hạn góp ý]",
        "đã quá hạn góp ý " + OutgoingQueries.DATE.format(request.getDueDate())));
  }

  private Notification notice(OpinionRequest request, List<String> users, List<String> groups,
      String tag, String what) {
    OutgoingDocument document = document(request.getDocumentId());
    return new Notification(groups, users, tag + " Dự thảo " + document.getDocumentType() + ": "
        + document.getSummary(), request.getPartyName() + " được xin ý kiến về dự thảo, " + what
        + ". Trả lời trong Tasklist, hộp việc hoặc trang dự thảo /drafts/" + document.getId()
        + ".");
  }

  private boolean workingNow() {
    return calendar.isWorkingDay(LocalDate.now(clock));
  }

  private String iso(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(clock.getZone())
        .toOffsetDateTime());
  }

  private Set<String> groupsOf(String userId) {
    return workflow.groupsOf(userId);
  }

  private OutgoingDocument document(long documentId) {
    return documents.findById(documentId).orElseThrow(() -> OutgoingQueries.notFound(documentId));
  }
}
