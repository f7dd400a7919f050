package vn.khcn.workflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.bench.BenchSupport.OUT;
import static vn.khcn.workflow.bench.BenchSupport.processCpu;
import static vn.khcn.workflow.bench.BenchSupport.round;
import static vn.khcn.workflow.bench.BenchSupport.runFor;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Lifecycles, then registrations, of the application alone (no bare engine, no other phase), to
 * profile one of them or compare two commits on one machine in a few minutes (ADR 0041). Not part
 * of the benchmark (the name ends neither in IT nor in Test); run it by name, with JFR if wanted:
 * {@code ./mvnw -Pbench failsafe:integration-test -Dit.test=WorkAlone
 * -Dbench.jvmArgs=-XX:StartFlightRecording=filename=target/bench/alone.jfr,settings=profile}.
 * Writes {@code target/bench/work-alone.json}: per second, JVM CPU milliseconds per unit of work
 * (the process's CPU over the units done), and the statements of 200 registrations done one by
 * one.
 */
class WorkAlone {

  static final String DB = "khcn_bench_alone";
  static final int SECONDS = Integer.getInteger("bench.aloneSeconds", 40);

  @Test
  void lifecyclesThenRegistrations() throws Exception {
    BenchSupport.freshDatabase(DB);
    Map<String, Object> results = new LinkedHashMap<>();
    try (AppSide app = new AppSide(DB)) {
      // lifecycles first, on the empty database: what they find there does not depend on how
      // many registrations the commit under test managed in its time
      results.put("lifecycle", measure(4, app::appLifecycle));
      results.put("registration", measure(8, app::register));
      var before = app.sql.shapesNow();
      long statements = app.sql.statements.get();
      for (int i = 0; i < 200; i++) {
        app.register();
      }
      results.put("statements_per_registration",
          round((app.sql.statements.get() - statements) / 200.0));
      results.put("registration_shapes",
          CountingDataSource.perUnit(before, app.sql.shapesNow(), 200, 40));
      assertThat(app.gapless()).as("incoming numbers of the year without a gap").isTrue();
    } finally {
      BenchSupport.dropQuietly(DB);
    }
    Files.createDirectories(OUT);
    String json = BenchSupport.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results);
    Files.writeString(OUT.resolve("work-alone.json"), json);
    System.out.println(json);
  }

  /** Units per second and JVM CPU ms per unit, after as long a warm-up. */
  private static Map<String, Object> measure(int workers, Callable<Integer> work)
      throws Exception {
    runFor(SECONDS, workers, work);
    long cpu = processCpu();
    double rate = runFor(SECONDS, workers, work);
    double cpuMs = (processCpu() - cpu) / 1e6 / (rate * SECONDS);
    assertThat(rate).as("work done").isPositive();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("per_s", round(rate));
    figures.put("jvm_cpu_ms", round(cpuMs));
    figures.put("workers", workers);
    figures.put("seconds", SECONDS);
    return figures;
  }
}
