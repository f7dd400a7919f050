package vn.khcn.workflow.dispatch;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Archived documents written straight into the table, for the search's volume tests (hundreds to
 * thousands of matches without registering each), and removed afterwards by their marker.
 */
final class ArchivedRows {

  private ArchivedRows() {}

  /**
   * {@code count} archived documents of {@code year} from {@code issuer}, received on 2 March,
   * the i-th (from 1) numbered {@code firstNumber + i} with the business key {@code marker-i},
   * the symbol {@code i/symbol}, and the given summary and folded search text.
   */
  static void insert(JdbcTemplate jdbc, int year, int firstNumber, String marker, int count,
      String issuer, String symbol, IntFunction<String> summary, IntFunction<String> searchText) {
    Date issued = Date.valueOf(LocalDate.of(year, 3, 1));
    Date received = Date.valueOf(LocalDate.of(year, 3, 2));
    Timestamp registered = Timestamp.valueOf(LocalDate.of(year, 3, 2).atTime(8, 0));
    String issuerFolded = vn.khcn.workflow.shared.text.SearchText.fold(issuer);
    jdbc.batchUpdate("""
        insert into incoming_document (series, doc_year, incoming_number, business_key, issuer,
          document_number, issued_on, document_type, summary, urgency, classification,
          received_on, status, registered_by, registered_at, search_text, duplicate_key, version)
        values ('REGULAR', ?, ?, ?, ?, ?, ?, 'Công văn', ?, 'NORMAL', 'NONE', ?, 'ARCHIVED',
          'vanthu', ?, ?, ?, 0)""", IntStream.rangeClosed(1, count).mapToObj(i -> new Object[] {
        year, firstNumber + i, marker + "-" + i, issuer, i + "/" + symbol, issued, summary.apply(i),
        received, registered, searchText.apply(i), issuerFolded + (char) 31 + marker + i})
        .toList());
  }

  /** Removes what {@link #insert} wrote with this marker. */
  static void remove(JdbcTemplate jdbc, int year, String marker) {
    jdbc.update("delete from incoming_document where doc_year = ? and business_key like ?", year,
        marker + "-%");
  }
}
