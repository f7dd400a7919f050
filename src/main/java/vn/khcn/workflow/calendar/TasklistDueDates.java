package vn.khcn.workflow.calendar;

import java.time.Clock;
import java.util.Date;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.shared.process.WorkflowStep;

/**
 * Dates for Tasklist filters, which evaluate expressions such as
 * {@code ${tasklistDueDates.inWorkingDays(2)}} each time a person opens them. Marked
 * {@link WorkflowStep} because the engine's expressions see only such beans (ADR 0013).
 */
// public: Tasklist filter expressions (JUEL) call it, and JUEL invokes public classes only
@Component("tasklistDueDates")
@WorkflowStep
public class TasklistDueDates {

  private final WorkingCalendar calendar;
  private final Clock clock;

  TasklistDueDates(WorkingCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  /** End of office hours of the working day {@code days} working days from now. */
  public Date inWorkingDays(int days) {
    return Date.from(calendar.endOfWorkingDay(clock.instant(), days));
  }
}
