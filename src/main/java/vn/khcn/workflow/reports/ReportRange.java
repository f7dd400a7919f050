package vn.khcn.workflow.reports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/**
 * The range of a handling report: documents that arrived from {@code from} to {@code to} (both
 * included), optionally of one unit. Built only through {@link #parse}, which names every bad
 * parameter in Vietnamese.
 */
record ReportRange(LocalDate from, LocalDate to, String unit) {

  /** Ten years: the weekly chart and the report stay readable. */
  static final int MAX_DAYS = 3660;

  static ReportRange parse(String from, String to, String unit) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate start = date("from", "ngày bắt đầu", from, errors);
    LocalDate end = date("to", "ngày kết thúc", to, errors);
    if (start != null && end != null) {
      if (start.isAfter(end)) {
        errors.add(new FieldError("from", "ngày bắt đầu (" + start + ") sau ngày kết thúc ("
            + end + ")"));
      } else if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
        errors.add(new FieldError("to", "khoảng thời gian dài quá 10 năm"));
      }
    }
    String chosenUnit = unit == null || unit.isBlank() ? null : unit.strip();
    if (chosenUnit != null && !Groups.isUnit(chosenUnit)) {
      errors.add(new FieldError("unit", "không có đơn vị '" + abbreviate(chosenUnit)
          + "'; chọn một trong " + String.join(", ", Groups.UNITS)));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new ReportRange(start, end, chosenUnit);
  }

  /** The query string of this range, for links (export, the other page). */
  String query() {
    return "from=" + from + "&to=" + to + (unit == null ? "" : "&unit=" + unit);
  }

  private static LocalDate date(String field, String name, String value,
      List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "chưa nhập " + name + " (" + field
          + ", dạng yyyy-MM-dd)"));
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, name + " không hợp lệ: '" + abbreviate(value)
          + "' (" + field + ", dạng yyyy-MM-dd)"));
      return null;
    }
  }

  private static String abbreviate(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
