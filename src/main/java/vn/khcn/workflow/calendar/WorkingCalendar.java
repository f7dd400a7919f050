package vn.khcn.workflow.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The Department's working-day calendar: Monday to Friday minus the holidays and days off by swap,
 * plus the make-up working days, all kept by administrators as data (domain.md, "Working days").
 * Every deadline stated in working days goes through this interface.
 */
public interface WorkingCalendar {

  /**
   * True for a weekday that is neither a holiday nor a day off by swap, and for a weekend day that
   * is a make-up working day.
   */
  boolean isWorkingDay(LocalDate date);

  /**
   * The working day {@code days} working days after {@code from}. With {@code days == 0} the result
   * is {@code from} itself when it is a working day, otherwise the next working day.
   */
  LocalDate addWorkingDays(LocalDate from, int days);

  /**
   * End of office hours of the working day {@code days} working days after the day {@code from}
   * counts from ({@link #countingDay}): the usual shape of a due date. With {@code days == 0}, the
   * end of that working day ("the same day").
   */
  Instant endOfWorkingDay(Instant from, int days);

  /**
   * The working day from which something that arrives at {@code arrival} counts (Decree 30/2020,
   * Art. 23–24): the day itself when it is a working day and office hours have not ended,
   * otherwise the next working day.
   */
  LocalDate countingDay(Instant arrival);

  /** Start of office hours of the day, in the Department's time zone. */
  Instant officeStart(LocalDate day);

  /** End of office hours of the day, in the Department's time zone. */
  Instant officeEnd(LocalDate day);

  /**
   * True when the calendar holds the year's holidays. A year without them is computed as plain
   * Monday to Friday, which is wrong around Tết: deadlines into such a year say so.
   */
  boolean hasDataFor(int year);
}
