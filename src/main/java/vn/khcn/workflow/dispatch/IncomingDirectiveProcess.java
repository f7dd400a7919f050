package vn.khcn.workflow.dispatch;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.shared.process.ProcessDescriptor;
import vn.khcn.workflow.shared.process.UserTaskContract;
import vn.khcn.workflow.shared.process.Variable;

/**
 * Descriptor of {@code processes/incoming-directive.bpmn}: the process key, the task definition keys
 * and element ids the code refers to, the Spring bean names the model calls, every process
 * variable with its type, and each user task's completion contract. Nothing else in the code
 * spells these strings.
 */
@Component
public final class IncomingDirectiveProcess implements ProcessDescriptor {

  public static final String KEY = "incoming-directive";
  public static final String SLA_DECISION_KEY = "dispatch-sla";

  /** Task definition keys (the contract with Tasklist, forms and the inbox). */
  public static final class Tasks {
    public static final String GIVE_DIRECTION = "giveDirection";
    public static final String HANDLE_ASSIGNMENT = "handleAssignment";
    /** The unit head (or a deputy) names the handler: the slip's second part. */
    public static final String ASSIGN_HANDLER = "assignHandler";
    /** The named handler proposes the unit's result: the slip's third part. */
    public static final String PROPOSE_RESULT = "proposeResult";
    /** The unit head (or a deputy) approves the proposal or returns it. */
    public static final String REVIEW_PROPOSAL = "reviewProposal";
    public static final String CONSOLIDATE_REPORT = "consolidateReport";
    public static final String APPROVE_RESULT = "approveResult";

    private Tasks() {}
  }

  /**
   * Element ids that tests and services refer to. User tasks carry their task definition key as
   * id: in Camunda 7 the two are the same thing.
   */
  public static final class Elements {
    public static final String START = "startEvent_documentRegistered";
    public static final String DETERMINE_SLA = "businessRuleTask_determineSla";
    public static final String SCHEDULE_DIRECTION = "serviceTask_scheduleDirection";
    public static final String GIVE_DIRECTION = "giveDirection";
    public static final String DIRECTION_REMINDER = "boundaryEvent_directionReminder";
    public static final String DIRECTION_ESCALATION = "boundaryEvent_directionOverdue";
    public static final String NOTIFY_INFORMED = "serviceTask_notifyInformedUnits";
    public static final String UNIT_HANDLING = "subProcess_unitHandling";
    public static final String HANDLE_ASSIGNMENT = "handleAssignment";
    public static final String ASSIGNMENT_REMINDER = "boundaryEvent_assignmentReminder";
    public static final String ASSIGNMENT_ESCALATION = "boundaryEvent_assignmentOverdue";
    public static final String UNIT_HAS_HEAD = "exclusiveGateway_unitHasHead";
    public static final String ASSIGN_HANDLER = "assignHandler";
    public static final String SCHEDULE_HANDLER = "serviceTask_scheduleHandler";
    public static final String PROPOSE_RESULT = "proposeResult";
    public static final String HANDLER_REMINDER = "boundaryEvent_handlerReminder";
    public static final String REMIND_HANDLER = "serviceTask_remindHandler";
    public static final String HANDLER_ESCALATION = "boundaryEvent_handlerOverdue";
    public static final String HANDLER_REASSIGNED = "boundaryEvent_handlerReassigned";
    public static final String REVIEW_PROPOSAL = "reviewProposal";
    public static final String UNIT_DONE_BY_HEAD = "endEvent_proposalApproved";
    public static final String CONSOLIDATE_REPORT = "consolidateReport";
    public static final String REPORT_REMINDER = "boundaryEvent_reportReminder";
    public static final String REPORT_ESCALATION = "boundaryEvent_reportOverdue";
    public static final String APPROVE_RESULT = "approveResult";
    public static final String ARCHIVE = "serviceTask_archiveDocument";
    public static final String END_ARCHIVED = "endEvent_archived";

    private Elements() {}
  }

  /** Values of the remind/escalate steps' local input {@link Vars#STAGE} (set in the model). */
  public static final class Stages {
    public static final String DIRECTION = "DIRECTION";
    public static final String HANDLING = "HANDLING";
    public static final String REPORT = "REPORT";
    /** The named handler's own (internal) deadline. */
    public static final String HANDLER = "HANDLER";

    private Stages() {}
  }

  /** Message names the code correlates. */
  public static final class Messages {
    /** The unit head names another handler (or a new deadline) while the handler works. */
    public static final String HANDLER_REASSIGNED = "handlerReassigned";

    private Messages() {}
  }

  /** Spring bean names called from the model through {@code delegateExpression}. */
  public static final class Beans {
    public static final String SCHEDULE_DIRECTION = "scheduleDirectionStep";
    public static final String DIRECTION_LISTENER = "directionListener";
    public static final String NOTIFY_INFORMED = "notifyInformedUnitsStep";
    public static final String UNIT_RESULT_LISTENER = "unitResultListener";
    public static final String REPORT_LISTENER = "reportListener";
    public static final String APPROVAL_LISTENER = "approvalListener";
    public static final String REMIND = "remindStep";
    public static final String ESCALATE = "escalateStep";
    public static final String ARCHIVE = "archiveDocumentStep";
    /** Task listener on "create" of every user task: sets the task-local {@link Vars#DOCUMENT_VIEW}. */
    public static final String TASK_VIEW_LISTENER = "taskViewListener";
    /**
     * Execution listener on the start of each unit's sub-process: sets the instance-local
     * {@link Vars#ASSIGNMENT_DUE_DATE} and its timers from the unit's assignment.
     */
    public static final String UNIT_DEADLINE_LISTENER = "unitDeadlineListener";
    /** Task listener on "create": the unit's head and deputies become the task's candidates. */
    public static final String UNIT_LEADERS_LISTENER = "unitLeadersListener";
    /** Task listener on "complete" of assignHandler: validates and records the handler. */
    public static final String HANDLER_LISTENER = "handlerListener";
    /** Sets the handler's task assignee, due date and timers from the unit's assignment. */
    public static final String SCHEDULE_HANDLER = "scheduleHandlerStep";
    /** Task listener on "complete" of proposeResult: records the handler's proposal. */
    public static final String PROPOSAL_LISTENER = "proposalListener";
    /** Task listener on "complete" of reviewProposal: approval (the unit's result) or return. */
    public static final String PROPOSAL_REVIEW_LISTENER = "proposalReviewListener";

    private Beans() {}
  }

  /** Process variables, typed: the only spelling of their names. */
  public static final class Vars {
    // set at start by the registration service
    /** Id of the IncomingDocument entity. */
    public static final Variable<Long> DOCUMENT_ID = Variable.instanceId("documentId");
    /** "114/2026" (also a task-local list column). */
    public static final Variable<String> INCOMING_NUMBER = Variable.text("incomingNumber");
    /** Number and symbol of the document, "1143-CV/TU". */
    public static final Variable<String> DOCUMENT_NUMBER = Variable.text("documentNumber");
    /** Issuing body. */
    public static final Variable<String> ISSUER = Variable.text("issuer");
    /** Summary (trích yếu), at most 500 characters (also a task-local list column). */
    public static final Variable<String> SUMMARY = Variable.text("summary");
    /** Document type, e.g. "Công văn". */
    public static final Variable<String> DOCUMENT_TYPE = Variable.text("documentType");
    /** NORMAL, URGENT, VERY_URGENT or FLASH (also a task-local list column). */
    public static final Variable<String> URGENCY = Variable.text("urgency");

    // decision dispatch-sla (singleResult map) and the deadlines derived from it
    /**
     * Outputs of dispatch-sla (directionDueHours, directionDueWorkingDays, handlingDueWorkingDays,
     * escalationRepeatWorkingDays).
     */
    public static final Variable<java.util.Map<String, Object>> SLA = Variable.map("sla");
    /**
     * dispatch-sla's escalationRepeatWorkingDays, copied from {@link #SLA} when the direction is
     * scheduled: the later steps read this number from the instance, not the decision's map,
     * which the engine keeps as a byte array (a select and a JSON parse in every command reading
     * it; ADR 0049).
     */
    public static final Variable<Integer> ESCALATION_REPEAT = Variable.instanceInteger(
        "escalationRepeat");
    /** Due date of giveDirection. */
    public static final Variable<Date> DIRECTION_DUE_DATE = Variable.date("directionDueDate");
    /** When the directors are reminded of giveDirection (office hours of a working day). */
    public static final Variable<Date> DIRECTION_REMINDER_DATE = Variable.date(
        "directionReminderDate");
    /**
     * Timer cycle of the direction's escalation, e.g. {@code R/2026-03-10T17:00:00+07:00/P1D}: from
     * the due date (moved into office hours), every day; the step acts on working days only.
     */
    public static final Variable<String> DIRECTION_ESCALATION_CYCLE = Variable.serverText(
        "directionEscalationCycle");
    /** Handling due date suggested to the director (prefilled in the direction form). */
    public static final Variable<Date> SUGGESTED_DUE_DATE = Variable.date("suggestedDueDate");

    // giveDirection (input from the director)
    /** The direction text (ý kiến chỉ đạo). */
    public static final Variable<String> DIRECTION = Variable.text("direction");
    /** For information / filing only (the listener writes it back as a process flag). */
    public static final Variable<Boolean> INFO_ONLY = Variable.bool("infoOnly");
    /** Group id of the lead unit. */
    public static final Variable<String> LEAD_UNIT = Variable.text("leadUnit");
    /** Group ids of the co-ordinating units. */
    public static final Variable<List<String>> COORDINATING_UNITS =
        Variable.textList("coordinatingUnits");
    /** Group ids of the units informed only. */
    public static final Variable<List<String>> INFORMED_UNITS = Variable.textList("informedUnits");
    /**
     * Handling due date given by the director. Before the direction it holds the suggested date as
     * an ISO text (yyyy-MM-dd) so the direction form is prefilled.
     */
    public static final Variable<LocalDate> DUE_DATE = Variable.day("dueDate");
    /**
     * Optional deadlines of single lead or co-ordinating units (Decree 30/2020 Art. 23(2)), one
     * line per unit: "phong-khtc: 20/03/2026" (or "phong-khtc: 2026-03-20"); other units keep
     * {@link #DUE_DATE}. The inbox API takes a JSON object and writes it in this form.
     */
    public static final Variable<String> UNIT_DUE_DATES = Variable.text("unitDueDates");
    /**
     * Optional direction items (issue 17), one line per item: "label | lead | coordinating units
     * | dueDate | reportEvery | reportUntil | text" ({@link DirectionItemRules}); the inbox API
     * takes JSON items and writes them in this form.
     */
    public static final Variable<String> DIRECTION_ITEMS = Variable.text("directionItems");
    /** The document's numbered items proposed as direction items (read-only in the form). */
    public static final Variable<String> PROPOSED_ITEMS = Variable.serverText("proposedItems");

    // derived by the direction listener
    /** Lead unit first, then co-ordinating units (multi-instance collection). */
    public static final Variable<List<String>> ASSIGNED_UNITS = Variable.serverTextList(
        "assignedUnits");
    /** Element variable of the multi-instance: the unit of one assignment. */
    public static final Variable<String> UNIT = Variable.serverText("unit");
    /** There are co-ordinating units, so the lead unit consolidates. */
    public static final Variable<Boolean> HAS_COORDINATING_UNITS = Variable.serverBool(
        "hasCoordinatingUnits");
    /** Normalised handling due date (task due dates, escalation timers). */
    public static final Variable<Date> HANDLING_DUE_DATE = Variable.date("handlingDueDate");
    /** When reminders fire. */
    public static final Variable<Date> REMINDER_DATE = Variable.date("reminderDate");
    /**
     * Timer cycle of the units' and the report's escalation: from the handling due date (moved into
     * office hours), every day ({@code R/…/P1D}) or once ({@code R1/…/P1D}) as dispatch-sla's
     * escalationRepeatWorkingDays says; the step acts on working days only.
     */
    public static final Variable<String> ESCALATION_CYCLE = Variable.serverText("escalationCycle");
    /**
     * Local to one unit's sub-process instance: the unit's own deadline (its assignment's due,
     * the common handling due unless the director gave the unit its own), the task's due date.
     */
    public static final Variable<Date> ASSIGNMENT_DUE_DATE = Variable.date("assignmentDueDate");
    /** Local to one unit's sub-process instance: when that unit is reminded. */
    public static final Variable<Date> ASSIGNMENT_REMINDER_DATE = Variable.date(
        "assignmentReminderDate");
    /** Local to one unit's sub-process instance: the timer cycle of that unit's escalation. */
    public static final Variable<String> ASSIGNMENT_ESCALATION_CYCLE = Variable.serverText(
        "assignmentEscalationCycle");

    // the unit head and the handler (the slip's second and third parts)
    /**
     * Local to one unit's sub-process instance: the unit has a head, so the head names a handler;
     * otherwise the unit's work stays a group task.
     */
    public static final Variable<Boolean> UNIT_HAS_HEAD = Variable.serverBool("unitHasHead");
    /** assignHandler input (local to the task): user id of the handler, a member of the unit. */
    public static final Variable<String> HANDLER = Variable.text("handler");
    /** assignHandler input (local): the internal deadline, not later than the unit's. */
    public static final Variable<LocalDate> HANDLER_DUE_DATE = Variable.day("handlerDueDate");
    /** assignHandler input (local): the head's note to the handler (optional). */
    public static final Variable<String> HANDLER_NOTE = Variable.text("handlerNote");
    /** Local to the unit's sub-process instance: the handler, assignee of proposeResult. */
    public static final Variable<String> HANDLER_USER = Variable.serverText("handlerUser");
    /** Local to the unit's sub-process instance: the handler's deadline (end of office hours). */
    public static final Variable<Date> HANDLER_DUE = Variable.date("handlerDue");
    /** Local to the unit's sub-process instance: when the handler is reminded. */
    public static final Variable<Date> HANDLER_REMINDER_DATE = Variable.date(
        "handlerReminderDate");
    /** Local to the unit's sub-process instance: the timer cycle of the handler's escalation. */
    public static final Variable<String> HANDLER_ESCALATION_CYCLE = Variable.serverText(
        "handlerEscalationCycle");
    /**
     * reviewProposal input: the head approves the proposal. Declared (null) on the unit's
     * sub-process instance before the review, so each unit's decision stays its own.
     */
    public static final Variable<Boolean> PROPOSAL_APPROVED = Variable.bool("proposalApproved");
    /** reviewProposal input (local): the head's opinion; required when returning. */
    public static final Variable<String> PROPOSAL_COMMENT = Variable.text("proposalComment");

    // unit, consolidation and approval tasks
    /** A unit's result (local to the unit's handleAssignment task). */
    public static final Variable<String> RESULT = Variable.longText("result");
    /**
     * Number and symbol of the outgoing document that answers the unit's duty, e.g.
     * "45/SKHCN-QLKH" (optional; local to the unit's task).
     */
    public static final Variable<String> REPLY_NUMBER = Variable.text("replyNumber");
    /** Date of that reply document (optional, given with its number; local to the unit's task). */
    public static final Variable<LocalDate> REPLY_DATE = Variable.day("replyDate");
    /** The lead unit's consolidated report. */
    public static final Variable<String> REPORT = Variable.longText("report");
    /** The director approves the result. */
    public static final Variable<Boolean> APPROVED = Variable.bool("approved");
    /** The director's comment on approval or return. */
    public static final Variable<String> COMMENT = Variable.text("comment");
    /**
     * Task-local, set when a user task is created: the document as a person reads it (metadata,
     * attachments, direction, due dates, units' results, earlier comments), shown read-only at the
     * top of every form.
     */
    public static final Variable<String> DOCUMENT_VIEW = Variable.view("documentView");
    /**
     * The task-local copies a task gets on create (the document's text and Tasklist's list
     * columns): derived from the process variables and the entity, so no history is kept of them
     * (ADR 0011).
     */
    public static final Set<String> TASK_VIEW_COPIES = Set.of(DOCUMENT_VIEW.name(),
        INCOMING_NUMBER.name(), SUMMARY.name(), URGENCY.name());
    /** Local input of remind/escalate steps: DIRECTION, HANDLING or REPORT. */
    public static final Variable<String> STAGE = Variable.serverText("stage");

    private Vars() {}
  }

  /** What a person may submit on each user task: the fields of its form, nothing else. */
  public static final class Contracts {
    public static final UserTaskContract GIVE_DIRECTION = UserTaskContract.task(Tasks.GIVE_DIRECTION)
        .form("form_giveDirection", Vars.DOCUMENT_VIEW.name(), Vars.PROPOSED_ITEMS.name())
        .inputs(Vars.DIRECTION, Vars.INFO_ONLY, Vars.LEAD_UNIT, Vars.COORDINATING_UNITS,
            Vars.DUE_DATE, Vars.UNIT_DUE_DATES, Vars.INFORMED_UNITS, Vars.DIRECTION_ITEMS);
    public static final UserTaskContract HANDLE_ASSIGNMENT = UserTaskContract
        .task(Tasks.HANDLE_ASSIGNMENT)
        .form("form_handleAssignment", Vars.DOCUMENT_VIEW.name())
        .inputs(Vars.RESULT, Vars.REPLY_NUMBER, Vars.REPLY_DATE);
    public static final UserTaskContract ASSIGN_HANDLER = UserTaskContract
        .task(Tasks.ASSIGN_HANDLER)
        .form("form_assignHandler", Vars.DOCUMENT_VIEW.name())
        .inputs(Vars.HANDLER, Vars.HANDLER_DUE_DATE, Vars.HANDLER_NOTE);
    public static final UserTaskContract PROPOSE_RESULT = UserTaskContract
        .task(Tasks.PROPOSE_RESULT)
        .form("form_proposeResult", Vars.DOCUMENT_VIEW.name())
        .inputs(Vars.RESULT, Vars.REPLY_NUMBER, Vars.REPLY_DATE);
    public static final UserTaskContract REVIEW_PROPOSAL = UserTaskContract
        .task(Tasks.REVIEW_PROPOSAL)
        .form("form_reviewProposal", Vars.DOCUMENT_VIEW.name())
        .inputs(Vars.PROPOSAL_APPROVED, Vars.PROPOSAL_COMMENT);
    public static final UserTaskContract CONSOLIDATE_REPORT = UserTaskContract
        .task(Tasks.CONSOLIDATE_REPORT)
        .form("form_consolidateReport", Vars.DOCUMENT_VIEW.name())
        .inputs(Vars.REPORT);
    public static final UserTaskContract APPROVE_RESULT = UserTaskContract.task(Tasks.APPROVE_RESULT)
        .form("form_approveResult", Vars.DOCUMENT_VIEW.name())
        .inputs(Vars.APPROVED, Vars.COMMENT);

    static final List<UserTaskContract> ALL = List.of(GIVE_DIRECTION, HANDLE_ASSIGNMENT,
        ASSIGN_HANDLER, PROPOSE_RESULT, REVIEW_PROPOSAL, CONSOLIDATE_REPORT, APPROVE_RESULT);

    private Contracts() {}
  }

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Set<String> decisionKeys() {
    return Set.of(SLA_DECISION_KEY);
  }

  @Override
  public Collection<UserTaskContract> userTasks() {
    return Contracts.ALL;
  }

  @Override
  public Set<String> taskViewCopies() {
    return Vars.TASK_VIEW_COPIES;
  }

  /** Business key of a document: "114/2026"; classified series "5-M/2026". */
  public static String businessKey(int incomingNumber, int year, boolean classified) {
    return classified ? incomingNumber + "-M/" + year : incomingNumber + "/" + year;
  }

  IncomingDirectiveProcess() {}
}
