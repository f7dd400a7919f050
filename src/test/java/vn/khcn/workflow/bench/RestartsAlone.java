package vn.khcn.workflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.bench.BenchSupport.OUT;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Restarts of the application alone, as the packaged jar and as the Docker image starts it
 * (ADR 0054), on a database its first start filled with the schema, models and demo users. Not
 * part of the benchmark (the name ends neither in IT nor in Test); run it by name after
 * packaging: {@code ./mvnw -Pbench failsafe:integration-test -Dit.test=RestartsAlone
 * -Dbench.restartRounds=3}. Writes {@code target/bench/restarts-alone.json}.
 */
class RestartsAlone {

  static final String DB = "khcn_bench_restarts";
  static final int ROUNDS = Integer.getInteger("bench.restartRounds", 3);

  @Test
  void restartsByLayout() throws Exception {
    BenchSupport.freshDatabase(DB);
    Map<String, Object> results = new LinkedHashMap<>();
    try {
      results.put("first_start_s", Startups.restartPackaged(DB));
      Map<String, Object> restarts = Startups.restartsByLayout(DB, ROUNDS);
      results.put("restarts", restarts);
      assertThat(restarts.get("extracted_archive_s")).as("restarts from the archive")
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(ROUNDS);
      results.put("machine", BenchSupport.machine());
    } finally {
      BenchSupport.dropQuietly(DB);
    }
    Files.createDirectories(OUT);
    String json = BenchSupport.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results);
    Files.writeString(OUT.resolve("restarts-alone.json"), json);
    System.out.println(json);
  }
}
