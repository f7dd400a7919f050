package vn.khcn.workflow.research;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.shared.process.ProcessDescriptor;
import vn.khcn.workflow.shared.process.UserTaskContract;

/**
 * Descriptor of {@code processes/research-task.bpmn}: key, task definition keys, element ids,
 * messages, beans and variables (with their engine types). The business key is the task code
 * ("DT-2026-07"); it is passed down to every called process.
 */
@Component
public final class ResearchTaskProcess implements ProcessDescriptor {

  public static final String KEY = "research-task";
  public static final String MIDTERM_REQUESTED_MESSAGE = "research-midterm-requested";
  public static final String EXTENSION_REQUESTED_MESSAGE = "research-extension-requested";
  public static final String TERMINATED_ERROR = "RESEARCH_TERMINATED";

  /** Task definition keys (= user task ids). */
  public static final class Tasks {
    public static final String CHECK_DOSSIER = "checkDossier";
    public static final String RESUBMIT_DOSSIER = "resubmitDossier";
    public static final String APPRAISE_BUDGET = "appraiseBudget";
    public static final String APPROVE_BUDGET = "approveBudget";
    public static final String RECORD_CONTRACT = "recordContract";
    public static final String SUBMIT_PROGRESS_REPORT = "submitProgressReport";
    public static final String REVIEW_PROGRESS_REPORT = "reviewProgressReport";
    public static final String DECIDE_EXTENSION = "decideExtension";
    public static final String SUBMIT_FINAL_DOSSIER = "submitFinalDossier";
    public static final String REGISTER_RESULT = "registerResult";
    public static final String LIQUIDATE_CONTRACT = "liquidateContract";

    private Tasks() {}
  }

  /** Other element ids the code and the tests refer to. */
  public static final class Elements {
    public static final String ASSIGNMENT_COUNCIL = "callActivity_assignmentCouncil";
    public static final String IMPLEMENTATION = "subProcess_implementation";
    public static final String MIDPOINT_TIMER = "timerEvent_midpoint";
    public static final String MIDTERM_REQUESTED = "messageEvent_midtermRequested";
    public static final String MIDTERM_EVALUATION = "callActivity_midtermEvaluation";
    public static final String PROGRESS_TIMER = "startEvent_progressDue";
    public static final String ACCEPTANCE = "callActivity_acceptance";
    public static final String END_NOT_ASSIGNED = "endEvent_notAssigned";
    public static final String END_TERMINATED = "endEvent_terminated";
    public static final String END_FAILED = "endEvent_failed";
    public static final String END_ARCHIVED = "endEvent_archived";
    public static final String CLOSE_NOT_ASSIGNED = "serviceTask_closeNotAssigned";
    public static final String CLOSE_TERMINATED = "serviceTask_closeTerminated";
    public static final String ARCHIVE_FAILED = "serviceTask_archiveFailed";
    public static final String ARCHIVE = "serviceTask_archive";

    private Elements() {}
  }

  /** Spring beans the four research models call (all in {@link ResearchProcessAdapters}). */
  public static final class Beans {
    public static final String VIEW_LISTENER = "researchViewListener";
    public static final String DOSSIER_CHECK = "dossierCheckListener";
    public static final String DOSSIER_RESUBMITTED = "dossierResubmittedListener";
    public static final String CLOSE_NOT_ASSIGNED = "closeNotAssignedStep";
    public static final String BUDGET_APPRAISAL = "budgetAppraisalListener";
    public static final String BUDGET_DECISION = "budgetDecisionListener";
    public static final String CONTRACT = "contractListener";
    public static final String PROGRESS_REPORT = "progressReportListener";
    public static final String PROGRESS_REVIEW = "progressReviewListener";
    public static final String EXTENSION_DECISION = "extensionDecisionListener";
    public static final String FINAL_DOSSIER = "finalDossierListener";
    public static final String CLOSE_TERMINATED = "closeTerminatedStep";
    public static final String ARCHIVE_FAILED = "archiveFailedStep";
    public static final String RESULT_REGISTRATION = "resultRegistrationListener";
    public static final String LIQUIDATION = "liquidationListener";
    public static final String ARCHIVE = "archiveResearchStep";
    public static final String REMIND = "researchReminderStep";
    public static final String ESCALATE = "researchEscalationStep";

    private Beans() {}
  }

  /** Variables. Those marked local are task-local inputs of the forms (never seen by gateways). */
  public static final class Vars {
    // set at start and passed to every called process
    /** Long: id of the ResearchTask entity. */
    public static final String RESEARCH_TASK_ID = "researchTaskId";
    /** String: the task code, also the business key. */
    public static final String TASK_CODE = "taskCode";
    /** String: the title, shown as "summary" in Tasklist lists like a document's summary. */
    public static final String SUMMARY = "summary";
    /** String: user id of the principal investigator (assignee of the investigator's tasks). */
    public static final String INVESTIGATOR = "investigator";
    /** String, task-local: the dossier as a person reads it (set on create of every user task). */
    public static final String RESEARCH_VIEW = "researchView";
    /** Json, task-local: [{label, value}] of the council pool, for the appointment selects. */
    public static final String EXPERT_OPTIONS = "expertOptions";
    /** Json, task-local: [{label, value}] of the council's members, for the attendance list. */
    public static final String MEMBER_OPTIONS = "memberOptions";
    /**
     * The task-local copies a task gets on create (the dossier's text, Tasklist's list columns,
     * the choices of the appointment and attendance forms): derived from the process variables
     * and the entities, so no history is kept of them (ADR 0011).
     */
    public static final java.util.Set<String> TASK_VIEW_COPIES = java.util.Set.of(RESEARCH_VIEW,
        TASK_CODE, SUMMARY, EXPERT_OPTIONS, MEMBER_OPTIONS);

    // form inputs (task-local)
    public static final String VALID = "valid";
    public static final String MISSING_ITEMS = "missingItems";
    public static final String RESUBMIT_DAYS = "resubmitDays";
    public static final String NOTE = "note";
    public static final String APPROVED_BUDGET = "approvedBudget";
    public static final String APPRAISAL_NOTE = "appraisalNote";
    public static final String APPROVED = "approved";
    public static final String ACCEPTED = "accepted";
    public static final String COMMENT = "comment";
    public static final String CONTRACT_NUMBER = "contractNumber";
    public static final String CONTRACT_DATE = "contractDate";
    public static final String CONTRACT_AMOUNT = "contractAmount";
    public static final String CONTRACT_START = "contractStart";
    public static final String CONTRACT_END = "contractEnd";
    public static final String REPORT = "report";
    public static final String REGISTRATION_NUMBER = "registrationNumber";
    public static final String REGISTRATION_DATE = "registrationDate";
    public static final String LIQUIDATION_NUMBER = "liquidationNumber";
    public static final String LIQUIDATION_DATE = "liquidationDate";
    public static final String SETTLED_AMOUNT = "settledAmount";

    // process variables written by the listeners and steps, read by gateways and timers
    /** Boolean. */
    public static final String DOSSIER_VALID = "dossierValid";
    /** Date: deadline of resubmitDossier. */
    public static final String RESUBMIT_DUE_DATE = "resubmitDueDate";
    /** String: ASSIGN, ASSIGN_AFTER_REVISION or REJECT (out of assignment-council). */
    public static final String VERDICT = "verdict";
    /** Date: due date of approveBudget (3 working days). */
    public static final String BUDGET_DECISION_DUE_DATE = "budgetDecisionDueDate";
    /** Boolean. */
    public static final String BUDGET_APPROVED = "budgetApproved";
    /** Date: contract end (due date of submitFinalDossier). */
    public static final String CONTRACT_END_DATE = "contractEndDate";
    /** Date: the mid-term point. */
    public static final String MIDTERM_DATE = "midtermDate";
    /** String: ISO 8601 repeating interval of progress reports. */
    public static final String PROGRESS_CYCLE = "progressCycle";
    /** Boolean: phong-qlkh accepted the progress report. */
    public static final String REPORT_ACCEPTED = "reportAccepted";
    /** Long: the pending ExtensionRequest (set by the message correlation). */
    public static final String EXTENSION_REQUEST_ID = "extensionRequestId";
    /** String: CONTINUE, ADJUST or TERMINATE (out of midterm-evaluation). */
    public static final String MIDTERM_OUTCOME = "midtermOutcome";
    /** Integer: whole months the final dossier came after the contract end. */
    public static final String MONTHS_LATE = "monthsLate";
    /** String: XUAT_SAC, DAT or KHONG_DAT (out of acceptance). */
    public static final String GRADE = "grade";
    /** String, local input of remind/escalate steps. */
    public static final String STAGE = "stage";

    private Vars() {}
  }

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

  ResearchTaskProcess() {}
}
