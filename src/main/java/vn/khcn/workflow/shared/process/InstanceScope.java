package vn.khcn.workflow.shared.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The process instance a task or an execution belongs to, as a variable scope. */
final class InstanceScope {

  private InstanceScope() {
  }

  /** The instance of a task or an execution; null for any other scope or a task outside one. */
  static VariableScope of(VariableScope scope) {
    if (scope instanceof DelegateTask task) {
      DelegateExecution execution = task.getExecution();
      return execution == null ? null : execution.getProcessInstance();
    }
    if (scope instanceof DelegateExecution execution) {
      return execution.getProcessInstance();
    }
    return null;
  }
}
