package vn.khcn.workflow.identity;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL 14 and later, statistics on the two permission expressions of Camunda's READ check
 * of tasks, so that the planner knows how many rows of {@code ACT_RU_AUTHORIZATION} pass it (ADR
 * 0035). Camunda writes the check as {@code A.PERMS_ & 2 = 2} (READ on a TASK) and {@code A.PERMS_ &
 * 64 = 64} (READ_TASK on a PROCESS_DEFINITION); without statistics PostgreSQL guesses 0.5 % of the
 * rows pass where nearly all do (one row per open task and candidate group), plans the Tasklist
 * filters' authorization join as a scan of every such row for every task, and a filter's first
 * page at 100,000 open tasks takes a hundred milliseconds and more. With them it looks up each
 * task's authorizations by the resource id index. Extended statistics change no table, no result
 * and nothing Camunda reads or writes; {@code ANALYZE} (autovacuum) fills them.
 *
 * <p>Not a Flyway migration: on an empty database Flyway runs before the engine creates its
 * tables. Runs once the engine is built, before the identity bootstrap; idempotent. Nothing on H2
 * or older PostgreSQL (the filters stay correct, only slower).
 */
@Component
@Order(IdentityBootstrap.ORDER - 5)
class TaskAuthorizationStatistics implements ApplicationRunner {

  static final String READ_TASK = "khcn_stx_auth_perms_read";
  static final String READ_PROCESS_TASKS = "khcn_stx_auth_perms_read_task";

  private static final Logger log = LoggerFactory.getLogger(TaskAuthorizationStatistics.class);

  private final DataSource dataSource;

  /** The engine as a parameter: its tables exist before this runs. */
  TaskAuthorizationStatistics(DataSource dataSource, ProcessEngine engine) {
    this.dataSource = dataSource;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData database = connection.getMetaData();
      if (!"PostgreSQL".equals(database.getDatabaseProductName())
          || database.getDatabaseMajorVersion() < 14) {
        return;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("create statistics if not exists " + READ_TASK
            + " on (perms_ & 2) from act_ru_authorization");
        statement.execute("create statistics if not exists " + READ_PROCESS_TASKS
            + " on (perms_ & 64) from act_ru_authorization");
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    }
    log.info("Statistics on the task authorization checks in place (ADR 0035)");
  }
}
