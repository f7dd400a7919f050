package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Flyway V9 on H2: the one-field signer is kept whole as the name, the language defaults. */
class RegisterFieldsMigrationTest {

  @Test
  void theOldSignerBecomesTheNameAndTheLanguageIsVietnamese() throws Exception {
    String url = "jdbc:h2:mem:register-fields-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
        .javaMigrations(new V6__DocumentDuplicateKey(), new V7__RecomputeDuplicateKeys())
        .target("8").load().migrate();
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement sql = connection.createStatement()) {
      sql.executeUpdate("insert into incoming_document (series, doc_year, incoming_number,"
          + " business_key, issuer, document_number, issued_on, document_type, summary, signer,"
          + " urgency, classification, received_on, status, registered_by, registered_at,"
          + " search_text, duplicate_key, version) values ('REGULAR', 2025, 1, '1/2025',"
          + " 'Thành ủy Cần Thơ', '1143-CV/TU', date '2024-11-28', 'Công văn', 'Trích yếu',"
          + " 'Phạm Văn Hiếu, Phó Bí thư', 'NORMAL', 'NONE', date '2025-01-02', 'ARCHIVED',"
          + " 'vanthu', current_timestamp, 'x', 'k', 0)");
    }
    Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
        .javaMigrations(new V6__DocumentDuplicateKey(), new V7__RecomputeDuplicateKeys())
        .load().migrate();

    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement sql = connection.createStatement()) {
      try (ResultSet row = sql.executeQuery("select signer_name, signer_position, language,"
          + " document_due_date from incoming_document")) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString(1)).isEqualTo("Phạm Văn Hiếu, Phó Bí thư");
        assertThat(row.getString(2)).isNull();
        assertThat(row.getString(3)).isEqualTo("Tiếng Việt");
        assertThat(row.getDate(4)).isNull();
      }
      sql.executeUpdate("update incoming_document set search_text = '" + "a".repeat(2000) + "'");
      try (ResultSet count = sql.executeQuery("select count(*) from register_closure")) {
        assertThat(count.next()).isTrue();
        assertThat(count.getInt(1)).isZero();
      }
    }
  }
}
