package vn.khcn.workflow.research;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.shared.process.ProcessDescriptor;
import vn.khcn.workflow.shared.process.UserTaskContract;

/** Descriptor of {@code processes/assignment-council.bpmn} (called by research-task). */
@Component
public final class AssignmentCouncilProcess implements ProcessDescriptor {

  public static final String KEY = "assignment-council";
  public static final String VERDICT_DECISION_KEY = "council-verdict";

  /** Task definition keys. */
  public static final class Tasks {
    public static final String APPOINT_COUNCIL = "appointCouncil";
    public static final String DECLARE_CONFLICT = "declareConflict";
    public static final String APPOINT_REPLACEMENT = "appointReplacement";
    public static final String SCORE_PROPOSAL = "scoreProposal";
    public static final String RECORD_MEETING = "recordMeeting";
    public static final String SUBMIT_REVISION = "submitRevision";
    public static final String VERIFY_REVISION = "verifyRevision";
    public static final String CONFIRM_REVISION = "confirmRevision";

    private Tasks() {}
  }

  /** Element ids. */
  public static final class Elements {
    public static final String MEMBERS = "subProcess_member";
    public static final String EVALUATE = "serviceTask_evaluateCouncil";
    public static final String REVISION_REMINDER = "boundaryEvent_revisionReminder";
    public static final String REVISION_OVERDUE = "boundaryEvent_revisionOverdue";
    public static final String END_ASSIGNED = "endEvent_assigned";
    public static final String END_REJECTED = "endEvent_rejected";
    public static final String END_ASSIGNED_AFTER_REVISION = "endEvent_assignedAfterRevision";

    private Elements() {}
  }

  /** Beans (besides the shared ones in {@link ResearchTaskProcess.Beans}). */
  public static final class Beans {
    public static final String APPOINTMENT = "councilAppointmentListener";
    public static final String DECLARATION = "conflictDeclarationListener";
    public static final String REPLACEMENT = "replacementListener";
    public static final String BALLOT = "ballotListener";
    public static final String MEETING = "meetingListener";
    public static final String EVALUATE = "evaluateCouncilStep";
    public static final String REVISION_SUBMITTED = "revisionSubmittedListener";
    public static final String REVISION_VERIFIED = "revisionVerificationListener";
    public static final String REVISION_CONFIRMED = "revisionConfirmationListener";

    private Beans() {}
  }

  /** Variables. */
  public static final class Vars {
    /** Form fields of appointCouncil / appointAcceptanceCouncil: user ids of the pool. */
    public static final String CHAIR_FIELD = "chair";
    public static final String VICE_CHAIR_FIELD = "viceChair";
    public static final String SECRETARY_FIELD = "secretary";
    public static final String REVIEWER_1 = "reviewer1";
    public static final String REVIEWER_2 = "reviewer2";
    public static final String MEMBER_FIELD_PREFIX = "member";
    /** Long: the Council entity. */
    public static final String COUNCIL_ID = "councilId";
    /** List of String: user ids of the active members (multi-instance collection). */
    public static final String COUNCIL_MEMBERS = "councilMembers";
    /** String: element variable, the member of one instance. */
    public static final String MEMBER = "member";
    /** String: user id of the chair (assignee of the chair's tasks). */
    public static final String CHAIR = "chair";
    /** String: user id of the scientific secretary. */
    public static final String SECRETARY = "secretary";
    /** Date: deadline of declarations and ballots. */
    public static final String BALLOT_DUE_DATE = "ballotDueDate";
    /** Boolean, local to one member's instance: the member declared a conflict of interest. */
    public static final String CONFLICT = "conflict";
    /** Boolean, task-local form input of declareConflict: true = no conflict of interest. */
    public static final String NO_CONFLICT = "noConflict";
    /** String, task-local form input of appointReplacement. */
    public static final String REPLACEMENT = "replacement";
    /** Task-local form inputs of recordMeeting. */
    public static final String MEETING_DATE = "meetingDate";
    public static final String PRESENT = "present";
    public static final String REVISIONS_REQUIRED = "revisionsRequired";
    public static final String REQUIRED_REVISIONS = "requiredRevisions";
    public static final String NOTES = "notes";
    /** Boolean: the last meeting had a quorum. */
    public static final String QUORUM_MET = "quorumMet";
    /** Date: the 20-day deadline of the revised outline, and the reminder 3 days before. */
    public static final String REVISION_DUE_DATE = "revisionDueDate";
    public static final String REVISION_REMINDER_DATE = "revisionReminderDate";
    /** String, task-local form input of submitRevision. */
    public static final String RESPONSE_NOTE = "responseNote";
    /** Boolean: the secretary or the chair accepted the revision. */
    public static final String REVISION_ACCEPTED = "revisionAccepted";

    private Vars() {}
  }

  /** Calendar days the investigator has for the revised outline (TT 20/2023). */
  public static final int REVISION_DAYS = 20;
  public static final int REVISION_REMINDER_DAYS_BEFORE = 3;
  /** Working days members have to declare and score. */
  public static final int BALLOT_WORKING_DAYS = 10;

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Set<String> decisionKeys() {
    return Set.of(VERDICT_DECISION_KEY);
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

  AssignmentCouncilProcess() {}
}
