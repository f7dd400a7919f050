package vn.khcn.workflow.dispatch;

/**
 * Descriptor of {@code processes/incoming-directive.bpmn}: the process key, the task definition keys
 * and element ids the code refers to, the Spring bean names the model calls, and every process
 * variable with its type. Nothing else in the code spells these strings.
 */
public final class IncomingDirectiveProcess {

  public static final String KEY = "incoming-directive";
  public static final String SLA_DECISION_KEY = "dispatch-sla";

  /** Task definition keys (the contract with Tasklist, forms and the inbox). */
  public static final class Tasks {
    public static final String GIVE_DIRECTION = "giveDirection";
    public static final String HANDLE_ASSIGNMENT = "handleAssignment";
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
    public static final String NOTIFY_INFORMED = "serviceTask_notifyInformedUnits";
    public static final String UNIT_HANDLING = "subProcess_unitHandling";
    public static final String HANDLE_ASSIGNMENT = "handleAssignment";
    public static final String ASSIGNMENT_REMINDER = "boundaryEvent_assignmentReminder";
    public static final String ASSIGNMENT_ESCALATION = "boundaryEvent_assignmentOverdue";
    public static final String CONSOLIDATE_REPORT = "consolidateReport";
    public static final String REPORT_REMINDER = "boundaryEvent_reportReminder";
    public static final String REPORT_ESCALATION = "boundaryEvent_reportOverdue";
    public static final String APPROVE_RESULT = "approveResult";
    public static final String ARCHIVE = "serviceTask_archiveDocument";
    public static final String END_ARCHIVED = "endEvent_archived";

    private Elements() {}
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

    private Beans() {}
  }

  /** Process variables. Types in the comments are what the engine holds. */
  public static final class Vars {
    // set at start by the registration service
    /** Long: id of the IncomingDocument entity. */
    public static final String DOCUMENT_ID = "documentId";
    /** String: "114/2026". */
    public static final String INCOMING_NUMBER = "incomingNumber";
    /** String: number and symbol of the document, "1143-CV/TU". */
    public static final String DOCUMENT_NUMBER = "documentNumber";
    /** String: issuing body. */
    public static final String ISSUER = "issuer";
    /** String: summary (trích yếu), at most 500 characters. */
    public static final String SUMMARY = "summary";
    /** String: document type, e.g. "Công văn". */
    public static final String DOCUMENT_TYPE = "documentType";
    /** String: NORMAL, URGENT, VERY_URGENT or FLASH. */
    public static final String URGENCY = "urgency";

    // decision dispatch-sla (singleResult map) and the deadlines derived from it
    /** Map: outputs of dispatch-sla (directionDueHours, directionDueWorkingDays, handlingDueWorkingDays). */
    public static final String SLA = "sla";
    /** Date: due date of giveDirection. */
    public static final String DIRECTION_DUE_DATE = "directionDueDate";
    /** Date: handling due date suggested to the director (prefilled in the direction form). */
    public static final String SUGGESTED_DUE_DATE = "suggestedDueDate";

    // giveDirection (input from the director)
    /** String: the direction text (ý kiến chỉ đạo). */
    public static final String DIRECTION = "direction";
    /** Boolean: for information / filing only. */
    public static final String INFO_ONLY = "infoOnly";
    /** String: group id of the lead unit. */
    public static final String LEAD_UNIT = "leadUnit";
    /** Json array of group ids. */
    public static final String COORDINATING_UNITS = "coordinatingUnits";
    /** Json array of group ids. */
    public static final String INFORMED_UNITS = "informedUnits";
    /**
     * Date: handling due date given by the director. Before the direction it holds the suggested
     * date as an ISO String (yyyy-MM-dd) so the direction form is prefilled; the direction listener
     * accepts a Date or such a String.
     */
    public static final String DUE_DATE = "dueDate";

    // derived by the direction listener
    /** List of String: lead unit first, then co-ordinating units (multi-instance collection). */
    public static final String ASSIGNED_UNITS = "assignedUnits";
    /** String: element variable of the multi-instance, the unit of one assignment. */
    public static final String UNIT = "unit";
    /** Boolean: there are co-ordinating units, so the lead unit consolidates. */
    public static final String HAS_COORDINATING_UNITS = "hasCoordinatingUnits";
    /** Date: normalised handling due date (task due dates, escalation timers). */
    public static final String HANDLING_DUE_DATE = "handlingDueDate";
    /** Date: when reminders fire. */
    public static final String REMINDER_DATE = "reminderDate";

    // unit, consolidation and approval tasks
    /** String: a unit's result (local to the unit's handleAssignment task). */
    public static final String RESULT = "result";
    /** String: the lead unit's consolidated report. */
    public static final String REPORT = "report";
    /** Boolean: the director approves the result. */
    public static final String APPROVED = "approved";
    /** String: the director's comment on approval or return. */
    public static final String COMMENT = "comment";
    /**
     * String, task-local, set when a user task is created: the document as a person reads it
     * (metadata, attachments, direction, due dates, units' results, earlier comments), shown
     * read-only at the top of every form.
     */
    public static final String DOCUMENT_VIEW = "documentView";
    /**
     * The task-local copies a task gets on create (the document's text and Tasklist's list
     * columns): derived from the process variables and the entity, so no history is kept of them
     * (ADR 0011).
     */
    public static final java.util.Set<String> TASK_VIEW_COPIES = java.util.Set.of(DOCUMENT_VIEW,
        INCOMING_NUMBER, SUMMARY, URGENCY);
    /** String (local input of remind/escalate steps): HANDLING or REPORT. */
    public static final String STAGE = "stage";

    private Vars() {}
  }

  /** Business key of a document: "114/2026"; classified series "5-M/2026". */
  public static String businessKey(int incomingNumber, int year, boolean classified) {
    return classified ? incomingNumber + "-M/" + year : incomingNumber + "/" + year;
  }

  private IncomingDirectiveProcess() {}
}
