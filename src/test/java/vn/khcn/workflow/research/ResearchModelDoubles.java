package vn.khcn.workflow.research;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;
import vn.khcn.workflow.research.AssignmentCouncilProcess.Vars;
import vn.khcn.workflow.shared.process.VariableValues;

/**
 * The test doubles of the research models' beans, honouring the contract of the real adapters
 * (the same variables to the same scopes), and what the steps would conclude (quorum, verdict,
 * grade...), decided by the test through the fields below; the engine is in
 * {@link ResearchModelSupport}.
 */
abstract class ResearchModelDoubles {

  static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  static final String CODE = "DT-2026-07";
  static final long RESEARCH_TASK_ID = 7L;
  static final String INVESTIGATOR = "chunhiem";
  static final long ASSIGNMENT_COUNCIL_ID = 11L;
  static final long ACCEPTANCE_COUNCIL_ID = 12L;
  /** The council appointed by {@link #appointCouncilForm()}: chair, vice chair, secretary,
      reviewers. */
  static final List<String> MEMBERS = List.of("cg.an", "cg.binh", "cg.chi", "cg.dung", "cg.giang");
  /** The budget appraisal team: leader first. */
  static final List<String> TEAM = List.of("ld.to", "tp.pho", "stc.tv", "tv.hd", "cv.thuky");

  /** Calls of the doubles (all but the view listener): "bean [detail]". */
  final List<String> calls = new ArrayList<>();

  // ---- what the steps conclude, decided by the test
  /** evaluateCouncilStep / decideGradeStep: the last meeting had a quorum. */
  boolean quorumMet = true;
  /** evaluateCouncilStep: the council-verdict result. */
  String verdict = "ASSIGN";
  /** selectionRouteStep: DIRECT, CALL or CLOSED (competitive selection, ADR 0029). */
  String selectionRoute = "DIRECT";
  /** decideGradeStep: the acceptance-grade result. */
  String grade = "DAT";
  /** finalDossierListener: whole months after the contract end. */
  int monthsLate = 0;
  /** extensionDecisionListener: the new end when the extension is granted. */
  LocalDate extendedEnd = LocalDate.parse("2029-05-31");

  // ------------------------------------------------------------------ doubles

  void registerDoubles() {
    // shared
    Mocks.register(ResearchTaskProcess.Beans.VIEW_LISTENER, (TaskListener) task ->
        task.setVariableLocal(ResearchTaskProcess.Vars.RESEARCH_VIEW.name(),
            "Nhiệm vụ " + task.getVariable(ResearchTaskProcess.Vars.TASK_CODE.name())));
    Mocks.register(AssignmentCouncilProcess.Beans.REMIND, stageStep(AssignmentCouncilProcess.Beans.REMIND));
    Mocks.register(AssignmentCouncilProcess.Beans.ESCALATE,
        stageStep(AssignmentCouncilProcess.Beans.ESCALATE));

    Mocks.register(AssignmentCouncilProcess.Beans.SELECTION_ROUTE, (JavaDelegate) execution -> {
      execution.setVariable(AssignmentCouncilProcess.Vars.SELECTION_ROUTE.name(), selectionRoute);
      if ("CLOSED".equals(selectionRoute)) {
        execution.setVariable(ResearchTaskProcess.Vars.VERDICT.name(), "REJECT");
      }
    });

    // research-task
    Mocks.register(ResearchTaskProcess.Beans.DOSSIER_CHECK, (TaskListener) task -> {
      Boolean valid = VariableValues.bool(task.getVariable(ResearchTaskProcess.Vars.VALID.name()));
      Long days = VariableValues.whole(task.getVariable(ResearchTaskProcess.Vars.RESUBMIT_DAYS.name()));
      set(task, ResearchTaskProcess.Vars.DOSSIER_VALID.name(), valid);
      if (!valid) {
        set(task, ResearchTaskProcess.Vars.RESUBMIT_DUE_DATE.name(),
            in(Duration.ofDays(days == null ? 10 : days)));
      }
      calls.add(ResearchTaskProcess.Beans.DOSSIER_CHECK + " " + valid);
    });
    Mocks.register(ResearchTaskProcess.Beans.DOSSIER_RESUBMITTED,
        recording(ResearchTaskProcess.Beans.DOSSIER_RESUBMITTED));
    Mocks.register(ResearchTaskProcess.Beans.CLOSE_NOT_ASSIGNED,
        step(ResearchTaskProcess.Beans.CLOSE_NOT_ASSIGNED));
    Mocks.register(ResearchTaskProcess.Beans.APPRAISAL_TEAM, (TaskListener) task -> {
      set(task, ResearchTaskProcess.Vars.APPRAISAL_TEAM.name(), new java.util.ArrayList<>(TEAM));
      set(task, ResearchTaskProcess.Vars.APPRAISAL_LEADER.name(), TEAM.get(0));
      calls.add(ResearchTaskProcess.Beans.APPRAISAL_TEAM);
    });
    Mocks.register(ResearchTaskProcess.Beans.APPRAISAL_OPINION, (TaskListener) task ->
        calls.add(ResearchTaskProcess.Beans.APPRAISAL_OPINION + " " + task.getAssignee()));
    Mocks.register(ResearchTaskProcess.Beans.BUDGET_APPRAISAL, (TaskListener) task -> {
      set(task, ResearchTaskProcess.Vars.BUDGET_DECISION_DUE_DATE.name(), in(Duration.ofDays(3)));
      calls.add(ResearchTaskProcess.Beans.BUDGET_APPRAISAL + " "
          + VariableValues.whole(task.getVariable(ResearchTaskProcess.Vars.APPROVED_BUDGET.name())));
    });
    Mocks.register(ResearchTaskProcess.Beans.BUDGET_DECISION, decision(
        ResearchTaskProcess.Beans.BUDGET_DECISION, ResearchTaskProcess.Vars.APPROVED.name(),
            ResearchTaskProcess.Vars.BUDGET_APPROVED.name()));
    Mocks.register(ResearchTaskProcess.Beans.CONTRACT, (TaskListener) task -> {
      LocalDate start = VariableValues.localDate(task.getVariable(ResearchTaskProcess.Vars.CONTRACT_START.name()), ZONE);
      LocalDate end = VariableValues.localDate(task.getVariable(ResearchTaskProcess.Vars.CONTRACT_END.name()), ZONE);
      long months = ChronoUnit.MONTHS.between(start, end);
      set(task, ResearchTaskProcess.Vars.CONTRACT_END_DATE.name(), endOf(end));
      set(task, ResearchTaskProcess.Vars.MIDTERM_DATE.name(),
          Date.from(start.plusMonths(months / 2).atTime(8, 0).atZone(ZONE).toInstant()));
      set(task, ResearchTaskProcess.Vars.PROGRESS_CYCLE.name(),
          "R" + (months / 6) + "/" + start.plusMonths(6) + "T08:00+07:00/P6M");
      calls.add(ResearchTaskProcess.Beans.CONTRACT + " " + task.getVariable(ResearchTaskProcess.Vars.CONTRACT_NUMBER.name()));
    });
    Mocks.register(ResearchTaskProcess.Beans.PROGRESS_REPORT,
        recording(ResearchTaskProcess.Beans.PROGRESS_REPORT));
    Mocks.register(ResearchTaskProcess.Beans.PROGRESS_REVIEW, decision(
        ResearchTaskProcess.Beans.PROGRESS_REVIEW, ResearchTaskProcess.Vars.ACCEPTED.name(),
            ResearchTaskProcess.Vars.REPORT_ACCEPTED.name()));
    Mocks.register(ResearchTaskProcess.Beans.EXTENSION_DECISION, (TaskListener) task -> {
      Object request = task.getVariable(ResearchTaskProcess.Vars.EXTENSION_REQUEST_ID.name());
      boolean approved = VariableValues.bool(task.getVariable(ResearchTaskProcess.Vars.APPROVED.name()));
      if (approved) {
        set(task, ResearchTaskProcess.Vars.CONTRACT_END_DATE.name(), endOf(extendedEnd));
      }
      calls.add(ResearchTaskProcess.Beans.EXTENSION_DECISION + " " + ((Number) request).longValue()
          + " " + approved);
    });
    Mocks.register(ResearchTaskProcess.Beans.FINAL_DOSSIER, (TaskListener) task -> {
      set(task, ResearchTaskProcess.Vars.MONTHS_LATE.name(), monthsLate);
      calls.add(ResearchTaskProcess.Beans.FINAL_DOSSIER);
    });
    Mocks.register(ResearchTaskProcess.Beans.CLOSE_TERMINATED,
        step(ResearchTaskProcess.Beans.CLOSE_TERMINATED));
    Mocks.register(ResearchTaskProcess.Beans.ARCHIVE_FAILED,
        step(ResearchTaskProcess.Beans.ARCHIVE_FAILED));
    Mocks.register(ResearchTaskProcess.Beans.FAIL_MISSING_DOSSIER,
        step(ResearchTaskProcess.Beans.FAIL_MISSING_DOSSIER));
    Mocks.register(ResearchTaskProcess.Beans.RESULT_REGISTRATION,
        recording(ResearchTaskProcess.Beans.RESULT_REGISTRATION));
    Mocks.register(ResearchTaskProcess.Beans.LIQUIDATION,
        recording(ResearchTaskProcess.Beans.LIQUIDATION));
    Mocks.register(ResearchTaskProcess.Beans.ARCHIVE, step(ResearchTaskProcess.Beans.ARCHIVE));

    // councils
    Mocks.register(AssignmentCouncilProcess.Beans.APPOINTMENT,
        appointment(AssignmentCouncilProcess.Beans.APPOINTMENT, ASSIGNMENT_COUNCIL_ID));
    Mocks.register(AcceptanceProcess.Beans.APPOINTMENT,
        appointment(AcceptanceProcess.Beans.APPOINTMENT, ACCEPTANCE_COUNCIL_ID));
    Mocks.register(AssignmentCouncilProcess.Beans.DECLARATION, (TaskListener) task -> {
      boolean conflict = !VariableValues.bool(task.getVariable(Vars.NO_CONFLICT.name()));
      task.getExecution().setVariable(Vars.CONFLICT.name(), conflict);
      calls.add(AssignmentCouncilProcess.Beans.DECLARATION + " " + member(task) + " " + conflict);
    });
    Mocks.register(AssignmentCouncilProcess.Beans.REPLACEMENT, (TaskListener) task -> {
      String replaced = member(task);
      String replacement = VariableValues.string(task.getVariable(Vars.REPLACEMENT.name()));
      DelegateExecution execution = task.getExecution();
      execution.setVariable(Vars.MEMBER.name(), replacement);
      execution.setVariable(Vars.CONFLICT.name(), false);
      if (replaced.equals(execution.getProcessInstance().getVariable(Vars.CHAIR.name()))) {
        execution.getProcessInstance().setVariable(Vars.CHAIR.name(), replacement);
      } else if (replaced.equals(execution.getProcessInstance().getVariable(Vars.SECRETARY.name()))) {
        execution.getProcessInstance().setVariable(Vars.SECRETARY.name(), replacement);
      }
      calls.add(AssignmentCouncilProcess.Beans.REPLACEMENT + " " + replaced + " " + replacement);
    });
    Mocks.register(AssignmentCouncilProcess.Beans.BALLOT,
        memberRecording(AssignmentCouncilProcess.Beans.BALLOT));
    Mocks.register(AcceptanceProcess.Beans.GRADE, memberRecording(AcceptanceProcess.Beans.GRADE));
    Mocks.register(AssignmentCouncilProcess.Beans.MEETING,
        recording(AssignmentCouncilProcess.Beans.MEETING));
    Mocks.register(AcceptanceProcess.Beans.MEETING, recording(AcceptanceProcess.Beans.MEETING));
    Mocks.register(AssignmentCouncilProcess.Beans.EVALUATE, (JavaDelegate) execution -> {
      councilId(execution);
      execution.setVariable(Vars.QUORUM_MET.name(), quorumMet);
      if (quorumMet) {
        execution.setVariable(ResearchTaskProcess.Vars.VERDICT.name(), verdict);
        if ("ASSIGN_AFTER_REVISION".equals(verdict)) {
          execution.setVariable(Vars.REVISION_DUE_DATE.name(), in(Duration.ofDays(20)));
          execution.setVariable(Vars.REVISION_REMINDER_DATE.name(), in(Duration.ofDays(17)));
        }
      }
      calls.add(AssignmentCouncilProcess.Beans.EVALUATE + " " + quorumMet);
    });
    Mocks.register(AssignmentCouncilProcess.Beans.REVISION_SUBMITTED,
        recording(AssignmentCouncilProcess.Beans.REVISION_SUBMITTED));
    Mocks.register(AssignmentCouncilProcess.Beans.REVISION_VERIFIED, decision(
        AssignmentCouncilProcess.Beans.REVISION_VERIFIED, ResearchTaskProcess.Vars.ACCEPTED.name(),
            Vars.REVISION_ACCEPTED.name()));
    Mocks.register(AssignmentCouncilProcess.Beans.REVISION_CONFIRMED, decision(
        AssignmentCouncilProcess.Beans.REVISION_CONFIRMED,
            ResearchTaskProcess.Vars.ACCEPTED.name(), Vars.REVISION_ACCEPTED.name()));

    // midterm-evaluation
    Mocks.register(MidtermEvaluationProcess.Beans.OPEN, (JavaDelegate) execution -> {
      execution.setVariable(MidtermEvaluationProcess.Vars.REPORT_DUE_DATE.name(),
          in(Duration.ofDays(14)));
      calls.add(MidtermEvaluationProcess.Beans.OPEN);
    });
    Mocks.register(MidtermEvaluationProcess.Beans.REPORT,
        recording(MidtermEvaluationProcess.Beans.REPORT));
    Mocks.register(MidtermEvaluationProcess.Beans.FINDINGS, (TaskListener) task -> {
      String outcome = VariableValues.string(task.getVariable(MidtermEvaluationProcess.Vars.OUTCOME.name()));
      DelegateExecution instance = task.getExecution().getProcessInstance();
      instance.setVariable(MidtermEvaluationProcess.Vars.MIDTERM_OUTCOME.name(), outcome);
      instance.setVariable(MidtermEvaluationProcess.Vars.PENDING_END_DATE.name(),
          VariableValues.string(task.getVariable(MidtermEvaluationProcess.Vars.NEW_END_DATE.name())));
      instance.setVariable(MidtermEvaluationProcess.Vars.PENDING_BUDGET.name(),
          VariableValues.whole(task.getVariable(MidtermEvaluationProcess.Vars.ADJUSTED_BUDGET.name())));
      instance.setVariable(MidtermEvaluationProcess.Vars.PENDING_RECOVERY.name(),
          VariableValues.whole(task.getVariable(MidtermEvaluationProcess.Vars.RECOVERY_AMOUNT.name())));
      calls.add(MidtermEvaluationProcess.Beans.FINDINGS + " " + outcome);
    });
    Mocks.register(MidtermEvaluationProcess.Beans.ADJUSTMENT_DECISION, decision(
        MidtermEvaluationProcess.Beans.ADJUSTMENT_DECISION,
            ResearchTaskProcess.Vars.APPROVED.name(),
        MidtermEvaluationProcess.Vars.ADJUSTMENT_APPROVED.name()));
    Mocks.register(MidtermEvaluationProcess.Beans.TERMINATION_DECISION, decision(
        MidtermEvaluationProcess.Beans.TERMINATION_DECISION,
            ResearchTaskProcess.Vars.APPROVED.name(),
        MidtermEvaluationProcess.Vars.TERMINATION_APPROVED.name()));
    Mocks.register(MidtermEvaluationProcess.Beans.APPLY_ADJUSTMENT, (JavaDelegate) execution -> {
      Object end = execution.getVariable(MidtermEvaluationProcess.Vars.PENDING_END_DATE.name());
      execution.setVariable(ResearchTaskProcess.Vars.CONTRACT_END_DATE.name(),
          endOf(LocalDate.parse(end.toString())));
      calls.add(MidtermEvaluationProcess.Beans.APPLY_ADJUSTMENT + " " + end + " "
          + execution.getVariable(MidtermEvaluationProcess.Vars.PENDING_BUDGET.name()));
    });
    Mocks.register(MidtermEvaluationProcess.Beans.TERMINATE, (JavaDelegate) execution -> {
      id(execution);
      calls.add(MidtermEvaluationProcess.Beans.TERMINATE + " "
          + execution.getVariable(MidtermEvaluationProcess.Vars.PENDING_RECOVERY.name()));
    });

    // acceptance
    Mocks.register(AcceptanceProcess.Beans.OPEN, (JavaDelegate) execution -> {
      execution.setVariable(AcceptanceProcess.Vars.APPOINTMENT_DUE_DATE.name(),
          in(Duration.ofDays(21)));
      calls.add(AcceptanceProcess.Beans.OPEN + " " + execution.getVariable("monthsLate"));
    });
    Mocks.register(AcceptanceProcess.Beans.DECIDE, (JavaDelegate) execution -> {
      councilId(execution);
      execution.setVariable(Vars.QUORUM_MET.name(), quorumMet);
      if (quorumMet) {
        execution.setVariable(AcceptanceProcess.Vars.GRADE.name(), grade);
        if (!"KHONG_DAT".equals(grade)) {
          execution.setVariable(AcceptanceProcess.Vars.FIX_DUE_DATE.name(),
              in(Duration.ofDays(42)));
        }
      }
      calls.add(AcceptanceProcess.Beans.DECIDE + " " + quorumMet);
    });
    Mocks.register(AcceptanceProcess.Beans.FIX, recording(AcceptanceProcess.Beans.FIX));
    Mocks.register(AcceptanceProcess.Beans.FIX_CONFIRMATION, decision(
        AcceptanceProcess.Beans.FIX_CONFIRMATION, ResearchTaskProcess.Vars.ACCEPTED.name(),
            AcceptanceProcess.Vars.FIXES_CONFIRMED.name()));
    Mocks.register(AcceptanceProcess.Beans.REFUND, (TaskListener) task -> calls.add(
        AcceptanceProcess.Beans.REFUND + " " + VariableValues.whole(task.getVariable(AcceptanceProcess.Vars.DISBURSED_AMOUNT.name()))
            + "/" + VariableValues.whole(task.getVariable(AcceptanceProcess.Vars.SPENT_AMOUNT.name()))));
    Mocks.register(AcceptanceProcess.Beans.RESTRICT, step(AcceptanceProcess.Beans.RESTRICT));
  }

  /** A council appointment: the active members are the filled fields, in the form's order. */
  private TaskListener appointment(String bean, long councilId) {
    return task -> {
      id(task);
      List<String> members = new ArrayList<>();
      for (vn.khcn.workflow.shared.process.Variable<String> field : Vars.ROLE_FIELDS) {
        String user = field.get(task);
        if (user != null && !user.isBlank()) {
          members.add(user);
        }
      }
      set(task, Vars.COUNCIL_ID.name(), councilId);
      set(task, Vars.COUNCIL_MEMBERS.name(), members);
      set(task, Vars.CHAIR.name(),
          VariableValues.string(task.getVariable(Vars.CHAIR_FIELD.name())));
      set(task, Vars.SECRETARY.name(),
          VariableValues.string(task.getVariable(Vars.SECRETARY_FIELD.name())));
      set(task, Vars.BALLOT_DUE_DATE.name(), in(Duration.ofDays(14)));
      calls.add(bean + " " + members);
    };
  }

  /** A decision listener: the task-local boolean input becomes a process variable. */
  private TaskListener decision(String bean, String input, String processVariable) {
    return task -> {
      Boolean value = VariableValues.bool(task.getVariable(input));
      if (value == null) {
        throw new IllegalArgumentException(input + " is required");
      }
      set(task, processVariable, value);
      calls.add(bean + " " + value);
    };
  }

  private TaskListener recording(String bean) {
    return task -> {
      id(task);
      calls.add(bean);
    };
  }

  private TaskListener memberRecording(String bean) {
    return task -> {
      councilId(task);
      calls.add(bean + " " + member(task));
    };
  }

  private JavaDelegate step(String bean) {
    return execution -> {
      id(execution);
      calls.add(bean);
    };
  }

  private JavaDelegate stageStep(String bean) {
    return execution -> {
      id(execution);
      calls.add(bean + " " + execution.getVariable(ResearchTaskProcess.Vars.STAGE.name()));
    };
  }

  /** As the real adapters: fails when the research task id was not passed down. */
  private static long id(org.camunda.bpm.engine.delegate.VariableScope scope) {
    return ResearchAdapters.researchTaskId(scope);
  }

  private static long councilId(org.camunda.bpm.engine.delegate.VariableScope scope) {
    return ResearchAdapters.councilId(scope);
  }

  private static String member(DelegateTask task) {
    return (String) task.getVariable(Vars.MEMBER.name());
  }

  /** Where the real adapters set gateway variables: on the process instance. */
  private static void set(DelegateTask task, String name, Object value) {
    task.getExecution().getProcessInstance().setVariable(name, value);
  }

  static Date in(Duration duration) {
    return Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration));
  }

  static Date endOf(LocalDate day) {
    return Date.from(day.atTime(17, 0).atZone(ZONE).toInstant());
  }
}
