package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Flyway V44 on H2: the trail's sequence starts one allocation after the last id, so the first
 * block Hibernate's pooled optimizer takes (the 50 ids up to the value drawn) follows the rows
 * already there; a row without an id is refused rather than given one the sequence hands out.
 */
class TrailIdsMigrationTest {

  @Test
  void theSequenceFollowsTheLastTrailIdAndTheColumnNoLongerMakesIds() throws Exception {
    String url = "jdbc:h2:mem:trail-ids-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
        .javaMigrations(new V6__DocumentDuplicateKey(), new V7__RecomputeDuplicateKeys())
        .target("43").load().migrate();
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement sql = connection.createStatement()) {
      sql.executeUpdate("insert into incoming_document (series, doc_year, incoming_number,"
          + " business_key, issuer, document_number, issued_on, document_type, summary,"
          + " urgency, classification, received_on, status, registered_by, registered_at,"
          + " search_text, duplicate_key, version) values ('REGULAR', 2025, 1, '1/2025',"
          + " 'Thành ủy Cần Thơ', '1143-CV/TU', date '2024-11-28', 'Công văn', 'Trích yếu',"
          + " 'NORMAL', 'NONE', date '2025-01-02', 'ARCHIVED', 'vanthu', current_timestamp, 'x',"
          + " 'k', 0)");
      sql.executeUpdate(trailRow()); // ids 1 and 2 from the identity column
      sql.executeUpdate(trailRow());
      sql.executeUpdate("insert into document_trail (id, document_id, occurred_at, actor, action)"
          + " select 120, id, current_timestamp, 'vanthu', 'REGISTERED' from incoming_document");
    }
    Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
        .javaMigrations(new V6__DocumentDuplicateKey(), new V7__RecomputeDuplicateKeys(),
            new V44__TrailIdsFromSequence())
        .load().migrate();

    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement sql = connection.createStatement()) {
      try (ResultSet next = sql.executeQuery("select next value for document_trail_seq")) {
        assertThat(next.next()).isTrue();
        assertThat(next.getLong(1)).as("Hibernate takes 121..170 from it").isEqualTo(170);
      }
      try (ResultSet next = sql.executeQuery("select next value for document_trail_seq")) {
        assertThat(next.next()).isTrue();
        assertThat(next.getLong(1)).as("then 171..220").isEqualTo(220);
      }
      assertThatThrownBy(() -> sql.executeUpdate(trailRow())).isInstanceOf(SQLException.class)
          .as("no id made by the column any more");
      try (ResultSet count = sql.executeQuery("select count(*), max(id) from document_trail")) {
        assertThat(count.next()).isTrue();
        assertThat(count.getInt(1)).isEqualTo(3);
        assertThat(count.getLong(2)).isEqualTo(120);
      }
    }
  }

  private static String trailRow() {
    return "insert into document_trail (document_id, occurred_at, actor, action)"
        + " select id, current_timestamp, 'vanthu', 'REGISTERED' from incoming_document";
  }
}
