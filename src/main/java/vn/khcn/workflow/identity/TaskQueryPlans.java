package vn.khcn.workflow.identity;

import org.springframework.stereotype.Component;
import vn.khcn.workflow.shared.jdbc.PlannedEachTime;

/**
 * Camunda's authorized queries behind a Tasklist page are planned by PostgreSQL for their values
 * at every execution: the task queries (the filters, {@code /engine-rest/task}, their counts; ADR
 * 0038) and the variables Tasklist shows in the list (ADR 0042). With the values hidden, the
 * resource types and permissions of the authorization check are parameters as well, PostgreSQL
 * expects a handful of authorization rows to pass, and its generic plan compares every task or
 * variable with every authorization row of the user's groups: a page of 2,000 tasks ran for
 * minutes, a page's variables (15 tasks, 45 values) took 225 ms where the plan for the values
 * takes 5. The statements are those whose SQL reads {@code ACT_RU_AUTHORIZATION} together with
 * {@code ACT_RU_TASK} or {@code ACT_RU_VARIABLE}.
 */
@Component
class TaskQueryPlans implements PlannedEachTime {

  @Override
  public boolean test(String sql) {
    return sql.contains("ACT_RU_AUTHORIZATION")
        && (sql.contains("ACT_RU_TASK") || sql.contains("ACT_RU_VARIABLE"));
  }
}
