package vn.khcn.workflow.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * The working-day calendar over the holidays table. The holidays are read once into memory and
 * read again after every change made through this service.
 */
@Service
class HolidayCalendar implements WorkingCalendar {

  /** Office hours end at 17:00: the time of day of a due date given in working days. */
  static final LocalTime END_OF_DAY = LocalTime.of(17, 0);
  /** A safety stop: no run of non-working days is this long. */
  private static final int MAX_SCAN_DAYS = 3660;

  private final PublicHolidayRepository holidays;
  private final Clock clock;
  private volatile Set<LocalDate> cache;

  HolidayCalendar(PublicHolidayRepository holidays, Clock clock) {
    this.holidays = holidays;
    this.clock = clock;
  }

  @Override
  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidayDays().contains(date);
  }

  @Override
  public LocalDate addWorkingDays(LocalDate from, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative: " + days);
    }
    LocalDate date = from;
    int scanned = 0;
    while (!isWorkingDay(date)) {
      date = next(date, ++scanned);
    }
    for (int left = days; left > 0; ) {
      date = next(date, ++scanned);
      if (isWorkingDay(date)) {
        left--;
      }
    }
    return date;
  }

  @Override
  public Instant endOfWorkingDay(Instant from, int days) {
    LocalDate start = LocalDate.ofInstant(from, clock.getZone());
    return addWorkingDays(start, days).atTime(END_OF_DAY).atZone(clock.getZone()).toInstant();
  }

  @Transactional(readOnly = true)
  public List<PublicHoliday> list(Integer year) {
    return year == null ? holidays.findAllByOrderByDayAsc()
        : holidays.findByDayBetweenOrderByDayAsc(LocalDate.of(year, 1, 1),
            LocalDate.of(year, 12, 31));
  }

  @Transactional
  public PublicHoliday create(LocalDate day, String name, String by) {
    validate(day, name);
    holidays.findByDay(day).ifPresent(existing -> {
      throw duplicate(existing);
    });
    PublicHoliday saved = holidays.saveAndFlush(new PublicHoliday(day, name.strip(), by,
        clock.instant()));
    refresh();
    return saved;
  }

  @Transactional
  public PublicHoliday update(long id, LocalDate day, String name, String by) {
    validate(day, name);
    PublicHoliday holiday = holidays.findById(id).orElseThrow(() -> notFound(id));
    holidays.findByDay(day).filter(other -> !other.getId().equals(id)).ifPresent(other -> {
      throw duplicate(other);
    });
    holiday.change(day, name.strip(), by, clock.instant());
    holidays.flush();
    refresh();
    return holiday;
  }

  @Transactional
  public void delete(long id) {
    holidays.delete(holidays.findById(id).orElseThrow(() -> notFound(id)));
    holidays.flush();
    refresh();
  }

  /** Forget the cached holidays; the next question reads them again. */
  public void refresh() {
    cache = null;
  }

  private Set<LocalDate> holidayDays() {
    Set<LocalDate> days = cache;
    if (days == null) {
      days = holidays.findAll().stream().map(PublicHoliday::getDay)
          .collect(Collectors.toUnmodifiableSet());
      cache = days;
    }
    return days;
  }

  private static LocalDate next(LocalDate date, int scanned) {
    if (scanned > MAX_SCAN_DAYS) {
      throw new IllegalStateException("No working day within " + MAX_SCAN_DAYS + " days of " + date);
    }
    return date.plusDays(1);
  }

  private static void validate(LocalDate day, String name) {
    List<FieldError> errors = new java.util.ArrayList<>();
    if (day == null) {
      errors.add(new FieldError("day", "chưa nhập ngày nghỉ (dạng yyyy-MM-dd)"));
    }
    if (name == null || name.isBlank()) {
      errors.add(new FieldError("name", "chưa nhập tên ngày nghỉ"));
    } else if (name.strip().length() > 200) {
      errors.add(new FieldError("name", "tên ngày nghỉ dài quá 200 ký tự"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  private static ConflictException duplicate(PublicHoliday existing) {
    return new ConflictException("Ngày " + existing.getDay() + " đã là ngày nghỉ: "
        + existing.getName(), java.util.Map.of("existingId", existing.getId()));
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException("Không tìm thấy ngày nghỉ có mã " + id);
  }
}
