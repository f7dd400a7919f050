package vn.khcn.workflow.research;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.shared.process.ProcessDescriptor;
import vn.khcn.workflow.shared.process.UserTaskContract;

/** Descriptor of {@code processes/midterm-evaluation.bpmn} (called by research-task). */
@Component
public final class MidtermEvaluationProcess implements ProcessDescriptor {

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
    public static final String OPEN = "openMidtermStep";
    public static final String REPORT = "midtermReportListener";
    public static final String FINDINGS = "midtermFindingsListener";
    public static final String ADJUSTMENT_DECISION = "adjustmentDecisionListener";
    public static final String TERMINATION_DECISION = "terminationDecisionListener";
    public static final String APPLY_ADJUSTMENT = "applyAdjustmentStep";
    public static final String TERMINATE = "terminateResearchStep";

    private Beans() {}
  }

  /** Variables. */
  public static final class Vars {
    /** Date: deadline of the mid-term report (10 working days). */
    public static final String REPORT_DUE_DATE = "midtermReportDueDate";
    /** Task-local form inputs of recordMidtermFindings. */
    public static final String FINDINGS = "findings";
    public static final String OUTCOME = "outcome";
    public static final String NEW_END_DATE = "newEndDate";
    public static final String ADJUSTED_BUDGET = "adjustedBudget";
    public static final String CONTENT_CHANGES = "contentChanges";
    public static final String RECOVERY_AMOUNT = "recoveryAmount";
    /** String: CONTINUE, ADJUST or TERMINATE; passed out to research-task. */
    public static final String MIDTERM_OUTCOME = ResearchTaskProcess.Vars.MIDTERM_OUTCOME;
    /** String (ISO date), Long, Long: what the findings propose, applied once a director approves. */
    public static final String PENDING_END_DATE = "pendingEndDate";
    public static final String PENDING_BUDGET = "pendingBudget";
    public static final String PENDING_RECOVERY = "pendingRecovery";
    /** Boolean. */
    public static final String ADJUSTMENT_APPROVED = "adjustmentApproved";
    /** Boolean. */
    public static final String TERMINATION_APPROVED = "terminationApproved";

    private Vars() {}
  }

  public static final int REPORT_WORKING_DAYS = 10;

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Collection<UserTaskContract> userTasks() {
    return List.of();
  }

  @Override
  public Set<String> taskViewCopies() {
    return ResearchTaskProcess.Vars.TASK_VIEW_COPIES;
  }

  @Override
  public boolean calledOnly() {
    return true;
  }

  MidtermEvaluationProcess() {}
}
