package vn.khcn.workflow.research;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.Groups;

/** The steps of midterm-evaluation: report, findings, the director's approval, applying it. */
@Service
@Transactional
class MidtermEvaluationSteps {

  private final ResearchRecords records;
  private final ResearchReportRepository reports;
  private final ExtensionRequestRepository extensions;
  private final WorkingCalendar calendar;

  MidtermEvaluationSteps(ResearchRecords records, ResearchReportRepository reports,
      ExtensionRequestRepository extensions, WorkingCalendar calendar) {
    this.records = records;
    this.reports = reports;
    this.extensions = extensions;
    this.calendar = calendar;
  }

  /** Opens a mid-term evaluation; returns the due date of the investigator's report. */
  public Instant openMidterm(long id) {
    ResearchTask task = records.task(id);
    task.moveTo(ResearchStage.MIDTERM_EVALUATION);
    records.log(task, Actor.SYSTEM, "MIDTERM_OPENED", "Mở đánh giá giữa kỳ", null);
    return calendar.endOfWorkingDay(records.now(),
        records.rules(task).integer(RuleKey.MIDTERM_REPORT_WORKING_DAYS));
  }

  public void submitMidtermReport(long id, String content, Actor actor, String taskId) {
    new Problems().require(content != null, "report", "nhập nội dung báo cáo").throwIfAny();
    ResearchTask task = records.task(id);
    reports.save(new ResearchReport(id, ReportKind.MIDTERM, content, actor.userId(),
        records.now()));
    records.log(task, actor, "MIDTERM_REPORTED", ReportKind.MIDTERM.label(), taskId);
  }

  /** Findings of the mid-term evaluation, validated for the chosen outcome. */
  public record MidtermFindings(MidtermOutcome outcome, LocalDate newEnd, Long adjustedBudget,
      Long recoveryAmount) {}

  public MidtermFindings recordMidtermFindings(long id, String findings, String outcome,
      LocalDate newEnd, Long adjustedBudget, String contentChanges, Long recoveryAmount,
      Actor actor, String taskId) {
    ResearchTask task = records.task(id);
    Problems problems = new Problems();
    problems.require(findings != null, "findings", "nhập kết quả kiểm tra, đánh giá");
    MidtermOutcome value;
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
      if (newEnd != null && newEnd.isAfter(task.getContractEnd())) {
        scheduleProblems(task, newEnd).forEach(p -> problems.add("newEndDate", p.message()));
      }
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
    String text = findings
        + (contentChanges == null ? "" : "\nNội dung điều chỉnh: " + contentChanges);
    task.midtermConcluded(value, text);
    records.log(task, actor, "MIDTERM_FINDINGS", value.label() + ": " + text, taskId);
    if (value != MidtermOutcome.CONTINUE) {
      records.notify(List.of(Groups.LANH_DAO), task, "Chờ phê duyệt kết quả giữa kỳ",
          "Kết luận đánh giá giữa kỳ: " + value.label() + ".");
    } else {
      task.moveTo(ResearchStage.IMPLEMENTATION);
    }
    return new MidtermFindings(value, value == MidtermOutcome.ADJUST ? newEnd : null,
        value == MidtermOutcome.ADJUST ? adjustedBudget : null,
        value == MidtermOutcome.TERMINATE ? recoveryAmount : null);
  }

  /**
   * A later end at mid-term is the task's one extension (TT 04/2015; ADR 0022): refused when the
   * extension is used or pending, when it comes later than the notice before the end, or when it
   * adds more months than the regime allows for the contract's duration.
   */
  private List<vn.khcn.workflow.shared.web.ApiError.FieldError> scheduleProblems(ResearchTask task,
      LocalDate newEnd) {
    int months = ImplementationRules.monthsAdded(task.getContractEnd(), newEnd);
    return ImplementationRules.extensionProblems(records.rules(task),
        ImplementationRules.contractMonths(task.getContractStart(), task.getContractEnd()),
        task.getContractEnd(), months, records.today(),
        ImplementationRules.extensionsUsed(extensions.findByResearchTaskIdOrderByIdAsc(
            task.getId()), task.getExtendedMonths())).stream()
        .map(p -> new vn.khcn.workflow.shared.web.ApiError.FieldError(p.field(),
            "điều chỉnh thời hạn giữa kỳ được tính là lần gia hạn: " + p.message()))
        .toList();
  }

  /** A director's decision on an adjustment or a termination ({@code what}). */
  public boolean decideMidterm(long id, String what, Boolean approved, String comment,
      Actor actor, String taskId) {
    Problems.requireDecision(approved, comment, "approved");
    records.log(records.task(id), actor, approved ? "MIDTERM_APPROVED" : "MIDTERM_RETURNED",
        (approved ? "Phê duyệt " : "Trả lại ") + what + (comment == null ? "" : ": " + comment),
        taskId);
    return approved;
  }

  /** Applies the approved adjustment; returns the contract end (17:00 that day). */
  public Instant applyAdjustment(long id, LocalDate newEnd, Long newBudget) {
    ResearchTask task = records.task(id);
    if (newEnd != null && newEnd.isAfter(task.getContractEnd())) {
      task.extensionUsed(ImplementationRules.monthsAdded(task.getContractEnd(), newEnd));
    }
    task.adjust(newEnd, newBudget);
    records.log(task, Actor.SYSTEM, "ADJUSTED", "Điều chỉnh: kết thúc "
        + ImplementationRules.formatDate(task.getContractEnd()) + ", kinh phí "
        + ResearchRecords.money(task.getApprovedBudget()), null);
    return records.endOf(task.getContractEnd());
  }

  public void terminate(long id, Long recoveryAmount) {
    ResearchTask task = records.task(id);
    task.terminate(recoveryAmount, "Chấm dứt sau đánh giá giữa kỳ; kinh phí thu hồi "
        + ResearchRecords.money(recoveryAmount), records.now());
    records.log(task, Actor.SYSTEM, "TERMINATED", "Chấm dứt; kinh phí thu hồi "
        + ResearchRecords.money(recoveryAmount), null);
  }
}
