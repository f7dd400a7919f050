package vn.khcn.workflow.support;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** A sequence's next value as the test's database spells it in SQL (PostgreSQL or H2). */
public final class SqlSequences {

  /** {@code nextval('name')} on PostgreSQL, {@code next value for name} on H2. */
  public static String next(JdbcTemplate jdbc, String sequence) {
    String product = jdbc.execute((ConnectionCallback<String>)
        connection -> connection.getMetaData().getDatabaseProductName());
    return "PostgreSQL".equals(product) ? "nextval('" + sequence + "')"
        : "next value for " + sequence;
  }

  private SqlSequences() {}
}
