package vn.khcn.workflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** What a day listed in the calendar is (the weekdays and weekends not listed are as usual). */
public enum DayKind {
  /** A public holiday, or the substitute day off for one that falls on a weekend (nghỉ bù). */
  HOLIDAY("Ngày nghỉ lễ"),
  /** A weekday given off by a swap (nghỉ hoán đổi), made up on a {@link #WORKING_DAY}. */
  DAY_OFF("Ngày nghỉ hoán đổi"),
  /** A Saturday or Sunday worked to make up for a {@link #DAY_OFF} (làm bù). */
  WORKING_DAY("Ngày làm bù");

  private final String label;

  DayKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** A make-up working day is a weekend day; a holiday or a day off by swap is a weekday. */
  boolean fits(LocalDate day) {
    boolean weekend = isWeekend(day);
    return this == WORKING_DAY ? weekend : !weekend;
  }

  static boolean isWeekend(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
  }
}
