package vn.khcn.workflow.dispatch;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A Flyway migration with work only on PostgreSQL (the search's indexes): on H2 it is recorded
 * and does nothing.
 */
abstract class PostgresOnlyMigration extends BaseJavaMigration {

  @Override
  public final void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      migrate(connection, statement);
    }
  }

  /** The migration's work on PostgreSQL, in Flyway's transaction. */
  abstract void migrate(Connection connection, Statement statement) throws Exception;
}
