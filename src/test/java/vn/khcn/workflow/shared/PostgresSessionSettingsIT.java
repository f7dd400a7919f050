package vn.khcn.workflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import vn.khcn.workflow.support.PostgresTestDatabase;

/**
 * The postgres profile's pool runs its connection-init-sql on every new connection (ADR 0037,
 * 0042): PostgreSQL's JIT is off in the session, a random page read is costed as 1.1 sequential
 * ones, and prepared statements keep PostgreSQL's default plan choice (a forced custom plan
 * doubled the server's CPU per lifecycle in the benchmark).
 */
@ExtendWith(PostgresTestDatabase.class)
class PostgresSessionSettingsIT {

  @Test
  void everyPooledConnectionHasJitOffAndCheapRandomReads() throws Exception {
    String init = null;
    List<PropertySource<?>> documents = new YamlPropertySourceLoader()
        .load("application", new ClassPathResource("application.yaml"));
    for (PropertySource<?> document : documents) {
      Object profile = document.getProperty("spring.config.activate.on-profile");
      Object sql = document.getProperty("spring.datasource.hikari.connection-init-sql");
      if ("postgres".equals(String.valueOf(profile)) && sql != null) {
        init = String.valueOf(sql);
      }
    }
    assertThat(init).as("the postgres profile's connection-init-sql")
        .startsWith("${DB_CONNECTION_INIT_SQL:");
    String defaultSql = init.substring("${DB_CONNECTION_INIT_SQL:".length(), init.length() - 1);

    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:postgresql://" + env("PGHOST", "127.0.0.1") + ":"
        + env("PGPORT", "5432") + "/postgres");
    config.setUsername(env("PGUSER", "postgres"));
    config.setPassword(env("PGPASSWORD", ""));
    config.setMaximumPoolSize(1);
    config.setConnectionInitSql(defaultSql);
    try (HikariDataSource pool = new HikariDataSource(config);
        Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      assertThat(show(statement, "jit")).isEqualTo("off");
      assertThat(show(statement, "random_page_cost")).as("ADR 0042").isEqualTo("1.1");
      assertThat(show(statement, "plan_cache_mode")).isEqualTo("auto");
    }
  }

  private static String show(Statement statement, String setting) throws Exception {
    try (ResultSet rows = statement.executeQuery("show " + setting)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
