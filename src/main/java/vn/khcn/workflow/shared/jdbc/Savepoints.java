package vn.khcn.workflow.shared.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts a row unless its unique key already exists, inside the caller's transaction, behind a
 * JDBC savepoint on the transaction's own connection. A transaction of its own would take a
 * second pooled connection per caller, and a burst of callers could then hold every connection
 * while each waits for one more.
 */
public final class Savepoints {

  private static final String UNIQUE_VIOLATION = "23505";
  /** H2's "concurrent update": another transaction inserted the same key and committed. */
  private static final int H2_CONCURRENT_UPDATE = 90131;

  private Savepoints() {
  }

  /**
   * Runs the insert; true when it inserted, false when a concurrent or earlier insert of the same
   * key won (the caller's transaction stays usable: only the savepoint is rolled back).
   */
  public static boolean insertIfAbsent(JdbcTemplate jdbc, String insertSql, Object... args) {
    Boolean inserted = jdbc.execute((ConnectionCallback<Boolean>) connection -> {
      Savepoint savepoint = connection.setSavepoint();
      try (PreparedStatement statement = connection.prepareStatement(insertSql)) {
        for (int i = 0; i < args.length; i++) {
          statement.setObject(i + 1, args[i]);
        }
        statement.executeUpdate();
        connection.releaseSavepoint(savepoint);
        return true;
      } catch (SQLException failure) {
        connection.rollback(savepoint);
        if (UNIQUE_VIOLATION.equals(failure.getSQLState())
            || failure.getErrorCode() == H2_CONCURRENT_UPDATE) {
          return false;
        }
        throw failure;
      }
    });
    return Boolean.TRUE.equals(inserted);
  }
}
