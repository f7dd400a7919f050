package vn.khcn.workflow.dispatch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.springframework.stereotype.Component;

/**
 * Flyway V25: on PostgreSQL, trigram (pg_trgm) GIN indexes on the folded search text of documents
 * and of their attachments, so that the search's {@code like '%…%'} reads an index instead of
 * every row (ADR 0025). The text is folded in Java ({@code SearchText}: lower case, no
 * diacritics), so no unaccent is needed in the database. Nothing on H2, nor where the extension is
 * not installed on the server (the search then stays correct, only slower); Spring Boot hands
 * this bean to Flyway with the SQL migrations.
 */
@Component
class V25__SearchTrigramIndexes extends PostgresOnlyMigration {

  @Override
  void migrate(Connection connection, Statement statement) throws Exception {
    try (ResultSet available = statement.executeQuery(
        "select 1 from pg_available_extensions where name = 'pg_trgm'")) {
      if (!available.next()) {
        return;
      }
    }
    // a user without the right to create it (pg_trgm is trusted since PostgreSQL 13: the
    // database owner may) leaves the search unindexed rather than the application unstarted
    Savepoint beforeExtension = connection.setSavepoint();
    try {
      statement.execute("create extension if not exists pg_trgm");
    } catch (SQLException e) {
      connection.rollback(beforeExtension);
      return;
    }
    statement.execute("create index if not exists ix_incoming_document_search_trgm"
        + " on incoming_document using gin (search_text gin_trgm_ops)");
    statement.execute("create index if not exists ix_attachment_text_search_trgm"
        + " on attachment_text using gin (search_text gin_trgm_ops)");
  }
}
