package vn.khcn.workflow.dispatch;

import java.time.Instant;
import java.time.LocalDate;

/** When the director must give a direction, and the handling due date suggested to him. */
record DirectionSchedule(Instant directionDue, LocalDate suggestedHandlingDue) {}
