package vn.khcn.workflow.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.shared.web.ApiError.FieldError;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.InvalidInputException;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * The working-day calendar over the holidays table. The days are read once into memory and read
 * again after every change made through this service.
 */
@Service
class HolidayCalendar implements WorkingCalendar {

  /** A safety stop: no run of non-working days is this long. */
  private static final int MAX_SCAN_DAYS = 3660;

  /** The listed days, by kind, and the years that have holidays. */
  private record Days(Set<LocalDate> off, Set<LocalDate> working, Set<Integer> years) {}

  private final PublicHolidayRepository holidays;
  private final Clock clock;
  private final LocalTime officeStart;
  private final LocalTime officeEnd;
  private volatile Days cache;

  HolidayCalendar(PublicHolidayRepository holidays, Clock clock,
      @Value("${khcn.calendar.office-start:08:00}") LocalTime officeStart,
      @Value("${khcn.calendar.office-end:17:00}") LocalTime officeEnd) {
    if (!officeStart.isBefore(officeEnd)) {
      throw new IllegalStateException("khcn.calendar.office-start " + officeStart
          + " must be before khcn.calendar.office-end " + officeEnd);
    }
    this.holidays = holidays;
    this.clock = clock;
    this.officeStart = officeStart;
    this.officeEnd = officeEnd;
  }

  @Override
  public boolean isWorkingDay(LocalDate date) {
    Days days = days();
    if (days.working().contains(date)) {
      return true;
    }
    return !DayKind.isWeekend(date) && !days.off().contains(date);
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
    return officeEnd(addWorkingDays(countingDay(from), days));
  }

  @Override
  public LocalDate countingDay(Instant arrival) {
    ZonedDateTime local = arrival.atZone(clock.getZone());
    LocalDate day = local.toLocalDate();
    if (isWorkingDay(day) && local.toLocalTime().isBefore(officeEnd)) {
      return day;
    }
    return addWorkingDays(day.plusDays(1), 0);
  }

  @Override
  public Instant officeStart(LocalDate day) {
    return day.atTime(officeStart).atZone(clock.getZone()).toInstant();
  }

  @Override
  public Instant officeEnd(LocalDate day) {
    return day.atTime(officeEnd).atZone(clock.getZone()).toInstant();
  }

  @Override
  public boolean hasDataFor(int year) {
    return days().years().contains(year);
  }

  @Transactional(readOnly = true)
  public List<PublicHoliday> list(Integer year) {
    return year == null ? holidays.findAllByOrderByDayAsc()
        : holidays.findByDayBetweenOrderByDayAsc(LocalDate.of(year, 1, 1),
            LocalDate.of(year, 12, 31));
  }

  @Transactional
  public PublicHoliday create(LocalDate day, String name, DayKind kind, String by) {
    DayKind checked = validate(day, name, kind);
    holidays.findByDay(day).ifPresent(existing -> {
      throw duplicate(existing);
    });
    PublicHoliday saved = holidays.saveAndFlush(new PublicHoliday(day, name.strip(), checked, by,
        clock.instant()));
    refresh();
    return saved;
  }

  @Transactional
  public PublicHoliday update(long id, LocalDate day, String name, DayKind kind, String by) {
    DayKind checked = validate(day, name, kind);
    PublicHoliday holiday = holidays.findById(id).orElseThrow(() -> notFound(id));
    holidays.findByDay(day).filter(other -> !other.getId().equals(id)).ifPresent(other -> {
      throw duplicate(other);
    });
    holiday.change(day, name.strip(), checked, by, clock.instant());
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

  /** Forget the cached days; the next question reads them again. */
  public void refresh() {
    cache = null;
  }

  private Days days() {
    Days days = cache;
    if (days == null) {
      Set<LocalDate> off = new HashSet<>();
      Set<LocalDate> working = new HashSet<>();
      Set<Integer> years = new HashSet<>();
      for (PublicHoliday holiday : holidays.findAll()) {
        if (holiday.getKind() == DayKind.WORKING_DAY) {
          working.add(holiday.getDay());
        } else {
          off.add(holiday.getDay());
        }
        if (holiday.getKind() == DayKind.HOLIDAY) {
          years.add(holiday.getDay().getYear());
        }
      }
      days = new Days(Set.copyOf(off), Set.copyOf(working), Set.copyOf(years));
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

  /** The kind defaults to HOLIDAY (the API before kinds existed). */
  private static DayKind validate(LocalDate day, String name, DayKind kind) {
    DayKind checked = kind == null ? DayKind.HOLIDAY : kind;
    List<FieldError> errors = new java.util.ArrayList<>();
    if (day == null) {
      errors.add(new FieldError("day", "chưa nhập ngày (dạng yyyy-MM-dd)"));
    } else if (!checked.fits(day)) {
      errors.add(new FieldError("kind", checked == DayKind.WORKING_DAY
          ? "ngày làm bù (WORKING_DAY) phải là thứ Bảy hoặc Chủ nhật; " + day + " là ngày thường"
          : "ngày nghỉ (" + checked + ") phải là ngày thường từ thứ Hai đến thứ Sáu; " + day
              + " đã là ngày nghỉ cuối tuần"));
    }
    if (name == null || name.isBlank()) {
      errors.add(new FieldError("name", "chưa nhập tên ngày"));
    } else if (name.strip().length() > 200) {
      errors.add(new FieldError("name", "tên ngày dài quá 200 ký tự"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return checked;
  }

  private static ConflictException duplicate(PublicHoliday existing) {
    return new ConflictException("Ngày " + existing.getDay() + " đã có trong lịch ("
        + existing.getKind().label() + "): " + existing.getName(),
        java.util.Map.of("existingId", existing.getId()));
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException("Không tìm thấy ngày có mã " + id + " trong lịch");
  }
}
