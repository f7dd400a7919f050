package vn.khcn.workflow.dispatch;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.shared.jdbc.Savepoints;

/**
 * Hands out incoming numbers (số đến): one gapless, duplicate-free sequence per series and calendar
 * year. The counter row is incremented inside the caller's transaction, so its row lock serialises
 * concurrent registrations and a rolled-back registration gives its number back (ADR 0005).
 */
@Component
class IncomingNumberAllocator {

  private final JdbcTemplate jdbc;

  IncomingNumberAllocator(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The next number of the series for the year; must run inside the registration transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  int next(NumberSeries series, int year) {
    if (increment(series, year) == 0) {
      ensureCounter(series, year);
      if (increment(series, year) == 0) {
        throw new IllegalStateException("Counter row for " + series + "/" + year + " is missing");
      }
    }
    Integer number = jdbc.queryForObject(
        "select last_number from incoming_number_counter where series = ? and counter_year = ?",
        Integer.class, series.name(), year);
    return number;
  }

  /**
   * The series' last number for the year, its counter row locked until the caller's transaction
   * ends: a registration of that year waits, then sees what the caller did (closing, importing).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  int lockLast(NumberSeries series, int year) {
    if (touch(series, year) == 0) {
      ensureCounter(series, year);
      touch(series, year);
    }
    return jdbc.queryForObject(
        "select last_number from incoming_number_counter where series = ? and counter_year = ?",
        Integer.class, series.name(), year);
  }

  /** After an import: the series continues after the highest number, never below its last. */
  @Transactional(propagation = Propagation.MANDATORY)
  void continueAfter(NumberSeries series, int year, int highest) {
    lockLast(series, year);
    jdbc.update("update incoming_number_counter set last_number = greatest(last_number, ?)"
        + " where series = ? and counter_year = ?", highest, series.name(), year);
  }

  private int touch(NumberSeries series, int year) {
    return jdbc.update("update incoming_number_counter set last_number = last_number"
        + " where series = ? and counter_year = ?", series.name(), year);
  }

  private int increment(NumberSeries series, int year) {
    return jdbc.update("update incoming_number_counter set last_number = last_number + 1"
        + " where series = ? and counter_year = ?", series.name(), year);
  }

  /**
   * The first registration of a year creates its counter behind a savepoint of the caller's
   * transaction (same connection; a concurrent creator waits, meets the unique key and rolls back
   * to its savepoint). A transaction of its own would take a second pooled connection per caller,
   * and a burst of first registrations could then exhaust the pool.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void ensureCounter(NumberSeries series, int year) {
    Integer rows = jdbc.queryForObject("select count(*) from incoming_number_counter"
        + " where series = ? and counter_year = ?", Integer.class, series.name(), year);
    if (rows != null && rows > 0) {
      return;
    }
    // another registration may have created the row first: fine, it starts at 0 either way
    Savepoints.insertIfAbsent(jdbc,
        "insert into incoming_number_counter (series, counter_year, last_number) values (?, ?, 0)",
        series.name(), year);
  }
}
