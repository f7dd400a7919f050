package vn.khcn.workflow.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway V6: the duplicate check reads an index instead of every document. It compared
 * {@code lower(issuer)} and {@code lower(document_number)}, which no index on the columns serves,
 * so each registration scanned the whole table. The key is computed in Java
 * ({@link IncomingDocument#duplicateKey}) for the documents already registered, as for new ones:
 * PostgreSQL's {@code lower()} leaves Vietnamese capitals alone under the C locale. Spring Boot
 * hands this bean to Flyway with the SQL migrations.
 */
@Component
class V6__DocumentDuplicateKey extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (Statement statement = connection.createStatement()) {
      statement.execute("alter table incoming_document add column duplicate_key varchar(420)");
    }
    try (Statement read = connection.createStatement();
        ResultSet documents = read.executeQuery(
            "select id, issuer, document_number from incoming_document");
        PreparedStatement update = connection.prepareStatement(
            "update incoming_document set duplicate_key = ? where id = ?")) {
      int pending = 0;
      while (documents.next()) {
        update.setString(1, IncomingDocument.duplicateKey(documents.getString(2),
            documents.getString(3)));
        update.setLong(2, documents.getLong(1));
        update.addBatch();
        if (++pending == 500) {
          update.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        update.executeBatch();
      }
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("alter table incoming_document alter column duplicate_key set not null");
      statement.execute("drop index ix_incoming_document_duplicate");
      statement.execute("create index ix_incoming_document_duplicate_key on incoming_document"
          + " (duplicate_key, issued_on)");
    }
  }
}
