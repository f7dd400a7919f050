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

/** Flyway V7 on H2: keys stored by V6 (lower case and NFC only) are recomputed. */
class DuplicateKeyRecomputeMigrationTest {

  @Test
  void keysStoredBeforeFoldTonePlacementAndSpacing() throws Exception {
    String url = "jdbc:h2:mem:recompute-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
        .javaMigrations(new V6__DocumentDuplicateKey(), new V7__RecomputeDuplicateKeys())
        .target("6").load().migrate();
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        PreparedStatement insert = connection.prepareStatement("insert into incoming_document"
            + " (series, doc_year, incoming_number, business_key, issuer, document_number,"
            + " issued_on, document_type, summary, urgency, classification, received_on, status,"
            + " registered_by, registered_at, search_text, duplicate_key, version) values"
            + " ('REGULAR', 2025, ?, ?, ?, ?, date '2025-12-01', 'Công văn', 'Trích yếu',"
            + " 'NORMAL', 'NORMAL', date '2025-12-02', 'ARCHIVED', 'vanthu', current_timestamp,"
            + " 'x', ?, 0)")) {
      // the key as V6 computed it: NFC, stripped, lower case
      insert(insert, 1, "UỶ BAN NHÂN DÂN TỈNH HOÀ BÌNH", "15/UBND-KT",
          "uỷ ban nhân dân tỉnh hoà bình\u001f15/ubnd-kt");
      insert(insert, 2, "Sở Tài chính", "7/STC-NS", "sở tài chính\u001f7/stc-ns");
    }
    Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
        .javaMigrations(new V6__DocumentDuplicateKey(), new V7__RecomputeDuplicateKeys())
        .load().migrate();

    List<String> keys = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "select duplicate_key from incoming_document order by incoming_number")) {
      while (rows.next()) {
        keys.add(rows.getString(1));
      }
    }
    assertThat(keys).containsExactly(
        IncomingDocument.duplicateKey("Ủy ban nhân dân tỉnh Hòa Bình", "15/UBND-KT"),
        "sở tài chính\u001f7/stc-ns");
    assertThat(keys.get(0)).isEqualTo("ủy ban nhân dân tỉnh hòa bình\u001f15/ubnd-kt");
  }

  private static void insert(PreparedStatement insert, int number, String issuer,
      String documentNumber, String key) throws Exception {
    insert.setInt(1, number);
    insert.setString(2, number + "/2025");
    insert.setString(3, issuer);
    insert.setString(4, documentNumber);
    insert.setString(5, key);
    insert.executeUpdate();
  }
}
