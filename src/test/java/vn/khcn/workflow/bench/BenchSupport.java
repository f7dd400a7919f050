package vn.khcn.workflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's settings and its measuring tools, shared by the bench classes: PostgreSQL
 * databases, worker runs, latencies, statistics, CPU of the JVM and of the PostgreSQL processes.
 */
final class BenchSupport {

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
  static final ObjectMapper JSON = new ObjectMapper();
  /** Numbers of the documents and instances the bench creates, unique within the JVM. */
  static final AtomicInteger NUMBER = new AtomicInteger();
  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  private BenchSupport() {}

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

  /** Drops and creates the empty database. */
  static void freshDatabase(String db) throws Exception {
    admin("drop database if exists " + db + " with (force)");
    admin("create database " + db + " encoding 'UTF8' template template0");
  }

  static void dropQuietly(String db) {
    try {
      admin("drop database if exists " + db + " with (force)");
    } catch (Exception ignored) {
      // results matter more than the cleanup
    }
  }

  static long count(String db, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url(db), USER, PASSWORD);
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static HikariDataSource pool(String url, int size) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setUsername(USER);
    pool.setPassword(PASSWORD);
    pool.setMaximumPoolSize(size);
    // the PostgreSQL server is shared (max_connections): open connections only as they are used
    pool.setMinimumIdle(1);
    return pool;
  }

  // ------------------------------------------------------------------ running and timing

  /** Runs the unit of work with the workers for the seconds; returns completed units per second. */
  static double runFor(int seconds, int workers, Callable<Integer> work) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong units = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      futures.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          try {
            work.call();
            units.incrementAndGet();
          } catch (Exception e) {
            if (failures.incrementAndGet() <= 3) {
              System.out.println("bench: a unit of work failed: " + e);
            }
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
    if (failures.get() > units.get() / 100) {
      System.out.println("warning: " + failures.get() + " failed units of work");
    }
    return units.get() / elapsed;
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  /** p50/p95/p99 of the call after 3 warm-up calls, for half the run's seconds (≥ 10 s). */
  static Map<String, Object> latencies(ThrowingRunnable call) throws Exception {
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

  // ------------------------------------------------------------------ statistics

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

  // ------------------------------------------------------------------ the machine

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

  static Map<String, Object> machine() throws Exception {
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
