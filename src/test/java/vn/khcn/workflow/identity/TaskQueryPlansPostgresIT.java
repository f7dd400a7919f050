package vn.khcn.workflow.identity;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.khcn.workflow.support.PostgresTestDatabase;

/** On PostgreSQL: the session's named statements hold no authorized task query (ADR 0038). */
@ExtendWith(PostgresTestDatabase.class)
class TaskQueryPlansPostgresIT extends TaskQueryPlansTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }
}
