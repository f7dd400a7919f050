package vn.khcn.workflow.dispatch;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.khcn.workflow.support.PostgresTestDatabase;

/** On PostgreSQL: correct (the trail's old → new rows), recall and replace (issue 14). */
@ExtendWith(PostgresTestDatabase.class)
class DocumentCorrectionApiPostgresIT extends DocumentCorrectionApiTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }
}
