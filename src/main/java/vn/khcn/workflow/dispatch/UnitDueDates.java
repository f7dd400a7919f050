package vn.khcn.workflow.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.identity.Groups;

/**
 * A director's own deadlines for single lead or co-ordinating units (Decree 30/2020 Art. 23(2)),
 * read from {@code unitDueDates}: one line per unit, "phong-khtc: 20/03/2026" or
 * "phong-khtc: 2026-03-20". A unit's deadline is the end of office hours of that day; it must not
 * be past, nor later than the document's own deadline (hạn giải quyết) when the document has one.
 * Informed units have no deadline.
 */
final class UnitDueDates {

  static final int MAX_LENGTH = 2000;
  private static final String FIELD = "unitDueDates: ";
  private static final DateTimeFormatter VIETNAMESE = DateTimeFormatter.ofPattern("d/M/uuuu")
      .withResolverStyle(ResolverStyle.STRICT);

  private UnitDueDates() {}

  /**
   * The deadline of each unit named in {@code text} (none when blank); each problem goes to
   * {@code problems} naming the field.
   */
  static Map<String, Instant> read(String text, Collection<String> handlingUnits,
      LocalDate documentDue, Instant now, int maxYears, WorkingCalendar calendar, ZoneId zone,
      List<String> problems) {
    Map<String, Instant> deadlines = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return deadlines;
    }
    if (text.length() > MAX_LENGTH) {
      problems.add(FIELD + "hạn riêng của các đơn vị dài quá " + MAX_LENGTH + " ký tự");
      return deadlines;
    }
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      LocalDate day = colon < 0 ? null : day(line.substring(colon + 1).strip());
      if (day == null) {
        problems.add(FIELD + "dòng '" + line + "' không đúng dạng 'mã đơn vị: dd/MM/yyyy'");
        continue;
      }
      String unit = line.substring(0, colon).strip();
      if (!Groups.isUnit(unit)) {
        problems.add(FIELD + "'" + unit + "' không phải là đơn vị của Sở");
      } else if (!handlingUnits.contains(unit)) {
        problems.add(FIELD + Groups.nameOf(unit) + " không chủ trì hoặc phối hợp xử lý văn bản"
            + " này nên không có hạn riêng");
      } else if (deadlines.containsKey(unit)) {
        problems.add(FIELD + Groups.nameOf(unit) + " được ghi hạn riêng hơn một lần");
      } else {
        Instant due = calendar.officeEnd(day);
        String name = Groups.nameOf(unit);
        if (due.isBefore(now)) {
          problems.add(FIELD + "hạn của " + name + " đã qua (" + DocumentFormats.date(day) + ")");
        } else if (documentDue != null && day.isAfter(documentDue)) {
          problems.add(FIELD + "hạn của " + name + " (" + DocumentFormats.date(day)
              + ") muộn hơn hạn giải quyết của văn bản (" + DocumentFormats.date(documentDue)
              + ")");
        } else if (day.isAfter(LocalDate.ofInstant(now, zone).plusYears(maxYears))) {
          problems.add(FIELD + "hạn của " + name + " không thể xa quá " + maxYears + " năm");
        } else {
          deadlines.put(unit, due);
        }
      }
    }
    return deadlines;
  }

  /** A day typed as dd/MM/yyyy or yyyy-MM-dd; null when it is neither. */
  static LocalDate day(String text) {
    try {
      return text.contains("/") ? LocalDate.parse(text, VIETNAMESE) : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
