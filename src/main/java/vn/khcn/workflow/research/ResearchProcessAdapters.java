package vn.khcn.workflow.research;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.khcn.workflow.identity.ActorResolver;
import vn.khcn.workflow.research.AcceptanceProcess.Beans;
import vn.khcn.workflow.shared.process.InvalidTaskInputException;
import vn.khcn.workflow.shared.process.VariableValues;
import vn.khcn.workflow.shared.process.WorkflowStep;

/**
 * The beans the four research models call (names in the descriptors' {@code Beans}). Each reads
 * its variables, calls one method of {@link ResearchSteps} and writes the results back: gateway
 * variables on the process instance, a council member's variables on the member's instance.
 */
@Configuration(proxyBeanMethods = false)
class ResearchProcessAdapters {

  private static final String RT = ResearchTaskProcess.Vars.RESEARCH_TASK_ID;

  private final ResearchSteps steps;
  private final ResearchQueries queries;
  private final ActorResolver actors;
  private final Clock clock;

  ResearchProcessAdapters(ResearchSteps steps, ResearchQueries queries, ActorResolver actors,
      Clock clock) {
    this.steps = steps;
    this.queries = queries;
    this.actors = actors;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ shared

  @Bean(ResearchTaskProcess.Beans.VIEW_LISTENER)
  @WorkflowStep
  TaskListener researchViewListener() {
    return task -> {
      long id = id(task);
      task.setVariableLocal(ResearchTaskProcess.Vars.RESEARCH_VIEW, queries.view(id));
      // Tasklist's list columns: task-local copies, readable by whoever may see the task
      for (String column : List.of(ResearchTaskProcess.Vars.TASK_CODE,
          ResearchTaskProcess.Vars.SUMMARY)) {
        task.setVariableLocal(column, task.getVariable(column));
      }
      String key = task.getTaskDefinitionKey();
      if (AssignmentCouncilProcess.Tasks.APPOINT_COUNCIL.equals(key)
          || AcceptanceProcess.Tasks.APPOINT_COUNCIL.equals(key)
          || AssignmentCouncilProcess.Tasks.APPOINT_REPLACEMENT.equals(key)) {
        task.setVariableLocal(ResearchTaskProcess.Vars.EXPERT_OPTIONS, queries.expertOptions(id));
      }
      if (AssignmentCouncilProcess.Tasks.RECORD_MEETING.equals(key)
          || AcceptanceProcess.Tasks.RECORD_MEETING.equals(key)) {
        task.setVariableLocal(ResearchTaskProcess.Vars.MEMBER_OPTIONS,
            queries.memberOptions(councilId(task)));
      }
    };
  }

  @Bean(ResearchTaskProcess.Beans.REMIND)
  @WorkflowStep
  JavaDelegate researchReminderStep() {
    return execution -> steps.remind(id(execution),
        (String) execution.getVariable(ResearchTaskProcess.Vars.STAGE));
  }

  @Bean(ResearchTaskProcess.Beans.ESCALATE)
  @WorkflowStep
  JavaDelegate researchEscalationStep() {
    return execution -> steps.escalate(id(execution),
        (String) execution.getVariable(ResearchTaskProcess.Vars.STAGE));
  }

  // ------------------------------------------------------------------ research-task

  @Bean(ResearchTaskProcess.Beans.DOSSIER_CHECK)
  @WorkflowStep
  TaskListener dossierCheckListener() {
    return task -> {
      Boolean valid = input(() -> VariableValues.bool(task.getVariable("valid")), "valid");
      Long days = input(() -> VariableValues.whole(task.getVariable("resubmitDays")),
          "resubmitDays");
      Instant due = steps.checkDossier(id(task), valid, text(task, "missingItems"),
          days == null ? null : days.intValue(), actors.current(task), task.getId());
      set(task, ResearchTaskProcess.Vars.DOSSIER_VALID, valid);
      if (due != null) {
        set(task, ResearchTaskProcess.Vars.RESUBMIT_DUE_DATE, Date.from(due));
      }
    };
  }

  @Bean(ResearchTaskProcess.Beans.DOSSIER_RESUBMITTED)
  @WorkflowStep
  TaskListener dossierResubmittedListener() {
    return task -> steps.resubmitDossier(id(task), text(task, "note"), actors.current(task),
        task.getId());
  }

  @Bean(ResearchTaskProcess.Beans.CLOSE_NOT_ASSIGNED)
  @WorkflowStep
  JavaDelegate closeNotAssignedStep() {
    return execution -> steps.closeNotAssigned(id(execution));
  }

  @Bean(ResearchTaskProcess.Beans.BUDGET_APPRAISAL)
  @WorkflowStep
  TaskListener budgetAppraisalListener() {
    return task -> {
      Long budget = input(() -> VariableValues.whole(task.getVariable("approvedBudget")),
          "approvedBudget");
      Instant due = steps.appraiseBudget(id(task), budget, text(task, "appraisalNote"),
          actors.current(task), task.getId());
      set(task, ResearchTaskProcess.Vars.BUDGET_DECISION_DUE_DATE, Date.from(due));
    };
  }

  @Bean(ResearchTaskProcess.Beans.BUDGET_DECISION)
  @WorkflowStep
  TaskListener budgetDecisionListener() {
    return task -> set(task, ResearchTaskProcess.Vars.BUDGET_APPROVED,
        steps.decideBudget(id(task), bool(task, "approved"), text(task, "comment"),
            actors.current(task), task.getId()));
  }

  @Bean(ResearchTaskProcess.Beans.CONTRACT)
  @WorkflowStep
  TaskListener contractListener() {
    return task -> {
      Long amount = input(() -> VariableValues.whole(task.getVariable("contractAmount")),
          "contractAmount");
      ResearchSteps.ContractSchedule schedule = steps.recordContract(id(task),
          text(task, "contractNumber"), date(task, "contractDate"), amount,
          date(task, "contractStart"), date(task, "contractEnd"), actors.current(task),
          task.getId());
      set(task, ResearchTaskProcess.Vars.CONTRACT_END_DATE, Date.from(schedule.end()));
      set(task, ResearchTaskProcess.Vars.MIDTERM_DATE, Date.from(schedule.midterm()));
      set(task, ResearchTaskProcess.Vars.PROGRESS_CYCLE, schedule.progressCycle());
    };
  }

  @Bean(ResearchTaskProcess.Beans.PROGRESS_REPORT)
  @WorkflowStep
  TaskListener progressReportListener() {
    return task -> steps.submitReport(id(task), ReportKind.PROGRESS, text(task, "report"),
        actors.current(task), task.getId());
  }

  @Bean(ResearchTaskProcess.Beans.PROGRESS_REVIEW)
  @WorkflowStep
  TaskListener progressReviewListener() {
    return task -> set(task, ResearchTaskProcess.Vars.REPORT_ACCEPTED,
        steps.reviewProgressReport(id(task), bool(task, "accepted"), text(task, "comment"),
            actors.current(task), task.getId()));
  }

  @Bean(ResearchTaskProcess.Beans.EXTENSION_DECISION)
  @WorkflowStep
  TaskListener extensionDecisionListener() {
    return task -> {
      Object request = task.getVariable(ResearchTaskProcess.Vars.EXTENSION_REQUEST_ID);
      LocalDate newEnd = steps.decideExtension(id(task), ((Number) request).longValue(),
          bool(task, "approved"), text(task, "comment"), actors.current(task), task.getId());
      if (newEnd != null) {
        set(task, ResearchTaskProcess.Vars.CONTRACT_END_DATE,
            Date.from(newEnd.atTime(17, 0).atZone(clock.getZone()).toInstant()));
      }
    };
  }

  @Bean(ResearchTaskProcess.Beans.FINAL_DOSSIER)
  @WorkflowStep
  TaskListener finalDossierListener() {
    return task -> set(task, ResearchTaskProcess.Vars.MONTHS_LATE,
        steps.submitFinalDossier(id(task), text(task, "note"), actors.current(task), task.getId()));
  }

  @Bean(ResearchTaskProcess.Beans.CLOSE_TERMINATED)
  @WorkflowStep
  JavaDelegate closeTerminatedStep() {
    return execution -> steps.closeTerminated(id(execution));
  }

  @Bean(ResearchTaskProcess.Beans.ARCHIVE_FAILED)
  @WorkflowStep
  JavaDelegate archiveFailedStep() {
    return execution -> steps.archiveFailed(id(execution));
  }

  @Bean(ResearchTaskProcess.Beans.RESULT_REGISTRATION)
  @WorkflowStep
  TaskListener resultRegistrationListener() {
    return task -> steps.registerResult(id(task), text(task, "registrationNumber"),
        date(task, "registrationDate"), actors.current(task), task.getId());
  }

  @Bean(ResearchTaskProcess.Beans.LIQUIDATION)
  @WorkflowStep
  TaskListener liquidationListener() {
    return task -> {
      Long settled = input(() -> VariableValues.whole(task.getVariable("settledAmount")),
          "settledAmount");
      steps.liquidate(id(task), text(task, "liquidationNumber"), date(task, "liquidationDate"),
          settled, actors.current(task), task.getId());
    };
  }

  @Bean(ResearchTaskProcess.Beans.ARCHIVE)
  @WorkflowStep
  JavaDelegate archiveResearchStep() {
    return execution -> steps.archive(id(execution));
  }

  // ------------------------------------------------------------------ councils (both kinds)

  @Bean(AssignmentCouncilProcess.Beans.APPOINTMENT)
  @WorkflowStep
  TaskListener councilAppointmentListener() {
    return task -> appoint(task, CouncilKind.ASSIGNMENT);
  }

  @Bean(Beans.APPOINTMENT)
  @WorkflowStep
  TaskListener acceptanceCouncilListener() {
    return task -> appoint(task, CouncilKind.ACCEPTANCE);
  }

  private void appoint(DelegateTask task, CouncilKind kind) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String field : List.of(AssignmentCouncilProcess.Vars.CHAIR_FIELD,
        AssignmentCouncilProcess.Vars.VICE_CHAIR_FIELD,
        AssignmentCouncilProcess.Vars.SECRETARY_FIELD, AssignmentCouncilProcess.Vars.REVIEWER_1,
        AssignmentCouncilProcess.Vars.REVIEWER_2, "member1", "member2", "member3", "member4")) {
      fields.put(field, text(task, field));
    }
    ResearchSteps.AppointedCouncil council = steps.appointCouncil(id(task), kind, fields,
        actors.current(task), task.getId());
    set(task, AssignmentCouncilProcess.Vars.COUNCIL_ID, council.councilId());
    set(task, AssignmentCouncilProcess.Vars.COUNCIL_MEMBERS, new ArrayList<>(council.members()));
    set(task, AssignmentCouncilProcess.Vars.CHAIR, council.chair());
    set(task, AssignmentCouncilProcess.Vars.SECRETARY, council.secretary());
    set(task, AssignmentCouncilProcess.Vars.BALLOT_DUE_DATE, Date.from(council.ballotDue()));
  }

  @Bean(AssignmentCouncilProcess.Beans.DECLARATION)
  @WorkflowStep
  TaskListener conflictDeclarationListener() {
    return task -> {
      boolean conflict = steps.declare(councilId(task), member(task), bool(task, "noConflict"),
          text(task, "note"), actors.current(task), task.getId());
      task.getExecution().setVariable(AssignmentCouncilProcess.Vars.CONFLICT, conflict);
    };
  }

  @Bean(AssignmentCouncilProcess.Beans.REPLACEMENT)
  @WorkflowStep
  TaskListener replacementListener() {
    return task -> {
      ResearchSteps.Replacement replacement = steps.replace(councilId(task), member(task),
          text(task, "replacement"), actors.current(task), task.getId());
      DelegateExecution execution = task.getExecution();
      execution.setVariable(AssignmentCouncilProcess.Vars.MEMBER, replacement.username());
      execution.setVariable(AssignmentCouncilProcess.Vars.CONFLICT, false);
      if (replacement.role() == CouncilRole.CHAIR) {
        execution.getProcessInstance().setVariable(AssignmentCouncilProcess.Vars.CHAIR,
            replacement.username());
      } else if (replacement.role() == CouncilRole.SECRETARY) {
        execution.getProcessInstance().setVariable(AssignmentCouncilProcess.Vars.SECRETARY,
            replacement.username());
      }
    };
  }

  @Bean(AssignmentCouncilProcess.Beans.BALLOT)
  @WorkflowStep
  TaskListener ballotListener() {
    return task -> {
      List<Integer> scores = new ArrayList<>();
      for (Criteria.Criterion criterion : Criteria.ALL) {
        Long score = input(() -> VariableValues.whole(task.getVariable(criterion.variable())),
            criterion.variable());
        scores.add(score == null ? null : Math.toIntExact(Math.max(Math.min(score, 1000), -1000)));
      }
      steps.score(councilId(task), member(task), scores, text(task, "comment"),
          actors.current(task), task.getId());
    };
  }

  @Bean(Beans.GRADE)
  @WorkflowStep
  TaskListener gradeListener() {
    return task -> steps.grade(councilId(task), member(task), text(task, "memberGrade"),
        text(task, "comment"), actors.current(task), task.getId());
  }

  @Bean(AssignmentCouncilProcess.Beans.MEETING)
  @WorkflowStep
  TaskListener meetingListener() {
    return task -> steps.recordMeeting(councilId(task), date(task, "meetingDate"),
        presentList(task), bool(task, "revisionsRequired"), text(task, "requiredRevisions"),
        text(task, "notes"), actors.current(task), task.getId());
  }

  @Bean(Beans.MEETING)
  @WorkflowStep
  TaskListener acceptanceMeetingListener() {
    return task -> steps.recordMeeting(councilId(task), date(task, "meetingDate"),
        presentList(task), null, null, text(task, "notes"), actors.current(task), task.getId());
  }

  private static List<String> presentList(DelegateTask task) {
    Object value = task.getVariable("present");
    return value == null ? null : VariableValues.stringList(value);
  }

  @Bean(AssignmentCouncilProcess.Beans.EVALUATE)
  @WorkflowStep
  JavaDelegate evaluateCouncilStep() {
    return execution -> {
      ResearchSteps.CouncilConclusion conclusion = steps.concludeAssignmentCouncil(
          councilId(execution));
      execution.setVariable(AssignmentCouncilProcess.Vars.QUORUM_MET, conclusion.quorumMet());
      if (conclusion.verdict() != null) {
        execution.setVariable(ResearchTaskProcess.Vars.VERDICT, conclusion.verdict().name());
      }
      if (conclusion.revisionDue() != null) {
        execution.setVariable(AssignmentCouncilProcess.Vars.REVISION_DUE_DATE,
            Date.from(conclusion.revisionDue()));
        execution.setVariable(AssignmentCouncilProcess.Vars.REVISION_REMINDER_DATE,
            Date.from(conclusion.revisionReminder()));
      }
    };
  }

  @Bean(AssignmentCouncilProcess.Beans.REVISION_SUBMITTED)
  @WorkflowStep
  TaskListener revisionSubmittedListener() {
    return task -> steps.submitRevision(id(task), text(task, "responseNote"),
        actors.current(task), task.getId());
  }

  @Bean(AssignmentCouncilProcess.Beans.REVISION_VERIFIED)
  @WorkflowStep
  TaskListener revisionVerificationListener() {
    return task -> set(task, AssignmentCouncilProcess.Vars.REVISION_ACCEPTED,
        steps.reviewRevision(id(task), bool(task, "accepted"), text(task, "comment"),
            CouncilRole.SECRETARY, actors.current(task), task.getId()));
  }

  @Bean(AssignmentCouncilProcess.Beans.REVISION_CONFIRMED)
  @WorkflowStep
  TaskListener revisionConfirmationListener() {
    return task -> {
      // the secretary accepted; the chair's answer decides
      boolean accepted = steps.reviewRevision(id(task), bool(task, "accepted"),
          text(task, "comment"), CouncilRole.CHAIR, actors.current(task), task.getId());
      set(task, AssignmentCouncilProcess.Vars.REVISION_ACCEPTED, accepted);
    };
  }

  // ------------------------------------------------------------------ midterm-evaluation

  @Bean(MidtermEvaluationProcess.Beans.OPEN)
  @WorkflowStep
  JavaDelegate openMidtermStep() {
    return execution -> execution.setVariable(MidtermEvaluationProcess.Vars.REPORT_DUE_DATE,
        Date.from(steps.openMidterm(id(execution))));
  }

  @Bean(MidtermEvaluationProcess.Beans.REPORT)
  @WorkflowStep
  TaskListener midtermReportListener() {
    return task -> steps.submitReport(id(task), ReportKind.MIDTERM, text(task, "report"),
        actors.current(task), task.getId());
  }

  @Bean(MidtermEvaluationProcess.Beans.FINDINGS)
  @WorkflowStep
  TaskListener midtermFindingsListener() {
    return task -> {
      Long budget = input(() -> VariableValues.whole(task.getVariable("adjustedBudget")),
          "adjustedBudget");
      Long recovery = input(() -> VariableValues.whole(task.getVariable("recoveryAmount")),
          "recoveryAmount");
      ResearchSteps.MidtermFindings findings = steps.recordMidtermFindings(id(task),
          text(task, "findings"), text(task, "outcome"), date(task, "newEndDate"), budget,
          text(task, "contentChanges"), recovery, actors.current(task), task.getId());
      DelegateExecution instance = task.getExecution().getProcessInstance();
      instance.setVariable(MidtermEvaluationProcess.Vars.MIDTERM_OUTCOME, findings.outcome().name());
      instance.setVariable(MidtermEvaluationProcess.Vars.PENDING_END_DATE,
          findings.newEnd() == null ? null : findings.newEnd().toString());
      instance.setVariable(MidtermEvaluationProcess.Vars.PENDING_BUDGET, findings.adjustedBudget());
      instance.setVariable(MidtermEvaluationProcess.Vars.PENDING_RECOVERY,
          findings.recoveryAmount());
    };
  }

  @Bean(MidtermEvaluationProcess.Beans.ADJUSTMENT_DECISION)
  @WorkflowStep
  TaskListener adjustmentDecisionListener() {
    return task -> set(task, MidtermEvaluationProcess.Vars.ADJUSTMENT_APPROVED,
        steps.decideMidterm(id(task), "điều chỉnh", bool(task, "approved"), text(task, "comment"),
            actors.current(task), task.getId()));
  }

  @Bean(MidtermEvaluationProcess.Beans.TERMINATION_DECISION)
  @WorkflowStep
  TaskListener terminationDecisionListener() {
    return task -> set(task, MidtermEvaluationProcess.Vars.TERMINATION_APPROVED,
        steps.decideMidterm(id(task), "chấm dứt", bool(task, "approved"), text(task, "comment"),
            actors.current(task), task.getId()));
  }

  @Bean(MidtermEvaluationProcess.Beans.APPLY_ADJUSTMENT)
  @WorkflowStep
  JavaDelegate applyAdjustmentStep() {
    return execution -> {
      Object end = execution.getVariable(MidtermEvaluationProcess.Vars.PENDING_END_DATE);
      Object budget = execution.getVariable(MidtermEvaluationProcess.Vars.PENDING_BUDGET);
      Instant newEnd = steps.applyAdjustment(id(execution),
          end == null ? null : LocalDate.parse(end.toString()),
          budget == null ? null : ((Number) budget).longValue());
      execution.setVariable(ResearchTaskProcess.Vars.CONTRACT_END_DATE, Date.from(newEnd));
    };
  }

  @Bean(MidtermEvaluationProcess.Beans.TERMINATE)
  @WorkflowStep
  JavaDelegate terminateResearchStep() {
    return execution -> {
      Object amount = execution.getVariable(MidtermEvaluationProcess.Vars.PENDING_RECOVERY);
      steps.terminate(id(execution), amount == null ? null : ((Number) amount).longValue());
    };
  }

  // ------------------------------------------------------------------ acceptance

  @Bean(Beans.OPEN)
  @WorkflowStep
  JavaDelegate openAcceptanceStep() {
    return execution -> execution.setVariable(AcceptanceProcess.Vars.APPOINTMENT_DUE_DATE,
        Date.from(steps.openAcceptance(id(execution))));
  }

  @Bean(Beans.DECIDE)
  @WorkflowStep
  JavaDelegate decideGradeStep() {
    return execution -> {
      ResearchSteps.GradeConclusion conclusion = steps.concludeAcceptanceCouncil(
          councilId(execution));
      execution.setVariable(AssignmentCouncilProcess.Vars.QUORUM_MET, conclusion.quorumMet());
      if (conclusion.grade() != null) {
        execution.setVariable(AcceptanceProcess.Vars.GRADE, conclusion.grade().name());
      }
      if (conclusion.fixDue() != null) {
        execution.setVariable(AcceptanceProcess.Vars.FIX_DUE_DATE, Date.from(conclusion.fixDue()));
      }
    };
  }

  @Bean(Beans.FIX)
  @WorkflowStep
  TaskListener dossierFixListener() {
    return task -> steps.fixDossier(id(task), text(task, "note"), actors.current(task),
        task.getId());
  }

  @Bean(Beans.FIX_CONFIRMATION)
  @WorkflowStep
  TaskListener fixConfirmationListener() {
    return task -> set(task, AcceptanceProcess.Vars.FIXES_CONFIRMED,
        steps.confirmFixes(id(task), bool(task, "accepted"), text(task, "comment"),
            actors.current(task), task.getId()));
  }

  @Bean(Beans.REFUND)
  @WorkflowStep
  TaskListener refundListener() {
    return task -> {
      Long amount = input(() -> VariableValues.whole(task.getVariable("refundAmount")),
          "refundAmount");
      steps.recordRefund(id(task), amount, text(task, "note"), actors.current(task), task.getId());
    };
  }

  @Bean(Beans.RESTRICT)
  @WorkflowStep
  JavaDelegate restrictPartiesStep() {
    return execution -> steps.restrictParties(id(execution));
  }

  // ------------------------------------------------------------------ helpers

  static long id(VariableScope scope) {
    Object id = scope.getVariable(RT);
    if (!(id instanceof Number number)) {
      throw new IllegalStateException("Process variable " + RT + " is missing");
    }
    return number.longValue();
  }

  static long councilId(VariableScope scope) {
    Object id = scope.getVariable(AssignmentCouncilProcess.Vars.COUNCIL_ID);
    if (!(id instanceof Number number)) {
      throw new IllegalStateException("Process variable councilId is missing");
    }
    return number.longValue();
  }

  private static String member(DelegateTask task) {
    return (String) task.getVariable(AssignmentCouncilProcess.Vars.MEMBER);
  }

  /** Sets a variable where gateways and timers see it: on the process instance. */
  private static void set(DelegateTask task, String name, Object value) {
    task.getExecution().getProcessInstance().setVariable(name, value);
  }

  private static String text(DelegateTask task, String name) {
    return VariableValues.string(task.getVariable(name));
  }

  private static Boolean bool(DelegateTask task, String name) {
    return input(() -> VariableValues.bool(task.getVariable(name)), name);
  }

  private LocalDate date(DelegateTask task, String name) {
    return input(() -> VariableValues.localDate(task.getVariable(name), clock.getZone()), name);
  }

  /** A conversion of a person's input; a value that cannot be converted is invalid input. */
  private static <T> T input(Supplier<T> conversion, String field) {
    try {
      return conversion.get();
    } catch (IllegalArgumentException e) {
      throw new InvalidTaskInputException(List.of(field + ": " + e.getMessage()));
    }
  }
}
