package vn.khcn.workflow.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.identity.Groups;

/**
 * The director's items as the variable {@code directionItems} holds them (the Tasklist form's
 * text, or what the inbox API writes from JSON): one line per item,
 * {@code label | lead | coordinating, units | dueDate | reportEvery | reportUntil | text};
 * lines starting with {@code #} are comments (the proposal's item texts). An item's text may be
 * left empty to take the text of the document's item with the same label. Dates are
 * {@code yyyy-MM-dd} or {@code dd/MM/yyyy}.
 */
final class DirectionItemRules {

  /** The variable is a Camunda string: at most 4000 characters. */
  static final int MAX_LENGTH = 4000;
  static final int MAX_ITEMS = 30;
  static final int MAX_LABEL = DocumentItems.MAX_LABEL;
  static final int MAX_TEXT = DocumentItems.MAX_TEXT;
  /** A periodic report's task opens this many working days before its period's due day. */
  static final int REPORT_OPENS_WORKING_DAYS = 5;
  static final String FIELD = "items";
  private static final int FIELDS = 7;

  /** How often the lead unit reports. */
  enum Period {
    P1M(1, "hằng tháng"), P3M(3, "hằng quý"), P6M(6, "6 tháng một lần");

    private final int months;
    private final String label;

    Period(int months, String label) {
      this.months = months;
      this.label = label;
    }

    String code() {
      return name();
    }

    int months() {
      return months;
    }

    String label() {
      return label;
    }

    static Period of(String code) {
      for (Period period : values()) {
        if (period.name().equals(code)) {
          return period;
        }
      }
      return null;
    }
  }

  /** An item as typed: every part a text, checked by {@link #check}. */
  record Line(String label, String lead, List<String> coordinating, String dueDate,
      String reportEvery, String reportUntil, String text) {}

  /** A checked item; {@code due} is the end of office hours of its due day. */
  record Item(String label, String text, String lead, List<String> coordinating, LocalDate dueDay,
      Instant due, Period reportEvery, LocalDate reportUntil) {

    /** Lead first, then co-ordinating units. */
    List<String> units() {
      List<String> units = new ArrayList<>();
      units.add(lead);
      units.addAll(coordinating);
      return units;
    }
  }

  private DirectionItemRules() {}

  /** The lines of the variable; a malformed line is a problem naming it. */
  static List<Line> parse(String text, List<String> problems) {
    List<Line> lines = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return lines;
    }
    if (text.length() > MAX_LENGTH) {
      problems.add(FIELD + ": các mục dài quá " + MAX_LENGTH + " ký tự; để trống nội dung mục"
          + " để lấy nội dung từ văn bản");
      return lines;
    }
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\|", FIELDS);
      if (parts.length < FIELDS - 1) {
        problems.add(FIELD + ": dòng '" + abbreviate(line) + "' không đúng dạng 'số mục | đơn vị"
            + " chủ trì | đơn vị phối hợp | hạn | kỳ báo cáo | báo cáo đến ngày | nội dung'");
        continue;
      }
      List<String> coordinating = new ArrayList<>();
      for (String unit : parts[2].split(",")) {
        if (!unit.isBlank()) {
          coordinating.add(unit.strip());
        }
      }
      lines.add(new Line(blank(parts[0]), blank(parts[1]), coordinating, blank(parts[3]),
          blank(parts[4]), blank(parts[5]), parts.length == FIELDS ? blank(parts[6]) : null));
    }
    if (lines.size() > MAX_ITEMS) {
      problems.add(FIELD + ": nhiều quá " + MAX_ITEMS + " mục");
      return List.of();
    }
    return lines;
  }

  /** What a rule needs to know about the document and today. */
  record Context(Map<String, String> documentItemTexts, LocalDate commonDueDay,
      LocalDate documentDue, Instant now, int maxYears, WorkingCalendar calendar, ZoneId zone) {}

  /** The items checked: units of the Department, working-day deadlines, report periods. */
  static List<Item> check(List<Line> lines, Context context, List<String> problems) {
    List<Item> items = new ArrayList<>();
    Set<String> labels = new LinkedHashSet<>();
    LocalDate today = LocalDate.ofInstant(context.now(), context.zone());
    LocalDate farthest = today.plusYears(context.maxYears());
    for (Line line : lines) {
      int before = problems.size();
      String label = line.label();
      String at = FIELD + ": mục " + (label == null ? "(không số)" : label) + ": ";
      if (label == null) {
        problems.add(FIELD + ": có mục chưa ghi số mục");
      } else if (label.length() > MAX_LABEL) {
        problems.add(at + "số mục dài quá " + MAX_LABEL + " ký tự");
      } else if (!labels.add(label)) {
        problems.add(at + "số mục bị ghi hơn một lần");
      }
      String text = line.text() != null ? line.text()
          : label == null ? null : context.documentItemTexts().get(label);
      if (text == null) {
        problems.add(at + "chưa có nội dung (văn bản không có mục số này)");
      } else if (text.length() > MAX_TEXT) {
        problems.add(at + "nội dung dài quá " + MAX_TEXT + " ký tự");
      }
      String lead = line.lead();
      if (lead == null) {
        problems.add(at + "chưa chọn đơn vị chủ trì");
      } else if (!Groups.isUnit(lead)) {
        problems.add(at + "'" + lead + "' không phải là đơn vị của Sở");
      }
      for (String unit : line.coordinating()) {
        if (!Groups.isUnit(unit)) {
          problems.add(at + "'" + unit + "' không phải là đơn vị của Sở");
        } else if (unit.equals(lead)) {
          problems.add(at + "đơn vị chủ trì không đồng thời là đơn vị phối hợp");
        }
      }
      if (new LinkedHashSet<>(line.coordinating()).size() < line.coordinating().size()) {
        problems.add(at + "đơn vị phối hợp bị ghi hơn một lần");
      }
      LocalDate dueDay = line.dueDate() == null ? context.commonDueDay()
          : day(line.dueDate(), at + "hạn", problems);
      Instant due = null;
      if (dueDay == null && line.dueDate() == null) {
        problems.add(at + "chưa có hạn (ghi hạn của mục hoặc hạn xử lý chung)");
      } else if (dueDay != null) {
        due = context.calendar().officeEnd(dueDay);
        if (due.isBefore(context.now())) {
          problems.add(at + "hạn đã qua (" + DocumentFormats.date(dueDay) + ")");
        } else if (!context.calendar().isWorkingDay(dueDay)) {
          problems.add(at + "hạn " + DocumentFormats.date(dueDay) + " là ngày nghỉ; chọn ngày"
              + " làm việc");
        } else if (context.documentDue() != null && dueDay.isAfter(context.documentDue())) {
          problems.add(at + "hạn muộn hơn hạn giải quyết của văn bản ("
              + DocumentFormats.date(context.documentDue()) + ")");
        } else if (dueDay.isAfter(farthest)) {
          problems.add(at + "hạn không thể xa quá " + context.maxYears() + " năm");
        }
      }
      Period period = null;
      LocalDate until = null;
      if (line.reportEvery() != null) {
        period = Period.of(line.reportEvery());
        if (period == null) {
          problems.add(at + "kỳ báo cáo '" + line.reportEvery() + "' không hợp lệ; một trong"
              + " P1M, P3M, P6M");
        }
        if (line.reportUntil() == null) {
          problems.add(at + "có kỳ báo cáo thì phải ghi báo cáo đến ngày nào (reportUntil)");
        } else {
          until = day(line.reportUntil(), at + "báo cáo đến ngày", problems);
          if (until != null && period != null && periodCount(today, period, until) == 0) {
            problems.add(at + "báo cáo đến ngày " + DocumentFormats.date(until) + " chưa hết kỳ"
                + " báo cáo đầu tiên (" + DocumentFormats.date(periodEnd(today, period, 1)) + ")");
          } else if (until != null && until.isAfter(farthest)) {
            problems.add(at + "báo cáo đến ngày không thể xa quá " + context.maxYears() + " năm");
          }
        }
      } else if (line.reportUntil() != null) {
        problems.add(at + "ghi ngày báo cáo đến (reportUntil) thì phải chọn kỳ báo cáo"
            + " (reportEvery)");
      }
      if (problems.size() == before) {
        items.add(new Item(label, text, lead, List.copyOf(line.coordinating()), dueDay, due,
            period, until));
      }
    }
    return items;
  }

  /** When a period's report task opens and when the report is due. */
  record ReportSchedule(Instant opens, Instant due) {}

  /**
   * Period {@code n} (1-based) of reports counted from {@code start}: due at the end of office
   * hours of the period's last day (the next working day when that is a day off), its task open
   * from the office start {@value #REPORT_OPENS_WORKING_DAYS} working days before.
   */
  static ReportSchedule schedule(LocalDate start, Period period, int n,
      WorkingCalendar calendar) {
    LocalDate dueDay = reportDueDay(periodEnd(start, period, n), calendar);
    return new ReportSchedule(calendar.officeStart(reportOpensOn(dueDay, calendar)),
        calendar.officeEnd(dueDay));
  }

  /** The last day of period {@code n} (1-based) of reports counted from {@code start}. */
  static LocalDate periodEnd(LocalDate start, Period period, int n) {
    return start.plusMonths((long) period.months() * n);
  }

  /** How many whole periods from {@code start} end on or before {@code until}. */
  static int periodCount(LocalDate start, Period period, LocalDate until) {
    int count = 0;
    while (!periodEnd(start, period, count + 1).isAfter(until)) {
      count++;
    }
    return count;
  }

  /** A period's report is due at the end of its last day, or of the next working day after it. */
  static LocalDate reportDueDay(LocalDate periodEnd, WorkingCalendar calendar) {
    LocalDate day = periodEnd;
    while (!calendar.isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  /** The report's task opens {@value #REPORT_OPENS_WORKING_DAYS} working days before its due. */
  static LocalDate reportOpensOn(LocalDate dueDay, WorkingCalendar calendar) {
    LocalDate day = dueDay;
    for (int n = 0; n < REPORT_OPENS_WORKING_DAYS; ) {
      day = day.minusDays(1);
      if (calendar.isWorkingDay(day)) {
        n++;
      }
    }
    return day;
  }

  private static LocalDate day(String text, String what, List<String> problems) {
    LocalDate day = UnitDueDates.day(text);
    if (day == null) {
      problems.add(what + " '" + text + "' không phải ngày (yyyy-MM-dd hoặc dd/MM/yyyy)");
    }
    return day;
  }

  private static String blank(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  private static String abbreviate(String line) {
    return line.length() > 60 ? line.substring(0, 59) + "…" : line;
  }
}
