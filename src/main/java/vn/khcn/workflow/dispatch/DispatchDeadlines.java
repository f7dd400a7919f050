package vn.khcn.workflow.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.calendar.WorkingCalendar;

/**
 * Deadlines of incoming documents per Decree 30/2020 Art. 23–24 over the working calendar: what
 * arrives after office hours or on a day off counts from the next working day; reminders and
 * escalations go out on working days in office hours, escalations every working day while overdue.
 */
@Component
class DispatchDeadlines {

  /** A deadline repeated this many working days; 0 escalates once. */
  static final int DEFAULT_ESCALATION_REPEAT = 1;

  private final WorkingCalendar calendar;
  private volatile Clock clock;

  DispatchDeadlines(WorkingCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  /** The working day an arrival counts from (the same day only within office hours). */
  LocalDate countingDay(Instant arrival) {
    return calendar.countingDay(arrival);
  }

  /**
   * The reminder before {@code due}: 08:00 (office start) of the working day before the due day;
   * when that is past, office start of the due day; when that is past too, half-way to the due if
   * that falls in office hours of a working day; otherwise at the due itself, where the step finds
   * the reminder stale and sends nothing.
   */
  Instant reminderAt(Instant now, Instant due) {
    LocalDate dueDay = LocalDate.ofInstant(due, clock.getZone());
    LocalDate before = dueDay.minusDays(1);
    for (int i = 0; i < 60 && !calendar.isWorkingDay(before); i++) {
      before = before.minusDays(1);
    }
    for (Instant candidate : new Instant[] {calendar.officeStart(before),
        calendar.isWorkingDay(dueDay) ? calendar.officeStart(dueDay) : null}) {
      if (candidate != null && candidate.isAfter(now) && candidate.isBefore(due)) {
        return candidate;
      }
    }
    if (due.isAfter(now)) {
      Instant halfWay = now.plus(Duration.between(now, due).dividedBy(2));
      if (inOfficeHours(halfWay)) {
        return halfWay;
      }
    }
    return due;
  }

  /** The first escalation: the due itself when in office hours, else the next office start. */
  Instant firstEscalation(Instant due) {
    if (inOfficeHours(due)) {
      return due;
    }
    LocalDate day = LocalDate.ofInstant(due, clock.getZone());
    if (calendar.isWorkingDay(day) && due.isBefore(calendar.officeStart(day))) {
      return calendar.officeStart(day);
    }
    return calendar.officeStart(calendar.addWorkingDays(day.plusDays(1), 0));
  }

  /**
   * The escalation timer's ISO 8601 cycle: from the first escalation, every day while the task is
   * open ({@code repeatWorkingDays} 1, the default) or once (0); the step skips days off.
   */
  String escalationCycle(Instant due, Integer repeatWorkingDays) {
    int repeat = repeatWorkingDays == null ? DEFAULT_ESCALATION_REPEAT : repeatWorkingDays;
    String start = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        firstEscalation(due).atZone(clock.getZone()).toOffsetDateTime());
    return (repeat <= 0 ? "R1/" : "R/") + start + "/P1D";
  }

  /** Reminders and escalations go out on working days only. */
  boolean isWorkingDayToday() {
    return calendar.isWorkingDay(LocalDate.now(clock));
  }

  /** A reminder is sent on a working day before the due only (a late timer sends nothing). */
  boolean remindNow(Instant due) {
    return isWorkingDayToday() && due != null && clock.instant().isBefore(due);
  }

  /** Tests set the day on which the engine's timers fire. */
  void useClock(Clock clock) {
    this.clock = clock;
  }

  boolean inOfficeHours(Instant moment) {
    LocalDate day = LocalDate.ofInstant(moment, clock.getZone());
    return calendar.isWorkingDay(day) && !moment.isBefore(calendar.officeStart(day))
        && !moment.isAfter(calendar.officeEnd(day));
  }

  /**
   * "Lưu ý: …" when a deadline falls in a year the calendar has no holidays for (computed as
   * plain Monday to Friday), for the document's trail.
   */
  Optional<String> missingCalendarNote(Instant... deadlines) {
    TreeSet<Integer> years = new TreeSet<>();
    for (Instant deadline : deadlines) {
      if (deadline != null) {
        int year = LocalDate.ofInstant(deadline, clock.getZone()).getYear();
        if (!calendar.hasDataFor(year)) {
          years.add(year);
        }
      }
    }
    return years.isEmpty() ? Optional.empty() : Optional.of("Lưu ý: lịch làm việc năm "
        + years.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow()
        + " chưa có ngày nghỉ lễ; hạn được tính theo thứ Hai–thứ Sáu, có thể phải sửa khi có"
        + " lịch nghỉ.");
  }
}
