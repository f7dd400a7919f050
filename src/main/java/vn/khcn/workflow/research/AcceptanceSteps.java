package vn.khcn.workflow.research;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;
import vn.khcn.workflow.identity.Groups;

/**
 * The steps of acceptance: opening, members' grades, the council's grade, fixes, refund and
 * restrictions (the appointment and the minutes are {@link AssignmentCouncilSteps}'). No engine
 * calls.
 */
@Service
@Transactional
class AcceptanceSteps {

  private final ResearchRecords records;
  private final RestrictionRepository restrictions;
  private final ResearchDecisions decisions;
  private final WorkingCalendar calendar;

  AcceptanceSteps(ResearchRecords records, RestrictionRepository restrictions,
      ResearchDecisions decisions, WorkingCalendar calendar) {
    this.records = records;
    this.restrictions = restrictions;
    this.decisions = decisions;
    this.calendar = calendar;
  }

  /** Returns the deadline of the acceptance council's appointment (15 working days). */
  public Instant openAcceptance(long id) {
    ResearchTask task = records.task(id);
    task.moveTo(ResearchStage.ACCEPTANCE);
    Instant from = task.getFinalDossierAt() == null ? records.now() : task.getFinalDossierAt();
    Instant due = calendar.endOfWorkingDay(from,
        records.rules(task).integer(RuleKey.ACCEPTANCE_COUNCIL_WORKING_DAYS));
    records.log(task, Actor.SYSTEM, "ACCEPTANCE_OPENED", "Hạn thành lập hội đồng nghiệm thu: "
        + records.date(due), null);
    return due;
  }

  /** Records the grade of {@code member} (the task's assignee). */
  public void grade(long councilId, String member, String grade, String comment, Actor actor,
      String taskId) {
    Problems problems = new Problems();
    Grade value;
    try {
      value = grade == null ? null : Grade.valueOf(grade);
    } catch (IllegalArgumentException e) {
      value = null;
    }
    problems.require(value != null, "memberGrade", "chọn Xuất sắc, Đạt hoặc Không đạt");
    problems.require(comment != null, "comment", "ghi nhận xét");
    problems.throwIfAny();
    CouncilMember row = records.activeMember(councilId, member);
    row.grade(value, comment, records.now());
    records.log(records.taskOf(records.council(councilId)), actor, "GRADE_CAST",
        row.getFullName() + " đã xếp loại", taskId);
  }

  /** The acceptance council's grade (or the lack of a quorum). */
  public record GradeConclusion(boolean quorumMet, Grade grade, Instant fixDue) {}

  public GradeConclusion concludeAcceptanceCouncil(long councilId) {
    Council council = records.council(councilId);
    ResearchTask task = records.taskOf(council);
    List<CouncilMember> active = records.activeMembers(councilId);
    RuleRegime rules = records.rules(task);
    String quorumProblem = ResearchRecords.quorumProblem(rules, active);
    if (quorumProblem != null) {
      council.quorumFailed(quorumProblem);
      records.log(task, Actor.SYSTEM, "QUORUM_NOT_MET", quorumProblem, null);
      return new GradeConclusion(false, null, null);
    }
    List<CouncilMember> present = active.stream()
        .filter(m -> Boolean.TRUE.equals(m.getPresent())).toList();
    int excellent = (int) present.stream().filter(m -> m.getGrade() == Grade.XUAT_SAC).count();
    int fail = (int) present.stream().filter(m -> m.getGrade() == Grade.KHONG_DAT).count();
    Grade grade;
    String reason;
    LocalDate submitted = task.getFinalDossierAt() == null ? records.today()
        : task.getFinalDossierAt().atZone(records.zone()).toLocalDate();
    if (ImplementationRules.dossierTooLate(rules, task.getContractEnd(), submitted)) {
      grade = Grade.KHONG_DAT;
      reason = "Hồ sơ nghiệm thu nộp trễ quá " + rules.integer(RuleKey.LATE_DOSSIER_FAIL_MONTHS)
          + " tháng so với ngày kết thúc hợp đồng";
    } else {
      grade = decisions.acceptanceGrade(rules, present.size(), excellent, fail);
      reason = "Có mặt " + present.size() + ", Xuất sắc " + excellent + ", Không đạt " + fail;
    }
    council.concluded(grade.name(), null, null, records.now());
    task.graded(grade);
    records.log(task, Actor.SYSTEM, "GRADED", grade.label() + ". " + reason, null);
    Instant fixDue = grade == Grade.KHONG_DAT ? null
        : calendar.endOfWorkingDay(records.now(), rules.integer(RuleKey.FIX_WORKING_DAYS));
    if (grade == Grade.KHONG_DAT) {
      records.notify(List.of(Groups.PHONG_KHTC), task, "Xác định kinh phí hoàn trả",
          "Nhiệm vụ nghiệm thu không đạt.");
    }
    return new GradeConclusion(true, grade, fixDue);
  }

  public void fixDossier(long id, String note, Actor actor, String taskId) {
    new Problems().require(note != null, "note", "nêu nội dung đã hoàn thiện").throwIfAny();
    records.log(records.task(id), actor, "DOSSIER_FIXED", note, taskId);
  }

  public boolean confirmFixes(long id, Boolean accepted, String comment, Actor actor,
      String taskId) {
    Problems.requireDecision(accepted, comment, "accepted");
    records.log(records.task(id), actor, accepted ? "FIXES_CONFIRMED" : "FIXES_RETURNED",
        (accepted ? "Chủ tịch xác nhận hồ sơ đã hoàn thiện" : "Chủ tịch yêu cầu sửa tiếp")
            + (comment == null ? "" : ": " + comment), taskId);
    return accepted;
  }

  /**
   * The refund on failure, computed by the task's regime from the contract amount and the amounts
   * disbursed and spent (ADR 0030); returns it.
   */
  public RefundRule.Refund recordRefund(long id, Long disbursed, Long spent, String note,
      Actor actor, String taskId) {
    ResearchTask task = records.task(id);
    RefundRule rule = records.rules(task).refund();
    if (rule == null) {
      throw new InvalidTaskInputException(List.of("disbursedAmount: bộ quy định "
          + records.rules(task).code() + " chưa có quy tắc hoàn trả; quản trị viên cần bổ sung"));
    }
    RefundRule.Refund refund = rule.compute(task.getContractAmount(), disbursed, spent);
    new Problems().require(note != null, "note", "nêu căn cứ xác định").throwIfAny();
    task.refund(refund.disbursed(), refund.spent(), refund.total());
    records.log(task, actor, "REFUND_RECORDED", "Hoàn trả " + ResearchRecords.money(refund.total())
        + " (đã cấp " + ResearchRecords.money(refund.disbursed()) + ", đã sử dụng "
        + ResearchRecords.money(refund.spent()) + "; " + rule.describe() + "): " + note, taskId);
    return refund;
  }

  /**
   * Restricts the host organisation (by its tax code) and the investigator (by user id) from later
   * rounds for the regime's period, counted from today.
   */
  public void restrictParties(long id) {
    ResearchTask task = records.task(id);
    String reason = "Nhiệm vụ " + task.getCode() + " nghiệm thu không đạt";
    LocalDate until = records.today().plusMonths(
        records.rules(task).integer(RuleKey.RESTRICTION_MONTHS));
    Restriction.forFailure(task, reason, until, records.now()).forEach(restrictions::save);
    records.log(task, Actor.SYSTEM, "RESTRICTED", "Hạn chế " + task.getHostOrganisation()
        + (task.getHostOrganisationCode() == null ? " (hồ sơ cũ không có mã số thuế: chỉ hạn chế"
            + " chủ nhiệm)" : " (MST " + task.getHostOrganisationCode() + ")")
        + " và chủ nhiệm " + task.getInvestigatorName() + " tham gia các đợt sau đến hết ngày "
        + ImplementationRules.formatDate(until), null);
  }
}
