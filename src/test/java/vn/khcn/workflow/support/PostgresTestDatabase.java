package vn.khcn.workflow.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh PostgreSQL database for the integration tests ({@code *PostgresIT}): a database of its
 * own per JVM ({@code khcn_it_<pid>}, so concurrent runs on one server never meet) on
 * PGHOST:PGPORT (default 127.0.0.1:5432) as PGUSER (default postgres). Each run drops the
 * databases of runs whose JVM has ended on this machine; the last run's stay until the next. Without PostgreSQL the tests are skipped on a developer's machine and
 * fail in CI (env CI set), where .ci/run starts PostgreSQL first.
 */
public final class PostgresTestDatabase implements ExecutionCondition {

  static final String DATABASE = "khcn_it_" + ProcessHandle.current().pid();
  private static volatile boolean created;

  public static void register(DynamicPropertyRegistry registry) {
    String host = env("PGHOST", "127.0.0.1");
    String port = env("PGPORT", "5432");
    String user = env("PGUSER", "postgres");
    String password = env("PGPASSWORD", "");
    createOnce(host, port, user, password);
    registry.add("spring.datasource.url",
        () -> "jdbc:postgresql://" + host + ":" + port + "/" + DATABASE);
    registry.add("spring.datasource.username", () -> user);
    registry.add("spring.datasource.password", () -> password);
  }

  private static synchronized void createOnce(String host, String port, String user,
      String password) {
    if (created) {
      return;
    }
    String admin = "jdbc:postgresql://" + host + ":" + port + "/postgres";
    try (Connection connection = DriverManager.getConnection(admin, user, password);
        Statement sql = connection.createStatement()) {
      // the databases of earlier runs whose JVM has ended (dropping our own at exit raced with
      // Spring closing the pool and held every fork 30 s at exit)
      List<String> stale = new ArrayList<>();
      try (ResultSet rows = sql.executeQuery(
          "select datname from pg_database where datname like 'khcn\\_it\\_%'")) {
        while (rows.next()) {
          stale.add(rows.getString(1));
        }
      }
      for (String database : stale) {
        if (!running(database)) {
          sql.execute("drop database if exists " + database + " with (force)");
        }
      }
      sql.execute("drop database if exists " + DATABASE + " with (force)");
      sql.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
      created = true;
    } catch (SQLException e) {
      String message = "PostgreSQL is not reachable at " + admin + " as " + user + ": "
          + e.getMessage();
      if (System.getenv("CI") != null) {
        throw new IllegalStateException(message + " (CI requires the PostgreSQL integration tests)",
            e);
      }
      Assumptions.abort(message + "; PostgreSQL integration tests skipped");
    }
  }

  /** Whether the JVM that named the database after its pid still runs on this machine. */
  private static boolean running(String database) {
    try {
      long pid = Long.parseLong(database.substring("khcn_it_".length()));
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException notOurs) {
      return true; // not named by this class: leave it
    }
  }

  /**
   * Skips the class before Spring starts when PostgreSQL is unreachable outside CI (an abort
   * inside {@code @DynamicPropertySource} would count as an error, not a skip).
   */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (System.getenv("CI") != null) {
      return ConditionEvaluationResult.enabled("CI requires the PostgreSQL integration tests");
    }
    String url = "jdbc:postgresql://" + env("PGHOST", "127.0.0.1") + ":" + env("PGPORT", "5432")
        + "/postgres";
    try (Connection ignored = DriverManager.getConnection(url, env("PGUSER", "postgres"),
        env("PGPASSWORD", ""))) {
      return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + url);
    } catch (SQLException e) {
      return ConditionEvaluationResult.disabled("PostgreSQL is not reachable at " + url + " ("
          + e.getMessage() + "); PostgreSQL integration tests skipped");
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** Used by JUnit as an extension: {@code @ExtendWith(PostgresTestDatabase.class)}. */
  public PostgresTestDatabase() {}
}
