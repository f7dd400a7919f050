package vn.khcn.workflow.dispatch;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deadline of one unit's handling task and its timers, from the unit's assignment: the
 * director's own deadline for the unit, else the common one (Decree 30/2020 Art. 23(2)).
 */
@Service
@Transactional(readOnly = true)
class UnitDeadlines {

  /** A unit's task due date, when it is reminded and the cycle of its escalation. */
  record UnitSchedule(Instant due, Instant reminderAt, String escalationCycle) {}

  private final DocumentAssignments assignments;
  private final DispatchDeadlines deadlines;
  private final Clock clock;

  UnitDeadlines(DocumentAssignments assignments, DispatchDeadlines deadlines, Clock clock) {
    this.assignments = assignments;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  UnitSchedule schedule(long documentId, String unit, Integer escalationRepeat) {
    Instant due = assignments.require(documentId, unit).getDueAt();
    return new UnitSchedule(due, deadlines.reminderAt(clock.instant(), due),
        deadlines.escalationCycle(due, escalationRepeat));
  }
}
