package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Flyway V6 on a database of the version before it: the documents already registered get the
 * duplicate key new registrations get, and the old index gives way to one on the key.
 */
class DuplicateKeyMigrationTest {

  /** Migrates to V5, registers two documents the old way, migrates on and checks them. */
  static void check(String url, String user, String password) throws Exception {
    Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
        .javaMigrations(new V6__DocumentDuplicateKey()).target("5").load().migrate();
    try (Connection connection = DriverManager.getConnection(url, user, password);
        PreparedStatement insert = connection.prepareStatement("insert into incoming_document"
            + " (series, doc_year, incoming_number, business_key, issuer, document_number,"
            + " issued_on, document_type, summary, urgency, classification, received_on, status,"
            + " registered_by, registered_at, search_text, version) values ('REGULAR', 2025, ?,"
            + " ?, ?, ?, date '2025-12-01', 'Công văn', 'Trích yếu', 'NORMAL', 'NORMAL',"
            + " date '2025-12-02', 'ARCHIVED', 'vanthu', current_timestamp, 'x', 0)")) {
      insert(insert, 1, "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "15/UBND-KT");
      insert(insert, 2, "Sở Tài chính", "7/STC-NS");
    }
    Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
        .javaMigrations(new V6__DocumentDuplicateKey()).load().migrate();

    List<String> keys = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "select duplicate_key from incoming_document order by incoming_number")) {
      while (rows.next()) {
        keys.add(rows.getString(1));
      }
    }
    // Vietnamese capitals lowered in Java, as for a new registration typed in small letters
    assertThat(keys).containsExactly(
        IncomingDocument.duplicateKey("Ủy ban nhân dân thành phố Cần Thơ", "15/ubnd-kt"),
        IncomingDocument.duplicateKey("sở tài chính", "7/stc-ns"));
    assertThat(keys.get(0)).isEqualTo("ủy ban nhân dân thành phố cần thơ\u001f15/ubnd-kt");
  }

  private static void insert(PreparedStatement insert, int number, String issuer,
      String documentNumber) throws Exception {
    insert.setInt(1, number);
    insert.setString(2, number + "/2025");
    insert.setString(3, issuer);
    insert.setString(4, documentNumber);
    insert.executeUpdate();
  }

  @Test
  void documentsRegisteredBeforeGetTheKeyOfNewOnes() throws Exception {
    check("jdbc:h2:mem:migration-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }
}
