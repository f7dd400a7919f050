package vn.khcn.workflow.research;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.identity.EngineAuthentication;
import vn.khcn.workflow.identity.Groups;

/**
 * The morning check of the investigators' deadlines, on working days only (ADR 0022): a progress
 * report not submitted is reminded, then escalated to phong-qlkh, by the working days of the
 * task's rules regime; a final dossier not submitted by the contract end plus the grace period is
 * escalated to phong-qlkh and the directors, and past the fail threshold fails the task (message
 * {@value ResearchTaskProcess#FINAL_DOSSIER_MISSING_MESSAGE}). Each reminder and escalation is
 * written once (the trail, under the task's row lock), so a second run or a second node sends none.
 */
@Component
class ResearchDeadlines {

  private static final Logger LOG = LoggerFactory.getLogger(ResearchDeadlines.class);
  static final String REPORT_REMINDED = "REPORT_REMINDED";
  static final String REPORT_OVERDUE = "REPORT_OVERDUE";
  static final String FINAL_DOSSIER_OVERDUE = "FINAL_DOSSIER_OVERDUE";

  private final ResearchTaskRepository tasks;
  private final ResearchTrailRepository trail;
  private final ResearchRecords records;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final WorkingCalendar calendar;
  private final TransactionTemplate transaction;
  private final Clock clock;

  ResearchDeadlines(ResearchTaskRepository tasks, ResearchTrailRepository trail,
      ResearchRecords records, TaskService taskService, RuntimeService runtimeService,
      IdentityService identityService, WorkingCalendar calendar,
      PlatformTransactionManager transactionManager, Clock clock) {
    this.tasks = tasks;
    this.trail = trail;
    this.records = records;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.calendar = calendar;
    this.transaction = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** When a progress report is due and when it is reminded, counted in working days. */
  record ReportDue(LocalDate remindOn, LocalDate due) {}

  static ReportDue reportDue(RuleRegime rules, WorkingCalendar calendar, LocalDate opened) {
    int days = rules.integer(RuleKey.REPORT_DUE_WORKING_DAYS);
    int before = rules.integer(RuleKey.REPORT_REMINDER_WORKING_DAYS);
    return new ReportDue(calendar.addWorkingDays(opened, Math.max(0, days - before)),
        calendar.addWorkingDays(opened, days));
  }

  /** What the final dossier's lateness calls for on {@code today}. */
  enum DossierAction { NONE, ESCALATE, FAIL }

  static DossierAction dossierAction(RuleRegime rules, LocalDate contractEnd, LocalDate today) {
    if (!today.isBefore(ImplementationRules.failDay(rules, contractEnd))) {
      return DossierAction.FAIL;
    }
    return today.isAfter(ImplementationRules.graceEnd(rules, contractEnd))
        ? DossierAction.ESCALATE : DossierAction.NONE;
  }

  @Scheduled(cron = "${khcn.research.deadline-cron:0 20 8 * * *}",
      zone = "${khcn.time-zone:Asia/Ho_Chi_Minh}")
  void scheduled() {
    check();
  }

  /** Runs the check now; returns how many reminders, escalations and failures it made. */
  int check() {
    LocalDate today = LocalDate.now(clock);
    if (!calendar.isWorkingDay(today)) {
      return 0;
    }
    int done = 0;
    for (Task report : openReports()) {
      try {
        done += Boolean.TRUE.equals(transaction.execute(s -> report(report, today))) ? 1 : 0;
      } catch (RuntimeException e) {
        LOG.warn("Progress report deadline of task {} not checked: {}", report.getId(), e);
      }
    }
    for (Long id : tasks.awaitingFinalDossier(ResearchStatus.ACTIVE,
        List.of(ResearchStage.IMPLEMENTATION, ResearchStage.MIDTERM_EVALUATION))) {
      try {
        done += Boolean.TRUE.equals(transaction.execute(s -> finalDossier(id, today))) ? 1 : 0;
      } catch (RuntimeException e) {
        LOG.warn("Final dossier deadline of research task {} not checked: {}", id, e);
      }
    }
    return done;
  }

  private List<Task> openReports() {
    return EngineAuthentication.withoutAuthentication(identityService, () ->
        taskService.createTaskQuery().processDefinitionKey(ResearchTaskProcess.KEY)
            .taskDefinitionKey(ResearchTaskProcess.Tasks.SUBMIT_PROGRESS_REPORT).list());
  }

  private boolean report(Task report, LocalDate today) {
    Object id = EngineAuthentication.withoutAuthentication(identityService, () ->
        runtimeService.getVariable(report.getExecutionId(),
            ResearchTaskProcess.Vars.RESEARCH_TASK_ID.name()));
    ResearchTask task = tasks.lockById(((Number) id).longValue()).orElseThrow();
    LocalDate opened = calendar.countingDay(report.getCreateTime().toInstant());
    ReportDue due = reportDue(records.rules(task), calendar, opened);
    if (report.getDueDate() == null) {
      EngineAuthentication.withoutAuthentication(identityService, () -> {
        taskService.setDueDate(report.getId(), Date.from(calendar.officeEnd(due.due())));
        return null;
      });
    }
    String when = ImplementationRules.formatDate(due.due());
    if (today.isAfter(due.due())) {
      return once(task, REPORT_OVERDUE, report.getId(), "Báo cáo định kỳ quá hạn (hạn " + when
          + ")", List.of(Groups.PHONG_QLKH), "Quá hạn: báo cáo định kỳ",
          "Chủ nhiệm chưa nộp báo cáo định kỳ, hạn " + when + "; đề nghị đôn đốc.");
    }
    if (!today.isBefore(due.remindOn())) {
      return once(task, REPORT_REMINDED, report.getId(), "Nhắc nộp báo cáo định kỳ (hạn " + when
          + ")", List.of(Groups.PHONG_QLKH), "Nhắc hạn: báo cáo định kỳ",
          "Báo cáo định kỳ của chủ nhiệm đến hạn ngày " + when + ".");
    }
    return false;
  }

  private boolean finalDossier(long id, LocalDate today) {
    ResearchTask task = tasks.lockById(id).orElseThrow();
    if (task.getFinalDossierAt() != null || task.getContractEnd() == null) {
      return false;
    }
    RuleRegime rules = records.rules(task);
    DossierAction action = dossierAction(rules, task.getContractEnd(), today);
    boolean waiting = action == DossierAction.FAIL && waitsForDossier(task);
    if (waiting) {
      records.log(task, Actor.SYSTEM, "FINAL_DOSSIER_FAIL_THRESHOLD", "Quá "
          + rules.integer(RuleKey.LATE_DOSSIER_FAIL_MONTHS) + " tháng sau ngày kết thúc hợp đồng ("
          + ImplementationRules.formatDate(task.getContractEnd())
          + ") chưa nộp hồ sơ nghiệm thu", null);
      EngineAuthentication.withoutAuthentication(identityService, () ->
          runtimeService.createMessageCorrelation(
              ResearchTaskProcess.FINAL_DOSSIER_MISSING_MESSAGE)
              .processInstanceId(task.getProcessInstanceId()).correlateWithResult());
      return true;
    }
    if (action == DossierAction.NONE) {
      return false;
    }
    LocalDate graceEnd = ImplementationRules.graceEnd(rules, task.getContractEnd());
    return once(task, FINAL_DOSSIER_OVERDUE, null, "Quá hạn nộp hồ sơ nghiệm thu (hết ngày "
        + ImplementationRules.formatDate(graceEnd) + ")",
        List.of(Groups.PHONG_QLKH, Groups.LANH_DAO), "Quá hạn: hồ sơ nghiệm thu",
        "Chủ nhiệm chưa nộp hồ sơ nghiệm thu; hạn là ngày " + ImplementationRules.formatDate(
            graceEnd) + ". Nộp chậm quá " + rules.integer(RuleKey.LATE_DOSSIER_FAIL_MONTHS)
            + " tháng sau ngày kết thúc hợp đồng thì nhiệm vụ không đạt.");
  }

  private boolean waitsForDossier(ResearchTask task) {
    return EngineAuthentication.withoutAuthentication(identityService, () ->
        runtimeService.createEventSubscriptionQuery().processInstanceId(
            task.getProcessInstanceId()).eventName(
                ResearchTaskProcess.FINAL_DOSSIER_MISSING_MESSAGE).count() > 0);
  }

  private boolean once(ResearchTask task, String action, String engineTaskId, String detail,
      List<String> groups, String subject, String body) {
    if (trail.existsByResearchTaskIdAndActionAndCamundaTaskId(task.getId(), action,
        engineTaskId)) {
      return false;
    }
    records.log(task, Actor.SYSTEM, action, detail, engineTaskId);
    records.notify(groups, task, subject, body);
    return true;
  }
}
