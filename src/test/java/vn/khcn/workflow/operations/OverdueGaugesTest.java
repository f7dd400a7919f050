package vn.khcn.workflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.identity.Groups;

/**
 * The four units' overdue gauges: one scrape (every gauge read once) runs the grouped overdue
 * query once, and a later scrape runs it again; no Spring context, the query is a counting
 * supplier and the clock a hand-moved one.
 */
class OverdueGaugesTest {

  @Test
  void oneScrapeRunsTheOverdueQueryOnceAndTheNextScrapeAgain() {
    AtomicInteger queries = new AtomicInteger();
    AtomicLong now = new AtomicLong(1_000);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    OperationsMetrics.bindOverdue(registry, () -> {
      queries.incrementAndGet();
      return Map.of(Groups.PHONG_QLKH, 3L + queries.get(), Groups.VAN_PHONG, 1L);
    }, now::get);
    assertThat(queries).as("nothing is queried before a scrape").hasValue(0);

    Map<String, Double> first = scrape(registry);
    assertThat(queries).as("one scrape, one query").hasValue(1);
    assertThat(first).containsEntry(Groups.PHONG_QLKH, 4.0).containsEntry(Groups.VAN_PHONG, 1.0)
        .containsEntry(Groups.PHONG_KHTC, 0.0).hasSize(Groups.UNITS.size());

    now.addAndGet(OperationsMetrics.Snapshot.MAX_AGE.toNanos());
    Map<String, Double> second = scrape(registry);
    assertThat(queries).as("the next scrape queries again").hasValue(2);
    assertThat(second).containsEntry(Groups.PHONG_QLKH, 5.0);
  }

  /** What Prometheus's scrape does: reads every gauge of the registry once. */
  private static Map<String, Double> scrape(SimpleMeterRegistry registry) {
    Map<String, Double> values = new java.util.TreeMap<>();
    for (Gauge gauge : registry.find("khcn.assignments.overdue").gauges()) {
      values.put(gauge.getId().getTag("unit"), gauge.value());
    }
    return values;
  }
}
