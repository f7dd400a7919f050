package vn.khcn.workflow.outgoing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.shared.web.ConflictException;

/**
 * Closing a year's outgoing register (khóa sổ văn bản đi, ADR 0028): once the year has ended the
 * registry closes it, every series of the year with its last number; from then on nothing more is
 * numbered into that year ({@link #refuseIfClosed}, called by the numbering after it locked the
 * series' counter row), and the printed register ends the year with its closing line.
 */
@Service
@Transactional(readOnly = true)
class OutgoingRegisterClosures {

  /** One series of a closed year. */
  record Closure(int year, String series, int lastNumber, String closedBy, String closedByName,
      LocalDate closedOn, Instant closedAt) {

    boolean classified() {
      return OutgoingProperties.CLASSIFIED.equals(series);
    }
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;

  OutgoingRegisterClosures(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** "Sổ đăng ký văn bản đi năm 2025" ("… văn bản đi mật năm 2025" for classified documents). */
  static String registerName(int year, boolean classified) {
    return "Sổ đăng ký văn bản đi" + (classified ? " mật" : "") + " năm " + year;
  }

  /**
   * Refuses (409) a number in a closed year. The caller holds the series' counter row lock, which
   * {@link #close} takes too, so a closing and a numbering of the same year never pass each other.
   */
  static void refuseIfClosed(JdbcTemplate jdbc, int year) {
    List<LocalDate> closed = jdbc.queryForList("select closed_on from outgoing_register_closure"
        + " where doc_year = ?", LocalDate.class, year);
    if (!closed.isEmpty()) {
      throw new ConflictException(registerName(year, false) + " đã khóa ngày "
          + OutgoingQueries.DATE.format(closed.get(0)) + ": không cấp số văn bản đi vào năm "
          + year + " được.", Map.of("closedRegister", registerName(year, false), "year", year));
    }
  }

  /** The year's closed series (regular first), empty while the year is open. */
  List<Closure> closures(int year) {
    return jdbc.query("select * from outgoing_register_closure where doc_year = ?"
        + " order by case series when 'REGULAR' then 0 when 'CLASSIFIED' then 2 else 1 end,"
        + " series", OutgoingRegisterClosures::closure, year);
  }

  /** Every closed year, newest first. */
  List<Integer> closedYears() {
    return jdbc.queryForList("select distinct doc_year from outgoing_register_closure"
        + " order by doc_year desc", Integer.class);
  }

  /** The registry closes an ended year's outgoing register, every series at once. */
  @Transactional
  List<Closure> close(int year, Actor clerk) {
    LocalDate today = LocalDate.now(clock);
    if (year >= today.getYear()) {
      throw new ConflictException("Năm " + year + " chưa kết thúc: " + registerName(year, false)
          + " chỉ khóa được từ ngày 01/01/" + (year + 1) + ".", Map.of("year", year));
    }
    Map<String, Integer> last = new TreeMap<>();
    last.put(OutgoingProperties.REGULAR, 0);
    last.put(OutgoingProperties.CLASSIFIED, 0);
    // the year's counter rows locked: a numbering of the year waits, then sees the closing
    jdbc.query("select series, last_number from outgoing_number_counter where counter_year = ?"
        + " for update", row -> {
          last.put(row.getString("series"), row.getInt("last_number"));
        }, year);
    List<Closure> existing = closures(year);
    if (!existing.isEmpty()) {
      throw new ConflictException(registerName(year, false) + " đã khóa ngày "
          + OutgoingQueries.DATE.format(existing.get(0).closedOn()) + " bởi "
          + existing.get(0).closedByName() + ".", Map.of("closedRegister",
              registerName(year, false), "year", year));
    }
    Instant now = clock.instant();
    last.forEach((series, number) -> jdbc.update("insert into outgoing_register_closure"
        + " (doc_year, series, last_number, closed_by, closed_by_name, closed_on, closed_at)"
        + " values (?, ?, ?, ?, ?, ?, ?)", year, series, number, clerk.userId(),
        clerk.fullName(), today, Timestamp.from(now)));
    return closures(year);
  }

  /**
   * "Sổ đăng ký văn bản đi năm 2025 kết thúc tại số 123, khóa ngày 05/01/2026 bởi Nguyễn Thị Thu
   * Hà (văn thư)." A series of its own (a legal normative type) is named with its last number.
   */
  Optional<String> closingLine(int year, boolean classified) {
    List<Closure> register = closures(year).stream()
        .filter(c -> c.classified() == classified).toList();
    if (register.isEmpty()) {
      return Optional.empty();
    }
    List<String> ends = new ArrayList<>();
    for (Closure c : register) {
      boolean own = !c.series().equals(OutgoingProperties.REGULAR) && !c.classified();
      ends.add("số " + c.lastNumber() + (own ? " (sổ riêng " + c.series() + ")" : ""));
    }
    Closure first = register.get(0);
    return Optional.of(registerName(year, classified) + " kết thúc tại "
        + ends.stream().collect(Collectors.joining("; ")) + ", khóa ngày "
        + OutgoingQueries.DATE.format(first.closedOn()) + " bởi " + first.closedByName()
        + " (văn thư).");
  }

  private static Closure closure(ResultSet row, int index) throws SQLException {
    return new Closure(row.getInt("doc_year"), row.getString("series"),
        row.getInt("last_number"), row.getString("closed_by"), row.getString("closed_by_name"),
        row.getObject("closed_on", LocalDate.class), row.getTimestamp("closed_at").toInstant());
  }
}
