package vn.khcn.workflow.research;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.shared.process.ProcessDescriptor;
import vn.khcn.workflow.shared.process.UserTaskContract;
import vn.khcn.workflow.shared.process.Variable;

/**
 * Descriptor of {@code processes/research-task.bpmn}: key, task definition keys, element ids,
 * messages, beans, typed variables and each user task's completion contract. The business key is
 * the task code ("DT-2026-07"); it is passed down to every called process.
 */
@Component
public final class ResearchTaskProcess implements ProcessDescriptor {

  public static final String KEY = "research-task";
  public static final String MIDTERM_REQUESTED_MESSAGE = "research-midterm-requested";
  public static final String EXTENSION_REQUESTED_MESSAGE = "research-extension-requested";
  public static final String TERMINATED_ERROR = "RESEARCH_TERMINATED";
  /** The final dossier is past the regime's fail threshold: the task fails (ADR 0022). */
  public static final String FINAL_DOSSIER_MISSING_MESSAGE = "research-final-dossier-missing";

  /** Task definition keys (= user task ids). */
  public static final class Tasks {
    public static final String CHECK_DOSSIER = "checkDossier";
    public static final String RESUBMIT_DOSSIER = "resubmitDossier";
    public static final String APPOINT_APPRAISAL_TEAM = "appointAppraisalTeam";
    /** Multi-instance: one task per member of the budget appraisal team (ADR 0030). */
    public static final String GIVE_APPRAISAL_OPINION = "giveAppraisalOpinion";
    /** The team leader's conclusion: the team's figure. */
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
    public static final String FINAL_DOSSIER_MISSING = "boundaryEvent_finalDossierMissing";
    public static final String FAIL_MISSING_DOSSIER = "serviceTask_failMissingDossier";
    public static final String DOSSIER_MISSING = "boundaryEvent_dossierMissing";

    private Elements() {}
  }

  /** Spring beans of research-task and the ones all four research models call. */
  public static final class Beans {
    public static final String VIEW_LISTENER = "researchViewListener";
    public static final String DOSSIER_CHECK = "dossierCheckListener";
    public static final String DOSSIER_RESUBMITTED = "dossierResubmittedListener";
    public static final String CLOSE_NOT_ASSIGNED = "closeNotAssignedStep";
    public static final String APPRAISAL_TEAM = "appraisalTeamListener";
    public static final String APPRAISAL_OPINION = "appraisalOpinionListener";
    public static final String BUDGET_APPRAISAL = "budgetAppraisalListener";
    public static final String BUDGET_DECISION = "budgetDecisionListener";
    public static final String CONTRACT = "contractListener";
    public static final String PROGRESS_REPORT = "progressReportListener";
    public static final String PROGRESS_REVIEW = "progressReviewListener";
    public static final String EXTENSION_DECISION = "extensionDecisionListener";
    public static final String FINAL_DOSSIER = "finalDossierListener";
    public static final String CLOSE_TERMINATED = "closeTerminatedStep";
    public static final String ARCHIVE_FAILED = "archiveFailedStep";
    public static final String FAIL_MISSING_DOSSIER = "failMissingDossierStep";
    public static final String RESULT_REGISTRATION = "resultRegistrationListener";
    public static final String LIQUIDATION = "liquidationListener";
    public static final String ARCHIVE = "archiveResearchStep";

    private Beans() {}
  }

  /** Process variables, typed: the only spelling of their names. */
  public static final class Vars {
    // set at start and passed to every called process
    /** Id of the ResearchTask entity. */
    public static final Variable<Long> RESEARCH_TASK_ID = Variable.instanceId("researchTaskId");
    /** The task code, also the business key (and a task-local list column). */
    public static final Variable<String> TASK_CODE = Variable.serverText("taskCode");
    /** The title, shown as "summary" in Tasklist lists like a document's summary. */
    public static final Variable<String> SUMMARY = Variable.serverText("summary");
    /** User id of the principal investigator (assignee of the investigator's tasks). */
    public static final Variable<String> INVESTIGATOR = Variable.serverText("investigator");
    /** Task-local: the dossier as the task's reader may read it (set on create of every user task). */
    public static final Variable<String> RESEARCH_VIEW = Variable.view("researchView");
    /**
     * Task-local Json [{name, label, url}] of the dossier's files: the links of the forms' text
     * "Tài liệu" (a Markdown template, not a field) and of the inbox item.
     */
    public static final String DOCUMENT_LINKS = "researchDocuments";
    /** Task-local Json [{label, value}] of the council pool, for the appointment selects. */
    public static final String EXPERT_OPTIONS = "expertOptions";
    /** Task-local Json [{label, value}] of the council's members, for the attendance list. */
    public static final String MEMBER_OPTIONS = "memberOptions";
    /**
     * The task-local copies a task gets on create (the dossier's text, Tasklist's list columns,
     * the choices of the appointment and attendance forms): derived from the process variables
     * and the entities, so no history is kept of them (ADR 0011).
     */
    public static final Set<String> TASK_VIEW_COPIES = Set.of(RESEARCH_VIEW.name(),
        TASK_CODE.name(), SUMMARY.name(), EXPERT_OPTIONS, MEMBER_OPTIONS, DOCUMENT_LINKS);

    // form inputs (task-local), shared by the four research models
    public static final Variable<Boolean> VALID = Variable.bool("valid");
    public static final Variable<String> MISSING_ITEMS = Variable.text("missingItems");
    public static final Variable<Long> RESUBMIT_DAYS = Variable.whole("resubmitDays");
    public static final Variable<String> NOTE = Variable.text("note");
    public static final Variable<Long> APPROVED_BUDGET = Variable.whole("approvedBudget");
    /** The appraisal team's members by role (form of appointAppraisalTeam, user ids). */
    public static final Variable<String> APPRAISAL_LEADER_FIELD = Variable.text("appraisalLeader");
    public static final Variable<String> APPRAISAL_DEPUTY_FIELD = Variable.text("appraisalDeputy");
    public static final Variable<String> APPRAISAL_FINANCE_FIELD =
        Variable.text("appraisalFinance");
    public static final Variable<String> APPRAISAL_MEMBER_FIELD = Variable.text("appraisalMember");
    public static final Variable<String> APPRAISAL_SECRETARY_FIELD =
        Variable.text("appraisalSecretary");
    /** A member's proposed figure and opinion (giveAppraisalOpinion). */
    public static final Variable<Long> PROPOSED_BUDGET = Variable.whole("proposedBudget");
    public static final Variable<String> APPRAISAL_OPINION = Variable.text("appraisalOpinion");
    public static final Variable<String> APPRAISAL_NOTE = Variable.text("appraisalNote");
    public static final Variable<Boolean> APPROVED = Variable.bool("approved");
    public static final Variable<Boolean> ACCEPTED = Variable.bool("accepted");
    public static final Variable<String> COMMENT = Variable.text("comment");
    public static final Variable<String> CONTRACT_NUMBER = Variable.text("contractNumber");
    public static final Variable<java.time.LocalDate> CONTRACT_DATE = Variable.day("contractDate");
    public static final Variable<Long> CONTRACT_AMOUNT = Variable.whole("contractAmount");
    public static final Variable<java.time.LocalDate> CONTRACT_START = Variable.day("contractStart");
    public static final Variable<java.time.LocalDate> CONTRACT_END = Variable.day("contractEnd");
    public static final Variable<String> REPORT = Variable.longText("report");
    public static final Variable<String> REGISTRATION_NUMBER = Variable.text("registrationNumber");
    public static final Variable<java.time.LocalDate> REGISTRATION_DATE =
        Variable.day("registrationDate");
    public static final Variable<String> LIQUIDATION_NUMBER = Variable.text("liquidationNumber");
    public static final Variable<java.time.LocalDate> LIQUIDATION_DATE =
        Variable.day("liquidationDate");
    public static final Variable<Long> SETTLED_AMOUNT = Variable.whole("settledAmount");

    // process variables written by the listeners and steps, read by gateways and timers
    public static final Variable<Boolean> DOSSIER_VALID = Variable.serverBool("dossierValid");
    /** Deadline of resubmitDossier. */
    public static final Variable<Date> RESUBMIT_DUE_DATE = Variable.date("resubmitDueDate");
    /** ASSIGN, ASSIGN_AFTER_REVISION or REJECT (out of assignment-council). */
    public static final Variable<String> VERDICT = Variable.serverText("verdict");
    /** Due date of approveBudget (3 working days). */
    public static final Variable<Date> BUDGET_DECISION_DUE_DATE =
        Variable.date("budgetDecisionDueDate");
    public static final Variable<Boolean> BUDGET_APPROVED = Variable.serverBool("budgetApproved");
    /** The appraisal team's user ids, in role order (collection of giveAppraisalOpinion). */
    public static final Variable<List<String>> APPRAISAL_TEAM =
        Variable.serverTextList("appraisalTeam");
    /** Element variable of giveAppraisalOpinion: the member whose task it is (its assignee). */
    public static final Variable<String> APPRAISER = Variable.serverText("appraiser");
    /** The team leader: assignee of appraiseBudget, the team's conclusion. */
    public static final Variable<String> APPRAISAL_LEADER = Variable.serverText("appraisalTeamLeader");
    /** Contract end (due date of submitFinalDossier). */
    public static final Variable<Date> CONTRACT_END_DATE = Variable.date("contractEndDate");
    /** The mid-term point. */
    public static final Variable<Date> MIDTERM_DATE = Variable.date("midtermDate");
    /** ISO 8601 repeating interval of progress reports. */
    public static final Variable<String> PROGRESS_CYCLE = Variable.serverText("progressCycle");
    /** phong-qlkh accepted the progress report. */
    public static final Variable<Boolean> REPORT_ACCEPTED = Variable.serverBool("reportAccepted");
    /** The pending ExtensionRequest (set by the message correlation). */
    public static final Variable<Long> EXTENSION_REQUEST_ID = Variable.id("extensionRequestId");
    /** CONTINUE, ADJUST or TERMINATE (out of midterm-evaluation). */
    public static final Variable<String> MIDTERM_OUTCOME = Variable.serverText("midtermOutcome");
    /** Whole months the final dossier came after the contract end. */
    public static final Variable<Integer> MONTHS_LATE = Variable.integer("monthsLate");
    /** XUAT_SAC, DAT or KHONG_DAT (out of acceptance). */
    public static final Variable<String> GRADE = Variable.serverText("grade");
    /** Local input of remind/escalate steps. */
    public static final Variable<String> STAGE = Variable.serverText("stage");

    private Vars() {}
  }

  /** What a person may submit on each user task: the fields of its form, nothing else. */
  public static final class Contracts {
    static final String VIEW = Vars.RESEARCH_VIEW.name();

    public static final UserTaskContract CHECK_DOSSIER = UserTaskContract.task(Tasks.CHECK_DOSSIER)
        .form("form_checkDossier", VIEW)
        .inputs(Vars.VALID, Vars.MISSING_ITEMS, Vars.RESUBMIT_DAYS);
    public static final UserTaskContract RESUBMIT_DOSSIER = UserTaskContract
        .task(Tasks.RESUBMIT_DOSSIER).form("form_resubmitDossier", VIEW).inputs(Vars.NOTE);
    public static final UserTaskContract APPOINT_APPRAISAL_TEAM = UserTaskContract
        .task(Tasks.APPOINT_APPRAISAL_TEAM).form("form_appointAppraisalTeam", VIEW)
        .inputs(Vars.APPRAISAL_LEADER_FIELD, Vars.APPRAISAL_DEPUTY_FIELD,
            Vars.APPRAISAL_FINANCE_FIELD, Vars.APPRAISAL_MEMBER_FIELD,
            Vars.APPRAISAL_SECRETARY_FIELD);
    public static final UserTaskContract GIVE_APPRAISAL_OPINION = UserTaskContract
        .task(Tasks.GIVE_APPRAISAL_OPINION).form("form_giveAppraisalOpinion", VIEW)
        .inputs(Vars.PROPOSED_BUDGET, Vars.APPRAISAL_OPINION);
    public static final UserTaskContract APPRAISE_BUDGET = UserTaskContract
        .task(Tasks.APPRAISE_BUDGET).form("form_appraiseBudget", VIEW)
        .inputs(Vars.APPROVED_BUDGET, Vars.APPRAISAL_NOTE);
    public static final UserTaskContract APPROVE_BUDGET = UserTaskContract
        .task(Tasks.APPROVE_BUDGET).form("form_approveBudget", VIEW)
        .inputs(Vars.APPROVED, Vars.COMMENT);
    public static final UserTaskContract RECORD_CONTRACT = UserTaskContract
        .task(Tasks.RECORD_CONTRACT).form("form_recordContract", VIEW)
        .inputs(Vars.CONTRACT_NUMBER, Vars.CONTRACT_DATE, Vars.CONTRACT_AMOUNT,
            Vars.CONTRACT_START, Vars.CONTRACT_END);
    public static final UserTaskContract SUBMIT_PROGRESS_REPORT = UserTaskContract
        .task(Tasks.SUBMIT_PROGRESS_REPORT).form("form_submitProgressReport", VIEW)
        .inputs(Vars.REPORT);
    public static final UserTaskContract REVIEW_PROGRESS_REPORT = UserTaskContract
        .task(Tasks.REVIEW_PROGRESS_REPORT).form("form_reviewProgressReport", VIEW)
        .inputs(Vars.ACCEPTED, Vars.COMMENT);
    public static final UserTaskContract DECIDE_EXTENSION = UserTaskContract
        .task(Tasks.DECIDE_EXTENSION).form("form_decideExtension", VIEW)
        .inputs(Vars.APPROVED, Vars.COMMENT);
    public static final UserTaskContract SUBMIT_FINAL_DOSSIER = UserTaskContract
        .task(Tasks.SUBMIT_FINAL_DOSSIER).form("form_submitFinalDossier", VIEW).inputs(Vars.NOTE);
    public static final UserTaskContract REGISTER_RESULT = UserTaskContract
        .task(Tasks.REGISTER_RESULT).form("form_registerResult", VIEW)
        .inputs(Vars.REGISTRATION_NUMBER, Vars.REGISTRATION_DATE);
    public static final UserTaskContract LIQUIDATE_CONTRACT = UserTaskContract
        .task(Tasks.LIQUIDATE_CONTRACT).form("form_liquidateContract", VIEW)
        .inputs(Vars.LIQUIDATION_NUMBER, Vars.LIQUIDATION_DATE, Vars.SETTLED_AMOUNT);

    static final List<UserTaskContract> ALL = List.of(CHECK_DOSSIER, RESUBMIT_DOSSIER,
        APPOINT_APPRAISAL_TEAM, GIVE_APPRAISAL_OPINION, APPRAISE_BUDGET, APPROVE_BUDGET, RECORD_CONTRACT, SUBMIT_PROGRESS_REPORT,
        REVIEW_PROGRESS_REPORT, DECIDE_EXTENSION, SUBMIT_FINAL_DOSSIER, REGISTER_RESULT,
        LIQUIDATE_CONTRACT);

    private Contracts() {}
  }

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Collection<UserTaskContract> userTasks() {
    return Contracts.ALL;
  }

  @Override
  public Set<String> taskViewCopies() {
    return Vars.TASK_VIEW_COPIES;
  }

  ResearchTaskProcess() {}
}
