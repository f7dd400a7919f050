package vn.khcn.workflow.reliability.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The cluster of the reliability suite ({@code ./mvnw -B -Preliability verify}) for the scenario
 * classes that extend it: two application nodes as separate JVMs on one PostgreSQL database of
 * their own, Camunda's own clustering (shared database, one job executor per node), started
 * before the class's scenarios and stopped after them; each scenario adds its line to
 * target/reliability/report.json and report.md.
 */
abstract class TwoNodeCluster {

  static final Path OUT = Path.of("target", "reliability");
  static final String DATABASE = "khcn_rel_" + ProcessHandle.current().pid();
  static final String PGHOST = env("PGHOST", "127.0.0.1");
  static final String PGPORT = env("PGPORT", "5432");
  static final String PGUSER = env("PGUSER", "postgres");
  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  /** One line of the report. */
  record Scenario(String name, int runs, int failures, int lost, String notes) {}

  static final List<Scenario> REPORT = Collections.synchronizedList(new ArrayList<>());
  static AppNode a;
  static AppNode b;
  static final AtomicInteger NUMBER = new AtomicInteger();

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  static String jdbcUrl(String database) {
    return "jdbc:postgresql://" + PGHOST + ":" + PGPORT + "/" + database;
  }

  static Connection db() throws Exception {
    return DriverManager.getConnection(jdbcUrl(DATABASE), PGUSER, env("PGPASSWORD", ""));
  }

  static long count(String sql, Object... params) throws Exception {
    try (Connection c = db(); var statement = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static List<Long> longs(String sql) throws Exception {
    List<Long> values = new ArrayList<>();
    try (Connection c = db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getLong(1));
      }
    }
    return values;
  }

  @BeforeAll
  static void startCluster() throws Exception {
    Files.createDirectories(OUT);
    try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), PGUSER,
        env("PGPASSWORD", "")); Statement sql = admin.createStatement()) {
      sql.execute("drop database if exists " + DATABASE + " with (force)");
      sql.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
    }
    Path jar = AppNode.packagedJar();
    Map<String, String> environment = Map.of("DB_URL", jdbcUrl(DATABASE), "DB_USER", PGUSER,
        "DB_PASSWORD", env("PGPASSWORD", ""), "ADMIN_PASSWORD", "demo",
        "PROCESSES_PATH", Path.of("processes").toAbsolutePath().toString());
    a = new AppNode("a", 18081, jar, environment, OUT);
    b = new AppNode("b", 18082, jar, environment, OUT);
    a.start();
    double startA = a.awaitHealthy(Duration.ofSeconds(120));
    b.start();
    double startB = b.awaitHealthy(Duration.ofSeconds(120));
    System.out.printf("cluster up: node a %.1f s, node b %.1f s%n", startA, startB);
  }

  @AfterAll
  static void stopAndReport() throws Exception {
    if (b != null) {
      b.stop();
    }
    if (a != null) {
      a.stop();
    }
    ReliabilityReport.merge(REPORT.stream().map(s -> new ReliabilityReport.Entry(s.name(),
        s.runs(), s.failures(), s.lost(), s.notes())).toList());
    REPORT.clear(); // merged: the next scenario class of this JVM adds its own lines
    try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), PGUSER,
        env("PGPASSWORD", "")); Statement sql = admin.createStatement()) {
      sql.execute("drop database if exists " + DATABASE + " with (force)");
    } catch (Exception ignored) {
      // the report matters more than the cleanup
    }
  }

  static Map<String, Object> document() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("issuer", "Ủy ban nhân dân thành phố Cần Thơ");
    body.put("documentNumber", NUMBER.incrementAndGet() + "-" + ProcessHandle.current().pid()
        + "/KH-UBND");
    body.put("issuedOn", "2026-11-02");
    body.put("documentType", "Kế hoạch");
    body.put("summary", "Kế hoạch kiểm tra độ tin cậy");
    body.put("urgency", "NORMAL");
    return body;
  }

  /** The instance's open tasks of the kind, as node sees them. */
  static JsonNode tasks(AppNode node, String processInstanceId, String key) {
    return Client.get(node, "admin", "/engine-rest/task?processInstanceId=" + processInstanceId
        + "&taskDefinitionKey=" + key + "&maxResults=50").json();
  }

  static JsonNode task(AppNode node, String processInstanceId, String key) {
    JsonNode tasks = tasks(node, processInstanceId, key);
    return tasks.size() == 0 ? null : tasks.get(0);
  }

  static Map<String, Object> direction(String lead, List<String> coordinating) throws Exception {
    return Map.of("variables", Map.of(
        "direction", Map.of("value", "Giao xử lý", "type", "String"),
        "leadUnit", Map.of("value", lead, "type", "String"),
        "coordinatingUnits", Map.of("value", Client.JSON.writeValueAsString(coordinating),
            "type", "Json"),
        "informedUnits", Map.of("value", "[]", "type", "Json")));
  }

  static void check(List<String> problems, boolean ok, String what) {
    if (!ok) {
      problems.add("failed: " + what);
    }
  }
}
