package vn.khcn.workflow.shared.jdbc;

/**
 * A feature's rule for statements that PostgreSQL must plan for their values at every execution
 * ({@link StatementPlans}): a bean of this type names them by their SQL.
 */
@FunctionalInterface
public interface PlannedEachTime {

  /** Whether this statement is one of the feature's that a generic plan would slow down. */
  boolean test(String sql);
}
