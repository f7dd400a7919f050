package vn.khcn.workflow.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import vn.khcn.workflow.dispatch.DispatchFigures;
import vn.khcn.workflow.identity.Groups;

/**
 * What an administrator watches (issue 20, README "Runbook"), published on
 * /actuator/prometheus: the engine's jobs and incidents, and the Department's work. Each gauge is
 * one count query when Prometheus scrapes, none in between.
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
    for (String unit : Groups.UNITS) {
      Gauge.builder("khcn.assignments.overdue", dispatch,
              d -> d.overdueByUnit().getOrDefault(unit, 0L))
          .tag("unit", unit)
          .description("Open lead and co-ordinating duties past their due date")
          .register(registry);
    }
  }
}
