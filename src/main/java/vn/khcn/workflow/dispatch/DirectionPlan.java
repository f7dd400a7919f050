package vn.khcn.workflow.dispatch;

import java.time.Instant;
import java.util.List;

/**
 * What a recorded direction means for the process: which units handle the document (lead first),
 * whether the lead consolidates, and the deadlines of the timers.
 */
record DirectionPlan(boolean infoOnly, List<String> assignedUnits,
    boolean hasCoordinatingUnits, Instant handlingDue, Instant reminderAt,
    String escalationCycle) {}
