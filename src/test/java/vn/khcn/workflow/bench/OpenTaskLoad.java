package vn.khcn.workflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.khcn.workflow.KhcnWorkflowApplication;

/**
 * A database of its own for one bench class, the application started on it, open tasks of
 * incoming-directive bulk-loaded as the engine would have written them (instance, task with
 * priority and due date, candidate link, the engine's per-task authorization of the candidate
 * group, list columns, the inbox's read model), calls timed into p50/p95/p99 and HTTP calls as a
 * logged-in user (Basic, the demo password). Self-contained, so that it does not depend on how
 * {@link BenchmarkIT} is split.
 */
final class OpenTaskLoad implements AutoCloseable {

  static final String HOST = env("PGHOST", "127.0.0.1");
  static final String PORT = env("PGPORT", "5432");
  static final String USER = env("PGUSER", "postgres");
  static final String PASSWORD = env("PGPASSWORD", "");
  /** The groups the tasks wait for: 10 % lanh-dao, 30 % phong-qlkh, 20 % each of the others. */
  static final String GROUP_OF_G = "(array['lanh-dao','phong-qlkh','phong-khtc','phong-qlcn',"
      + "'van-phong','phong-qlkh','phong-khtc','phong-qlcn','van-phong','phong-qlkh'])[1 + g % 10]";

  final String db;
  final ConfigurableApplicationContext app;
  final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .build();

  OpenTaskLoad(String db) throws Exception {
    this.db = db;
    admin("drop database if exists " + db + " with (force)");
    admin("create database " + db + " encoding 'UTF8' template template0");
    app = new SpringApplicationBuilder(KhcnWorkflowApplication.class).profiles("postgres")
        .run("--spring.datasource.url=" + url(db), "--spring.datasource.username=" + USER,
            "--spring.datasource.password=" + PASSWORD, "--server.port=0",
            "--khcn.demo.users=true", "--khcn.demo.documents=false",
            "--khcn.processes.watch=false");
    port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  static String url(String db) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + db;
  }

  static void admin(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  Connection connection() throws Exception {
    return DriverManager.getConnection(url(db), USER, PASSWORD);
  }

  long count(String sql) throws Exception {
    try (Connection c = connection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * {@code n} open tasks, as BenchmarkIT loads them: due dates from 10 days ago to 19 days ahead
   * (a third overdue), every tenth a director's "Cho ý kiến chỉ đạo", the others a unit's
   * "Đơn vị xử lý"; one candidate group each and the authorization the engine grants that group
   * on the task (READ and TASK_WORK, resource TASK = 7).
   */
  void load(int n) throws Exception {
    try (Connection c = connection(); Statement s = c.createStatement()) {
      String pd;
      try (ResultSet rs = s.executeQuery("select id_ from act_re_procdef where key_ ="
          + " 'incoming-directive' order by version_ desc limit 1")) {
        rs.next();
        pd = rs.getString(1);
      }
      s.execute("insert into act_ru_execution (id_, rev_, root_proc_inst_id_, proc_inst_id_,"
          + " business_key_, proc_def_id_, act_id_, is_active_, is_concurrent_, is_scope_,"
          + " is_event_scope_, suspension_state_, cached_ent_state_, sequence_counter_,"
          + " proc_def_key_) select 'bx' || g, 1, 'bx' || g, 'bx' || g, g || '/2025', '" + pd
          + "', 'handleAssignment', true, false, true, false, 1, 0, 1, 'incoming-directive'"
          + " from generate_series(1, " + n + ") g");
      s.execute("insert into act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_,"
          + " name_, task_def_key_, priority_, create_time_, last_updated_, due_date_,"
          + " suspension_state_, task_state_) select 'bt' || g, 1, 'bx' || g, 'bx' || g, '" + pd
          + "', case when g % 10 = 0 then 'Cho ý kiến chỉ đạo' else 'Đơn vị xử lý' end,"
          + " case when g % 10 = 0 then 'giveDirection' else 'handleAssignment' end,"
          + " case when g % 50 = 0 then 80 when g % 20 = 0 then 70 when g % 5 = 0 then 60"
          + " else 50 end, now() - (g || ' minutes')::interval, now(),"
          + " now() + ((g % 30 - 10) || ' days')::interval, 1, 'Created'"
          + " from generate_series(1, " + n + ") g");
      s.execute("insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_) select"
          + " 'bl' || g, 1, " + GROUP_OF_G + ", 'candidate', 'bt' || g"
          + " from generate_series(1, " + n + ") g");
      s.execute("insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_,"
          + " resource_id_, perms_) select 'ba' || g, 1, 1, " + GROUP_OF_G + ", 7, 'bt' || g,"
          + " 16386 from generate_series(1, " + n + ") g");
      for (String[] column : List.of(new String[] {"incomingNumber", "g || '/2025'"},
          new String[] {"summary", "'Văn bản tải trước số ' || g"},
          new String[] {"urgency", "case when g % 50 = 0 then 'FLASH' else 'NORMAL' end"})) {
        s.execute("insert into act_ru_variable (id_, rev_, type_, name_, execution_id_,"
            + " proc_inst_id_, proc_def_id_, task_id_, text_, var_scope_, sequence_counter_,"
            + " is_concurrent_local_) select 'bv" + column[0] + "' || g, 1, 'string', '"
            + column[0] + "', 'bx' || g, 'bx' || g, '" + pd + "', 'bt' || g, " + column[1]
            + ", 'bt' || g, 1, false from generate_series(1, " + n + ") g");
      }
      s.execute("insert into inbox_entry (task_id, party, priority, due_date, create_time)"
          + " select t.id_, 'g:' || l.group_id_, t.priority_, t.due_date_, t.create_time_"
          + " from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_"
          + " where t.id_ like 'bt%' and l.type_ = 'candidate'");
      AfterBulkLoad.settle(s);
    }
  }

  String http(String user, String method, String path, String body) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + port + path)).header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
          + response.body());
    }
    return response.body();
  }

  interface Call {
    void run() throws Exception;
  }

  /** Three warm-up calls, then at least {@code samples} timed ones: p50, p95, p99 in ms. */
  static Map<String, Object> latencies(int samples, Call call) throws Exception {
    for (int i = 0; i < 3; i++) {
      call.run();
    }
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      long start = System.nanoTime();
      call.run();
      millis.add((System.nanoTime() - start) / 1e6);
    }
    Collections.sort(millis);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("p50_ms", round(percentile(millis, 50)));
    result.put("p95_ms", round(percentile(millis, 95)));
    result.put("p99_ms", round(percentile(millis, 99)));
    result.put("samples", millis.size());
    return result;
  }

  static double percentile(List<Double> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  @Override
  public void close() throws Exception {
    app.close();
    if (!Boolean.getBoolean("bench.keepDatabase")) {
      admin("drop database if exists " + db + " with (force)");
    }
  }
}
