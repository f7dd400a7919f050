package vn.khcn.workflow.reliability.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL database of one scenario class (PGHOST, PGPORT, PGUSER, PGPASSWORD as for the
 * suite) and the nodes started on it.
 */
final class Database {

  static final String PGHOST = env("PGHOST", "127.0.0.1");
  static final String PGPORT = env("PGPORT", "5432");
  static final String PGUSER = env("PGUSER", "postgres");
  static final String PGPASSWORD = env("PGPASSWORD", "");

  /** How long a node may take to start (a loaded build machine takes minutes). */
  static final java.time.Duration START = java.time.Duration.ofSeconds(
      Integer.getInteger("reliability.startSeconds", 600));

  /**
   * Connections of a node's pool (DB_POOL_SIZE; the application's default is 20): the
   * PostgreSQL cluster's connections are shared, two or three nodes of 20 each and others' runs
   * exhaust max_connections (a node then fails to start with SQL state 53300).
   */
  static final String POOL_SIZE = System.getProperty("reliability.poolSize", "10");

  final String name;

  Database(String name) {
    this.name = name;
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  static String jdbcUrl(String database) {
    return "jdbc:postgresql://" + PGHOST + ":" + PGPORT + "/" + database;
  }

  /** A new, empty database (dropped first if a failed run left it). */
  static Database create(String name) throws Exception {
    admin("drop database if exists " + name + " with (force)");
    admin("create database " + name + " encoding 'UTF8' template template0");
    return new Database(name);
  }

  static void admin(String sql) throws Exception {
    try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), PGUSER, PGPASSWORD);
        Statement statement = admin.createStatement()) {
      statement.execute(sql);
    }
  }

  void drop() {
    try {
      admin("drop database if exists " + name + " with (force)");
    } catch (Exception ignored) {
      // the report matters more than the cleanup
    }
  }

  Connection connect() throws Exception {
    return DriverManager.getConnection(jdbcUrl(name), PGUSER, PGPASSWORD);
  }

  long count(String sql, Object... params) throws Exception {
    try (Connection c = connect(); var statement = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  List<Long> longs(String sql, Object... params) throws Exception {
    List<Long> values = new ArrayList<>();
    try (Connection c = connect(); var statement = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getLong(1));
        }
      }
    }
    return values;
  }

  List<String> strings(String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  void execute(String sql) throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Problems if the values are not 1, 2, 3, … (gapless and unique); empty if they are. */
  static List<String> gapless(String series, List<Long> sorted) {
    for (int i = 0; i < sorted.size(); i++) {
      if (sorted.get(i) != i + 1) {
        return List.of(series + " not gapless/unique at position " + (i + 1) + ": "
            + sorted.get(i));
      }
    }
    return List.of();
  }

  /** A node of the application on this database. */
  AppNode node(String nodeName, int port) throws Exception {
    Files.createDirectories(ReliabilityReport.OUT);
    return new AppNode(nodeName, port, AppNode.packagedJar(), Map.of("DB_URL", jdbcUrl(name), "DB_USER", PGUSER,
        "DB_PASSWORD", PGPASSWORD, "ADMIN_PASSWORD", "demo", "DB_POOL_SIZE", POOL_SIZE,
        "PROCESSES_PATH", Path.of("processes").toAbsolutePath().toString()),
        ReliabilityReport.OUT);
  }
}
