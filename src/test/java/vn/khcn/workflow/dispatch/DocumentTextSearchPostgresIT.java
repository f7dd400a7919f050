package vn.khcn.workflow.dispatch;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.khcn.workflow.support.PostgresTestDatabase;

/**
 * On PostgreSQL: the same texts found as on H2 through the full-text (V40) and trigram (V25)
 * indexes and the order-index walk of a common text (ADR 0036).
 */
@ExtendWith(PostgresTestDatabase.class)
class DocumentTextSearchPostgresIT extends DocumentTextSearchTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }
}
