package vn.khcn.workflow.research;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.shared.process.UserTaskContract;
import vn.khcn.workflow.shared.process.Variable;

/** Descriptor of {@code processes/midterm-evaluation.bpmn} (called by research-task). */
@Component
public final class MidtermEvaluationProcess extends CalledResearchModel {

  public static final String KEY = "midterm-evaluation";

  /** Task definition keys. */
  public static final class Tasks {
    public static final String SUBMIT_MIDTERM_REPORT = "submitMidtermReport";
    public static final String RECORD_FINDINGS = "recordMidtermFindings";
    public static final String APPROVE_ADJUSTMENT = "approveAdjustment";
    public static final String APPROVE_TERMINATION = "approveTermination";

    private Tasks() {}
  }

  /** Element ids. */
  public static final class Elements {
    public static final String END_CONTINUE = "endEvent_continue";
    public static final String END_ADJUSTED = "endEvent_adjusted";
    public static final String END_TERMINATED = "endEvent_terminated";

    private Elements() {}
  }

  /** Beans. */
  public static final class Beans {
    public static final String VIEW_LISTENER = ResearchTaskProcess.Beans.VIEW_LISTENER;
    public static final String OPEN = "openMidtermStep";
    public static final String REPORT = "midtermReportListener";
    public static final String FINDINGS = "midtermFindingsListener";
    public static final String ADJUSTMENT_DECISION = "adjustmentDecisionListener";
    public static final String TERMINATION_DECISION = "terminationDecisionListener";
    public static final String APPLY_ADJUSTMENT = "applyAdjustmentStep";
    public static final String TERMINATE = "terminateResearchStep";

    private Beans() {}
  }

  /** Variables, typed. */
  public static final class Vars {
    /** Deadline of the mid-term report (10 working days). */
    public static final Variable<Date> REPORT_DUE_DATE = Variable.date("midtermReportDueDate");
    /** Form inputs of recordMidtermFindings. */
    public static final Variable<String> FINDINGS = Variable.longText("findings");
    public static final Variable<String> OUTCOME = Variable.text("outcome");
    public static final Variable<LocalDate> NEW_END_DATE = Variable.day("newEndDate");
    public static final Variable<Long> ADJUSTED_BUDGET = Variable.whole("adjustedBudget");
    public static final Variable<String> CONTENT_CHANGES = Variable.text("contentChanges");
    public static final Variable<Long> RECOVERY_AMOUNT = Variable.whole("recoveryAmount");
    /** CONTINUE, ADJUST or TERMINATE; passed out to research-task. */
    public static final Variable<String> MIDTERM_OUTCOME = ResearchTaskProcess.Vars.MIDTERM_OUTCOME;
    /** What the findings propose, applied once a director approves (end date as ISO text). */
    public static final Variable<String> PENDING_END_DATE = Variable.serverText("pendingEndDate");
    public static final Variable<Long> PENDING_BUDGET = Variable.serverWhole("pendingBudget");
    public static final Variable<Long> PENDING_RECOVERY = Variable.serverWhole("pendingRecovery");
    public static final Variable<Boolean> ADJUSTMENT_APPROVED =
        Variable.serverBool("adjustmentApproved");
    public static final Variable<Boolean> TERMINATION_APPROVED =
        Variable.serverBool("terminationApproved");

    private Vars() {}
  }

  /** What a person may submit on each user task: the fields of its form, nothing else. */
  public static final class Contracts {
    private static final String VIEW = ResearchTaskProcess.Vars.RESEARCH_VIEW.name();

    public static final UserTaskContract SUBMIT_MIDTERM_REPORT = UserTaskContract
        .task(Tasks.SUBMIT_MIDTERM_REPORT).form("form_submitMidtermReport", VIEW)
        .inputs(ResearchTaskProcess.Vars.REPORT);
    public static final UserTaskContract RECORD_FINDINGS = UserTaskContract
        .task(Tasks.RECORD_FINDINGS).form("form_recordMidtermFindings", VIEW)
        .inputs(Vars.FINDINGS, Vars.OUTCOME, Vars.NEW_END_DATE, Vars.ADJUSTED_BUDGET,
            Vars.CONTENT_CHANGES, Vars.RECOVERY_AMOUNT);
    public static final UserTaskContract APPROVE_ADJUSTMENT = UserTaskContract
        .task(Tasks.APPROVE_ADJUSTMENT).form("form_approveAdjustment", VIEW)
        .inputs(ResearchTaskProcess.Vars.APPROVED, ResearchTaskProcess.Vars.COMMENT);
    public static final UserTaskContract APPROVE_TERMINATION = UserTaskContract
        .task(Tasks.APPROVE_TERMINATION).form("form_approveTermination", VIEW)
        .inputs(ResearchTaskProcess.Vars.APPROVED, ResearchTaskProcess.Vars.COMMENT);

    static final List<UserTaskContract> ALL = List.of(SUBMIT_MIDTERM_REPORT, RECORD_FINDINGS,
        APPROVE_ADJUSTMENT, APPROVE_TERMINATION);

    private Contracts() {}
  }

  MidtermEvaluationProcess() {
    super(KEY, Set.of(), Contracts.ALL);
  }

}
