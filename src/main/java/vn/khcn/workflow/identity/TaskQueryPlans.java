package vn.khcn.workflow.identity;

import org.springframework.stereotype.Component;
import vn.khcn.workflow.shared.jdbc.PlannedEachTime;

/**
 * Camunda's authorized task queries (the Tasklist filters, {@code /engine-rest/task}, their
 * counts) are planned by PostgreSQL for their values at every execution (ADR 0038): a generic
 * plan for the task query joined with the authorization rows compares every task with every
 * authorization row, and a page of 2,000 or a far offset ran for minutes on the pooled connection
 * that kept it. The statements are those whose SQL reads both {@code ACT_RU_TASK} and
 * {@code ACT_RU_AUTHORIZATION}.
 */
@Component
class TaskQueryPlans implements PlannedEachTime {

  @Override
  public boolean test(String sql) {
    return sql.contains("ACT_RU_TASK") && sql.contains("ACT_RU_AUTHORIZATION");
  }
}
