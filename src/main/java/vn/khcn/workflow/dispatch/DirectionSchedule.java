package vn.khcn.workflow.dispatch;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When the director must give a direction, the handling due date suggested to him, and when the
 * directors are reminded and (as a timer cycle) escalated to.
 */
record DirectionSchedule(Instant directionDue, LocalDate suggestedHandlingDue,
    Instant directionReminder, String directionEscalationCycle) {}
