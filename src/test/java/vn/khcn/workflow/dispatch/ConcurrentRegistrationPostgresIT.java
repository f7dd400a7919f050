package vn.khcn.workflow.dispatch;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.khcn.workflow.support.PostgresTestDatabase;

/** On PostgreSQL: 8 × 50 concurrent registrations, gapless numbers. */
class ConcurrentRegistrationPostgresIT extends ConcurrentRegistrationTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }
}
