package vn.khcn.workflow.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.notify.Notification;

/**
 * From 1 November, administrators are warned when next year has no holidays in the calendar:
 * on their home page every day, and by one mail a year (the row of calendar_warning makes it once,
 * also with several application nodes).
 */
@Service
public class CalendarWarning {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarWarning.class);
  /** The warning starts on this day of the year before. */
  static final Month FROM_MONTH = Month.NOVEMBER;

  private final WorkingCalendar calendar;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final String baseUrl;
  private Clock clock;

  CalendarWarning(WorkingCalendar calendar, JdbcTemplate jdbc,
      PlatformTransactionManager transactionManager, ApplicationEventPublisher events,
      Clock clock, @Value("${khcn.base-url:http://localhost:8080}") String baseUrl) {
    this.calendar = calendar;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactionManager);
    this.events = events;
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  /** The year without holiday data administrators must fill in now, if any. */
  public Optional<Integer> missingYear() {
    LocalDate today = LocalDate.now(clock);
    int next = today.getYear() + 1;
    return today.getMonthValue() >= FROM_MONTH.getValue() && !calendar.hasDataFor(next)
        ? Optional.of(next) : Optional.empty();
  }

  /**
   * Mails the administrators once per missing year. Every morning (and so also on 1 November);
   * returns true when this call sent it.
   */
  @Scheduled(cron = "${khcn.calendar.warning-cron:0 5 8 * * *}",
      zone = "${khcn.time-zone:Asia/Ho_Chi_Minh}")
  public boolean warnOnce() {
    Optional<Integer> missing = missingYear();
    if (missing.isEmpty()) {
      return false;
    }
    int year = missing.get();
    Boolean sent = transaction.execute(status -> {
      int rows = jdbc.update("insert into calendar_warning (warned_year, sent_at) select ?, ?"
          + " where not exists (select 1 from calendar_warning where warned_year = ?)", year,
          java.sql.Timestamp.from(clock.instant()), year);
      if (rows == 0) {
        return false;
      }
      events.publishEvent(new Notification(List.of(Groups.CAMUNDA_ADMIN),
          "[Lịch làm việc] Chưa có ngày nghỉ lễ năm " + year,
          "Lịch làm việc của Sở chưa có ngày nghỉ lễ, Tết năm " + year + ". Hạn xử lý tính vào năm "
              + year + " đang coi mọi ngày từ thứ Hai đến thứ Sáu là ngày làm việc, kể cả dịp Tết."
              + "\n\nXin nhập các ngày nghỉ lễ, ngày nghỉ hoán đổi và ngày làm bù theo thông báo"
              + " của Chính phủ (POST " + baseUrl + "/api/holidays)."
              + "\n\n— Hệ thống quản lý văn bản, Sở Khoa học và Công nghệ"));
      return true;
    });
    if (Boolean.TRUE.equals(sent)) {
      LOG.info("Warned the administrators: no holidays for {}", year);
    }
    return Boolean.TRUE.equals(sent);
  }

  /** Tests move the date. */
  void useClock(Clock clock) {
    this.clock = clock;
  }
}
