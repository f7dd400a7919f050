package vn.khcn.workflow.dispatch;

import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway V44: a document's trail takes its ids from a sequence that hands out 50 at a time
 * ({@code document_trail_seq}, ADR 0047), so Hibernate writes the entries one engine command
 * makes in one batch; with ids from the identity column it had to insert each alone to learn
 * its id. The sequence starts after the last id (Hibernate's pooled optimizer uses the 50 ids
 * up to each value it draws); the column loses its identity default, so a row inserted without
 * an id fails rather than taking one the sequence will hand out. PostgreSQL and H2 alike.
 */
@Component
class V44__TrailIdsFromSequence extends BaseJavaMigration {

  static final int ALLOCATION = 50;

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement statement = context.getConnection().createStatement()) {
      long last;
      try (ResultSet max = statement.executeQuery(
          "select coalesce(max(id), 0) from document_trail")) {
        max.next();
        last = max.getLong(1);
      }
      statement.execute("alter table document_trail alter column id drop identity");
      statement.execute("create sequence document_trail_seq start with " + (last + ALLOCATION)
          + " increment by " + ALLOCATION);
    }
  }
}
