package vn.khcn.workflow.identity;

import java.util.List;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;

/**
 * Process definition keys the Department's working groups may see in Tasklist (READ on
 * PROCESS_DEFINITION). A new workflow adds its key here; {@link IdentityBootstrap} grants the rest.
 */
public final class DepartmentProcesses {

  public static final List<String> KEYS = List.of(IncomingDirectiveProcess.KEY);

  private DepartmentProcesses() {}
}
