package vn.khcn.workflow.research;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import vn.khcn.workflow.shared.process.Variable;

/**
 * What the research adapters share: the ids every model carries, where gateway variables go, and
 * who acts on a task. Who acts always comes from the task (its assignee, set by the model from
 * server-written variables when the task was created), never from a variable a person submits.
 */
final class ResearchAdapters {

  static long researchTaskId(VariableScope scope) {
    return ResearchTaskProcess.Vars.RESEARCH_TASK_ID.require(scope);
  }

  static long councilId(VariableScope scope) {
    return AssignmentCouncilProcess.Vars.COUNCIL_ID.require(scope);
  }

  /** Sets a variable where gateways and timers see it: on the process instance. */
  static <T> void setOnInstance(DelegateTask task, Variable<T> variable, T value) {
    variable.set(task.getExecution().getProcessInstance(), value);
  }

  /**
   * The council member whose declaration, ballot or grade a task is: its assignee, which the model
   * set from the multi-instance element when it created the task.
   */
  static String memberOf(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null) {
      throw new IllegalStateException("Task " + task.getId() + " (" + task.getTaskDefinitionKey()
          + ") has no assignee: whose ballot it is cannot be told");
    }
    return assignee;
  }

  /**
   * Writes the routing variables back from the entities, so that nothing a person submitted on
   * a task can redirect the next tasks (the investigator's, the chair's, the secretary's).
   */
  static void keepRouting(DelegateTask task, AssignmentCouncilSteps.Routing routing) {
    DelegateExecution instance = task.getExecution().getProcessInstance();
    ResearchTaskProcess.Vars.INVESTIGATOR.set(instance, routing.investigator());
    if (routing.chair() != null) {
      AssignmentCouncilProcess.Vars.CHAIR.set(instance, routing.chair());
    }
    if (routing.secretary() != null) {
      AssignmentCouncilProcess.Vars.SECRETARY.set(instance, routing.secretary());
    }
  }

  /** Writes the investigator back from the research task (see {@link #keepRouting}). */
  static void keepInvestigator(DelegateTask task, String investigator) {
    ResearchTaskProcess.Vars.INVESTIGATOR.set(task.getExecution().getProcessInstance(),
        investigator);
  }

  private ResearchAdapters() {}
}
