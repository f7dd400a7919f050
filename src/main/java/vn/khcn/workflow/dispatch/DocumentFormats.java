package vn.khcn.workflow.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates as Vietnamese readers write them: 15/03/2024, 15/03/2024 09:30. */
final class DocumentFormats {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  static String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  static String dateTime(Instant instant, ZoneId zone) {
    return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
  }

  static String date(Instant instant, ZoneId zone) {
    return instant == null ? "" : DATE.format(instant.atZone(zone));
  }

  private DocumentFormats() {}
}
