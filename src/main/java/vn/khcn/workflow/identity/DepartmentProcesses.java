package vn.khcn.workflow.identity;

import java.util.List;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;
import vn.khcn.workflow.research.AcceptanceProcess;
import vn.khcn.workflow.research.AssignmentCouncilProcess;
import vn.khcn.workflow.research.MidtermEvaluationProcess;
import vn.khcn.workflow.research.ResearchTaskProcess;

/**
 * Process definition keys the Department's working groups may see in Tasklist (READ on
 * PROCESS_DEFINITION). A new workflow adds its key here; {@link IdentityBootstrap} grants the rest.
 */
public final class DepartmentProcesses {

  public static final List<String> KEYS = List.of(IncomingDirectiveProcess.KEY,
      ResearchTaskProcess.KEY, AssignmentCouncilProcess.KEY, MidtermEvaluationProcess.KEY,
      AcceptanceProcess.KEY);

  /** Decision tables that lanh-dao and phong-qlkh may evaluate through the engine REST API. */
  public static final List<String> DECISION_KEYS = List.of(
      AssignmentCouncilProcess.VERDICT_DECISION_KEY, AcceptanceProcess.GRADE_DECISION_KEY);

  private DepartmentProcesses() {}
}
