package vn.khcn.workflow.research;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.shared.process.UserTaskContract;
import vn.khcn.workflow.shared.process.Variable;

/** Descriptor of {@code processes/assignment-council.bpmn} (called by research-task). */
@Component
public final class AssignmentCouncilProcess extends CalledResearchModel {

  public static final String KEY = "assignment-council";
  public static final String VERDICT_DECISION_KEY = "council-verdict";
  /** The call's ranking reached a dossier that waits for it (competitive selection, ADR 0029). */
  public static final String SELECTION_CONCLUDED_MESSAGE = "research-selection-concluded";

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
    public static final String EVALUATE = "serviceTask_evaluateCouncil";
    public static final String ROUTE = "serviceTask_routeDossier";
    public static final String SELECTION_CONCLUDED = "messageEvent_selectionConcluded";
    public static final String REVISION_REMINDER = "boundaryEvent_revisionReminder";
    public static final String REVISION_OVERDUE = "boundaryEvent_revisionOverdue";
    /** A member who has not scored by the ballot deadline: the member's part ends without a ballot. */
    public static final String BALLOT_OVERDUE = "boundaryEvent_ballotOverdue";
    public static final String BALLOT_MISSED = "endEvent_ballotMissed";
    public static final String END_ASSIGNED = "endEvent_assigned";
    public static final String END_REJECTED = "endEvent_rejected";
    public static final String END_ASSIGNED_AFTER_REVISION = "endEvent_assignedAfterRevision";

    private Elements() {}
  }

  /** Beans (besides the shared ones in {@link ResearchTaskProcess.Beans}). */
  public static final class Beans {
    /** Shared with every research model: the dossier as a person reads it, on create. */
    public static final String VIEW_LISTENER = ResearchTaskProcess.Beans.VIEW_LISTENER;
    /** Reminder before a research deadline (also used by acceptance). */
    public static final String REMIND = "researchReminderStep";
    /** Escalation of an overdue research deadline (also used by acceptance). */
    public static final String ESCALATE = "researchEscalationStep";
    public static final String APPOINTMENT = "councilAppointmentListener";
    public static final String DECLARATION = "conflictDeclarationListener";
    public static final String REPLACEMENT = "replacementListener";
    public static final String BALLOT = "ballotListener";
    public static final String MEETING = "meetingListener";
    public static final String EVALUATE = "evaluateCouncilStep";
    /** Direct assignment, or the dossier of a call (ADR 0029). */
    public static final String SELECTION_ROUTE = "selectionRouteStep";
    public static final String REVISION_SUBMITTED = "revisionSubmittedListener";
    public static final String REVISION_VERIFIED = "revisionVerificationListener";
    public static final String REVISION_CONFIRMED = "revisionConfirmationListener";

    private Beans() {}
  }

  /** Variables, typed (the acceptance council uses the same ones). */
  public static final class Vars {
    // form fields of appointCouncil / appointAcceptanceCouncil: user ids of the pool
    public static final Variable<String> CHAIR_FIELD = Variable.text("chair");
    public static final Variable<String> VICE_CHAIR_FIELD = Variable.text("viceChair");
    public static final Variable<String> SECRETARY_FIELD = Variable.text("secretary");
    public static final Variable<String> REVIEWER_1 = Variable.text("reviewer1");
    public static final Variable<String> REVIEWER_2 = Variable.text("reviewer2");
    public static final Variable<String> MEMBER_1 = Variable.text("member1");
    public static final Variable<String> MEMBER_2 = Variable.text("member2");
    public static final Variable<String> MEMBER_3 = Variable.text("member3");
    public static final Variable<String> MEMBER_4 = Variable.text("member4");
    /** The role fields of the appointment form, in the form's order. */
    public static final List<Variable<String>> ROLE_FIELDS = List.of(CHAIR_FIELD,
        VICE_CHAIR_FIELD, SECRETARY_FIELD, REVIEWER_1, REVIEWER_2, MEMBER_1, MEMBER_2, MEMBER_3,
        MEMBER_4);
    /** The further members' fields (member1..4). */
    public static final List<Variable<String>> MEMBER_FIELDS = List.of(MEMBER_1, MEMBER_2,
        MEMBER_3, MEMBER_4);

    /** The Council entity. */
    public static final Variable<Long> COUNCIL_ID = Variable.id("councilId");
    /** User ids of the active members (multi-instance collection). */
    public static final Variable<List<String>> COUNCIL_MEMBERS =
        Variable.serverTextList("councilMembers");
    /** Element variable: the member of one instance (assignee of the member's tasks). */
    public static final Variable<String> MEMBER = Variable.serverText("member");
    /** User id of the chair (assignee of the chair's tasks). */
    public static final Variable<String> CHAIR = Variable.serverText("chair");
    /** User id of the scientific secretary. */
    public static final Variable<String> SECRETARY = Variable.serverText("secretary");
    /** Deadline of declarations and ballots. */
    public static final Variable<Date> BALLOT_DUE_DATE = Variable.date("ballotDueDate");
    /** Local to one member's instance: the member declared a conflict of interest. */
    public static final Variable<Boolean> CONFLICT = Variable.serverBool("conflict");
    /** Form input of declareConflict: true = no conflict of interest. */
    public static final Variable<Boolean> NO_CONFLICT = Variable.bool("noConflict");
    /** Form input of appointReplacement. */
    public static final Variable<String> REPLACEMENT = Variable.text("replacement");
    /** Form inputs of scoreProposal (the criteria of {@link Criteria#ALL}). */
    public static final Variable<Long> SCORE_URGENCY = Variable.whole("scoreUrgency");
    public static final Variable<Long> SCORE_CONTENT = Variable.whole("scoreContent");
    public static final Variable<Long> SCORE_METHOD = Variable.whole("scoreMethod");
    public static final Variable<Long> SCORE_PRODUCTS = Variable.whole("scoreProducts");
    public static final Variable<Long> SCORE_CAPACITY = Variable.whole("scoreCapacity");
    /** Form inputs of recordMeeting / recordAcceptanceMeeting. */
    public static final Variable<LocalDate> MEETING_DATE = Variable.day("meetingDate");
    public static final Variable<List<String>> PRESENT = Variable.textList("present");
    public static final Variable<Boolean> REVISIONS_REQUIRED = Variable.bool("revisionsRequired");
    public static final Variable<String> REQUIRED_REVISIONS = Variable.text("requiredRevisions");
    public static final Variable<String> NOTES = Variable.text("notes");
    /** DIRECT, CALL (wait for the call's ranking) or CLOSED (the call closed before). */
    public static final Variable<String> SELECTION_ROUTE = Variable.serverText("selectionRoute");
    /** The last meeting had a quorum. */
    public static final Variable<Boolean> QUORUM_MET = Variable.serverBool("quorumMet");
    /** The 20-day deadline of the revised outline, and the reminder 3 days before. */
    public static final Variable<Date> REVISION_DUE_DATE = Variable.date("revisionDueDate");
    public static final Variable<Date> REVISION_REMINDER_DATE =
        Variable.date("revisionReminderDate");
    /** Form input of submitRevision. */
    public static final Variable<String> RESPONSE_NOTE = Variable.longText("responseNote");
    /** The secretary or the chair accepted the revision. */
    public static final Variable<Boolean> REVISION_ACCEPTED = Variable.serverBool("revisionAccepted");

    private Vars() {}
  }

  /** What a person may submit on each user task: the fields of its form, nothing else. */
  public static final class Contracts {
    private static final String VIEW = ResearchTaskProcess.Vars.RESEARCH_VIEW.name();

    public static final UserTaskContract APPOINT_COUNCIL = UserTaskContract
        .task(Tasks.APPOINT_COUNCIL).form("form_appointCouncil", VIEW)
        .inputs(Vars.ROLE_FIELDS.toArray(Variable<?>[]::new));
    public static final UserTaskContract DECLARE_CONFLICT = UserTaskContract
        .task(Tasks.DECLARE_CONFLICT).form("form_declareConflict", VIEW)
        .inputs(Vars.NO_CONFLICT, ResearchTaskProcess.Vars.NOTE);
    public static final UserTaskContract APPOINT_REPLACEMENT = UserTaskContract
        .task(Tasks.APPOINT_REPLACEMENT).form("form_appointReplacement", VIEW)
        .inputs(Vars.REPLACEMENT);
    public static final UserTaskContract SCORE_PROPOSAL = UserTaskContract
        .task(Tasks.SCORE_PROPOSAL).form("form_scoreProposal", VIEW)
        .inputs(Vars.SCORE_URGENCY, Vars.SCORE_CONTENT, Vars.SCORE_METHOD, Vars.SCORE_PRODUCTS,
            Vars.SCORE_CAPACITY, ResearchTaskProcess.Vars.COMMENT);
    public static final UserTaskContract RECORD_MEETING = UserTaskContract
        .task(Tasks.RECORD_MEETING).form("form_recordMeeting", VIEW)
        .inputs(Vars.MEETING_DATE, Vars.PRESENT, Vars.REVISIONS_REQUIRED,
            Vars.REQUIRED_REVISIONS, Vars.NOTES);
    public static final UserTaskContract SUBMIT_REVISION = UserTaskContract
        .task(Tasks.SUBMIT_REVISION).form("form_submitRevision", VIEW)
        .inputs(Vars.RESPONSE_NOTE);
    public static final UserTaskContract VERIFY_REVISION = UserTaskContract
        .task(Tasks.VERIFY_REVISION).form("form_verifyRevision", VIEW)
        .inputs(ResearchTaskProcess.Vars.ACCEPTED, ResearchTaskProcess.Vars.COMMENT);
    public static final UserTaskContract CONFIRM_REVISION = UserTaskContract
        .task(Tasks.CONFIRM_REVISION).form("form_confirmRevision", VIEW)
        .inputs(ResearchTaskProcess.Vars.ACCEPTED, ResearchTaskProcess.Vars.COMMENT);

    static final List<UserTaskContract> ALL = List.of(APPOINT_COUNCIL, DECLARE_CONFLICT,
        APPOINT_REPLACEMENT, SCORE_PROPOSAL, RECORD_MEETING, SUBMIT_REVISION, VERIFY_REVISION,
        CONFIRM_REVISION);

    private Contracts() {}
  }

  AssignmentCouncilProcess() {
    super(KEY, Set.of(VERDICT_DECISION_KEY), Contracts.ALL);
  }

}
