package vn.khcn.workflow.outgoing;

import java.time.LocalDate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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
  private final TransactionTemplate newTransaction;
  private final OutgoingProperties properties;

  OutgoingNumbering(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
      OutgoingProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
   * The year's first numbering creates the series' counter in a transaction of its own (so the
   * row exists for everyone to lock); a concurrent creator may win, which is fine.
   */
  private void ensureCounter(String series, int year) {
    Integer rows = jdbc.queryForObject("select count(*) from outgoing_number_counter"
        + " where series = ? and counter_year = ?", Integer.class, series, year);
    if (rows != null && rows > 0) {
      return;
    }
    try {
      newTransaction.executeWithoutResult(status -> jdbc.update("insert into"
          + " outgoing_number_counter (series, counter_year, last_number) values (?, ?, 0)",
          series, year));
    } catch (DataIntegrityViolationException alreadyCreated) {
      // created by a concurrent numbering: it starts at 0 either way
    }
  }
}
