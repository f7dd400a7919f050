package vn.khcn.workflow.bench;

import static vn.khcn.workflow.bench.BenchSupport.NUMBER;
import static vn.khcn.workflow.bench.BenchSupport.PASSWORD;
import static vn.khcn.workflow.bench.BenchSupport.USER;
import static vn.khcn.workflow.bench.BenchSupport.ZONE;
import static vn.khcn.workflow.bench.BenchSupport.measured;
import static vn.khcn.workflow.bench.BenchSupport.url;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.khcn.workflow.KhcnWorkflowApplication;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.dispatch.BenchRegistrations;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;
import vn.khcn.workflow.dispatch.RegisteredDocument;
import vn.khcn.workflow.dispatch.RegistrationService;
import vn.khcn.workflow.identity.Actor;

/**
 * The application in the bench's JVM on a PostgreSQL database of its own, its SQL counted: one
 * incoming-directive lifecycle as logged-in users work it, registrations, HTTP calls as a user.
 */
final class AppSide implements AutoCloseable {

  final String db;
  final CountingDataSource sql = new CountingDataSource();
  final ConfigurableApplicationContext app;
  final int port;
  private final HttpClient http = HttpClient.newHttpClient();
  /** Each user's groups, looked up once as a Tasklist session does at login. */
  private final Map<String, List<String>> sessions = new ConcurrentHashMap<>();
  /** Off for one extra run: what Camunda's authorization checks cost the lifecycle. */
  volatile boolean engineAuthorization = true;

  AppSide(String db) {
    this.db = db;
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", url(db));
    properties.put("spring.datasource.username", USER);
    properties.put("spring.datasource.password", PASSWORD);
    properties.put("server.port", "0");
    properties.put("khcn.demo.users", "true");
    properties.put("khcn.demo.documents", "false");
    properties.put("khcn.processes.watch", "false");
    String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    app = new SpringApplicationBuilder(KhcnWorkflowApplication.class).profiles("postgres")
        .initializers(context -> context.getBeanFactory().addBeanPostProcessor(
            new BeanPostProcessor() {
              @Override
              public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource ds && name.equals("dataSource")
                    ? sql.wrap(ds) : bean;
              }
            }))
        .run(args);
    port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
  }

  <T> T bean(Class<T> type) {
    return app.getBean(type);
  }

  /** As the user, with their groups, like a logged-in Tasklist user's request. */
  void as(String user, Runnable step) {
    if (!engineAuthorization) {
      step.run();
      return;
    }
    IdentityService identity = app.getBean(IdentityService.class);
    List<String> groups = sessions.computeIfAbsent(user, u -> identity.createGroupQuery()
        .groupMember(u).list().stream().map(g -> g.getId()).toList());
    identity.setAuthentication(user, groups);
    try {
      step.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  static Task one(TaskService tasks, String pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
  }

  static VariableMap direction() {
    return Variables.createVariables().putValue("direction", "Giao xử lý")
        .putValue("infoOnly", false).putValue("leadUnit", "phong-qlkh")
        .putValue("coordinatingUnits", SpinValues.jsonValue("[\"phong-khtc\",\"phong-qlcn\"]")
            .create())
        .putValue("informedUnits", SpinValues.jsonValue("[]").create())
        .putValue("dueDate", LocalDate.now(ZONE).plusDays(14).toString());
  }

  /** One lifecycle through the application; returns the user-task completions. */
  int appLifecycle() {
    return appLifecycle(null);
  }

  /** The name is what CpuProfile finds on a sample's stack: keep it. */
  int appLifecycle(long[] cost) {
    TaskService tasks = app.getBean(TaskService.class);
    RegisteredDocument doc = BenchRegistrations.register(app.getBean(RegistrationService.class),
        "BENCH-" + NUMBER.incrementAndGet() + "/KH", LocalDate.now(ZONE),
        new Actor("vanthu", "Nguyễn Thị Thu Hà"));
    String pi = doc.processInstanceId();
    Task give = one(tasks, pi, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    measured(cost, sql, () -> as("giamdoc", () -> {
      tasks.claim(give.getId(), "giamdoc");
      tasks.complete(give.getId(), direction());
    }));
    int completions = 1 + units(tasks, pi, cost);
    Task consolidate = one(tasks, pi, IncomingDirectiveProcess.Tasks.CONSOLIDATE_REPORT);
    measured(cost, sql, () -> as("cv.qlkh", () -> {
      tasks.claim(consolidate.getId(), "cv.qlkh");
      tasks.complete(consolidate.getId(), Variables.createVariables().putValue("report", "Xong"));
    }));
    Task approve = one(tasks, pi, IncomingDirectiveProcess.Tasks.APPROVE_RESULT);
    measured(cost, sql, () -> as("giamdoc", () -> {
      tasks.claim(approve.getId(), "giamdoc");
      tasks.complete(approve.getId(), Variables.createVariables().putValue("approved", true));
    }));
    return completions + 2;
  }

  /** The units' tasks, worked as the model routes each unit (see UnitWork); the completions. */
  private int units(TaskService tasks, String pi, long[] cost) {
    WorkingCalendar calendar = app.getBean(WorkingCalendar.class);
    int completions = 0;
    for (List<Task> open = UnitWork.open(tasks, pi); !open.isEmpty();
        open = UnitWork.open(tasks, pi)) {
      for (Task task : open) {
        UnitWork work = UnitWork.of(task, UnitWork.unit(tasks, task), t -> {
          // the head gives the handler the unit's own deadline, or the working day before it
          LocalDate day = t.getDueDate().toInstant().atZone(ZONE).toLocalDate();
          while (!calendar.isWorkingDay(day)) {
            day = day.minusDays(1);
          }
          return day;
        });
        measured(cost, sql, () -> as(work.user(), () -> work.complete(tasks, task)));
        if (++completions > 30) {
          throw new IllegalStateException("the units' tasks do not end: " + open);
        }
      }
    }
    return completions;
  }

  long[] completionCost(int lifecycles) {
    long[] cost = new long[3];
    for (int i = 0; i < lifecycles; i++) {
      appLifecycle(cost);
    }
    return cost;
  }

  int register() {
    BenchRegistrations.register(app.getBean(RegistrationService.class),
        "REG-" + NUMBER.incrementAndGet() + "/KH", LocalDate.now(ZONE),
        new Actor("vanthu", "Nguyễn Thị Thu Hà"));
    return 1;
  }

  /** The incoming numbers of the year run 1..n without a gap or a duplicate. */
  boolean gapless() throws Exception {
    List<Long> numbers = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url(db), USER, PASSWORD);
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
            "select incoming_number from incoming_document where series = 'REGULAR'"
                + " order by incoming_number")) {
      while (rs.next()) {
        numbers.add(rs.getLong(1));
      }
    }
    for (int i = 0; i < numbers.size(); i++) {
      if (numbers.get(i) != i + 1) {
        return false;
      }
    }
    return !numbers.isEmpty();
  }

  /** The body of the call as the user (password "demo"); anything but 200 fails. */
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

  @Override
  public void close() {
    if (app.isActive()) {
      app.close();
    }
  }
}
