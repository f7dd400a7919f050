package vn.khcn.workflow.bench;

import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.khcn.workflow.KhcnWorkflowApplication;
import vn.khcn.workflow.dispatch.BenchRegistrations;
import vn.khcn.workflow.dispatch.RegisteredDocument;
import vn.khcn.workflow.dispatch.RegistrationService;
import vn.khcn.workflow.identity.Actor;
import vn.khcn.workflow.inbox.InboxService;
import vn.khcn.workflow.reliability.cluster.AppNode;

/**
 * The benchmark ({@code ./mvnw -B -Pbench verify}, not part of verify): the application and the
 * bare engine side by side on PostgreSQL, in one JVM. Settings (system properties): bench.seconds
 * (60), bench.repeats (3), bench.warmup (10), bench.openTasks (100000), bench.historicRows
 * (1000000); PGHOST, PGPORT, PGUSER, PGPASSWORD. Writes target/bench/results.json and results.md.
 */
class BenchmarkIT {

  static final Path OUT = Path.of("target", "bench");
  static final int SECONDS = Integer.getInteger("bench.seconds", 60);
  static final int REPEATS = Integer.getInteger("bench.repeats", 3);
  static final int WARMUP = Integer.getInteger("bench.warmup", 10);
  static final int OPEN_TASKS = Integer.getInteger("bench.openTasks", 100_000);
  static final int HISTORIC_ROWS = Integer.getInteger("bench.historicRows", 1_000_000);
  static final String HOST = env("PGHOST", "127.0.0.1");
  static final String PORT = env("PGPORT", "5432");
  static final String USER = env("PGUSER", "postgres");
  static final String PASSWORD = env("PGPASSWORD", "");
  static final long PID = ProcessHandle.current().pid();
  static final String APP_DB = "khcn_bench_app_" + PID;
  static final String BASE_DB = "khcn_bench_base_" + PID;
  static final ObjectMapper JSON = new ObjectMapper();
  static final AtomicInteger NUMBER = new AtomicInteger();
  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

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

  final CountingDataSource appSql = new CountingDataSource();
  final CountingDataSource baseSql = new CountingDataSource();
  ConfigurableApplicationContext app;
  ProcessEngine baseline;
  int port;

  @Test
  void benchmark() throws Exception {
    Files.createDirectories(OUT);
    for (String db : List.of(APP_DB, BASE_DB)) {
      admin("drop database if exists " + db + " with (force)");
      admin("create database " + db + " encoding 'UTF8' template template0");
    }
    Map<String, Object> results = new LinkedHashMap<>();
    try {
      long start = System.nanoTime();
      app = startApp();
      double startup = (System.nanoTime() - start) / 1e9;
      port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      baseline = startBaseline();

      // 1. lifecycle throughput, 4 workers, app and baseline alternating per repeat
      runFor(WARMUP, 4, this::appLifecycle);
      runFor(WARMUP, 4, this::baselineLifecycle);
      List<Double> appRates = new ArrayList<>();
      List<Double> baseRates = new ArrayList<>();
      List<Double> appCpu = new ArrayList<>();
      List<Double> appPgCpu = new ArrayList<>();
      List<Double> baseCpu = new ArrayList<>();
      List<Double> basePgCpu = new ArrayList<>();
      CpuProfile profile = CpuProfile.start();
      for (int r = 0; r < REPEATS; r++) {
        long cpu = processCpu();
        long pg = postgresCpu();
        appRates.add(runFor(SECONDS, 4, this::appLifecycle));
        appCpu.add((processCpu() - cpu) / 1e9 / SECONDS);
        appPgCpu.add((postgresCpu() - pg) / 1e9 / SECONDS);
        cpu = processCpu();
        pg = postgresCpu();
        baseRates.add(runFor(SECONDS, 4, this::baselineLifecycle));
        baseCpu.add((processCpu() - cpu) / 1e9 / SECONDS);
        basePgCpu.add((postgresCpu() - pg) / 1e9 / SECONDS);
      }
      Map<String, Object> breakdown = profile.stop(OUT.resolve("lifecycle.jfr"));
      // the same lifecycles with no engine authentication, so no authorization checks: not how
      // people work (Tasklist and REST calls are authorized), the share of the gap it explains
      engineAuthorization = false;
      double withoutAuthorization = runFor(SECONDS, 4, this::appLifecycle);
      engineAuthorization = true;
      double appRate = median(appRates);
      double baseRate = median(baseRates);
      results.put("lifecycle", ordered("app_per_s", round(appRate), "baseline_per_s",
          round(baseRate), "ratio", round(appRate / baseRate), "app_spread",
          spread(appRates), "baseline_spread", spread(baseRates), "repeats", REPEATS,
          "seconds", SECONDS, "workers", 4,
          "app_without_engine_authorization_per_s", round(withoutAuthorization),
          // cores kept busy, JVM and PostgreSQL apart; per lifecycle in CPU milliseconds
          "jvm_cpu_cores_busy_app", round(median(appCpu)),
          "pg_cpu_cores_busy_app", round(median(appPgCpu)),
          "jvm_cpu_cores_busy_baseline", round(median(baseCpu)),
          "pg_cpu_cores_busy_baseline", round(median(basePgCpu)),
          "jvm_cpu_ms_per_lifecycle_app", round(median(appCpu) * 1000 / appRate),
          "pg_cpu_ms_per_lifecycle_app", round(median(appPgCpu) * 1000 / appRate),
          "jvm_cpu_ms_per_lifecycle_baseline", round(median(baseCpu) * 1000 / baseRate),
          "pg_cpu_ms_per_lifecycle_baseline", round(median(basePgCpu) * 1000 / baseRate)));

      // where the application's JVM time goes, next to the baseline's (JFR execution samples)
      results.put("lifecycle_cpu_profile", breakdown);

      // 2. SQL per user-task completion, single-threaded so each completion is counted alone
      Map<String, Long> appShapes = appSql.shapesNow();
      long[] appCost = completionCost(20, true);
      Map<String, Double> appTop = CountingDataSource.perUnit(appShapes, appSql.shapesNow(),
          appCost[2], 25);
      Map<String, Long> baseShapes = baseSql.shapesNow();
      long[] baseCost = completionCost(20, false);
      Map<String, Double> baseTop = CountingDataSource.perUnit(baseShapes, baseSql.shapesNow(),
          baseCost[2], 25);
      results.put("sql", ordered("app_statements_per_task", round(appCost[0] / (double) appCost[2]),
          "baseline_statements_per_task", round(baseCost[0] / (double) baseCost[2]),
          "app_commits_per_task", round(appCost[1] / (double) appCost[2]),
          "baseline_commits_per_task", round(baseCost[1] / (double) baseCost[2])));
      // where the statements go (not a target, a guide for the next profiling round)
      results.put("sql_shapes_per_task", ordered("app", appTop, "baseline", baseTop));

      // 4. registration under contention and the smallest transaction as the ceiling
      List<Double> regRates = new ArrayList<>();
      for (int r = 0; r < REPEATS; r++) {
        regRates.add(runFor(SECONDS, 8, this::register));
      }
      List<Double> ceilings = new ArrayList<>();
      try (Connection c = DriverManager.getConnection(url(APP_DB), USER, PASSWORD);
          Statement s = c.createStatement()) {
        s.execute("create table bench_ceiling (id bigserial primary key, note varchar(40))");
        s.execute("create table bench_counter (id int primary key, n bigint)");
        s.execute("insert into bench_counter values (1, 0)");
      }
      HikariDataSource ceilingPool = pool(url(APP_DB), 8);
      for (int r = 0; r < REPEATS; r++) {
        ceilings.add(runFor(SECONDS, 8, () -> smallestTransaction(ceilingPool)));
      }
      ceilingPool.close();
      results.put("registration", ordered("per_s", round(median(regRates)), "spread",
          spread(regRates), "gapless", gapless(), "ceiling_per_s", round(median(ceilings)),
          "workers", 8));

      // 3. queries at scale
      preload();
      results.put("open_tasks", count("select count(*) from act_ru_task"));
      results.put("historic_rows", count("select (select count(*) from act_hi_actinst)"
          + " + (select count(*) from act_hi_taskinst) + (select count(*) from act_hi_varinst)"));
      String filterId = app.getBean(org.camunda.bpm.engine.FilterService.class)
          .createFilterQuery().filterName("Việc của đơn vị").singleResult().getId();
      results.put("inbox", latencies(() -> http("giamdoc", "GET", "/api/inbox", null)));
      ((Map<String, Object>) results.get("inbox")).put("first_page_as_engine_orders",
          inboxAsEngineOrders());
      ((Map<String, Object>) results.get("inbox")).put("baseline_p95_ms", latencies(
          this::bareTaskQuery).get("p95_ms"));
      ((Map<String, Object>) results.get("inbox")).put("baseline_or_query_p95_ms", latencies(
          this::bareOrTaskQuery).get("p95_ms"));
      results.put("tasklist_filter", latencies(() -> http("cv.qlkh", "POST", "/engine-rest/filter/"
          + filterId + "/list?firstResult=0&maxResults=15", "{}")));
      results.put("search", latencies(() -> http("vanthu", "GET", "/api/incoming-documents?q="
          + URLEncoder.encode("đo hiệu năng 77", StandardCharsets.UTF_8), null)));

      results.put("startup_s", round(startup));
      System.gc();
      Thread.sleep(500);
      System.gc();
      var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      results.put("heap_after_mb", heap.getUsed() / (1024 * 1024));
      // the packaged application restarted in a JVM of its own on the database the run filled:
      // what an operator waits for after an update (the first start above also built the schema)
      app.close();
      app = null;
      results.put("startup_restart_s", restartPackaged());
      results.put("machine", machine());
    } finally {
      if (app != null) {
        app.close();
      }
      if (baseline != null) {
        baseline.close();
      }
      for (String db : List.of(APP_DB, BASE_DB)) {
        try {
          admin("drop database if exists " + db + " with (force)");
        } catch (Exception ignored) {
          // results matter more than the cleanup
        }
      }
    }
    write(results);
  }

  // ------------------------------------------------------------------ the application

  ConfigurableApplicationContext startApp() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", url(APP_DB));
    properties.put("spring.datasource.username", USER);
    properties.put("spring.datasource.password", PASSWORD);
    properties.put("server.port", "0");
    properties.put("khcn.demo.users", "true");
    properties.put("khcn.demo.documents", "false");
    properties.put("khcn.processes.watch", "false");
    String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    return new SpringApplicationBuilder(KhcnWorkflowApplication.class).profiles("postgres")
        .initializers(context -> context.getBeanFactory().addBeanPostProcessor(
            new BeanPostProcessor() {
              @Override
              public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource ds && name.equals("dataSource")
                    ? appSql.wrap(ds) : bean;
              }
            }))
        .run(args);
  }

  /** Off for one extra run: what Camunda's authorization checks cost the lifecycle. */
  volatile boolean engineAuthorization = true;

  /** Each user's groups, looked up once as a Tasklist session does at login. */
  final Map<String, List<String>> sessions = new java.util.concurrent.ConcurrentHashMap<>();

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

  Task one(TaskService tasks, String pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
  }

  VariableMap direction() {
    return Variables.createVariables().putValue("direction", "Giao xử lý")
        .putValue("infoOnly", false).putValue("leadUnit", "phong-qlkh")
        .putValue("coordinatingUnits", SpinValues.jsonValue("[\"phong-khtc\",\"phong-qlcn\"]")
            .create())
        .putValue("informedUnits", SpinValues.jsonValue("[]").create())
        .putValue("dueDate", LocalDate.now(ZONE).plusDays(14).toString());
  }

  static final Map<String, String> UNIT_USER = Map.of("phong-qlkh", "cv.qlkh", "phong-khtc",
      "cv.khtc", "phong-qlcn", "cv.qlcn");

  /** One lifecycle through the application; returns the user-task completions. */
  int appLifecycle() {
    return appLifecycle(null);
  }

  int appLifecycle(long[] cost) {
    TaskService tasks = app.getBean(TaskService.class);
    RegisteredDocument doc = BenchRegistrations.register(app.getBean(RegistrationService.class),
        "BENCH-" + NUMBER.incrementAndGet() + "/KH", LocalDate.now(ZONE),
        new Actor("vanthu", "Nguyễn Thị Thu Hà"));
    String pi = doc.processInstanceId();
    Task give = one(tasks, pi, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    measured(cost, appSql, () -> as("giamdoc", () -> {
      tasks.claim(give.getId(), "giamdoc");
      tasks.complete(give.getId(), direction());
    }));
    for (Task unit : tasks.createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey(IncomingDirectiveProcess.Tasks.HANDLE_ASSIGNMENT).list()) {
      String group = tasks.getIdentityLinksForTask(unit.getId()).stream()
          .filter(l -> l.getGroupId() != null).findFirst().orElseThrow().getGroupId();
      String user = UNIT_USER.get(group);
      measured(cost, appSql, () -> as(user, () -> {
        tasks.claim(unit.getId(), user);
        tasks.complete(unit.getId(), Variables.createVariables().putValue("result", "Đã xử lý"));
      }));
    }
    Task consolidate = one(tasks, pi, IncomingDirectiveProcess.Tasks.CONSOLIDATE_REPORT);
    measured(cost, appSql, () -> as("cv.qlkh", () -> {
      tasks.claim(consolidate.getId(), "cv.qlkh");
      tasks.complete(consolidate.getId(), Variables.createVariables().putValue("report", "Xong"));
    }));
    Task approve = one(tasks, pi, IncomingDirectiveProcess.Tasks.APPROVE_RESULT);
    measured(cost, appSql, () -> as("giamdoc", () -> {
      tasks.claim(approve.getId(), "giamdoc");
      tasks.complete(approve.getId(), Variables.createVariables().putValue("approved", true));
    }));
    return 6;
  }

  int register() {
    BenchRegistrations.register(app.getBean(RegistrationService.class),
        "REG-" + NUMBER.incrementAndGet() + "/KH", LocalDate.now(ZONE),
        new Actor("vanthu", "Nguyễn Thị Thu Hà"));
    return 1;
  }

  static int smallestTransaction(DataSource pool) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.executeUpdate("insert into bench_ceiling (note) values ('x')");
        s.executeUpdate("update bench_counter set n = n + 1 where id = 1");
      }
      c.commit();
      return 1;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The incoming numbers of the year run 1..n without a gap or a duplicate. */
  boolean gapless() throws Exception {
    List<Long> numbers = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url(APP_DB), USER, PASSWORD);
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

  /** Seconds from launching the packaged jar on the run's database until it reports UP. */
  double restartPackaged() throws Exception {
    Path jar;
    try (var files = Files.list(Path.of("target"))) {
      jar = files.filter(p -> p.getFileName().toString().matches("khcn-workflow-.*\\.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException(
              "target/khcn-workflow-*.jar missing: run through Maven (package phase)"));
    }
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    AppNode node = new AppNode("bench-restart", port, jar, Map.of("DB_URL", url(APP_DB),
        "DB_USER", USER, "DB_PASSWORD", PASSWORD), OUT);
    node.start();
    try {
      return round(node.awaitHealthy(Duration.ofMinutes(3)));
    } finally {
      node.stop();
    }
  }

  // ------------------------------------------------------------------ the bare engine

  ProcessEngine startBaseline() throws Exception {
    HikariDataSource pool = pool(url(BASE_DB), 20);
    StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
    config.setProcessEngineName("bench-baseline");
    config.setDataSource(baseSql.wrap(pool));
    config.setDatabaseSchemaUpdate("true");
    config.setHistory("full");
    config.setJobExecutorActivate(false);
    config.setExpressionManager(new MockExpressionManager());
    config.setDefaultSerializationFormat("application/json");
    config.setJavaSerializationFormatEnabled(false);
    config.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
    ProcessEngine engine = config.buildProcessEngine();
    var deployment = engine.getRepositoryService().createDeployment().name("baseline");
    for (String file : List.of("incoming-directive.bpmn", "dispatch-sla.dmn")) {
      deployment.addInputStream(file, Files.newInputStream(Path.of("processes", file)));
    }
    deployment.deploy();
    return engine;
  }

  /** No-op beans that set only what the model's gateways and timers read. */
  static void registerDoubles() {
    Mocks.register("scheduleDirectionStep", (JavaDelegate) execution -> {
      execution.setVariable("directionDueDate", new Date(System.currentTimeMillis() + 86_400_000L));
      execution.setVariable("directionReminderDate", new Date(System.currentTimeMillis() + 43_200_000L));
      execution.setVariable("directionEscalationCycle", "R/" + java.time.OffsetDateTime.now(ZONE)
          .plusDays(1) + "/P1D");
      execution.setVariable("dueDate", LocalDate.now(ZONE).plusDays(14).toString());
    });
    Mocks.register("directionListener", (TaskListener) task -> {
      DelegateExecution execution = task.getExecution();
      execution.setVariable("infoOnly", false);
      execution.setVariable("assignedUnits", new ArrayList<>(List.of("phong-qlkh", "phong-khtc",
          "phong-qlcn")));
      execution.setVariable("hasCoordinatingUnits", true);
      execution.setVariable("handlingDueDate", new Date(System.currentTimeMillis() + 14 * 86_400_000L));
      execution.setVariable("reminderDate", new Date(System.currentTimeMillis() + 13 * 86_400_000L));
      execution.setVariable("escalationCycle", "R/" + java.time.OffsetDateTime.now(ZONE)
          .plusDays(14) + "/P1D");
    });
    Mocks.register("approvalListener", (TaskListener) task ->
        task.getExecution().setVariable("approved", task.getVariable("approved")));
    TaskListener noOpListener = task -> { };
    JavaDelegate noOpStep = execution -> { };
    for (String name : List.of("taskViewListener", "unitResultListener", "reportListener")) {
      Mocks.register(name, noOpListener);
    }
    for (String name : List.of("notifyInformedUnitsStep", "archiveDocumentStep", "remindStep",
        "escalateStep")) {
      Mocks.register(name, noOpStep);
    }
  }

  int baselineLifecycle() {
    return baselineLifecycle(null);
  }

  int baselineLifecycle(long[] cost) {
    registerDoubles();
    TaskService tasks = baseline.getTaskService();
    int number = NUMBER.incrementAndGet();
    String pi = baseline.getRuntimeService().startProcessInstanceByKey("incoming-directive",
        number + "/2026", Variables.createVariables().putValue("documentId", (long) number)
            .putValue("incomingNumber", number + "/2026").putValue("summary", "Đo hiệu năng")
            .putValue("documentNumber", "B/" + number).putValue("issuer", "UBND")
            .putValue("documentType", "Kế hoạch").putValue("urgency", "NORMAL")).getId();
    Task give = one(tasks, pi, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    measured(cost, baseSql, () -> {
      tasks.claim(give.getId(), "giamdoc");
      tasks.complete(give.getId(), direction());
    });
    for (Task unit : tasks.createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey(IncomingDirectiveProcess.Tasks.HANDLE_ASSIGNMENT).list()) {
      measured(cost, baseSql, () -> {
        tasks.claim(unit.getId(), "u");
        tasks.complete(unit.getId(), Variables.createVariables().putValue("result", "Đã xử lý"));
      });
    }
    Task consolidate = one(tasks, pi, IncomingDirectiveProcess.Tasks.CONSOLIDATE_REPORT);
    measured(cost, baseSql, () -> {
      tasks.claim(consolidate.getId(), "cv.qlkh");
      tasks.complete(consolidate.getId(), Variables.createVariables().putValue("report", "Xong"));
    });
    Task approve = one(tasks, pi, IncomingDirectiveProcess.Tasks.APPROVE_RESULT);
    measured(cost, baseSql, () -> {
      tasks.claim(approve.getId(), "giamdoc");
      tasks.complete(approve.getId(), Variables.createVariables().putValue("approved", true));
    });
    return 6;
  }

  /**
   * The bare TaskQueries the inbox's first page stands on, in its order, one page and one more:
   * the director's candidate-group tasks and his own, asked apart as the inbox does; no
   * authorization, no variables, no HTTP. What the inbox costs beyond them is ours.
   */
  void bareTaskQuery() {
    TaskService tasks = app.getBean(TaskService.class);
    tasks.createTaskQuery().taskCandidateGroupIn(List.of("lanh-dao")).active()
        .orderByTaskPriority().desc().orderByDueDate().asc().orderByTaskCreateTime().asc()
        .orderByTaskId().asc()
        .listPage(0, InboxService.PAGE_SIZE + 1);
    tasks.createTaskQuery().taskAssignee("giamdoc").active()
        .orderByTaskPriority().desc().orderByDueDate().asc().orderByTaskCreateTime().asc()
        .orderByTaskId().asc()
        .listPage(0, InboxService.PAGE_SIZE + 1);
  }

  /**
   * Whether the inbox's first page (read model) lists the same tasks in the same order as the
   * engine's own ordered queries of the director's tasks at 100,000 open tasks.
   */
  boolean inboxAsEngineOrders() throws Exception {
    List<String> inbox = new ArrayList<>();
    JSON.readTree(http("giamdoc", "GET", "/api/inbox", null)).get("items")
        .forEach(i -> inbox.add(i.get("taskId").asText()));
    TaskService tasks = app.getBean(TaskService.class);
    List<Task> engine = new ArrayList<>(tasks.createTaskQuery()
        .taskCandidateGroupIn(List.of("lanh-dao")).active().orderByTaskPriority().desc()
        .orderByDueDate().asc().orderByTaskCreateTime().asc().orderByTaskId().asc()
        .listPage(0, InboxService.PAGE_SIZE));
    engine.addAll(tasks.createTaskQuery().taskAssignee("giamdoc").active()
        .listPage(0, InboxService.PAGE_SIZE));
    engine.sort(java.util.Comparator.comparingInt((Task t) -> -t.getPriority())
        .thenComparing(Task::getDueDate, java.util.Comparator.nullsLast(
            java.util.Comparator.naturalOrder()))
        .thenComparing(Task::getCreateTime).thenComparing(Task::getId));
    List<String> expected = engine.stream().limit(InboxService.PAGE_SIZE).map(Task::getId)
        .toList();
    System.out.println("inbox first page " + inbox.size() + " items; as the engine orders: "
        + inbox.equals(expected));
    return inbox.equals(expected);
  }

  /** The same in one engine query, or() of candidate group and assignee, as one would write it. */
  void bareOrTaskQuery() {
    app.getBean(TaskService.class).createTaskQuery().or().taskCandidateGroupIn(
        List.of("lanh-dao")).taskAssignee("giamdoc").endOr().active().orderByTaskPriority().desc()
        .orderByDueDate().asc().orderByTaskCreateTime().asc().orderByTaskId().asc()
        .listPage(0, InboxService.PAGE_SIZE + 1);
  }

  // ------------------------------------------------------------------ measuring

  /** Counts statements and commits of one task completion into cost[0], cost[1]; cost[2]++. */
  static void measured(long[] cost, CountingDataSource sql, Runnable completion) {
    if (cost == null) {
      completion.run();
      return;
    }
    long statements = sql.statements.get();
    long commits = sql.commits.get();
    completion.run();
    cost[0] += sql.statements.get() - statements;
    cost[1] += sql.commits.get() - commits;
    cost[2]++;
  }

  long[] completionCost(int lifecycles, boolean appSide) {
    long[] cost = new long[3];
    for (int i = 0; i < lifecycles; i++) {
      if (appSide) {
        appLifecycle(cost);
      } else {
        baselineLifecycle(cost);
      }
    }
    return cost;
  }

  /** Runs the unit of work with the workers for the seconds; returns completed units per second. */
  static double runFor(int seconds, int workers, Callable<Integer> work) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong lifecycles = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      futures.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          try {
            work.call();
            lifecycles.incrementAndGet();
          } catch (Exception e) {
            failures.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (failures.get() > lifecycles.get() / 100) {
      System.out.println("warning: " + failures.get() + " failed units of work");
    }
    return lifecycles.get() / elapsed;
  }

  Map<String, Object> latencies(ThrowingRunnable call) throws Exception {
    for (int i = 0; i < 3; i++) {
      call.run();
    }
    List<Double> millis = new ArrayList<>();
    long end = System.nanoTime() + Math.max(10, SECONDS / 2) * 1_000_000_000L;
    // at least 50 samples, unless a call is so slow that 5 fill twice the time budget
    long hardEnd = end + Math.max(10, SECONDS / 2) * 1_000_000_000L;
    while (System.nanoTime() < end || (millis.size() < 50
        && (millis.size() < 5 || System.nanoTime() < hardEnd))) {
      long start = System.nanoTime();
      call.run();
      millis.add((System.nanoTime() - start) / 1e6);
    }
    Collections.sort(millis);
    return ordered("p50_ms", round(percentile(millis, 50)), "p95_ms",
        round(percentile(millis, 95)), "p99_ms", round(percentile(millis, 99)), "samples",
        millis.size());
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  final HttpClient http = HttpClient.newHttpClient();

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

  // ------------------------------------------------------------------ preload

  long count(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url(APP_DB), USER, PASSWORD);
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Bulk-loads open tasks of incoming-directive spread over the groups (as the engine would write
   * them: instance, task, candidate link, task authorization, task-local columns) and history.
   */
  void preload() throws Exception {
    try (Connection c = DriverManager.getConnection(url(APP_DB), USER, PASSWORD);
        Statement s = c.createStatement()) {
      String pd;
      try (ResultSet rs = s.executeQuery("select id_ from act_re_procdef where key_ ="
          + " 'incoming-directive' order by version_ desc limit 1")) {
        rs.next();
        pd = rs.getString(1);
      }
      String group = "(array['lanh-dao','phong-qlkh','phong-khtc','phong-qlcn','van-phong',"
          + "'phong-qlkh','phong-khtc','phong-qlcn','van-phong','phong-qlkh'])[1 + g % 10]";
      int n = OPEN_TASKS;
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
          // the urgency as priority (Urgency.taskPriority): mostly normal, a few flash
          + " case when g % 50 = 0 then 80 when g % 20 = 0 then 70 when g % 5 = 0 then 60 else 50 end,"
          + " now() - (g || ' minutes')::interval, now(), now() + ((g % 30 - 10) || ' days')::interval,"
          + " 1, 'Created' from generate_series(1, " + n + ") g");
      s.execute("insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_) select"
          + " 'bl' || g, 1, " + group + ", 'candidate', 'bt' || g from generate_series(1, " + n
          + ") g");
      s.execute("insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_,"
          + " resource_id_, perms_) select 'ba' || g, 1, 1, " + group + ", 7, 'bt' || g, 16386"
          + " from generate_series(1, " + n + ") g");
      for (String[] column : List.of(new String[] {"incomingNumber", "g || '/2025'"},
          new String[] {"summary", "'Văn bản tải trước số ' || g"},
          new String[] {"urgency", "case when g % 50 = 0 then 'FLASH' else 'NORMAL' end"})) {
        s.execute("insert into act_ru_variable (id_, rev_, type_, name_, execution_id_,"
            + " proc_inst_id_, proc_def_id_, task_id_, text_, var_scope_, sequence_counter_,"
            + " is_concurrent_local_) select 'bv" + column[0] + "' || g, 1, 'string', '"
            + column[0] + "', 'bx' || g, 'bx' || g, '" + pd + "', 'bt' || g, " + column[1]
            + ", 'bt' || g, 1, false from generate_series(1, " + n + ") g");
      }
      // the inbox's read model, as the task events would have written it (ADR 0010)
      s.execute("insert into inbox_entry (task_id, party, priority, due_date, create_time)"
          + " select t.id_, 'g:' || l.group_id_, t.priority_, t.due_date_, t.create_time_"
          + " from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_"
          + " where t.id_ like 'bt%' and l.type_ = 'candidate'");
      s.execute("insert into act_hi_actinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_,"
          + " proc_inst_id_, execution_id_, act_id_, act_name_, act_type_, start_time_, end_time_,"
          + " duration_, act_inst_state_, sequence_counter_) select 'bh' || g,"
          + " 'incoming-directive', '" + pd + "', 'hx' || (g / 10), 'hx' || (g / 10), 'hx' ||"
          + " (g / 10), 'handleAssignment', 'Đơn vị xử lý', 'userTask', now() - interval '400"
          + " days', now() - interval '390 days', 864000000, 1, 1 from generate_series(1, "
          + HISTORIC_ROWS + ") g");
      s.execute("analyze");
    }
  }

  // ------------------------------------------------------------------ report

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  static String spread(List<Double> values) {
    return round(Collections.min(values)) + "–" + round(Collections.max(values));
  }

  static double percentile(List<Double> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  static Map<String, Object> ordered(Object... keyValue) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValue.length; i += 2) {
      map.put((String) keyValue[i], keyValue[i + 1]);
    }
    return map;
  }

  /**
   * CPU time (ns) of all PostgreSQL server processes on this machine, from /proc (the server runs
   * beside the benchmark, as in CI); 0 where /proc is not there.
   */
  static long postgresCpu() {
    long ticks = 0;
    File[] processes = new File("/proc").listFiles((dir, name) -> name.chars()
        .allMatch(Character::isDigit));
    if (processes == null) {
      return 0;
    }
    for (File process : processes) {
      try {
        String stat = Files.readString(process.toPath().resolve("stat"));
        int close = stat.lastIndexOf(')');
        if (!stat.substring(stat.indexOf('(') + 1, close).startsWith("postgres")) {
          continue;
        }
        String[] fields = stat.substring(close + 2).split(" ");
        // fields after the name: state(0) ... utime(11) stime(12)
        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      } catch (Exception gone) {
        // the process ended while it was read
      }
    }
    return ticks * 1_000_000_000L / 100; // USER_HZ is 100 on Linux
  }

  static long processCpu() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime()
        : 0;
  }

  Map<String, Object> machine() throws Exception {
    String version;
    try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show server_version")) {
      rs.next();
      version = rs.getString(1);
    }
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
        .getOperatingSystemMXBean();
    return ordered("cores", Runtime.getRuntime().availableProcessors(), "memory_mb",
        os.getTotalMemorySize() / (1024 * 1024), "postgresql", version, "java",
        System.getProperty("java.version"), "max_heap_mb",
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  static HikariDataSource pool(String url, int size) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setUsername(USER);
    pool.setPassword(PASSWORD);
    pool.setMaximumPoolSize(size);
    return pool;
  }

  void write(Map<String, Object> results) throws Exception {
    // read-modify-write: keeps the keys other bench classes wrote (PapersBenchmarkIT)
    System.out.println(BenchResults.merge(results));
  }

  @SuppressWarnings("unchecked")
  static void flatten(String prefix, Map<String, Object> map, StringBuilder md) {
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      if (entry.getValue() instanceof Map<?, ?> nested) {
        flatten(prefix + entry.getKey() + ".", (Map<String, Object>) nested, md);
      } else {
        md.append("| ").append(prefix).append(entry.getKey()).append(" | ")
            .append(entry.getValue()).append(" |\n");
      }
    }
  }
}
