package vn.khcn.workflow.dispatch;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.khcn.workflow.support.PostgresTestDatabase;

/** On PostgreSQL: /documents counts up to the cap through either shape of the text match. */
@ExtendWith(PostgresTestDatabase.class)
class DocumentSearchCountPostgresIT extends DocumentSearchCountTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }
}
