package vn.khcn.workflow.dispatch;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway V44: a document's trail takes its ids from a sequence that hands out 50 at a time
 * ({@code document_trail_seq}, ADR 0048), so Hibernate writes the entries one engine command
 * makes in one batch; with ids from the identity column it had to insert each alone to learn
 * its id ({@link SequenceIds}).
 */
@Component
class V44__TrailIdsFromSequence extends BaseJavaMigration {

  static final int ALLOCATION = 50;

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement statement = context.getConnection().createStatement()) {
      SequenceIds.replaceIdentity(statement, "document_trail", "document_trail_seq", ALLOCATION);
    }
  }
}
