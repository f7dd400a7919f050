package vn.khcn.workflow.reports;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.dispatch.HandlingFigures;
import vn.khcn.workflow.dispatch.HandlingFigures.DayCount;
import vn.khcn.workflow.dispatch.HandlingFigures.DocumentCounts;
import vn.khcn.workflow.dispatch.HandlingFigures.DutyCounts;
import vn.khcn.workflow.dispatch.HandlingFigures.OpenDuty;
import vn.khcn.workflow.dispatch.Urgency;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.reports.HandlingReport.Documents;
import vn.khcn.workflow.reports.HandlingReport.Overdue;
import vn.khcn.workflow.reports.HandlingReport.Row;

/**
 * Builds the handling report and the directors' dashboard from {@link HandlingFigures}: the
 * database counts (a few grouped rows), this class only adds them up and divides. "Now" is the
 * Department's clock.
 */
@Service
class HandlingReports {

  /** Rows of the overdue list in the JSON answer and on the page. */
  static final int OVERDUE_LIMIT = 500;
  /** Rows of the overdue list in the workbook. */
  static final int OVERDUE_EXPORT_LIMIT = 10_000;
  /** The due list of the dashboard: the next five working days. */
  static final int DUE_WORKING_DAYS = 5;
  static final int DUE_LIMIT = 200;
  private static final double SECONDS_PER_DAY = 86_400d;

  private final HandlingFigures figures;
  private final WorkingCalendar calendar;
  private final Clock clock;

  HandlingReports(HandlingFigures figures, WorkingCalendar calendar, Clock clock) {
    this.figures = figures;
    this.calendar = calendar;
    this.clock = clock;
  }

  HandlingReport report(ReportRange range, int overdueLimit) {
    Instant now = clock.instant();
    List<DutyCounts> counts = figures.dutyCounts(range.from(), range.to(), range.unit(), now);
    List<String> units = range.unit() == null ? Groups.UNITS : List.of(range.unit());
    Map<String, List<DutyCounts>> byUnit = group(units, counts, DutyCounts::unitId);
    Map<String, List<DutyCounts>> byUrgency = group(
        java.util.Arrays.stream(Urgency.values()).map(Urgency::name).toList(), counts,
        c -> c.urgency().name());
    List<Row> unitRows = byUnit.entrySet().stream()
        .map(e -> row(e.getKey(), Groups.nameOf(e.getKey()), e.getValue())).toList();
    List<Row> urgencyRows = byUrgency.entrySet().stream()
        .map(e -> row(e.getKey(), Urgency.valueOf(e.getKey()).label(), e.getValue())).toList();
    Row total = row("TOTAL", "Tổng cộng", counts);
    DocumentCounts documents = figures.documentCounts(range.from(), range.to());
    LocalDate today = LocalDate.now(clock);
    List<Overdue> overdue = figures.overdue(range.from(), range.to(), range.unit(), now,
        overdueLimit).stream().map(d -> overdue(d, today)).toList();
    return new HandlingReport(range.from(), range.to(), range.unit(), now,
        new Documents(documents.received(), documents.awaitingDirection(), documents.directed(),
            days(documents.secondsToDirection(), documents.directed())),
        unitRows, urgencyRows, total, total.openOverdue(), overdue);
  }

  /** Documents received per week (Monday to Sunday) from the week of from to that of to. */
  List<Charts.Bar> receivedPerWeek(ReportRange range) {
    Map<LocalDate, Long> weeks = new LinkedHashMap<>();
    LocalDate first = range.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    for (LocalDate week = first; !week.isAfter(range.to()); week = week.plusWeeks(1)) {
      weeks.put(week, 0L);
    }
    for (DayCount day : figures.receivedPerDay(range.from(), range.to())) {
      weeks.merge(day.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
          day.documents(), Long::sum);
    }
    List<Charts.Bar> bars = new ArrayList<>();
    weeks.forEach((week, n) -> bars.add(new Charts.Bar(
        Charts.DAY_MONTH.format(week), "Tuần từ " + Charts.DATE.format(week), n)));
    return bars;
  }

  /** Open duties due from now to 17:00 of the fifth working day after today. */
  List<Overdue> dueSoon(ReportRange range) {
    Instant now = clock.instant();
    Instant until = calendar.endOfWorkingDay(now, DUE_WORKING_DAYS);
    LocalDate today = LocalDate.now(clock);
    return figures.dueBetween(now, until, range.unit(), DUE_LIMIT).stream()
        .map(d -> overdue(d, today)).toList();
  }

  Instant dueUntil() {
    return calendar.endOfWorkingDay(clock.instant(), DUE_WORKING_DAYS);
  }

  private Overdue overdue(OpenDuty d, LocalDate today) {
    long days = Math.max(0, ChronoUnit.DAYS.between(
        LocalDate.ofInstant(d.dueAt(), clock.getZone()), today));
    return new Overdue(d.documentId(), d.incomingNumber(), d.documentNumber(), d.summary(),
        d.urgency().label(), d.unitId(), Groups.nameOf(d.unitId()), d.dueAt(), days);
  }

  private static Map<String, List<DutyCounts>> group(List<String> keys, List<DutyCounts> counts,
      Function<DutyCounts, String> key) {
    Map<String, List<DutyCounts>> groups = new LinkedHashMap<>();
    keys.forEach(k -> groups.put(k, new ArrayList<>()));
    for (DutyCounts c : counts) {
      groups.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c);
    }
    return groups;
  }

  static Row row(String key, String label, List<DutyCounts> counts) {
    long duties = 0;
    long onTime = 0;
    long late = 0;
    long openOnTime = 0;
    long openOverdue = 0;
    long toDirection = 0;
    long toCompletion = 0;
    for (DutyCounts c : counts) {
      duties += c.duties();
      onTime += c.doneOnTime();
      late += c.doneLate();
      openOnTime += c.openOnTime();
      openOverdue += c.openOverdue();
      toDirection += c.secondsToDirection();
      toCompletion += c.secondsToCompletion();
    }
    long decided = onTime + late + openOverdue;
    Double rate = decided == 0 ? null : round(100d * onTime / decided);
    return new Row(key, label, duties, onTime, late, openOnTime, openOverdue, rate,
        days(toDirection, duties), days(toCompletion, onTime + late));
  }

  private static Double days(long seconds, long count) {
    return count == 0 ? null : round(seconds / SECONDS_PER_DAY / count);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10d;
  }
}
