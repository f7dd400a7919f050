package vn.khcn.workflow.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway V7: the duplicate key now also folds tone placement (hoà/hòa, thuỷ/thủy), white space
 * and invisible characters ({@link IncomingDocument#duplicateKey}); the keys V6 stored are
 * recomputed so that a document registered before is still found. Only changed keys are written.
 */
@Component
class V7__RecomputeDuplicateKeys extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (Statement read = connection.createStatement();
        ResultSet documents = read.executeQuery(
            "select id, issuer, document_number, duplicate_key from incoming_document");
        PreparedStatement update = connection.prepareStatement(
            "update incoming_document set duplicate_key = ? where id = ?")) {
      int pending = 0;
      while (documents.next()) {
        String key = IncomingDocument.duplicateKey(documents.getString(2), documents.getString(3));
        if (key.equals(documents.getString(4))) {
          continue;
        }
        update.setString(1, key);
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
  }
}
