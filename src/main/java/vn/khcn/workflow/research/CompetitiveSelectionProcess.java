package vn.khcn.workflow.research;

import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.shared.process.ProcessDescriptor;
import vn.khcn.workflow.shared.process.UserTaskContract;
import vn.khcn.workflow.shared.process.Variable;

/**
 * Descriptor of {@code processes/competitive-selection.bpmn} (ADR 0029): one instance per call
 * for dossiers, business key = the call's code (TC-2026-01), started by POST /api/research/calls.
 */
@Component
public final class CompetitiveSelectionProcess implements ProcessDescriptor {

  public static final String KEY = "competitive-selection";

  /** Task definition keys. */
  public static final class Tasks {
    public static final String APPOINT_COUNCIL = "appointSelectionCouncil";
    public static final String DECLARE_CONFLICT = "declareSelectionConflict";
    public static final String APPOINT_REPLACEMENT = "appointSelectionReplacement";
    public static final String SCORE_DOSSIER = "scoreSelectionDossier";
    public static final String RECORD_MEETING = "recordSelectionMeeting";

    private Tasks() {}
  }

  /** Element ids. */
  public static final class Elements {
    public static final String DEADLINE = "timerEvent_dossierDeadline";
    public static final String CLOSE_INTAKE = "serviceTask_closeIntake";
    public static final String RANK = "serviceTask_rankDossiers";
    public static final String END_NO_DOSSIER = "endEvent_noDossier";
    public static final String END_RANKED = "endEvent_ranked";

    private Elements() {}
  }

  /** Beans. */
  public static final class Beans {
    public static final String VIEW_LISTENER = "selectionViewListener";
    public static final String BALLOT_VIEW_LISTENER = "selectionBallotViewListener";
    public static final String APPOINTMENT = "selectionAppointmentListener";
    public static final String DECLARATION = "selectionDeclarationListener";
    public static final String REPLACEMENT = "selectionReplacementListener";
    public static final String BALLOT = "selectionBallotListener";
    public static final String MEETING = "selectionMeetingListener";
    public static final String CLOSE_INTAKE = "closeIntakeStep";
    public static final String RANK = "rankDossiersStep";

    private Beans() {}
  }

  /** Variables, typed (the council's are assignment-council's). */
  public static final class Vars {
    /** The SelectionCall entity. */
    public static final Variable<Long> SELECTION_CALL_ID = Variable.id("selectionCallId");
    /** The start of the day after the dossier deadline: the intake closes. */
    public static final Variable<Date> INTAKE_CLOSES_AT = Variable.date("intakeClosesAt");
    /** Research task ids (as text) of the dossiers the council scores. */
    public static final Variable<List<String>> DOSSIERS = Variable.serverTextList("selectionDossiers");
    /** Element variable of the ballots: one dossier's research task id. */
    public static final Variable<String> DOSSIER = Variable.serverText("dossier");
    public static final Variable<Integer> DOSSIER_COUNT = Variable.integer("dossierCount");
    /** Task-local: the call and its dossiers, as the call's forms show them. */
    public static final Variable<String> SELECTION_VIEW = Variable.view("selectionView");
    /** Form input of recordSelectionMeeting: the vote-counting team (three members present). */
    public static final Variable<List<String>> COUNTING_TEAM = Variable.textList("countingTeam");

    private Vars() {}
  }

  /** What a person may submit on each user task: the fields of its form, nothing else. */
  public static final class Contracts {
    private static final String VIEW = Vars.SELECTION_VIEW.name();

    public static final UserTaskContract APPOINT_COUNCIL = UserTaskContract
        .task(Tasks.APPOINT_COUNCIL).form("form_appointSelectionCouncil", VIEW)
        .inputs(AssignmentCouncilProcess.Vars.ROLE_FIELDS.toArray(Variable<?>[]::new));
    public static final UserTaskContract DECLARE_CONFLICT = UserTaskContract
        .task(Tasks.DECLARE_CONFLICT).form("form_declareSelectionConflict", VIEW)
        .inputs(AssignmentCouncilProcess.Vars.NO_CONFLICT, ResearchTaskProcess.Vars.NOTE);
    public static final UserTaskContract APPOINT_REPLACEMENT = UserTaskContract
        .task(Tasks.APPOINT_REPLACEMENT).form("form_appointSelectionReplacement", VIEW)
        .inputs(AssignmentCouncilProcess.Vars.REPLACEMENT);
    public static final UserTaskContract SCORE_DOSSIER = UserTaskContract
        .task(Tasks.SCORE_DOSSIER).form("form_scoreProposal",
            ResearchTaskProcess.Vars.RESEARCH_VIEW.name())
        .inputs(AssignmentCouncilProcess.Vars.SCORE_URGENCY,
            AssignmentCouncilProcess.Vars.SCORE_CONTENT, AssignmentCouncilProcess.Vars.SCORE_METHOD,
            AssignmentCouncilProcess.Vars.SCORE_PRODUCTS,
            AssignmentCouncilProcess.Vars.SCORE_CAPACITY, ResearchTaskProcess.Vars.COMMENT);
    public static final UserTaskContract RECORD_MEETING = UserTaskContract
        .task(Tasks.RECORD_MEETING).form("form_recordSelectionMeeting", VIEW)
        .inputs(AssignmentCouncilProcess.Vars.MEETING_DATE, AssignmentCouncilProcess.Vars.PRESENT,
            Vars.COUNTING_TEAM, AssignmentCouncilProcess.Vars.REQUIRED_REVISIONS,
            AssignmentCouncilProcess.Vars.NOTES);

    static final List<UserTaskContract> ALL = List.of(APPOINT_COUNCIL, DECLARE_CONFLICT,
        APPOINT_REPLACEMENT, SCORE_DOSSIER, RECORD_MEETING);

    private Contracts() {}
  }

  CompetitiveSelectionProcess() {}

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
    Set<String> copies = new HashSet<>(ResearchTaskProcess.Vars.TASK_VIEW_COPIES);
    copies.add(Vars.SELECTION_VIEW.name());
    return Set.copyOf(copies);
  }
}
