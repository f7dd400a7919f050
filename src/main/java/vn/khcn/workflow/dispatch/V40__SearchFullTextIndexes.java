package vn.khcn.workflow.dispatch;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.springframework.stereotype.Component;

/**
 * Flyway V40: on PostgreSQL, full-text GIN indexes ({@code to_tsvector('simple', search_text)})
 * on the folded search text of documents and of their attachments. A query of several words is
 * first narrowed by its whole words through these indexes and then checked with the exact
 * {@code like} ({@link DocumentTextMatch}, ADR 0036): a rare phrase reads about a tenth of the
 * pages the trigram index (V25) reads. Plain {@code create index} (Flyway runs the migration in a
 * transaction, where {@code concurrently} is refused); nothing on H2; a server that refuses the
 * index leaves the search correct through the trigram or the plain {@code like}, only slower.
 */
@Component
class V40__SearchFullTextIndexes extends PostgresOnlyMigration {

  @Override
  void migrate(Connection connection, Statement statement) throws Exception {
    Savepoint before = connection.setSavepoint();
    try {
      statement.execute("create index if not exists ix_incoming_document_search_fts"
          + " on incoming_document using gin (to_tsvector('simple', search_text))");
      statement.execute("create index if not exists ix_attachment_text_search_fts"
          + " on attachment_text using gin (to_tsvector('simple', search_text))");
    } catch (SQLException e) {
      connection.rollback(before);
    }
  }
}
