package vn.khcn.workflow.dispatch;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.khcn.workflow.support.PostgresTestDatabase;

/** On PostgreSQL: 8 × 50 concurrent registrations, gapless numbers. */
@ExtendWith(PostgresTestDatabase.class)
class ConcurrentRegistrationPostgresIT extends ConcurrentRegistrationTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }
}
