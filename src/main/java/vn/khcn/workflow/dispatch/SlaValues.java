package vn.khcn.workflow.dispatch;

import java.util.Map;

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

  private SlaValues() {}
}
