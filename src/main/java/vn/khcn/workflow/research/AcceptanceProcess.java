package vn.khcn.workflow.research;

import java.util.Date;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.shared.process.UserTaskContract;
import vn.khcn.workflow.shared.process.Variable;

/** Descriptor of {@code processes/acceptance.bpmn} (called by research-task). */
@Component
public final class AcceptanceProcess extends CalledResearchModel {

  public static final String KEY = "acceptance";
  public static final String GRADE_DECISION_KEY = "acceptance-grade";

  /** Task definition keys. */
  public static final class Tasks {
    public static final String APPOINT_COUNCIL = "appointAcceptanceCouncil";
    public static final String GRADE_RESULT = "gradeResult";
    public static final String RECORD_MEETING = "recordAcceptanceMeeting";
    public static final String FIX_FINAL_DOSSIER = "fixFinalDossier";
    public static final String CONFIRM_FIXES = "confirmFixes";
    public static final String RECORD_REFUND = "recordRefund";

    private Tasks() {}
  }

  /** Element ids. */
  public static final class Elements {
    public static final String APPOINTMENT_OVERDUE = "boundaryEvent_appointmentOverdue";
    public static final String END_PASSED = "endEvent_passed";
    public static final String END_FAILED = "endEvent_failed";

    private Elements() {}
  }

  /** Beans. */
  public static final class Beans {
    public static final String VIEW_LISTENER = ResearchTaskProcess.Beans.VIEW_LISTENER;
    public static final String ESCALATE = AssignmentCouncilProcess.Beans.ESCALATE;
    public static final String OPEN = "openAcceptanceStep";
    public static final String APPOINTMENT = "acceptanceCouncilListener";
    public static final String GRADE = "gradeListener";
    public static final String MEETING = "acceptanceMeetingListener";
    public static final String DECIDE = "decideGradeStep";
    public static final String FIX = "dossierFixListener";
    public static final String FIX_CONFIRMATION = "fixConfirmationListener";
    public static final String REFUND = "refundListener";
    public static final String RESTRICT = "restrictPartiesStep";

    private Beans() {}
  }

  /** Variables, typed (council variables as in {@link AssignmentCouncilProcess.Vars}). */
  public static final class Vars {
    /** The council must be appointed within 15 working days of the complete dossier. */
    public static final Variable<Date> APPOINTMENT_DUE_DATE = Variable.date("appointmentDueDate");
    /** Form input of gradeResult: XUAT_SAC, DAT or KHONG_DAT. */
    public static final Variable<String> MEMBER_GRADE = Variable.text("memberGrade");
    /** The council's grade; passed out to research-task. */
    public static final Variable<String> GRADE = ResearchTaskProcess.Vars.GRADE;
    /** The investigator fixes the dossier within 30 working days. */
    public static final Variable<Date> FIX_DUE_DATE = Variable.date("fixDueDate");
    public static final Variable<Boolean> FIXES_CONFIRMED = Variable.serverBool("fixesConfirmed");
    /** Form inputs of recordRefund: the refund itself is computed from them (ADR 0030). */
    public static final Variable<Long> DISBURSED_AMOUNT = Variable.whole("disbursedAmount");
    public static final Variable<Long> SPENT_AMOUNT = Variable.whole("spentAmount");

    private Vars() {}
  }

  /** What a person may submit on each user task: the fields of its form, nothing else. */
  public static final class Contracts {
    private static final String VIEW = ResearchTaskProcess.Vars.RESEARCH_VIEW.name();

    public static final UserTaskContract APPOINT_COUNCIL = UserTaskContract
        .task(Tasks.APPOINT_COUNCIL).form("form_appointAcceptanceCouncil", VIEW)
        .inputs(AssignmentCouncilProcess.Vars.ROLE_FIELDS.toArray(Variable<?>[]::new));
    public static final UserTaskContract GRADE_RESULT = UserTaskContract
        .task(Tasks.GRADE_RESULT).form("form_gradeResult", VIEW)
        .inputs(Vars.MEMBER_GRADE, ResearchTaskProcess.Vars.COMMENT);
    public static final UserTaskContract RECORD_MEETING = UserTaskContract
        .task(Tasks.RECORD_MEETING).form("form_recordAcceptanceMeeting", VIEW)
        .inputs(AssignmentCouncilProcess.Vars.MEETING_DATE, AssignmentCouncilProcess.Vars.PRESENT,
            AssignmentCouncilProcess.Vars.NOTES);
    public static final UserTaskContract FIX_FINAL_DOSSIER = UserTaskContract
        .task(Tasks.FIX_FINAL_DOSSIER).form("form_fixFinalDossier", VIEW)
        .inputs(ResearchTaskProcess.Vars.NOTE);
    public static final UserTaskContract CONFIRM_FIXES = UserTaskContract
        .task(Tasks.CONFIRM_FIXES).form("form_confirmFixes", VIEW)
        .inputs(ResearchTaskProcess.Vars.ACCEPTED, ResearchTaskProcess.Vars.COMMENT);
    public static final UserTaskContract RECORD_REFUND = UserTaskContract
        .task(Tasks.RECORD_REFUND).form("form_recordRefund", VIEW)
        .inputs(Vars.DISBURSED_AMOUNT, Vars.SPENT_AMOUNT, ResearchTaskProcess.Vars.NOTE);

    static final List<UserTaskContract> ALL = List.of(APPOINT_COUNCIL, GRADE_RESULT,
        RECORD_MEETING, FIX_FINAL_DOSSIER, CONFIRM_FIXES, RECORD_REFUND);

    private Contracts() {}
  }

  AcceptanceProcess() {
    super(KEY, Set.of(GRADE_DECISION_KEY), Contracts.ALL);
  }

}
