package vn.khcn.workflow.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.dispatch.DispatchFigures;
import vn.khcn.workflow.identity.Groups;

/**
 * What an administrator watches (issue 20, README "Runbook"), published on
 * /actuator/prometheus: the engine's jobs and incidents, and the Department's work. Each gauge is
 * one count query when Prometheus scrapes, none in between; the overdue duties of the four units
 * are one grouped query per scrape, read by the four gauges from one snapshot.
 */
@Component
class OperationsMetrics implements MeterBinder {

  private final ManagementService managementService;
  private final RuntimeService runtimeService;
  private final DispatchFigures dispatch;

  OperationsMetrics(ManagementService managementService, RuntimeService runtimeService,
      DispatchFigures dispatch) {
    this.managementService = managementService;
    this.runtimeService = runtimeService;
    this.dispatch = dispatch;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("camunda.jobs.due", managementService,
            m -> m.createJobQuery().executable().count())
        .description("Jobs due now with retries left: the job executor's backlog")
        .register(registry);
    Gauge.builder("camunda.jobs.failed", managementService,
            m -> m.createJobQuery().noRetriesLeft().count())
        .description("Jobs whose retries are used up (each has an incident)")
        .register(registry);
    Gauge.builder("camunda.jobs.timers", managementService,
            m -> m.createJobQuery().timers().count())
        .description("Timer jobs waiting (reminders, escalations, deadlines)")
        .register(registry);
    Gauge.builder("camunda.incidents.open", runtimeService,
            r -> r.createIncidentQuery().count())
        .description("Open incidents; Cockpit shows them")
        .register(registry);
    FunctionCounter.builder("khcn.documents.registered", dispatch,
            DispatchFigures::registeredDocuments)
        .description("Incoming documents registered (the same value on every node)")
        .register(registry);
    bindOverdue(registry, dispatch::overdueByUnit, System::nanoTime);
  }

  /**
   * One gauge per unit, all read from one snapshot of the grouped overdue query: a scrape reads
   * the four gauges within milliseconds, so it runs the query once (a snapshot older than
   * {@link Snapshot#MAX_AGE} is taken again).
   */
  static void bindOverdue(MeterRegistry registry, Supplier<Map<String, Long>> overdueByUnit,
      LongSupplier nanoTime) {
    Snapshot overdue = new Snapshot(overdueByUnit, nanoTime);
    for (String unit : Groups.UNITS) {
      Gauge.builder("khcn.assignments.overdue", overdue, s -> s.get().getOrDefault(unit, 0L))
          .tag("unit", unit)
          .description("Open lead and co-ordinating duties past their due date")
          .strongReference(true) // the snapshot is held by the gauges alone
          .register(registry);
    }
  }

  /** The overdue counts by unit, taken again when older than {@link #MAX_AGE}. */
  static final class Snapshot {
    /** Far shorter than any scrape interval, far longer than one scrape. */
    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final Supplier<Map<String, Long>> source;
    private final LongSupplier nanoTime;
    private Map<String, Long> values;
    private long takenAt;

    Snapshot(Supplier<Map<String, Long>> source, LongSupplier nanoTime) {
      this.source = source;
      this.nanoTime = nanoTime;
    }

    synchronized Map<String, Long> get() {
      long now = nanoTime.getAsLong();
      if (values == null || now - takenAt >= MAX_AGE.toNanos()) {
        values = Map.copyOf(source.get());
        takenAt = now;
      }
      return values;
    }
  }
}
