package vn.khcn.workflow.reports;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.khcn.workflow.support.PostgresTestDatabase;

/** On PostgreSQL: the handling report's aggregates (interval arithmetic, V14) give the same numbers. */
@ExtendWith(PostgresTestDatabase.class)
class HandlingReportPostgresIT extends HandlingReportTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }
}
