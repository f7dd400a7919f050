package vn.khcn.workflow.outgoing;

import java.time.LocalDate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.khcn.workflow.shared.jdbc.Savepoints;

/**
 * Numbers outgoing documents (Decree 30/2020 Art. 15): one series per calendar year from 01,
 * classified documents and each type with a series of its own apart from the rest; the number
 * and symbol follow the type's pattern (khcn.outgoing.symbols).
 *
 * <p>Gapless under concurrency: the year's counter row is incremented inside the caller's
 * numbering transaction, so its row lock orders concurrent numberings and a rolled-back numbering
 * gives its number back. Callers take the number as their last step (ADR 0024).
 */
@Component
@EnableConfigurationProperties(OutgoingProperties.class)
class OutgoingNumbering {

  /** A number taken: the series and year it belongs to and the number and symbol as written. */
  record Assigned(String series, int year, int number, String numberSymbol) {}

  private final JdbcTemplate jdbc;
  private final OutgoingProperties properties;

  OutgoingNumbering(JdbcTemplate jdbc, OutgoingProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** The series a document of this type and classification is numbered in. */
  String seriesOf(String documentType, Classification classification) {
    if (classification.isClassified()) {
      return OutgoingProperties.CLASSIFIED;
    }
    return properties.type(documentType)
        .map(OutgoingProperties.TypeSymbol::series)
        .filter(series -> !series.isBlank())
        .orElse(OutgoingProperties.REGULAR);
  }

  /**
   * The next number of the document's series in the year of issuedOn, with its symbol; must run
   * inside the transaction that records the number.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Assigned next(String documentType, Classification classification, String unitId,
      LocalDate issuedOn) {
    String pattern = properties.type(documentType)
        .orElseThrow(() -> new IllegalStateException("No symbol pattern for " + documentType))
        .pattern();
    String series = seriesOf(documentType, classification);
    int year = issuedOn.getYear();
    ensureCounter(series, year);
    jdbc.update("update outgoing_number_counter set last_number = last_number + 1"
        + " where series = ? and counter_year = ?", series, year);
    OutgoingRegisterClosures.refuseIfClosed(jdbc, year);
    int number = jdbc.queryForObject("select last_number from outgoing_number_counter"
        + " where series = ? and counter_year = ?", Integer.class, series, year);
    return new Assigned(series, year, number, symbol(pattern, number, unitId, year));
  }

  /** "{n}/SKHCN-{unit}" for number 7 of phong-qlkh in 2026: "07/SKHCN-QLKH". */
  String symbol(String pattern, int number, String unitId, int year) {
    String unit = properties.unitCodes().getOrDefault(unitId, unitId.toUpperCase());
    return pattern.replace("{n}", String.format("%02d", number))
        .replace("{unit}", unit)
        .replace("{year}", Integer.toString(year));
  }

  /**
   * The year's first numbering creates the series' counter inside the caller's transaction, behind
   * a savepoint on the same connection: a concurrent creator waits for it and then meets the
   * unique key, rolls back to its savepoint and increments the committed row. (A transaction of
   * its own would need a second pooled connection per caller: a burst of first numberings of a
   * year could hold every connection and wait for one more.)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void ensureCounter(String series, int year) {
    Integer rows = jdbc.queryForObject("select count(*) from outgoing_number_counter"
        + " where series = ? and counter_year = ?", Integer.class, series, year);
    if (rows != null && rows > 0) {
      return;
    }
    // a concurrent numbering may have created it: it starts at 0 either way
    Savepoints.insertIfAbsent(jdbc, "insert into outgoing_number_counter"
        + " (series, counter_year, last_number) values (?, ?, 0)", series, year);
  }
}
