package vn.khcn.workflow.dispatch;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reading the outputs of the dispatch-sla decision (the map in the process variable "sla"). */
final class SlaValues {

  /** Output of dispatch-sla: 1 = escalate every working day while overdue, 0 = once. */
  static final String ESCALATION_REPEAT = "escalationRepeatWorkingDays";

  static Integer integer(Map<?, ?> sla, String key) {
    Object value = sla == null ? null : sla.get(key);
    return value instanceof Number number ? number.intValue() : null;
  }

  static Integer escalationRepeat(Map<?, ?> sla) {
    return integer(sla, ESCALATION_REPEAT);
  }

  /**
   * The escalation's repeat as the direction's schedule copied it to the instance (ADR 0049); an
   * instance scheduled before that copy existed reads it from the decision's map.
   */
  static Integer escalationRepeat(VariableScope scope) {
    Integer repeat = IncomingDirectiveProcess.Vars.ESCALATION_REPEAT.get(scope);
    return repeat != null ? repeat
        : escalationRepeat(IncomingDirectiveProcess.Vars.SLA.get(scope));
  }

  private SlaValues() {}
}
