package vn.khcn.workflow.bench;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a bench seed runs after its bulk inserts: {@code vacuum analyze}, as autovacuum leaves a
 * Department's tables after their inserts. The machines the bench runs on keep PostgreSQL without
 * autovacuum, so without it the visibility map stays empty and no index-only scan can skip the
 * table (ADR 0052, ADR 0053). {@code -Dbench.analyzeOnly=true} runs {@code analyze} alone, as the
 * bench did before, to compare with earlier runs.
 */
final class AfterBulkLoad {

  static final boolean ANALYZE_ONLY = Boolean.getBoolean("bench.analyzeOnly");

  private AfterBulkLoad() {}

  /** Vacuums and analyzes the database (or only analyzes); the statement must be autocommit. */
  static void settle(Statement s) throws SQLException {
    s.execute(how());
  }

  /** The statement the seeds end with, also recorded in the results ({@code seed_settled}). */
  static String how() {
    return ANALYZE_ONLY ? "analyze" : "vacuum analyze";
  }
}
