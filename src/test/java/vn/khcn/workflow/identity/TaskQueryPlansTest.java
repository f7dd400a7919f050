package vn.khcn.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khcn.workflow.shared.jdbc.StatementPlans;

/**
 * Camunda's authorized task queries and the variables listed with them are never kept as named
 * server-side statements, so PostgreSQL plans them for their values each time (ADR 0038, 0042),
 * while every other statement keeps the JDBC driver's default. The same test runs on H2 (the
 * wrapper in place, the queries unchanged) and on PostgreSQL in {@code TaskQueryPlansPostgresIT},
 * where the session's prepared statements tell.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaskQueryPlansTest {

  /** More uses than the driver's default threshold (5) before a statement is named. */
  static final int USES = 10;

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;

  @Test
  void onlyStatementsReadingTasksOrVariablesWithTheirAuthorizationsArePlannedEachTime() {
    assertThat(new TaskQueryPlans().test("select distinct RES.* from ACT_RU_TASK RES left"
        + " join ACT_RU_AUTHORIZATION AUTH on AUTH.RESOURCE_ID_ = RES.ID_")).isTrue();
    assertThat(new TaskQueryPlans().test("select distinct RES.* from ( select RES.* from"
        + " ACT_RU_VARIABLE RES left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A ) AUTH"
        + " ON (AUTH.RESOURCE_ID_ IN (RES.PROC_INST_ID_, RES.TASK_ID_, '*'))")).isTrue();
    assertThat(new TaskQueryPlans().test("select * from ACT_RU_TASK where ID_ = ?"))
        .isFalse();
    assertThat(new TaskQueryPlans().test("select * from ACT_RU_VARIABLE where EXECUTION_ID_ = ?"))
        .isFalse();
    assertThat(new TaskQueryPlans().test("select count(*) from ACT_RU_AUTHORIZATION"))
        .isFalse();
  }

  @Test
  void authorizedTaskQueriesAreNeverNamedOnTheServer() {
    assertThat(dataSource).isInstanceOf(StatementPlans.PlannedDataSource.class);
    boolean postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
        "PostgreSQL".equals(c.getMetaData().getDatabaseProductName())));
    // one transaction: the engine's commands and the look-up share one connection (one session)
    List<String> named = transactions.execute(status -> {
      identity.setAuthentication("cv.qlkh", List.of(Groups.PHONG_QLKH));
      try {
        for (int i = 0; i < USES; i++) {
          int listed = tasks.createTaskQuery().taskCandidateGroup(Groups.PHONG_QLKH)
              .orderByTaskCreateTime().desc().listPage(0, 15).size();
          long counted = tasks.createTaskQuery().taskCandidateGroup(Groups.PHONG_QLKH).count();
          assertThat(counted).isGreaterThanOrEqualTo(listed);
          // the variables Tasklist lists with a page: by scope (tasks, process instances), names
          runtime.createVariableInstanceQuery().variableScopeIdIn("no-such-task", "no-such-pi")
              .variableNameIn("incomingNumber", "summary").disableBinaryFetching()
              .disableCustomObjectDeserialization().listPage(0, 50);
          assertThat(repository.createProcessDefinitionQuery().latestVersion().listPage(0, 50))
              .as("the user may read the models").isNotEmpty();
        }
      } finally {
        identity.clearAuthentication();
      }
      return postgres ? jdbc.queryForList("select lower(statement) from pg_prepared_statements"
          + " where not from_sql", String.class) : null;
    });
    if (!postgres) {
      return;
    }
    assertThat(named).as("the task query and its count, never named")
        .noneMatch(sql -> sql.contains("act_ru_task") && sql.contains("act_ru_authorization"));
    assertThat(named).as("the variables listed with a page, never named")
        .noneMatch(sql -> sql.contains("act_ru_variable") && sql.contains("act_ru_authorization"));
    assertThat(named).as("another authorized query keeps the driver's default")
        .anyMatch(sql -> sql.contains("act_re_procdef") && sql.contains("act_ru_authorization"));
  }
}
