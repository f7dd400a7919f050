package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;

/**
 * Flyway V44 (the trail) and V45 (the unit assignments) on H2: each table's sequence starts one
 * allocation after its last id, so the first block Hibernate's pooled optimizer takes (the 50 ids
 * up to the value drawn) follows the rows already there; a row without an id is refused rather
 * than given one the sequence hands out.
 */
class SequenceIdsMigrationTest {

  static final JavaMigration[] BEFORE = {new V6__DocumentDuplicateKey(),
      new V7__RecomputeDuplicateKeys()};

  @Test
  void theTrailsSequenceFollowsItsLastIdAndTheColumnNoLongerMakesIds() throws Exception {
    String url = database("trail");
    migrate(url, "43", BEFORE);
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement sql = connection.createStatement()) {
      sql.executeUpdate(DOCUMENT);
      sql.executeUpdate(trailRow()); // ids 1 and 2 from the identity column
      sql.executeUpdate(trailRow());
      sql.executeUpdate("insert into document_trail (id, document_id, occurred_at, actor, action)"
          + " select 120, id, current_timestamp, 'vanthu', 'REGISTERED' from incoming_document");
    }
    migrate(url, "44", BEFORE[0], BEFORE[1], new V44__TrailIdsFromSequence());

    assertTheSequenceFollows(url, "document_trail", "document_trail_seq", trailRow());
  }

  @Test
  void theAssignmentsSequenceFollowsItsLastIdAndTheColumnNoLongerMakesIds() throws Exception {
    String url = database("assignment");
    migrate(url, "44", BEFORE[0], BEFORE[1], new V44__TrailIdsFromSequence());
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement sql = connection.createStatement()) {
      sql.executeUpdate(DOCUMENT);
      sql.executeUpdate(assignmentRow()); // ids 1 and 2 from the identity column
      sql.executeUpdate(assignmentRow());
      sql.executeUpdate("insert into document_assignment (id, document_id, unit_id,"
          + " assignment_role, assigned_at, version) select 120, id, 'phong-khtc', 'LEAD',"
          + " current_timestamp, 0 from incoming_document");
    }
    migrate(url, "45", BEFORE[0], BEFORE[1], new V44__TrailIdsFromSequence(),
        new V45__AssignmentIdsFromSequence());

    assertTheSequenceFollows(url, "document_assignment", "document_assignment_seq",
        assignmentRow());
  }

  private static void assertTheSequenceFollows(String url, String table, String sequence,
      String rowWithoutId) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement sql = connection.createStatement()) {
      try (ResultSet next = sql.executeQuery("select next value for " + sequence)) {
        assertThat(next.next()).isTrue();
        assertThat(next.getLong(1)).as("Hibernate takes 121..170 from it").isEqualTo(170);
      }
      try (ResultSet next = sql.executeQuery("select next value for " + sequence)) {
        assertThat(next.next()).isTrue();
        assertThat(next.getLong(1)).as("then 171..220").isEqualTo(220);
      }
      assertThatThrownBy(() -> sql.executeUpdate(rowWithoutId)).isInstanceOf(SQLException.class)
          .as("no id made by the column any more");
      try (ResultSet count = sql.executeQuery("select count(*), max(id) from " + table)) {
        assertThat(count.next()).isTrue();
        assertThat(count.getInt(1)).isEqualTo(3);
        assertThat(count.getLong(2)).isEqualTo(120);
      }
    }
  }

  private static String database(String name) {
    return "jdbc:h2:mem:" + name + "-ids-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
  }

  private static void migrate(String url, String target, JavaMigration... migrations) {
    Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
        .javaMigrations(migrations).target(target).load().migrate();
  }

  private static final String DOCUMENT = "insert into incoming_document (series, doc_year,"
      + " incoming_number, business_key, issuer, document_number, issued_on, document_type,"
      + " summary, urgency, classification, received_on, status, registered_by, registered_at,"
      + " search_text, duplicate_key, version) values ('REGULAR', 2025, 1, '1/2025',"
      + " 'Thành ủy Cần Thơ', '1143-CV/TU', date '2024-11-28', 'Công văn', 'Trích yếu',"
      + " 'NORMAL', 'NONE', date '2025-01-02', 'ARCHIVED', 'vanthu', current_timestamp, 'x',"
      + " 'k', 0)";

  private static String trailRow() {
    return "insert into document_trail (document_id, occurred_at, actor, action)"
        + " select id, current_timestamp, 'vanthu', 'REGISTERED' from incoming_document";
  }

  private static String assignmentRow() {
    return "insert into document_assignment (document_id, unit_id, assignment_role,"
        + " assigned_at, version) select id, 'phong-qlkh', 'LEAD', current_timestamp, 0"
        + " from incoming_document";
  }
}
