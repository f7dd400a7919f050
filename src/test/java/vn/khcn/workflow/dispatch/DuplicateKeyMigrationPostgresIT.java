package vn.khcn.workflow.dispatch;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.khcn.workflow.support.PostgresTestDatabase;

/** Flyway V6 on PostgreSQL, whose lower() leaves Vietnamese capitals alone under the C locale. */
@ExtendWith(PostgresTestDatabase.class)
class DuplicateKeyMigrationPostgresIT {

  @Test
  void documentsRegisteredBeforeGetTheKeyOfNewOnes() throws Exception {
    String host = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
    String port = System.getenv().getOrDefault("PGPORT", "5432");
    String user = System.getenv().getOrDefault("PGUSER", "postgres");
    String password = System.getenv().getOrDefault("PGPASSWORD", "");
    String database = "khcn_migration_" + ProcessHandle.current().pid();
    String admin = "jdbc:postgresql://" + host + ":" + port + "/postgres";
    try (Connection connection = DriverManager.getConnection(admin, user, password);
        Statement sql = connection.createStatement()) {
      sql.execute("drop database if exists " + database + " with (force)");
      sql.execute("create database " + database + " encoding 'UTF8' template template0");
    }
    try {
      DuplicateKeyMigrationTest.check("jdbc:postgresql://" + host + ":" + port + "/" + database,
          user, password);
    } finally {
      try (Connection connection = DriverManager.getConnection(admin, user, password);
          Statement sql = connection.createStatement()) {
        sql.execute("drop database if exists " + database + " with (force)");
      }
    }
  }
}
