package vn.khcn.workflow.shared.web;

import java.sql.SQLException;

/**
 * Recognises a transaction the database ended because of a concurrent one (SQL state class 40:
 * deadlock, serialization failure): nothing of it was stored and the other one won, so a person
 * reads "changed by someone else, reload" (409), as for a version check, rather than an error.
 */
public final class ConcurrentTransaction {

  /** True when the exception or one of its causes is a rollback for a concurrent transaction. */
  public static boolean rolledBack(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (isRollback(cause)) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /** True when this exception itself (not its causes) is such a rollback. */
  public static boolean isRollback(Throwable exception) {
    return exception instanceof SQLException sql && sql.getSQLState() != null
        && sql.getSQLState().startsWith("40");
  }

  private ConcurrentTransaction() {}
}
