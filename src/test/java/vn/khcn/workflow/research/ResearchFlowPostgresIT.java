package vn.khcn.workflow.research;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.khcn.workflow.support.PostgresTestDatabase;

/** The research flow tests, one task from dossier to archive included, on PostgreSQL. */
@ExtendWith(PostgresTestDatabase.class)
class ResearchFlowPostgresIT extends ResearchFlowTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }
}
