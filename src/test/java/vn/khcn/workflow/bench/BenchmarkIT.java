package vn.khcn.workflow.bench;

import static vn.khcn.workflow.bench.BenchSupport.freshDatabase;
import static vn.khcn.workflow.bench.BenchSupport.latencies;
import static vn.khcn.workflow.bench.BenchSupport.median;
import static vn.khcn.workflow.bench.BenchSupport.postgresCpu;
import static vn.khcn.workflow.bench.BenchSupport.processCpu;
import static vn.khcn.workflow.bench.BenchSupport.runFor;
import static vn.khcn.workflow.bench.BenchSupport.spread;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The benchmark ({@code ./mvnw -B -Pbench verify}, not part of verify): the application and the
 * bare engine, without and with authorization, side by side on PostgreSQL in one JVM, each on a
 * database of its own. Settings (system properties): bench.seconds (60), bench.repeats (3),
 * bench.warmup (10), bench.openTasks (100000), bench.historicRows (1000000), bench.shapes (50,
 * statement shapes reported per side); PGHOST, PGPORT,
 * PGUSER, PGPASSWORD. Writes target/bench/results.json and results.md. The parts live beside it:
 * {@link AppSide}, {@link BareEngine}, {@link ScaleQueries}, {@link Startups}, {@link BenchSupport}.
 */
class BenchmarkIT {

  // kept here for the other bench classes, which read the settings through this class
  static final Path OUT = BenchSupport.OUT;
  static final int SECONDS = BenchSupport.SECONDS;
  static final int REPEATS = BenchSupport.REPEATS;
  static final int WARMUP = BenchSupport.WARMUP;
  static final int OPEN_TASKS = BenchSupport.OPEN_TASKS;
  static final int HISTORIC_ROWS = BenchSupport.HISTORIC_ROWS;
  static final String HOST = BenchSupport.HOST;
  static final String PORT = BenchSupport.PORT;
  static final String USER = BenchSupport.USER;
  static final String PASSWORD = BenchSupport.PASSWORD;
  static final ObjectMapper JSON = BenchSupport.JSON;
  static final long PID = ProcessHandle.current().pid();
  static final String APP_DB = "khcn_bench_app_" + PID;
  static final String BASE_DB = "khcn_bench_base_" + PID;
  static final String BASE_AUTH_DB = "khcn_bench_base_auth_" + PID;
  static final String STARTUP_APP_DB = "khcn_bench_start_app_" + PID;
  static final String STARTUP_BARE_DB = "khcn_bench_start_bare_" + PID;
  static final List<String> DATABASES = List.of(APP_DB, BASE_DB, BASE_AUTH_DB, STARTUP_APP_DB,
      STARTUP_BARE_DB);

  static String url(String db) {
    return BenchSupport.url(db);
  }

  static void admin(String sql) throws Exception {
    BenchSupport.admin(sql);
  }

  static double round(double value) {
    return BenchSupport.round(value);
  }

  static double percentile(List<Double> sorted, int p) {
    return BenchSupport.percentile(sorted, p);
  }

  static Map<String, Object> ordered(Object... keyValue) {
    return BenchSupport.ordered(keyValue);
  }

  static void flatten(String prefix, Map<String, Object> map, StringBuilder md) {
    BenchSupport.flatten(prefix, map, md);
  }

  static HikariDataSource pool(String url, int size) {
    return BenchSupport.pool(url, size);
  }

  /** Lifecycles per second and the CPU of the JVM and PostgreSQL per second of the runs. */
  record Side(List<Double> rates, List<Double> jvm, List<Double> pg) {
    Side() {
      this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    void run(Callable<Integer> lifecycle) throws Exception {
      long cpu = processCpu();
      long pgCpu = postgresCpu();
      rates.add(runFor(SECONDS, 4, lifecycle));
      jvm.add((processCpu() - cpu) / 1e9 / SECONDS);
      pg.add((postgresCpu() - pgCpu) / 1e9 / SECONDS);
    }

    double rate() {
      return median(rates);
    }

    double jvmCpuMs() {
      return round(median(jvm) * 1000 / rate());
    }

    double pgCpuMs() {
      return round(median(pg) * 1000 / rate());
    }
  }

  @Test
  void benchmark() throws Exception {
    Files.createDirectories(OUT);
    for (String db : DATABASES) {
      freshDatabase(db);
    }
    Map<String, Object> results = new LinkedHashMap<>();
    AppSide app = null;
    BareEngine bare = null;
    BareEngine bareAuth = null;
    try {
      long start = System.nanoTime();
      app = new AppSide(APP_DB);
      double startup = (System.nanoTime() - start) / 1e9;
      bare = new BareEngine(BASE_DB, false);
      bareAuth = new BareEngine(BASE_AUTH_DB, true);
      lifecycles(results, app, bare, bareAuth);
      statements(results, app, bare, bareAuth);
      registrations(results, app);
      queries(results, app);

      results.put("startup_s", round(startup));
      System.gc();
      Thread.sleep(500);
      System.gc();
      var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      results.put("heap_after_mb", heap.getUsed() / (1024 * 1024));
      app.close();
      bare.close();
      bareAuth.close();
      // the packaged application restarted in a JVM of its own on the database the run filled:
      // what an operator waits for after an update (the first start above also built the schema)
      // a start that fails or times out on a loaded machine is reported, not fatal to the rest
      try {
        results.put("startup_restart_s", Startups.restartPackaged(APP_DB));
      } catch (Exception e) {
        results.put("startup_restart_error", String.valueOf(e.getMessage()));
      }
      // the same, as the Docker image starts it (ADR 0054), in turn with the packaged jar
      try {
        results.put("startup_restarts", Startups.restartsByLayout(APP_DB, 2));
      } catch (Exception e) {
        results.put("startup_restarts_error", String.valueOf(e.getMessage()));
      }
      try {
        startups(results);
      } catch (Exception e) {
        results.put("startup_error", String.valueOf(e.getMessage()));
      }
      results.put("machine", BenchSupport.machine());
    } finally {
      for (AutoCloseable side : new AutoCloseable[] {app, bare, bareAuth}) {
        try {
          if (side != null) {
            side.close();
          }
        } catch (Exception ignored) {
          // closed already
        }
      }
      DATABASES.forEach(BenchSupport::dropQuietly);
    }
    System.out.println(BenchResults.merge(results));
  }

  /** 1. Lifecycle throughput, 4 workers, the three sides alternating per repeat. */
  static void lifecycles(Map<String, Object> results, AppSide app, BareEngine bare,
      BareEngine bareAuth) throws Exception {
    runFor(WARMUP, 4, app::appLifecycle);
    runFor(WARMUP, 4, bare::lifecycle);
    runFor(WARMUP, 4, bareAuth::lifecycle);
    Side appSide = new Side();
    Side bareSide = new Side();
    Side authSide = new Side();
    CpuProfile profile = CpuProfile.start();
    for (int r = 0; r < REPEATS; r++) {
      appSide.run(app::appLifecycle);
      bareSide.run(bare::lifecycle);
      authSide.run(bareAuth::lifecycle);
    }
    Map<String, Object> breakdown = profile.stop(OUT.resolve("lifecycle.jfr"));
    // the same lifecycles with no engine authentication, so no authorization checks: not how
    // people work (Tasklist and REST calls are authorized), the share of the gap it explains
    app.engineAuthorization = false;
    double withoutAuthorization = runFor(SECONDS, 4, app::appLifecycle);
    app.engineAuthorization = true;
    double appRate = appSide.rate();
    double baseRate = bareSide.rate();
    double authRate = authSide.rate();
    results.put("lifecycle", ordered("app_per_s", round(appRate), "baseline_per_s",
        round(baseRate), "ratio", round(appRate / baseRate), "app_spread",
        spread(appSide.rates()), "baseline_spread", spread(bareSide.rates()), "repeats", REPEATS,
        "seconds", SECONDS, "workers", 4,
        "app_without_engine_authorization_per_s", round(withoutAuthorization),
        // the bare engine with authorization on, users logged in: the engine's own price of it
        "bare_auth_per_s", round(authRate), "bare_auth_spread", spread(authSide.rates()),
        "bare_auth_ratio", round(authRate / baseRate),
        "ratio_to_bare_auth", round(appRate / authRate),
        // cores kept busy, JVM and PostgreSQL apart; per lifecycle in CPU milliseconds
        "jvm_cpu_cores_busy_app", round(median(appSide.jvm())),
        "pg_cpu_cores_busy_app", round(median(appSide.pg())),
        "jvm_cpu_cores_busy_baseline", round(median(bareSide.jvm())),
        "pg_cpu_cores_busy_baseline", round(median(bareSide.pg())),
        "jvm_cpu_ms_per_lifecycle_app", appSide.jvmCpuMs(),
        "pg_cpu_ms_per_lifecycle_app", appSide.pgCpuMs(),
        "jvm_cpu_ms_per_lifecycle_baseline", bareSide.jvmCpuMs(),
        "pg_cpu_ms_per_lifecycle_baseline", bareSide.pgCpuMs(),
        "jvm_cpu_ms_per_lifecycle_bare_auth", authSide.jvmCpuMs(),
        "pg_cpu_ms_per_lifecycle_bare_auth", authSide.pgCpuMs()));
    // where each side's JVM time goes (JFR execution samples)
    results.put("lifecycle_cpu_profile", breakdown);
  }

  /** Statement shapes reported per side, most frequent first. */
  static final int SHAPES_SHOWN = Integer.getInteger("bench.shapes", 50);

  /** 2. SQL per user-task completion, single-threaded so each completion is counted alone. */
  static void statements(Map<String, Object> results, AppSide app, BareEngine bare,
      BareEngine bareAuth) {
    Map<String, Long> appShapes = app.sql.shapesNow();
    long[] appCost = app.completionCost(20);
    Map<String, Double> appTop = CountingDataSource.perUnit(appShapes, app.sql.shapesNow(),
        appCost[2], SHAPES_SHOWN);
    Map<String, Long> baseShapes = bare.sql.shapesNow();
    long[] baseCost = bare.completionCost(20);
    Map<String, Double> baseTop = CountingDataSource.perUnit(baseShapes, bare.sql.shapesNow(),
        baseCost[2], SHAPES_SHOWN);
    Map<String, Long> authShapes = bareAuth.sql.shapesNow();
    long[] authCost = bareAuth.completionCost(20);
    Map<String, Double> authTop = CountingDataSource.perUnit(authShapes,
        bareAuth.sql.shapesNow(), authCost[2], SHAPES_SHOWN);
    double appPer = round(appCost[0] / (double) appCost[2]);
    double basePer = round(baseCost[0] / (double) baseCost[2]);
    double authPer = round(authCost[0] / (double) authCost[2]);
    results.put("sql", ordered("app_statements_per_task", appPer,
        "baseline_statements_per_task", basePer,
        "app_commits_per_task", round(appCost[1] / (double) appCost[2]),
        "baseline_commits_per_task", round(baseCost[1] / (double) baseCost[2]),
        "bare_auth_statements_per_task", authPer,
        "bare_auth_commits_per_task", round(authCost[1] / (double) authCost[2]),
        "app_minus_baseline", round(appPer - basePer),
        "app_minus_bare_auth", round(appPer - authPer)));
    results.put("statements", ordered("app_per_completion", appPer, "bare_per_completion",
        basePer, "bare_auth_per_completion", authPer));
    // where the statements go (not a target, a guide for the next profiling round)
    results.put("sql_shapes_per_task", ordered("app", appTop, "baseline", baseTop, "bare_auth",
        authTop));
  }

  /** 4. Registration under contention and the smallest transaction as the ceiling. */
  static void registrations(Map<String, Object> results, AppSide app) throws Exception {
    List<Double> regRates = new ArrayList<>();
    List<Double> jvmMs = new ArrayList<>();
    List<Double> pgMs = new ArrayList<>();
    for (int r = 0; r < REPEATS; r++) {
      long cpu = processCpu();
      long pgCpu = postgresCpu();
      double rate = runFor(SECONDS, 8, app::register);
      regRates.add(rate);
      // CPU per registration: whether the counter lock or the cores bound the rate
      jvmMs.add((processCpu() - cpu) / 1e6 / (rate * SECONDS));
      pgMs.add((postgresCpu() - pgCpu) / 1e6 / (rate * SECONDS));
    }
    List<Double> ceilings = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url(APP_DB), USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("create table bench_ceiling (id bigserial primary key, note varchar(40))");
      s.execute("create table bench_counter (id int primary key, n bigint)");
      s.execute("insert into bench_counter values (1, 0)");
    }
    try (HikariDataSource ceilingPool = pool(url(APP_DB), 8)) {
      for (int r = 0; r < REPEATS; r++) {
        ceilings.add(runFor(SECONDS, 8, () -> smallestTransaction(ceilingPool)));
      }
    }
    double rate = median(regRates);
    double ceiling = median(ceilings);
    results.put("registration", ordered("per_s", round(rate), "spread", spread(regRates),
        "gapless", app.gapless(), "ceiling_per_s", round(ceiling), "ratio",
        round(rate / ceiling), "workers", 8, "jvm_cpu_ms_per_registration",
        round(median(jvmMs)), "pg_cpu_ms_per_registration", round(median(pgMs))));
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

  /**
   * 3. Queries at scale. The Tasklist filter ("Việc của đơn vị", key tasklist_filter) is measured
   * by a bench class of its own.
   */
  @SuppressWarnings("unchecked")
  static void queries(Map<String, Object> results, AppSide app) throws Exception {
    ScaleQueries scale = new ScaleQueries(app);
    scale.preload();
    results.put("open_tasks", BenchSupport.count(APP_DB, "select count(*) from act_ru_task"));
    results.put("seed_settled", AfterBulkLoad.how());
    results.put("historic_rows", BenchSupport.count(APP_DB, "select (select count(*) from"
        + " act_hi_actinst) + (select count(*) from act_hi_taskinst) + (select count(*) from"
        + " act_hi_varinst)"));
    Map<String, Object> inbox = latencies(() -> app.http("giamdoc", "GET", "/api/inbox", null));
    inbox.put("first_page_as_engine_orders", scale.inboxAsEngineOrders());
    inbox.put("baseline_p95_ms", latencies(scale::bareTaskQuery).get("p95_ms"));
    inbox.put("baseline_or_query_p95_ms", latencies(scale::bareOrTaskQuery).get("p95_ms"));
    results.put("inbox", inbox);
    results.put("search", latencies(() -> app.http("vanthu", "GET", "/api/incoming-documents?q="
        + URLEncoder.encode("đo hiệu năng 77", StandardCharsets.UTF_8), null)));
  }

  /**
   * Start-up against the bare Camunda starter: both first starts on an empty database, each in a
   * JVM of its own from the same class path, until health answers UP.
   */
  static void startups(Map<String, Object> results) throws Exception {
    double bareStart = Startups.bareStarter(STARTUP_BARE_DB);
    double appStart = Startups.application(STARTUP_APP_DB);
    results.put("startup_bare_s", bareStart);
    results.put("startup", ordered("app_own_jvm_s", appStart, "bare_s", bareStart, "ratio",
        round(appStart / bareStart)));
  }
}
