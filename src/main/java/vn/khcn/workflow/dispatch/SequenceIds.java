package vn.khcn.workflow.dispatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What Flyway V44 and V45 do to a table whose ids came from its identity column (ADR 0048): a
 * sequence handing out {@code allocation} ids at a time, starting one allocation after the last
 * id (Hibernate's pooled optimizer uses the ids up to each value it draws), and the column without
 * its identity default, so a row inserted without an id fails rather than taking one the sequence
 * will hand out. PostgreSQL and H2 alike.
 */
final class SequenceIds {

  static void replaceIdentity(Statement statement, String table, String sequence, int allocation)
      throws SQLException {
    long last;
    try (ResultSet max = statement.executeQuery("select coalesce(max(id), 0) from " + table)) {
      max.next();
      last = max.getLong(1);
    }
    statement.execute("alter table " + table + " alter column id drop identity");
    statement.execute("create sequence " + sequence + " start with " + (last + allocation)
        + " increment by " + allocation);
  }

  private SequenceIds() {}
}
