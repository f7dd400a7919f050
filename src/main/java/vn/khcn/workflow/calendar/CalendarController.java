package vn.khcn.workflow.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.InvalidInputException;

/** Working-day arithmetic for anyone signed in: the same answer the deadlines use. */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  /** A year and a half of working days: further than any deadline the Department sets. */
  static final int MAX_DAYS = 400;

  record DateView(LocalDate date) {}

  private final WorkingCalendar calendar;

  CalendarController(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  /**
   * The working day {@code days} working days after {@code from}; with 0, {@code from} itself when
   * it is a working day, otherwise the next one.
   */
  @GetMapping("/add-working-days")
  DateView addWorkingDays(@RequestParam(required = false) String from,
      @RequestParam(required = false) String days) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate start = null;
    if (from == null || from.isBlank()) {
      errors.add(new FieldError("from", "chưa nhập ngày bắt đầu (dạng yyyy-MM-dd)"));
    } else {
      try {
        start = LocalDate.parse(from.strip());
        if (start.getYear() < 2000 || start.getYear() > 2100) {
          errors.add(new FieldError("from", "ngày bắt đầu phải trong khoảng năm 2000–2100"));
        }
      } catch (DateTimeParseException e) {
        errors.add(new FieldError("from", "ngày bắt đầu '" + from + "' không đúng dạng yyyy-MM-dd"));
      }
    }
    Integer count = null;
    if (days == null || days.isBlank()) {
      errors.add(new FieldError("days", "chưa nhập số ngày làm việc"));
    } else {
      try {
        count = Integer.valueOf(days.strip());
        if (count < 0 || count > MAX_DAYS) {
          errors.add(new FieldError("days", "số ngày làm việc phải từ 0 đến " + MAX_DAYS));
        }
      } catch (NumberFormatException e) {
        errors.add(new FieldError("days", "số ngày làm việc '" + days + "' không phải số nguyên"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new DateView(calendar.addWorkingDays(start, count));
  }
}
