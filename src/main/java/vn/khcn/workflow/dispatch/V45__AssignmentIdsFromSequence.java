package vn.khcn.workflow.dispatch;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway V45: a document's unit assignments take their ids from a sequence that hands out 50 at a
 * time ({@code document_assignment_seq}, ADR 0049), so the lead and co-ordinating units a
 * direction assigns are inserted in one batch rather than one statement each
 * ({@link SequenceIds}).
 */
@Component
class V45__AssignmentIdsFromSequence extends BaseJavaMigration {

  static final int ALLOCATION = 50;

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement statement = context.getConnection().createStatement()) {
      SequenceIds.replaceIdentity(statement, "document_assignment", "document_assignment_seq",
          ALLOCATION);
    }
  }
}
