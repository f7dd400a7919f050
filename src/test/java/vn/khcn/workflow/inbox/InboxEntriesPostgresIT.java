package vn.khcn.workflow.inbox;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.khcn.workflow.support.PostgresTestDatabase;

/** On PostgreSQL: the inbox's read model, its guarded update and its merge (ADR 0047). */
@ExtendWith(PostgresTestDatabase.class)
class InboxEntriesPostgresIT extends InboxEntriesTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }
}
