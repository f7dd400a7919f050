package vn.khcn.workflow.shared.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a database that cannot be reached (down, restarting, connection pool exhausted): the
 * request is answered 503 with a message a person can act on, not a 500 with a stack trace.
 */
public final class DatabaseOutage {

  public static final String MESSAGE = "Cơ sở dữ liệu tạm thời không truy cập được; dữ liệu đã lưu"
      + " không bị mất. Vui lòng thử lại sau ít phút.";

  /** True when the exception or one of its causes says the database connection failed. */
  public static boolean isOutage(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof CannotCreateTransactionException
          || cause instanceof DataAccessResourceFailureException
          || cause instanceof SQLTransientConnectionException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        // 08xxx connection exceptions; 57P01-03 the server is shutting down or starting up
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private DatabaseOutage() {}
}
