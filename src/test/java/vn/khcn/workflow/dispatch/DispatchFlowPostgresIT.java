package vn.khcn.workflow.dispatch;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.khcn.workflow.support.PostgresTestDatabase;

/** On PostgreSQL: the whole dispatch flow through the REST API. */
@ExtendWith(PostgresTestDatabase.class)
class DispatchFlowPostgresIT extends DispatchFlowTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }
}
