package vn.khcn.workflow.research;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.notify.Notification;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;

/**
 * Every step of the four research models: the adapters read the variables, call one method here
 * and write back what it returns. Invalid input is an {@link InvalidTaskInputException} (the task
 * stays open, nothing is stored); the rules themselves are in {@link CouncilRules},
 * {@link ImplementationRules} and the decision tables.
 */
@Service
@Transactional
public class ResearchSteps {

  private final ResearchTaskRepository tasks;
  private final CouncilRepository councils;
  private final CouncilMemberRepository members;
  private final ExpertRepository experts;
  private final ResearchReportRepository reports;
  private final ExtensionRequestRepository extensions;
  private final RestrictionRepository restrictions;
  private final ResearchDocumentRepository documents;
  private final ResearchTrailRepository trail;
  private final ResearchDecisions decisions;
  private final WorkingCalendar calendar;
  private final TaskService taskService;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ResearchSteps(ResearchTaskRepository tasks, CouncilRepository councils,
      CouncilMemberRepository members, ExpertRepository experts, ResearchReportRepository reports,
      ExtensionRequestRepository extensions, RestrictionRepository restrictions,
      ResearchDocumentRepository documents, ResearchTrailRepository trail,
      ResearchDecisions decisions, WorkingCalendar calendar, TaskService taskService,
      ApplicationEventPublisher events, Clock clock) {
    this.tasks = tasks;
    this.councils = councils;
    this.members = members;
    this.experts = experts;
    this.reports = reports;
    this.extensions = extensions;
    this.restrictions = restrictions;
    this.documents = documents;
    this.trail = trail;
    this.decisions = decisions;
    this.calendar = calendar;
    this.taskService = taskService;
    this.events = events;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ dossier

  /** Validity check. Returns the resubmission deadline, or null when the dossier is valid. */
  public Instant checkDossier(long id, Boolean valid, String missingItems, Integer resubmitDays,
      Actor actor, String taskId) {
    Problems problems = new Problems();
    problems.require(valid != null, "valid", "chọn kết quả kiểm tra hồ sơ");
    if (Boolean.FALSE.equals(valid)) {
      problems.require(missingItems != null, "missingItems", "nêu các nội dung cần bổ sung");
      problems.require(resubmitDays == null || (resubmitDays >= 1 && resubmitDays <= 30),
          "resubmitDays", "thời hạn bổ sung từ 1 đến 30 ngày làm việc");
    }
    problems.throwIfAny();
    ResearchTask task = task(id);
    if (valid) {
      task.dossierAccepted();
      log(task, actor, "DOSSIER_VALID", "Hồ sơ hợp lệ", taskId);
      notify(List.of(Groups.LANH_DAO), task, "Chờ thành lập hội đồng",
          "Hồ sơ nhiệm vụ đã hợp lệ; đề nghị lãnh đạo Sở thành lập hội đồng giao trực tiếp.");
      return null;
    }
    Instant due = calendar.endOfWorkingDay(clock.instant(), resubmitDays == null ? 10 : resubmitDays);
    task.requestMissingItems(missingItems, due);
    log(task, actor, "DOSSIER_INCOMPLETE", "Yêu cầu bổ sung: " + missingItems + " (hạn "
        + date(due) + ")", taskId);
    return due;
  }

  public void resubmitDossier(long id, String note, Actor actor, String taskId) {
    new Problems().require(note != null, "note", "nêu nội dung đã bổ sung").throwIfAny();
    log(task(id), actor, "DOSSIER_RESUBMITTED", note, taskId);
  }

  // ------------------------------------------------------------------ councils

  /** A council as appointed: its id, member user ids, chair, secretary and voting deadline. */
  public record AppointedCouncil(long councilId, List<String> members, String chair,
      String secretary, Instant ballotDue) {}

  /**
   * Appoints a council from the role fields of the appointment form (chair, viceChair, secretary,
   * reviewer1, reviewer2, member1..4: user ids of the pool).
   */
  public AppointedCouncil appointCouncil(long id, CouncilKind kind, Map<String, String> roleFields,
      Actor actor, String taskId) {
    ResearchTask task = task(id);
    Problems problems = new Problems();
    Map<String, CouncilRole> roles = new LinkedHashMap<>();
    Map<String, Expert> chosen = new LinkedHashMap<>();
    for (Map.Entry<String, String> field : roleFields.entrySet()) {
      String username = field.getValue();
      CouncilRole role = roleOf(field.getKey());
      if (username == null) {
        if (role != CouncilRole.MEMBER) {
          problems.add(field.getKey(), "chọn " + role.label().toLowerCase());
        }
        continue;
      }
      Expert expert = experts.findById(username).orElse(null);
      if (expert == null) {
        problems.add(field.getKey(), "'" + username + "' không có trong danh sách chuyên gia");
        continue;
      }
      if (roles.containsKey(username)) {
        problems.add(field.getKey(), expert.getFullName() + " đã được chọn với vai trò khác;"
            + " mỗi người chỉ giữ một vai trò");
        continue;
      }
      if (sameOrganisation(expert.getOrganisation(), task.getHostOrganisation())) {
        problems.add(field.getKey(), expert.getFullName() + " thuộc cơ quan chủ trì ("
            + task.getHostOrganisation() + "), không được tham gia hội đồng");
        continue;
      }
      roles.put(username, role);
      chosen.put(username, expert);
    }
    if (problems.isEmpty()) {
      CouncilRules.compositionProblems(roles).forEach(p -> problems.add("council", p));
    }
    problems.throwIfAny();
    Instant ballotDue = calendar.endOfWorkingDay(clock.instant(),
        AssignmentCouncilProcess.BALLOT_WORKING_DAYS);
    Council council = councils.save(new Council(task.getId(), kind, actor.userId(),
        clock.instant(), ballotDue));
    String chair = null;
    String secretary = null;
    for (Map.Entry<String, CouncilRole> member : roles.entrySet()) {
      members.save(new CouncilMember(council.getId(), chosen.get(member.getKey()), member.getValue()));
      if (member.getValue() == CouncilRole.CHAIR) {
        chair = member.getKey();
      } else if (member.getValue() == CouncilRole.SECRETARY) {
        secretary = member.getKey();
      }
    }
    log(task, actor, "COUNCIL_APPOINTED", kind.label() + ": " + roles.entrySet().stream()
        .map(m -> chosen.get(m.getKey()).getFullName() + " (" + m.getValue().label() + ")")
        .collect(Collectors.joining(", ")), taskId);
    notify(List.of(Groups.HOI_DONG), task, kind.label() + " được thành lập",
        "Các thành viên được mời cam kết không xung đột lợi ích và đánh giá trước ngày "
            + date(ballotDue) + ".");
    return new AppointedCouncil(council.getId(), List.copyOf(roles.keySet()), chair, secretary,
        ballotDue);
  }

  private static CouncilRole roleOf(String field) {
    return switch (field) {
      case AssignmentCouncilProcess.Vars.CHAIR_FIELD -> CouncilRole.CHAIR;
      case AssignmentCouncilProcess.Vars.VICE_CHAIR_FIELD -> CouncilRole.VICE_CHAIR;
      case AssignmentCouncilProcess.Vars.SECRETARY_FIELD -> CouncilRole.SECRETARY;
      case AssignmentCouncilProcess.Vars.REVIEWER_1, AssignmentCouncilProcess.Vars.REVIEWER_2 ->
          CouncilRole.REVIEWER;
      default -> CouncilRole.MEMBER;
    };
  }

  /** Records a member's declaration; returns true when the member declared a conflict. */
  public boolean declare(long councilId, String member, Boolean noConflict, String note,
      Actor actor, String taskId) {
    Problems problems = new Problems();
    problems.require(noConflict != null, "noConflict", "chọn cam kết về xung đột lợi ích");
    problems.require(!Boolean.FALSE.equals(noConflict) || note != null, "note",
        "nêu lý do xung đột lợi ích");
    problems.throwIfAny();
    CouncilMember row = activeMember(councilId, member);
    row.declare(!noConflict, note, clock.instant());
    ResearchTask task = task(council(councilId).getResearchTaskId());
    if (noConflict) {
      log(task, actor, "NO_CONFLICT_DECLARED", row.getFullName() + " cam kết không xung đột lợi ích",
          taskId);
      return false;
    }
    log(task, actor, "CONFLICT_DECLARED", row.getFullName() + " (" + row.getRole().label()
        + ") có xung đột lợi ích: " + note + ". Đề nghị lãnh đạo chỉ định người thay thế.", taskId);
    notify(List.of(Groups.LANH_DAO), task, "Cần chỉ định thành viên hội đồng thay thế",
        row.getFullName() + " (" + row.getRole().label() + ") rút khỏi hội đồng vì xung đột lợi ích.");
    return true;
  }

  /** The member who replaces one that declared a conflict, with the role taken over. */
  public record Replacement(String username, CouncilRole role) {}

  public Replacement replace(long councilId, String member, String replacement, Actor actor,
      String taskId) {
    Council council = council(councilId);
    ResearchTask task = task(council.getResearchTaskId());
    Problems problems = new Problems();
    problems.require(replacement != null, "replacement", "chọn thành viên thay thế");
    problems.throwIfAny();
    Expert expert = experts.findById(replacement).orElse(null);
    List<CouncilMember> current = members.findByCouncilIdOrderByIdAsc(councilId);
    if (expert == null) {
      problems.add("replacement", "'" + replacement + "' không có trong danh sách chuyên gia");
    } else if (current.stream().anyMatch(m -> m.getUsername().equals(replacement))) {
      problems.add("replacement", expert.getFullName() + " đã có trong hội đồng này");
    } else if (sameOrganisation(expert.getOrganisation(), task.getHostOrganisation())) {
      problems.add("replacement", expert.getFullName() + " thuộc cơ quan chủ trì ("
          + task.getHostOrganisation() + "), không được tham gia hội đồng");
    }
    problems.throwIfAny();
    CouncilMember old = activeMember(councilId, member);
    old.replaceBy(replacement);
    members.save(new CouncilMember(councilId, expert, old.getRole()));
    log(task, actor, "MEMBER_REPLACED", old.getFullName() + " được thay bằng "
        + expert.getFullName() + " (" + old.getRole().label() + ")", taskId);
    return new Replacement(replacement, old.getRole());
  }

  /** Records a member's scores (criteria of {@link Criteria#ALL}) and comment. */
  public void score(long councilId, String member, List<Integer> scores, String comment,
      Actor actor, String taskId) {
    Problems problems = new Problems();
    int[] values = new int[Criteria.ALL.size()];
    for (int i = 0; i < values.length; i++) {
      Criteria.Criterion criterion = Criteria.ALL.get(i);
      Integer score = i < scores.size() ? scores.get(i) : null;
      if (score == null) {
        problems.add(criterion.variable(), "chấm điểm tiêu chí " + criterion.label());
      } else if (score < 0 || score > criterion.max()) {
        problems.add(criterion.variable(), "điểm tiêu chí " + criterion.label() + " từ 0 đến "
            + criterion.max());
      } else {
        values[i] = score;
      }
    }
    problems.require(comment != null, "comment", "ghi nhận xét");
    problems.throwIfAny();
    CouncilMember row = activeMember(councilId, member);
    Ballot ballot = new Ballot(member, values);
    row.score(ballot, comment, clock.instant());
    log(task(council(councilId).getResearchTaskId()), actor, "BALLOT_CAST",
        row.getFullName() + " đã chấm điểm", taskId);
  }

  /** Records an acceptance council member's grade. */
  public void grade(long councilId, String member, String grade, String comment, Actor actor,
      String taskId) {
    Problems problems = new Problems();
    Grade value = null;
    try {
      value = grade == null ? null : Grade.valueOf(grade);
    } catch (IllegalArgumentException e) {
      value = null;
    }
    problems.require(value != null, "memberGrade", "chọn Xuất sắc, Đạt hoặc Không đạt");
    problems.require(comment != null, "comment", "ghi nhận xét");
    problems.throwIfAny();
    CouncilMember row = activeMember(councilId, member);
    row.grade(value, comment, clock.instant());
    log(task(council(councilId).getResearchTaskId()), actor, "GRADE_CAST",
        row.getFullName() + " đã xếp loại", taskId);
  }

  /**
   * The secretary's minutes: meeting date, members present, and for the assignment council the
   * changes required to the proposal outline.
   */
  public void recordMeeting(long councilId, LocalDate meetingDate, List<String> present,
      Boolean revisionsRequired, String requiredRevisions, String notes, Actor actor,
      String taskId) {
    Council council = council(councilId);
    List<CouncilMember> active = activeMembers(councilId);
    Set<String> ids = active.stream().map(CouncilMember::getUsername).collect(Collectors.toSet());
    Problems problems = new Problems();
    problems.require(meetingDate != null, "meetingDate", "nhập ngày họp");
    problems.require(meetingDate == null || !meetingDate.isAfter(today()), "meetingDate",
        "ngày họp không được sau hôm nay");
    problems.require(present != null, "present", "đánh dấu các thành viên có mặt");
    if (present != null) {
      present.stream().filter(p -> !ids.contains(p)).findFirst().ifPresent(p ->
          problems.add("present", "'" + p + "' không phải thành viên của hội đồng"));
    }
    if (council.getKind() == CouncilKind.ASSIGNMENT) {
      problems.require(!Boolean.TRUE.equals(revisionsRequired) || requiredRevisions != null,
          "requiredRevisions", "nêu nội dung hội đồng yêu cầu chỉnh sửa");
    }
    problems.throwIfAny();
    Set<String> here = new HashSet<>(present);
    active.forEach(m -> m.markPresent(here.contains(m.getUsername())));
    council.meetingHeld(meetingDate, here.size(), notes);
    ResearchTask task = task(council.getResearchTaskId());
    if (council.getKind() == CouncilKind.ASSIGNMENT) {
      task.requireRevisions(Boolean.TRUE.equals(revisionsRequired) ? requiredRevisions : null);
    }
    log(task, actor, "MEETING_RECORDED", "Họp ngày " + ImplementationRules.formatDate(meetingDate)
        + ", có mặt " + here.size() + "/" + active.size() + " thành viên", taskId);
  }

  /** The assignment council's conclusion (or the lack of a quorum). */
  public record CouncilConclusion(boolean quorumMet, Verdict verdict, Instant revisionDue,
      Instant revisionReminder) {}

  /**
   * Enforces the quorum, discards ballots more than 20% from the mean, computes the inputs of
   * council-verdict and applies it.
   */
  public CouncilConclusion concludeAssignmentCouncil(long councilId) {
    Council council = council(councilId);
    ResearchTask task = task(council.getResearchTaskId());
    List<CouncilMember> active = activeMembers(councilId);
    String quorumProblem = quorumProblem(active);
    if (quorumProblem != null) {
      council.quorumFailed(quorumProblem);
      log(task, Actor.SYSTEM, "QUORUM_NOT_MET", quorumProblem, null);
      return new CouncilConclusion(false, null, null, null);
    }
    List<CouncilMember> present = active.stream().filter(m -> Boolean.TRUE.equals(m.getPresent()))
        .toList();
    List<Ballot> ballots = present.stream().map(CouncilMember::ballot)
        .filter(java.util.Objects::nonNull).toList();
    CouncilRules.Evaluation evaluation = CouncilRules.evaluate(ballots, present.size());
    present.forEach(m -> m.markBallotValid(m.ballot() == null ? null
        : !evaluation.invalidBallots().contains(m.getUsername())));
    boolean revisionsRequired = task.getRequiredRevisions() != null;
    ResearchDecisions.VerdictResult result = decisions.councilVerdict(evaluation.meanScore(),
        evaluation.maxZeroShare(), revisionsRequired);
    council.concluded(result.verdict().name(), evaluation.meanScore(), evaluation.maxZeroShare(),
        clock.instant());
    String reasons = String.format(java.util.Locale.ROOT,
        "%s. Điểm trung bình phiếu hợp lệ %.2f; tỷ lệ lớn nhất cho điểm 0 một tiêu chí %.2f;"
            + " phiếu không hợp lệ (lệch quá 20%%): %s", result.reason(), evaluation.meanScore(),
        evaluation.maxZeroShare(), evaluation.invalidBallots().isEmpty() ? "không có"
            : String.join(", ", evaluation.invalidBallots()));
    Instant due = null;
    Instant reminder = null;
    if (result.verdict() == Verdict.ASSIGN_AFTER_REVISION) {
      LocalDate dueDay = council.getMeetingDate().plusDays(AssignmentCouncilProcess.REVISION_DAYS);
      due = calendar.endOfWorkingDay(dueDay.atStartOfDay(zone()).toInstant(), 0);
      reminder = dueDay.minusDays(AssignmentCouncilProcess.REVISION_REMINDER_DAYS_BEFORE)
          .atTime(8, 0).atZone(zone()).toInstant();
    }
    task.councilConcluded(result.verdict(), reasons, task.getRequiredRevisions(), due);
    if (result.verdict() == Verdict.ASSIGN) {
      task.moveTo(ResearchStage.BUDGET_AND_CONTRACT);
    }
    log(task, Actor.SYSTEM, "COUNCIL_CONCLUDED", result.verdict().label() + ". " + reasons, null);
    if (result.verdict() != Verdict.REJECT) {
      notify(List.of(Groups.PHONG_KHTC), task, "Thẩm định kinh phí",
          "Hội đồng kết luận: " + result.verdict().label() + ".");
    }
    return new CouncilConclusion(true, result.verdict(), due, reminder);
  }

  public void submitRevision(long id, String responseNote, Actor actor, String taskId) {
    ResearchTask task = task(id);
    Problems problems = new Problems();
    problems.require(responseNote != null, "responseNote", "nhập báo cáo giải trình");
    Instant since = councils.findByResearchTaskIdOrderByIdAsc(id).stream()
        .filter(c -> c.getKind() == CouncilKind.ASSIGNMENT && c.getDecidedAt() != null)
        .map(Council::getDecidedAt).reduce((a, b) -> b).orElse(task.getSubmittedAt());
    problems.require(documents.countSince(id, DocumentKind.REVISED_OUTLINE, since) > 0,
        "documents", "chưa tải lên thuyết minh đã chỉnh sửa (loại REVISED_OUTLINE) sau khi họp"
            + " hội đồng");
    problems.throwIfAny();
    log(task, actor, "REVISION_SUBMITTED", responseNote, taskId);
  }

  /** The secretary's check or the chair's confirmation; returns whether it was accepted. */
  public boolean reviewRevision(long id, Boolean accepted, String comment, CouncilRole who,
      Actor actor, String taskId) {
    requireDecision(accepted, comment, "accepted");
    ResearchTask task = task(id);
    log(task, actor, accepted ? "REVISION_ACCEPTED" : "REVISION_RETURNED",
        who.label() + (accepted ? " chấp nhận thuyết minh" : " yêu cầu sửa tiếp")
            + (comment == null ? "" : ": " + comment), taskId);
    if (accepted && who == CouncilRole.CHAIR) {
      task.moveTo(ResearchStage.BUDGET_AND_CONTRACT);
    }
    return accepted;
  }

  public void closeNotAssigned(long id) {
    ResearchTask task = task(id);
    task.close(ResearchStatus.NOT_ASSIGNED, task.getVerdictReasons(), clock.instant());
    log(task, Actor.SYSTEM, "CLOSED_NOT_ASSIGNED", "Không giao nhiệm vụ. "
        + task.getVerdictReasons(), null);
    flushInStep();
  }

  // ------------------------------------------------------------------ budget and contract

  /** Appraisal; returns the due date of the director's decision (3 working days). */
  public Instant appraiseBudget(long id, Long approvedBudget, String note, Actor actor,
      String taskId) {
    ResearchTask task = task(id);
    Problems problems = new Problems();
    problems.require(approvedBudget != null && approvedBudget > 0, "approvedBudget",
        "nhập kinh phí thẩm định lớn hơn 0");
    problems.require(approvedBudget == null || approvedBudget <= task.getRequestedBudget(),
        "approvedBudget", "kinh phí thẩm định không được vượt kinh phí đề nghị ("
            + money(task.getRequestedBudget()) + ")");
    problems.require(note != null, "appraisalNote", "nêu ý kiến thẩm định, lý do điều chỉnh");
    problems.throwIfAny();
    task.budgetAppraised(approvedBudget, note);
    log(task, actor, "BUDGET_APPRAISED", "Kinh phí thẩm định " + money(approvedBudget)
        + " (đề nghị " + money(task.getRequestedBudget()) + "): " + note, taskId);
    notify(List.of(Groups.LANH_DAO), task, "Chờ phê duyệt kinh phí",
        "Kinh phí thẩm định " + money(approvedBudget) + ".");
    return calendar.endOfWorkingDay(clock.instant(), 3);
  }

  public boolean decideBudget(long id, Boolean approved, String comment, Actor actor,
      String taskId) {
    requireDecision(approved, comment, "approved");
    ResearchTask task = task(id);
    log(task, actor, approved ? "BUDGET_APPROVED" : "BUDGET_RETURNED",
        (approved ? "Phê duyệt kinh phí " + money(task.getApprovedBudget()) : "Trả lại thẩm định")
            + (comment == null ? "" : ": " + comment), taskId);
    return approved;
  }

  /** Contract dates as the model needs them. */
  public record ContractSchedule(Instant end, Instant midterm, String progressCycle) {}

  public ContractSchedule recordContract(long id, String number, LocalDate date, Long amount,
      LocalDate start, LocalDate end, Actor actor, String taskId) {
    ResearchTask task = task(id);
    Problems problems = new Problems();
    problems.require(number != null, "contractNumber", "nhập số hợp đồng");
    problems.require(date != null, "contractDate", "nhập ngày ký");
    problems.require(amount != null && amount > 0, "contractAmount", "nhập giá trị hợp đồng");
    problems.require(amount == null || task.getApprovedBudget() == null
        || amount <= task.getApprovedBudget(), "contractAmount",
        "giá trị hợp đồng không được vượt kinh phí đã phê duyệt ("
            + money(task.getApprovedBudget()) + ")");
    problems.require(start != null, "contractStart", "nhập ngày bắt đầu");
    problems.require(end != null, "contractEnd", "nhập ngày kết thúc");
    problems.require(start == null || end == null || end.isAfter(start), "contractEnd",
        "ngày kết thúc phải sau ngày bắt đầu");
    problems.require(date == null || start == null || !date.isAfter(start), "contractDate",
        "ngày ký không được sau ngày bắt đầu");
    problems.throwIfAny();
    task.contractSigned(number, date, amount, start, end);
    log(task, actor, "CONTRACT_SIGNED", "Hợp đồng số " + number + " ngày "
        + ImplementationRules.formatDate(date) + ", " + money(amount) + ", từ "
        + ImplementationRules.formatDate(start) + " đến " + ImplementationRules.formatDate(end),
        taskId);
    return new ContractSchedule(endOf(end),
        ImplementationRules.midpoint(start, end).atTime(8, 0).atZone(zone()).toInstant(),
        ImplementationRules.progressCycle(start, end, today(), zone()));
  }

  // ------------------------------------------------------------------ implementation

  public void submitReport(long id, ReportKind kind, String content, Actor actor, String taskId) {
    new Problems().require(content != null, "report", "nhập nội dung báo cáo").throwIfAny();
    ResearchTask task = task(id);
    reports.save(new ResearchReport(id, kind, content, actor.userId(), clock.instant()));
    log(task, actor, kind == ReportKind.PROGRESS ? "PROGRESS_REPORTED" : "MIDTERM_REPORTED",
        kind.label(), taskId);
  }

  public boolean reviewProgressReport(long id, Boolean accepted, String comment, Actor actor,
      String taskId) {
    requireDecision(accepted, comment, "accepted");
    ResearchReport report = reports.findByResearchTaskIdOrderByIdAsc(id).stream()
        .filter(r -> r.getKind() == ReportKind.PROGRESS && r.getReviewResult() == null)
        .reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException(
            "No progress report waits for review on research task " + id));
    report.reviewed(accepted, comment, actor.userId(), clock.instant());
    log(task(id), actor, accepted ? "PROGRESS_ACCEPTED" : "PROGRESS_RETURNED",
        (accepted ? "Chấp nhận báo cáo tiến độ" : "Yêu cầu bổ sung báo cáo tiến độ")
            + (comment == null ? "" : ": " + comment), taskId);
    return accepted;
  }

  /** A director's decision on the extension request; returns the new end date when granted. */
  public LocalDate decideExtension(long id, long requestId, Boolean approved, String comment,
      Actor actor, String taskId) {
    requireDecision(approved, comment, "approved");
    ResearchTask task = task(id);
    ExtensionRequest request = extensions.findById(requestId).orElseThrow();
    request.decide(approved, comment, actor.userId(), clock.instant());
    if (!approved) {
      log(task, actor, "EXTENSION_REFUSED", "Không đồng ý gia hạn"
          + (comment == null ? "" : ": " + comment), taskId);
      return null;
    }
    LocalDate newEnd = task.getContractEnd().plusMonths(request.getMonths());
    task.extendTo(newEnd);
    taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId())
        .taskDefinitionKey(ResearchTaskProcess.Tasks.SUBMIT_FINAL_DOSSIER).list()
        .forEach(t -> {
          t.setDueDate(Date.from(endOf(newEnd)));
          taskService.saveTask(t);
        });
    log(task, actor, "EXTENSION_GRANTED", "Gia hạn " + request.getMonths() + " tháng, đến "
        + ImplementationRules.formatDate(newEnd) + (comment == null ? "" : ": " + comment), taskId);
    return newEnd;
  }

  /** Opens a mid-term evaluation; returns the due date of the investigator's report. */
  public Instant openMidterm(long id) {
    ResearchTask task = task(id);
    task.moveTo(ResearchStage.MIDTERM_EVALUATION);
    log(task, Actor.SYSTEM, "MIDTERM_OPENED", "Mở đánh giá giữa kỳ", null);
    return calendar.endOfWorkingDay(clock.instant(), MidtermEvaluationProcess.REPORT_WORKING_DAYS);
  }

  /** Findings of the mid-term evaluation, validated for the chosen outcome. */
  public record MidtermFindings(MidtermOutcome outcome, LocalDate newEnd, Long adjustedBudget,
      Long recoveryAmount) {}

  public MidtermFindings recordMidtermFindings(long id, String findings, String outcome,
      LocalDate newEnd, Long adjustedBudget, String contentChanges, Long recoveryAmount,
      Actor actor, String taskId) {
    ResearchTask task = task(id);
    Problems problems = new Problems();
    problems.require(findings != null, "findings", "nhập kết quả kiểm tra, đánh giá");
    MidtermOutcome value = null;
    try {
      value = outcome == null ? null : MidtermOutcome.valueOf(outcome);
    } catch (IllegalArgumentException e) {
      value = null;
    }
    problems.require(value != null, "outcome", "chọn tiếp tục, điều chỉnh hoặc chấm dứt");
    if (value == MidtermOutcome.ADJUST) {
      problems.require(newEnd != null || adjustedBudget != null || contentChanges != null,
          "contentChanges", "nêu nội dung, thời hạn hoặc kinh phí điều chỉnh");
      problems.require(newEnd == null || newEnd.isAfter(task.getContractEnd()), "newEndDate",
          "thời hạn mới phải sau ngày kết thúc hiện tại ("
              + ImplementationRules.formatDate(task.getContractEnd()) + ")");
      problems.require(adjustedBudget == null || adjustedBudget > 0, "adjustedBudget",
          "kinh phí điều chỉnh phải lớn hơn 0");
    }
    if (value == MidtermOutcome.TERMINATE) {
      problems.require(recoveryAmount != null && recoveryAmount >= 0, "recoveryAmount",
          "nhập kinh phí thu hồi (0 nếu không thu hồi)");
      problems.require(recoveryAmount == null || task.getContractAmount() == null
          || recoveryAmount <= task.getContractAmount(), "recoveryAmount",
          "kinh phí thu hồi không vượt giá trị hợp đồng");
    }
    problems.throwIfAny();
    String text = findings + (contentChanges == null ? "" : "\nNội dung điều chỉnh: " + contentChanges);
    task.midtermConcluded(value, text);
    log(task, actor, "MIDTERM_FINDINGS", value.label() + ": " + text, taskId);
    if (value != MidtermOutcome.CONTINUE) {
      notify(List.of(Groups.LANH_DAO), task, "Chờ phê duyệt kết quả giữa kỳ",
          "Kết luận đánh giá giữa kỳ: " + value.label() + ".");
    } else {
      task.moveTo(ResearchStage.IMPLEMENTATION);
    }
    return new MidtermFindings(value, value == MidtermOutcome.ADJUST ? newEnd : null,
        value == MidtermOutcome.ADJUST ? adjustedBudget : null,
        value == MidtermOutcome.TERMINATE ? recoveryAmount : null);
  }

  public boolean decideMidterm(long id, String what, Boolean approved, String comment, Actor actor,
      String taskId) {
    requireDecision(approved, comment, "approved");
    log(task(id), actor, approved ? "MIDTERM_APPROVED" : "MIDTERM_RETURNED",
        (approved ? "Phê duyệt " : "Trả lại ") + what + (comment == null ? "" : ": " + comment),
        taskId);
    return approved;
  }

  public Instant applyAdjustment(long id, LocalDate newEnd, Long newBudget) {
    ResearchTask task = task(id);
    task.adjust(newEnd, newBudget);
    log(task, Actor.SYSTEM, "ADJUSTED", "Điều chỉnh: kết thúc "
        + ImplementationRules.formatDate(task.getContractEnd()) + ", kinh phí "
        + money(task.getApprovedBudget()), null);
    return endOf(task.getContractEnd());
  }

  public void terminate(long id, Long recoveryAmount) {
    ResearchTask task = task(id);
    task.terminate(recoveryAmount, "Chấm dứt sau đánh giá giữa kỳ; kinh phí thu hồi "
        + money(recoveryAmount), clock.instant());
    log(task, Actor.SYSTEM, "TERMINATED", "Chấm dứt; kinh phí thu hồi " + money(recoveryAmount),
        null);
  }

  public void closeTerminated(long id) {
    ResearchTask task = task(id);
    if (task.getStatus() != ResearchStatus.TERMINATED) {
      task.terminate(task.getRecoveryAmount(), "Chấm dứt", clock.instant());
    }
    log(task, Actor.SYSTEM, "CLOSED_TERMINATED", task.getClosingReason(), null);
    flushInStep();
  }

  /** The final dossier; returns whole months late. */
  public int submitFinalDossier(long id, String note, Actor actor, String taskId) {
    ResearchTask task = task(id);
    Problems problems = new Problems();
    problems.require(note != null, "note", "nhập tóm tắt hồ sơ nghiệm thu");
    problems.require(documents.countSince(id, DocumentKind.FINAL_DOSSIER, Instant.EPOCH) > 0,
        "documents", "chưa tải lên hồ sơ nghiệm thu (loại FINAL_DOSSIER)");
    problems.throwIfAny();
    int late = ImplementationRules.monthsLate(task.getContractEnd(), today());
    task.finalDossierSubmitted(clock.instant(), late);
    log(task, actor, "FINAL_DOSSIER_SUBMITTED", note + (late > 0 ? " (trễ " + late + " tháng)" : ""),
        taskId);
    notify(List.of(Groups.LANH_DAO), task, "Chờ thành lập hội đồng nghiệm thu",
        "Hồ sơ nghiệm thu đã đủ; hội đồng phải được thành lập trong "
            + AcceptanceProcess.APPOINTMENT_WORKING_DAYS + " ngày làm việc.");
    return late;
  }

  // ------------------------------------------------------------------ acceptance

  /** Returns the deadline of the acceptance council's appointment (15 working days). */
  public Instant openAcceptance(long id) {
    ResearchTask task = task(id);
    task.moveTo(ResearchStage.ACCEPTANCE);
    Instant from = task.getFinalDossierAt() == null ? clock.instant() : task.getFinalDossierAt();
    Instant due = calendar.endOfWorkingDay(from, AcceptanceProcess.APPOINTMENT_WORKING_DAYS);
    log(task, Actor.SYSTEM, "ACCEPTANCE_OPENED", "Hạn thành lập hội đồng nghiệm thu: " + date(due),
        null);
    return due;
  }

  /** The acceptance council's grade (or the lack of a quorum). */
  public record GradeConclusion(boolean quorumMet, Grade grade, Instant fixDue) {}

  public GradeConclusion concludeAcceptanceCouncil(long councilId) {
    Council council = council(councilId);
    ResearchTask task = task(council.getResearchTaskId());
    List<CouncilMember> active = activeMembers(councilId);
    String quorumProblem = quorumProblem(active);
    if (quorumProblem != null) {
      council.quorumFailed(quorumProblem);
      log(task, Actor.SYSTEM, "QUORUM_NOT_MET", quorumProblem, null);
      return new GradeConclusion(false, null, null);
    }
    List<CouncilMember> present = active.stream().filter(m -> Boolean.TRUE.equals(m.getPresent()))
        .toList();
    int excellent = (int) present.stream().filter(m -> m.getGrade() == Grade.XUAT_SAC).count();
    int fail = (int) present.stream().filter(m -> m.getGrade() == Grade.KHONG_DAT).count();
    Grade grade;
    String reason;
    LocalDate submitted = task.getFinalDossierAt() == null ? today()
        : task.getFinalDossierAt().atZone(zone()).toLocalDate();
    if (ImplementationRules.dossierTooLate(task.getContractEnd(), submitted)) {
      grade = Grade.KHONG_DAT;
      reason = "Hồ sơ nghiệm thu nộp trễ quá " + ImplementationRules.LATE_DOSSIER_MONTHS
          + " tháng so với ngày kết thúc hợp đồng";
    } else {
      grade = decisions.acceptanceGrade(present.size(), excellent, fail);
      reason = "Có mặt " + present.size() + ", Xuất sắc " + excellent + ", Không đạt " + fail;
    }
    council.concluded(grade.name(), null, null, clock.instant());
    task.graded(grade);
    log(task, Actor.SYSTEM, "GRADED", grade.label() + ". " + reason, null);
    Instant fixDue = grade == Grade.KHONG_DAT ? null
        : calendar.endOfWorkingDay(clock.instant(), AcceptanceProcess.FIX_WORKING_DAYS);
    if (grade == Grade.KHONG_DAT) {
      notify(List.of(Groups.PHONG_KHTC), task, "Xác định kinh phí hoàn trả",
          "Nhiệm vụ nghiệm thu không đạt.");
    }
    return new GradeConclusion(true, grade, fixDue);
  }

  public void fixDossier(long id, String note, Actor actor, String taskId) {
    new Problems().require(note != null, "note", "nêu nội dung đã hoàn thiện").throwIfAny();
    log(task(id), actor, "DOSSIER_FIXED", note, taskId);
  }

  public boolean confirmFixes(long id, Boolean accepted, String comment, Actor actor,
      String taskId) {
    requireDecision(accepted, comment, "accepted");
    log(task(id), actor, accepted ? "FIXES_CONFIRMED" : "FIXES_RETURNED",
        (accepted ? "Chủ tịch xác nhận hồ sơ đã hoàn thiện" : "Chủ tịch yêu cầu sửa tiếp")
            + (comment == null ? "" : ": " + comment), taskId);
    return accepted;
  }

  public void recordRefund(long id, Long amount, String note, Actor actor, String taskId) {
    ResearchTask task = task(id);
    Problems problems = new Problems();
    problems.require(amount != null && amount >= 0, "refundAmount",
        "nhập kinh phí phải hoàn trả (0 nếu không phải hoàn trả)");
    problems.require(amount == null || task.getContractAmount() == null
        || amount <= task.getContractAmount(), "refundAmount",
        "kinh phí hoàn trả không vượt giá trị hợp đồng");
    problems.require(note != null, "note", "nêu căn cứ xác định");
    problems.throwIfAny();
    task.refund(amount);
    log(task, actor, "REFUND_RECORDED", "Hoàn trả " + money(amount) + ": " + note, taskId);
  }

  public void restrictParties(long id) {
    ResearchTask task = task(id);
    String reason = "Nhiệm vụ " + task.getCode() + " nghiệm thu không đạt";
    restrictions.save(new Restriction(Restriction.SubjectKind.ORGANISATION,
        task.getHostOrganisation(), task.getCode(), reason, clock.instant()));
    restrictions.save(new Restriction(Restriction.SubjectKind.INVESTIGATOR,
        task.getInvestigator(), task.getCode(), reason, clock.instant()));
    log(task, Actor.SYSTEM, "RESTRICTED", "Hạn chế " + task.getHostOrganisation() + " và chủ nhiệm "
        + task.getInvestigatorName() + " tham gia các đợt sau", null);
  }

  public void archiveFailed(long id) {
    ResearchTask task = task(id);
    task.close(ResearchStatus.ARCHIVED_FAILED, "Nghiệm thu không đạt; hoàn trả "
        + money(task.getRefundAmount()), clock.instant());
    log(task, Actor.SYSTEM, "ARCHIVED_FAILED", task.getClosingReason(), null);
    flushInStep();
  }

  public void registerResult(long id, String number, LocalDate date, Actor actor, String taskId) {
    Problems problems = new Problems();
    problems.require(number != null, "registrationNumber", "nhập số giấy chứng nhận đăng ký");
    problems.require(date != null, "registrationDate", "nhập ngày đăng ký");
    problems.require(date == null || !date.isAfter(today()), "registrationDate",
        "ngày đăng ký không được sau hôm nay");
    problems.throwIfAny();
    ResearchTask task = task(id);
    task.resultRegistered(number, date);
    log(task, actor, "RESULT_REGISTERED", "Đăng ký kết quả số " + number + " ngày "
        + ImplementationRules.formatDate(date), taskId);
  }

  public void liquidate(long id, String number, LocalDate date, Long settled, Actor actor,
      String taskId) {
    ResearchTask task = task(id);
    Problems problems = new Problems();
    problems.require(number != null, "liquidationNumber", "nhập số biên bản thanh lý");
    problems.require(date != null, "liquidationDate", "nhập ngày thanh lý");
    problems.require(settled != null && settled >= 0, "settledAmount", "nhập kinh phí quyết toán");
    problems.require(settled == null || task.getContractAmount() == null
        || settled <= task.getContractAmount(), "settledAmount",
        "kinh phí quyết toán không vượt giá trị hợp đồng (" + money(task.getContractAmount()) + ")");
    problems.throwIfAny();
    task.contractLiquidated(number, date, settled);
    log(task, actor, "CONTRACT_LIQUIDATED", "Thanh lý hợp đồng, biên bản số " + number
        + ", quyết toán " + money(settled), taskId);
  }

  public void archive(long id) {
    ResearchTask task = task(id);
    task.close(ResearchStatus.ARCHIVED, "Nghiệm thu " + (task.getGrade() == null ? ""
        : task.getGrade().label()) + ", đã đăng ký kết quả và thanh lý hợp đồng", clock.instant());
    log(task, Actor.SYSTEM, "ARCHIVED", task.getClosingReason(), null);
    flushInStep();
  }

  // ------------------------------------------------------------------ reminders

  public void remind(long id, String stage) {
    ResearchTask task = task(id);
    log(task, Actor.SYSTEM, "REMINDED", stageText(stage) + ": sắp đến hạn", null);
    notify(List.of(Groups.PHONG_QLKH), task, "Nhắc hạn: " + stageText(stage),
        "Sắp đến hạn " + stageText(stage).toLowerCase() + "; đề nghị đôn đốc chủ nhiệm.");
    flushInStep();
  }

  public void escalate(long id, String stage) {
    ResearchTask task = task(id);
    List<String> to = "ACCEPTANCE_COUNCIL".equals(stage) ? List.of(Groups.LANH_DAO)
        : List.of(Groups.PHONG_QLKH);
    log(task, Actor.SYSTEM, "ESCALATED", stageText(stage) + ": quá hạn", null);
    notify(to, task, "Quá hạn: " + stageText(stage), stageText(stage) + " đã quá hạn.");
    flushInStep();
  }

  private static String stageText(String stage) {
    return switch (stage == null ? "" : stage) {
      case "REVISION" -> "Nộp thuyết minh đã chỉnh sửa";
      case "ACCEPTANCE_COUNCIL" -> "Thành lập hội đồng nghiệm thu";
      default -> "Xử lý nhiệm vụ";
    };
  }

  // ------------------------------------------------------------------ helpers

  /**
   * Writes now, inside the asynchronous step, instead of at commit: a database refusal then fails
   * the step itself, so the engine applies the model's retry cycle and raises an incident.
   */
  private void flushInStep() {
    tasks.flush();
  }

  /** Active members with their roles, for the quorum rule. */
  private String quorumProblem(List<CouncilMember> active) {
    Map<String, CouncilRole> roles = new LinkedHashMap<>();
    Set<String> present = new HashSet<>();
    for (CouncilMember m : active) {
      roles.put(m.getUsername(), m.getRole());
      if (Boolean.TRUE.equals(m.getPresent())) {
        present.add(m.getUsername());
      }
    }
    return CouncilRules.quorumProblem(roles, present);
  }

  List<CouncilMember> activeMembers(long councilId) {
    return members.findByCouncilIdOrderByIdAsc(councilId).stream()
        .filter(CouncilMember::isActive).toList();
  }

  private CouncilMember activeMember(long councilId, String username) {
    return activeMembers(councilId).stream().filter(m -> m.getUsername().equals(username))
        .findFirst().orElseThrow(() -> new IllegalStateException(
            username + " is not an active member of council " + councilId));
  }

  private ResearchTask task(long id) {
    return tasks.findById(id).orElseThrow(() -> new IllegalStateException(
        "Research task " + id + " does not exist"));
  }

  private Council council(long id) {
    return councils.findById(id).orElseThrow(() -> new IllegalStateException(
        "Council " + id + " does not exist"));
  }

  static boolean sameOrganisation(String a, String b) {
    return Restriction.key(a).equals(Restriction.key(b));
  }

  private void requireDecision(Boolean decision, String comment, String field) {
    Problems problems = new Problems();
    problems.require(decision != null, field, "chọn quyết định");
    problems.require(!Boolean.FALSE.equals(decision) || comment != null, "comment",
        "nêu ý kiến khi trả lại hoặc không đồng ý");
    problems.throwIfAny();
  }

  private void log(ResearchTask task, Actor actor, String action, String detail, String taskId) {
    trail.save(new ResearchTrailEntry(task.getId(), clock.instant(), actor, action, detail, taskId));
  }

  private void notify(List<String> groups, ResearchTask task, String subject, String body) {
    events.publishEvent(new Notification(groups, "[" + task.getCode() + "] " + subject,
        "Nhiệm vụ " + task.getCode() + ": " + task.getTitle() + "\n\n" + body));
  }

  private ZoneId zone() {
    return clock.getZone();
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private Instant endOf(LocalDate day) {
    return day.atTime(17, 0).atZone(zone()).toInstant();
  }

  private String date(Instant instant) {
    return ImplementationRules.formatDate(instant.atZone(zone()).toLocalDate());
  }

  static String money(Long amount) {
    if (amount == null) {
      return "—";
    }
    return String.format(java.util.Locale.ROOT, "%,d", amount).replace(',', '.') + " đồng";
  }

  /** Problems of a person's input, thrown together so they see every one at once. */
  static final class Problems {
    private final List<String> problems = new ArrayList<>();

    Problems add(String field, String message) {
      problems.add(field + ": " + message);
      return this;
    }

    Problems require(boolean ok, String field, String message) {
      return ok ? this : add(field, message);
    }

    boolean isEmpty() {
      return problems.isEmpty();
    }

    void throwIfAny() {
      if (!problems.isEmpty()) {
        throw new InvalidTaskInputException(problems);
      }
    }
  }
}
