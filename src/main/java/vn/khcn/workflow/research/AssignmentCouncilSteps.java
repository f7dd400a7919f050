package vn.khcn.workflow.research;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.identity.Groups;

/**
 * The steps of a council (appointment, declarations, replacements, ballots, minutes; both kinds)
 * and of assignment-council's conclusion and revision loop. Who acts is always passed in by the
 * adapter from the task itself (its assignee), never read from a submission. No engine calls.
 */
@Service
@Transactional
class AssignmentCouncilSteps {

  private final ResearchRecords records;
  private final CouncilRepository councils;
  private final CouncilMemberRepository members;
  private final ExpertRepository experts;
  private final ResearchDocumentRepository documents;
  private final ResearchDecisions decisions;
  private final WorkingCalendar calendar;

  AssignmentCouncilSteps(ResearchRecords records, CouncilRepository councils,
      CouncilMemberRepository members, ExpertRepository experts,
      ResearchDocumentRepository documents, ResearchDecisions decisions,
      WorkingCalendar calendar) {
    this.records = records;
    this.councils = councils;
    this.members = members;
    this.experts = experts;
    this.documents = documents;
    this.decisions = decisions;
    this.calendar = calendar;
  }

  /** A council as appointed: its id, member user ids, chair, secretary and voting deadline. */
  public record AppointedCouncil(long councilId, List<String> members, String chair,
      String secretary, Instant ballotDue) {}

  /** Who the model routes the council's tasks to, as the council's entities say now. */
  public record Routing(String investigator, String chair, String secretary) {}

  /**
   * Appoints a council from the role fields of the appointment form (chair, viceChair, secretary,
   * reviewer1, reviewer2, member1..4: user ids of the pool), by field name.
   */
  public AppointedCouncil appointCouncil(long id, CouncilKind kind, Map<String, String> roleFields,
      Actor actor, String taskId) {
    ResearchTask task = records.task(id);
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
      if (ResearchRecords.sameOrganisation(expert.getOrganisation(), task.getHostOrganisation())) {
        problems.add(field.getKey(), expert.getFullName() + " thuộc cơ quan chủ trì ("
            + task.getHostOrganisation() + "), không được tham gia hội đồng");
        continue;
      }
      roles.put(username, role);
      chosen.put(username, expert);
    }
    if (problems.isEmpty()) {
      CouncilRules.compositionProblems(records.rules(task), kind, roles)
          .forEach(p -> problems.add("council", p));
    }
    problems.throwIfAny();
    Instant ballotDue = calendar.endOfWorkingDay(records.now(),
        records.rules(task).integer(RuleKey.BALLOT_WORKING_DAYS));
    Council council = councils.save(new Council(task.getId(), kind, actor.userId(),
        records.now(), ballotDue));
    String chair = null;
    String secretary = null;
    for (Map.Entry<String, CouncilRole> member : roles.entrySet()) {
      members.save(new CouncilMember(council.getId(), chosen.get(member.getKey()),
          member.getValue()));
      if (member.getValue() == CouncilRole.CHAIR) {
        chair = member.getKey();
      } else if (member.getValue() == CouncilRole.SECRETARY) {
        secretary = member.getKey();
      }
    }
    records.log(task, actor, "COUNCIL_APPOINTED", kind.label() + ": " + roles.entrySet().stream()
        .map(m -> chosen.get(m.getKey()).getFullName() + " (" + m.getValue().label() + ")")
        .collect(Collectors.joining(", ")), taskId);
    records.notify(List.of(Groups.HOI_DONG), task, kind.label() + " được thành lập",
        "Các thành viên được mời cam kết không xung đột lợi ích và đánh giá trước ngày "
            + records.date(ballotDue) + ".");
    return new AppointedCouncil(council.getId(), List.copyOf(roles.keySet()), chair, secretary,
        ballotDue);
  }

  private static CouncilRole roleOf(String field) {
    if (field.equals(AssignmentCouncilProcess.Vars.CHAIR_FIELD.name())) {
      return CouncilRole.CHAIR;
    } else if (field.equals(AssignmentCouncilProcess.Vars.VICE_CHAIR_FIELD.name())) {
      return CouncilRole.VICE_CHAIR;
    } else if (field.equals(AssignmentCouncilProcess.Vars.SECRETARY_FIELD.name())) {
      return CouncilRole.SECRETARY;
    } else if (field.equals(AssignmentCouncilProcess.Vars.REVIEWER_1.name())
        || field.equals(AssignmentCouncilProcess.Vars.REVIEWER_2.name())) {
      return CouncilRole.REVIEWER;
    }
    return CouncilRole.MEMBER;
  }

  /** Who the council's tasks go to now: the investigator, the active chair and secretary. */
  @Transactional(readOnly = true)
  public Routing routing(long councilId) {
    Council council = records.council(councilId);
    String chair = null;
    String secretary = null;
    for (CouncilMember m : records.activeMembers(councilId)) {
      if (m.getRole() == CouncilRole.CHAIR) {
        chair = m.getUsername();
      } else if (m.getRole() == CouncilRole.SECRETARY) {
        secretary = m.getUsername();
      }
    }
    return new Routing(records.taskOf(council).getInvestigator(), chair, secretary);
  }

  /**
   * Records the declaration of {@code member} (the task's assignee); returns true when the member
   * declared a conflict.
   */
  public boolean declare(long councilId, String member, Boolean noConflict, String note,
      Actor actor, String taskId) {
    Problems problems = new Problems();
    problems.require(noConflict != null, "noConflict", "chọn cam kết về xung đột lợi ích");
    problems.require(!Boolean.FALSE.equals(noConflict) || note != null, "note",
        "nêu lý do xung đột lợi ích");
    problems.throwIfAny();
    CouncilMember row = records.activeMember(councilId, member);
    row.declare(!noConflict, note, records.now());
    ResearchTask task = records.taskOf(records.council(councilId));
    if (noConflict) {
      records.log(task, actor, "NO_CONFLICT_DECLARED",
          row.getFullName() + " cam kết không xung đột lợi ích", taskId);
      return false;
    }
    records.log(task, actor, "CONFLICT_DECLARED", row.getFullName() + " ("
        + row.getRole().label() + ") có xung đột lợi ích: " + note
        + ". Đề nghị lãnh đạo chỉ định người thay thế.", taskId);
    records.notify(List.of(Groups.LANH_DAO), task, "Cần chỉ định thành viên hội đồng thay thế",
        row.getFullName() + " (" + row.getRole().label()
            + ") rút khỏi hội đồng vì xung đột lợi ích.");
    return true;
  }

  /** The member who replaces one that declared a conflict, with the role taken over. */
  public record Replacement(String username, CouncilRole role) {}

  /**
   * Replaces {@code member}, who must be an active member that declared a conflict of interest
   * (the model's element variable, checked against the council's entities).
   */
  public Replacement replace(long councilId, String member, String replacement, Actor actor,
      String taskId) {
    Council council = records.council(councilId);
    ResearchTask task = records.taskOf(council);
    CouncilMember old = records.activeMember(councilId, member);
    if (!Boolean.TRUE.equals(old.getConflict())) {
      throw new IllegalStateException(member + " declared no conflict of interest in council "
          + councilId + " and cannot be replaced");
    }
    Problems problems = new Problems();
    problems.require(replacement != null, "replacement", "chọn thành viên thay thế");
    problems.throwIfAny();
    Expert expert = experts.findById(replacement).orElse(null);
    List<CouncilMember> current = members.findByCouncilIdOrderByIdAsc(councilId);
    if (expert == null) {
      problems.add("replacement", "'" + replacement + "' không có trong danh sách chuyên gia");
    } else if (current.stream().anyMatch(m -> m.getUsername().equals(replacement))) {
      problems.add("replacement", expert.getFullName() + " đã có trong hội đồng này");
    } else if (ResearchRecords.sameOrganisation(expert.getOrganisation(),
        task.getHostOrganisation())) {
      problems.add("replacement", expert.getFullName() + " thuộc cơ quan chủ trì ("
          + task.getHostOrganisation() + "), không được tham gia hội đồng");
    }
    problems.throwIfAny();
    old.replaceBy(replacement);
    members.save(new CouncilMember(councilId, expert, old.getRole()));
    records.log(task, actor, "MEMBER_REPLACED", old.getFullName() + " được thay bằng "
        + expert.getFullName() + " (" + old.getRole().label() + ")", taskId);
    return new Replacement(replacement, old.getRole());
  }

  /**
   * Records the ballot of {@code member} (the task's assignee): scores of the criteria of the
   * task's rules regime, each from 0 to its maximum.
   */
  public void score(long councilId, String member, List<Integer> scores, String comment,
      Actor actor, String taskId) {
    Problems problems = new Problems();
    List<RuleRegime.Criterion> criteria = records.rules(records.taskOf(records.council(councilId)))
        .criteria();
    int[] values = new int[criteria.size()];
    for (int i = 0; i < values.length; i++) {
      RuleRegime.Criterion criterion = criteria.get(i);
      Integer score = i < scores.size() ? scores.get(i) : null;
      if (score == null) {
        problems.add(criterion.key(), "chấm điểm tiêu chí " + criterion.label());
      } else if (score < 0 || score > criterion.max()) {
        problems.add(criterion.key(), "điểm tiêu chí " + criterion.label() + " từ 0 đến "
            + criterion.max());
      } else {
        values[i] = score;
      }
    }
    problems.require(comment != null, "comment", "ghi nhận xét");
    refuseLateBallot(records.council(councilId));
    problems.throwIfAny();
    CouncilMember row = records.activeMember(councilId, member);
    row.score(new Ballot(member, values), comment, records.now());
    records.log(records.taskOf(records.council(councilId)), actor, "BALLOT_CAST",
        row.getFullName() + " đã chấm điểm", taskId);
  }

  /**
   * A ballot after the council concluded, or after its ballot deadline, is refused (409) and
   * nothing is stored (issue 18, ADR 0030).
   */
  void refuseLateBallot(Council council) {
    if (council.getStatus() == Council.Status.CONCLUDED) {
      throw new ConflictException("Hội đồng đã kết luận; phiếu chấm điểm không còn được nhận",
          Map.of("councilId", council.getId()));
    }
    if (council.getBallotDueAt() != null && records.now().isAfter(council.getBallotDueAt())) {
      throw new ConflictException("Đã quá hạn chấm điểm của hội đồng ("
          + records.date(council.getBallotDueAt()) + "); phiếu chấm điểm không được ghi nhận",
          Map.of("councilId", council.getId(), "ballotDueAt", council.getBallotDueAt()));
    }
  }

  /**
   * The secretary's minutes: meeting date, members present, and for the assignment council the
   * changes required to the proposal outline.
   */
  public void recordMeeting(long councilId, LocalDate meetingDate, List<String> present,
      Boolean revisionsRequired, String requiredRevisions, String notes, Actor actor,
      String taskId) {
    Council council = records.council(councilId);
    List<CouncilMember> active = records.activeMembers(councilId);
    Set<String> ids = active.stream().map(CouncilMember::getUsername).collect(Collectors.toSet());
    Problems problems = new Problems();
    problems.require(meetingDate != null, "meetingDate", "nhập ngày họp");
    problems.require(meetingDate == null || !meetingDate.isAfter(records.today()), "meetingDate",
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
    ResearchTask task = records.taskOf(council);
    if (council.getKind() == CouncilKind.ASSIGNMENT) {
      task.requireRevisions(Boolean.TRUE.equals(revisionsRequired) ? requiredRevisions : null);
    }
    records.log(task, actor, "MEETING_RECORDED", "Họp ngày "
        + ImplementationRules.formatDate(meetingDate) + ", có mặt " + here.size() + "/"
        + active.size() + " thành viên", taskId);
  }

  /** The assignment council's conclusion (or the lack of a quorum). */
  public record CouncilConclusion(boolean quorumMet, Verdict verdict, Instant revisionDue,
      Instant revisionReminder) {}

  /**
   * Enforces the quorum, discards ballots further from the mean than the regime allows, computes the inputs of
   * council-verdict and applies it. The reasons (read by the investigator) count the discarded
   * ballots without naming whose they are: ballots stay secret.
   */
  public CouncilConclusion concludeAssignmentCouncil(long councilId) {
    Council council = records.council(councilId);
    ResearchTask task = records.taskOf(council);
    List<CouncilMember> active = records.activeMembers(councilId);
    RuleRegime rules = records.rules(task);
    String quorumProblem = ResearchRecords.quorumProblem(rules, active);
    if (quorumProblem != null) {
      council.quorumFailed(quorumProblem);
      records.log(task, Actor.SYSTEM, "QUORUM_NOT_MET", quorumProblem, null);
      return new CouncilConclusion(false, null, null, null);
    }
    List<CouncilMember> present = active.stream()
        .filter(m -> Boolean.TRUE.equals(m.getPresent())).toList();
    List<Ballot> ballots = present.stream().map(CouncilMember::ballot)
        .filter(Objects::nonNull).toList();
    CouncilRules.Evaluation evaluation = CouncilRules.evaluate(rules, ballots,
        present.size());
    present.forEach(m -> m.markBallotValid(m.ballot() == null ? null
        : !evaluation.invalidBallots().contains(m.getUsername())));
    boolean revisionsRequired = task.getRequiredRevisions() != null;
    ResearchDecisions.VerdictResult result = decisions.councilVerdict(rules, evaluation.meanScore(),
        evaluation.maxZeroShare(), revisionsRequired);
    council.concluded(result.verdict().name(), evaluation.meanScore(), evaluation.maxZeroShare(),
        records.now());
    String reasons = String.format(java.util.Locale.ROOT,
        "%s. Điểm trung bình phiếu hợp lệ %.2f; tỷ lệ lớn nhất cho điểm 0 một tiêu chí %.2f;"
            + " số phiếu không hợp lệ (lệch quá %s so với điểm trung bình): %d", result.reason(),
        evaluation.meanScore(), evaluation.maxZeroShare(),
        rules.fraction(RuleKey.BALLOT_DEVIATION), evaluation.invalidBallots().size());
    Instant due = null;
    Instant reminder = null;
    if (result.verdict() == Verdict.ASSIGN_AFTER_REVISION) {
      LocalDate dueDay = council.getMeetingDate().plusDays(rules.integer(RuleKey.REVISION_DAYS));
      due = calendar.endOfWorkingDay(dueDay.atStartOfDay(records.zone()).toInstant(), 0);
      reminder = dueDay.minusDays(rules.integer(RuleKey.REVISION_REMINDER_DAYS))
          .atTime(8, 0).atZone(records.zone()).toInstant();
    }
    task.councilConcluded(result.verdict(), reasons, task.getRequiredRevisions(), due);
    if (result.verdict() == Verdict.ASSIGN) {
      task.moveTo(ResearchStage.BUDGET_AND_CONTRACT);
    }
    records.log(task, Actor.SYSTEM, "COUNCIL_CONCLUDED", result.verdict().label() + ". "
        + reasons, null);
    if (result.verdict() != Verdict.REJECT) {
      records.notify(List.of(Groups.PHONG_KHTC), task, "Thẩm định kinh phí",
          "Hội đồng kết luận: " + result.verdict().label() + ".");
    }
    return new CouncilConclusion(true, result.verdict(), due, reminder);
  }

  public void submitRevision(long id, String responseNote, Actor actor, String taskId) {
    ResearchTask task = records.task(id);
    Problems problems = new Problems();
    problems.require(responseNote != null, "responseNote", "nhập báo cáo giải trình");
    Instant since = councils.findByResearchTaskIdOrderByIdAsc(id).stream()
        .filter(c -> c.getKind() == CouncilKind.ASSIGNMENT && c.getDecidedAt() != null)
        .map(Council::getDecidedAt).reduce((a, b) -> b).orElse(task.getSubmittedAt());
    problems.require(documents.countSince(id, DocumentKind.REVISED_OUTLINE, since) > 0,
        "documents", "chưa tải lên thuyết minh đã chỉnh sửa (loại REVISED_OUTLINE) sau khi họp"
            + " hội đồng");
    problems.throwIfAny();
    records.log(task, actor, "REVISION_SUBMITTED", responseNote, taskId);
  }

  /** The secretary's check or the chair's confirmation; returns whether it was accepted. */
  public boolean reviewRevision(long id, Boolean accepted, String comment, CouncilRole who,
      Actor actor, String taskId) {
    Problems.requireDecision(accepted, comment, "accepted");
    ResearchTask task = records.task(id);
    records.log(task, actor, accepted ? "REVISION_ACCEPTED" : "REVISION_RETURNED",
        who.label() + (accepted ? " chấp nhận thuyết minh" : " yêu cầu sửa tiếp")
            + (comment == null ? "" : ": " + comment), taskId);
    if (accepted && who == CouncilRole.CHAIR) {
      task.moveTo(ResearchStage.BUDGET_AND_CONTRACT);
    }
    return accepted;
  }
}
