package vn.khcn.workflow.models;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.khcn.workflow.support.PostgresTestDatabase;

/** On PostgreSQL: runtime model administration: deploy, diff, rollback, migration. */
@ExtendWith(PostgresTestDatabase.class)
class ModelAdministrationPostgresIT extends ModelAdministrationTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }
}
