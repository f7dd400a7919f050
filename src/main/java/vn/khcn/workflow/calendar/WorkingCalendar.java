package vn.khcn.workflow.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The Department's working-day calendar: Monday to Friday minus the public holidays that
 * administrators keep as data (domain.md, "Working days"). Every deadline stated in working days
 * goes through this interface.
 */
public interface WorkingCalendar {

  /** True when the date is neither a weekend day nor a public holiday. */
  boolean isWorkingDay(LocalDate date);

  /**
   * The working day {@code days} working days after {@code from}. With {@code days == 0} the result
   * is {@code from} itself when it is a working day, otherwise the next working day.
   */
  LocalDate addWorkingDays(LocalDate from, int days);

  /**
   * End of office hours (17:00 in the Department's time zone) of the working day {@code days}
   * working days after the date of {@code from}: the usual shape of a due date.
   */
  Instant endOfWorkingDay(Instant from, int days);
}
