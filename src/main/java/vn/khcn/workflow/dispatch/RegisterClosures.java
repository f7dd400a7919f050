package vn.khcn.workflow.dispatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.shared.web.ConflictException;
import vn.khcn.workflow.shared.web.NotFoundException;

/**
 * Closing a year's incoming register (khóa sổ, ADR 0014): the registry clerk asks, a director
 * confirms; from the request on nothing more is registered or imported into that year. Both series
 * of the year (ordinary and classified) close together, each with its own last number. Only a year
 * that has ended can be closed. {@link #closure} answers who closed a register, when, and at which
 * number, for the printed register's closing line.
 */
@Service
@Transactional(readOnly = true)
public class RegisterClosures implements RegisterClosing {

  /** A closed (or asked-to-close) register of one year and series. */
  public record Closure(int year, boolean classified, int lastNumber, String closedBy,
      String closedByName, Instant requestedAt, String confirmedBy, String confirmedByName,
      Instant closedAt) {

    /** Whether a director has confirmed the closing; until then it waits, still refusing entries. */
    public boolean confirmed() {
      return closedAt != null;
    }

    /** "Sổ đăng ký văn bản đến năm 2025" ("… văn bản mật năm 2025" for the classified series). */
    public String registerName() {
      return RegisterClosures.registerName(year, classified);
    }

    /**
     * "Sổ đăng ký văn bản đến năm 2025 kết thúc tại số 1234, khóa ngày 05/01/2026 bởi Nguyễn Thị
     * Thu Hà (văn thư), xác nhận: Trần Quốc Bảo (lãnh đạo)." For a closing not yet confirmed, the
     * line says it waits.
     */
    public String closingLine(ZoneId zone) {
      String end = registerName() + " kết thúc tại số " + lastNumber;
      if (!confirmed()) {
        return end + ", " + closedByName + " (văn thư) đề nghị khóa ngày "
            + DocumentFormats.date(requestedAt, zone) + ", đang chờ lãnh đạo xác nhận.";
      }
      return end + ", khóa ngày " + DocumentFormats.date(closedAt, zone) + " bởi " + closedByName
          + " (văn thư), xác nhận: " + confirmedByName + " (lãnh đạo).";
    }
  }

  private final JdbcTemplate jdbc;
  private final IncomingNumberAllocator numbers;
  private final Clock clock;

  RegisterClosures(JdbcTemplate jdbc, IncomingNumberAllocator numbers, Clock clock) {
    this.jdbc = jdbc;
    this.numbers = numbers;
    this.clock = clock;
  }

  static String registerName(int year, boolean classified) {
    return "Sổ đăng ký văn bản đến" + (classified ? " mật" : "") + " năm " + year;
  }

  /** The closing of the year's ordinary register, confirmed or waiting; empty while it is open. */
  public Optional<Closure> closure(int year) {
    return closure(year, false);
  }

  /** The closing of the year's ordinary or classified register; empty while it is open. */
  public Optional<Closure> closure(int year, boolean classified) {
    return jdbc.query("select * from register_closure where doc_year = ? and series = ?",
        RegisterClosures::closure, year, series(classified).name()).stream().findFirst();
  }

  /** The line the printed register ends with (confirmed or waiting), empty while it is open. */
  @Override
  public Optional<String> closingLine(int year, boolean classified) {
    return closure(year, classified).map(c -> c.closingLine(clock.getZone()));
  }

  /** Every closing, newest year first. */
  public List<Closure> all() {
    return jdbc.query("select * from register_closure order by doc_year desc, series desc",
        RegisterClosures::closure);
  }

  /**
   * Refuses (409) an entry into a year whose register is closed or asked to close. Called after
   * the series' counter row is locked (by the number allocation or {@link
   * IncomingNumberAllocator#lockLast}), so a closing and an entry of the same year never pass
   * each other.
   */
  void refuseIfClosed(NumberSeries series, int year) {
    closure(year, series == NumberSeries.CLASSIFIED).ifPresent(c -> {
      throw new RegisterClosedException(c, clock.getZone());
    });
  }

  /** The clerk asks to close the year's registers; a director then {@link #confirm}s. */
  @Transactional
  Closure request(int year, Actor clerk) {
    LocalDate today = LocalDate.now(clock);
    if (year >= today.getYear()) {
      throw new ConflictException("Năm " + year + " chưa kết thúc: " + registerName(year, false)
          + " chỉ khóa được từ ngày 01/01/" + (year + 1) + ".", Map.of("year", year));
    }
    int regular = numbers.lockLast(NumberSeries.REGULAR, year);
    int classified = numbers.lockLast(NumberSeries.CLASSIFIED, year);
    closure(year).ifPresent(existing -> {
      throw alreadyClosing(existing);
    });
    Instant now = clock.instant();
    insert(year, NumberSeries.REGULAR, regular, clerk, now);
    insert(year, NumberSeries.CLASSIFIED, classified, clerk, now);
    return closure(year).orElseThrow();
  }

  /** A director confirms the clerk's request: the year's registers are closed. */
  @Transactional
  Closure confirm(int year, Actor director) {
    Closure asked = closure(year).orElseThrow(() -> new ConflictException(
        "Văn thư chưa đề nghị khóa " + registerName(year, false).toLowerCase()
            + ": lãnh đạo xác nhận sau khi văn thư đề nghị.", Map.of("year", year)));
    if (asked.confirmed()) {
      throw alreadyClosing(asked);
    }
    if (asked.closedBy().equals(director.userId())) {
      throw new ConflictException("Người đề nghị khóa sổ không tự xác nhận được: cần một lãnh đạo"
          + " khác xác nhận.", Map.of("year", year));
    }
    jdbc.update("update register_closure set confirmed_by = ?, confirmed_by_name = ?,"
        + " closed_at = ? where doc_year = ? and closed_at is null", director.userId(),
        director.fullName(), Timestamp.from(clock.instant()), year);
    return closure(year).orElseThrow();
  }

  /** The clerk or a director withdraws a request not yet confirmed: the year is open again. */
  @Transactional
  void withdraw(int year) {
    Closure asked = closure(year).orElseThrow(() -> new NotFoundException(
        "Không có đề nghị khóa " + registerName(year, false).toLowerCase() + "."));
    if (asked.confirmed()) {
      throw alreadyClosing(asked);
    }
    jdbc.update("delete from register_closure where doc_year = ? and closed_at is null", year);
  }

  private ConflictException alreadyClosing(Closure existing) {
    String message = existing.confirmed()
        ? existing.registerName() + " đã khóa ngày "
            + DocumentFormats.date(existing.closedAt(), clock.getZone()) + "."
        : existing.registerName() + " đã được đề nghị khóa ngày "
            + DocumentFormats.date(existing.requestedAt(), clock.getZone())
            + ", đang chờ lãnh đạo xác nhận.";
    return new ConflictException(message, Map.of("closedRegister", existing.registerName(),
        "year", existing.year()));
  }

  private void insert(int year, NumberSeries series, int lastNumber, Actor clerk, Instant at) {
    jdbc.update("insert into register_closure (doc_year, series, last_number, closed_by,"
        + " closed_by_name, requested_at) values (?, ?, ?, ?, ?, ?)", year, series.name(),
        lastNumber, clerk.userId(), clerk.fullName(), Timestamp.from(at));
  }

  private static NumberSeries series(boolean classified) {
    return classified ? NumberSeries.CLASSIFIED : NumberSeries.REGULAR;
  }

  private static Closure closure(ResultSet row, int index) throws SQLException {
    Timestamp closedAt = row.getTimestamp("closed_at");
    return new Closure(row.getInt("doc_year"),
        NumberSeries.valueOf(row.getString("series")) == NumberSeries.CLASSIFIED,
        row.getInt("last_number"), row.getString("closed_by"), row.getString("closed_by_name"),
        row.getTimestamp("requested_at").toInstant(), row.getString("confirmed_by"),
        row.getString("confirmed_by_name"), closedAt == null ? null : closedAt.toInstant());
  }

  /** An entry into a closed register (or one asked to close): 409 naming the register. */
  static final class RegisterClosedException extends ConflictException {
    RegisterClosedException(Closure closure, ZoneId zone) {
      super(closure.registerName() + (closure.confirmed()
          ? " đã khóa ngày " + DocumentFormats.date(closure.closedAt(), zone)
              + " (kết thúc tại số " + closure.lastNumber() + ")"
          : " đang chờ lãnh đạo xác nhận khóa sổ") + ": không đăng ký thêm văn bản vào năm "
          + closure.year() + " được.",
          Map.of("closedRegister", closure.registerName(), "year", closure.year()));
    }
  }
}
