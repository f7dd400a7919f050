package vn.khcn.workflow.research;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.shared.process.ProcessDescriptor;
import vn.khcn.workflow.shared.process.UserTaskContract;

/** Descriptor of {@code processes/acceptance.bpmn} (called by research-task). */
@Component
public final class AcceptanceProcess implements ProcessDescriptor {

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

  /** Variables (council variables as in {@link AssignmentCouncilProcess.Vars}). */
  public static final class Vars {
    /** Date: the council must be appointed within 15 working days of the complete dossier. */
    public static final String APPOINTMENT_DUE_DATE = "appointmentDueDate";
    /** String, task-local form input of gradeResult. */
    public static final String MEMBER_GRADE = "memberGrade";
    /** String: the council's grade; passed out to research-task. */
    public static final String GRADE = ResearchTaskProcess.Vars.GRADE;
    /** Date: the investigator fixes the dossier within 30 working days. */
    public static final String FIX_DUE_DATE = "fixDueDate";
    /** Boolean. */
    public static final String FIXES_CONFIRMED = "fixesConfirmed";
    /** Number, task-local form input of recordRefund. */
    public static final String REFUND_AMOUNT = "refundAmount";

    private Vars() {}
  }

  public static final int APPOINTMENT_WORKING_DAYS = 15;
  public static final int FIX_WORKING_DAYS = 30;

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Set<String> decisionKeys() {
    return Set.of(GRADE_DECISION_KEY);
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

  AcceptanceProcess() {}
}
