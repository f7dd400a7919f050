package vn.khcn.workflow.bench;

import static vn.khcn.workflow.bench.BenchSupport.NUMBER;
import static vn.khcn.workflow.bench.BenchSupport.ZONE;
import static vn.khcn.workflow.bench.BenchSupport.measured;
import static vn.khcn.workflow.bench.BenchSupport.pool;
import static vn.khcn.workflow.bench.BenchSupport.url;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;

/**
 * The bare engine on a database of its own: the application's incoming-directive model with
 * no-op delegates, no domain tables. Without authorization it is the engine's floor; with
 * authorization on (as the application runs it: Camunda's default task authorizations with
 * TASK_WORK, each step as the logged-in user with their groups) it shows what the engine itself
 * charges for authorization and audit, apart from what the application adds.
 */
final class BareEngine implements AutoCloseable {

  final CountingDataSource sql = new CountingDataSource();
  final ProcessEngine engine;
  final boolean authorization;
  private final com.zaxxer.hikari.HikariDataSource pool;
  private boolean closed;

  BareEngine(String db, boolean authorization) throws Exception {
    this.authorization = authorization;
    StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
    config.setProcessEngineName(authorization ? "bench-baseline-auth" : "bench-baseline");
    // 4 workers: a few connections each side, the server being shared
    pool = pool(url(db), 6);
    config.setDataSource(sql.wrap(pool));
    config.setDatabaseSchemaUpdate("true");
    config.setHistory("full");
    config.setJobExecutorActivate(false);
    config.setExpressionManager(new MockExpressionManager());
    config.setDefaultSerializationFormat("application/json");
    config.setJavaSerializationFormatEnabled(false);
    config.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
    if (authorization) {
      config.setAuthorizationEnabled(true);
      config.setDefaultUserPermissionNameForTask("TASK_WORK");
    }
    engine = config.buildProcessEngine();
    var deployment = engine.getRepositoryService().createDeployment().name("baseline");
    for (String file : List.of("incoming-directive.bpmn", "dispatch-sla.dmn")) {
      deployment.addInputStream(file, Files.newInputStream(Path.of("processes", file)));
    }
    deployment.deploy();
  }

  private static final java.util.concurrent.ConcurrentHashMap<String, Object> HANDLERS =
      new java.util.concurrent.ConcurrentHashMap<>();

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
    // each unit's sub-process: its deadline and timers; a head as the demo units have them
    Mocks.register("unitDeadlineListener", (org.camunda.bpm.engine.delegate.ExecutionListener)
        execution -> {
          execution.setVariableLocal("assignmentDueDate",
              new Date(System.currentTimeMillis() + 14 * 86_400_000L));
          execution.setVariableLocal("assignmentReminderDate",
              new Date(System.currentTimeMillis() + 13 * 86_400_000L));
          execution.setVariableLocal("assignmentEscalationCycle", "R/"
              + java.time.OffsetDateTime.now(ZONE).plusDays(14) + "/P1D");
          execution.setVariableLocal("unitHasHead", UnitWork.LEADERS.containsKey(
              (String) execution.getVariable("unit")));
        });
    Mocks.register("unitLeadersListener", (TaskListener) task -> {
      String unit = (String) task.getVariable("unit");
      List<String> leaders = UnitWork.LEADERS.getOrDefault(unit, List.of());
      if (leaders.isEmpty()) {
        task.addCandidateGroup(unit);
      } else {
        task.addCandidateUsers(leaders);
      }
    });
    // the handler the head named, kept outside the engine as the application keeps it in its
    // table (the task's input is local to the task)
    Mocks.register("handlerListener", (TaskListener) task -> HANDLERS.put(
        task.getProcessInstanceId() + "/" + task.getVariable("unit"), task.getVariable("handler")));
    Mocks.register("scheduleHandlerStep", (JavaDelegate) execution -> {
      execution.setVariableLocal("handlerUser", HANDLERS.remove(
          execution.getProcessInstanceId() + "/" + execution.getVariable("unit")));
      execution.setVariableLocal("handlerDue", new Date(System.currentTimeMillis()
          + 7 * 86_400_000L));
      execution.setVariableLocal("handlerReminderDate", new Date(System.currentTimeMillis()
          + 6 * 86_400_000L));
      execution.setVariableLocal("handlerEscalationCycle", "R/"
          + java.time.OffsetDateTime.now(ZONE).plusDays(7) + "/P1D");
      execution.setVariableLocal("proposalApproved", null);
    });
    Mocks.register("proposalReviewListener", (TaskListener) task ->
        task.getExecution().setVariable("proposalApproved", task.getVariable("proposalApproved")));
    Mocks.register("approvalListener", (TaskListener) task ->
        task.getExecution().setVariable("approved", task.getVariable("approved")));
    TaskListener noOpListener = task -> { };
    JavaDelegate noOpStep = execution -> { };
    for (String name : List.of("taskViewListener", "unitResultListener", "reportListener",
        "proposalListener")) {
      Mocks.register(name, noOpListener);
    }
    for (String name : List.of("notifyInformedUnitsStep", "archiveDocumentStep", "remindStep",
        "escalateStep")) {
      Mocks.register(name, noOpStep);
    }
  }

  int lifecycle() {
    return lifecycle(null);
  }

  /** One lifecycle; CpuProfile tells the two engines apart by these two methods' names. */
  int lifecycle(long[] cost) {
    return authorization ? authorizedLifecycle(cost) : baselineLifecycle(cost);
  }

  int baselineLifecycle(long[] cost) {
    return run(cost);
  }

  int authorizedLifecycle(long[] cost) {
    return run(cost);
  }

  long[] completionCost(int lifecycles) {
    long[] cost = new long[3];
    for (int i = 0; i < lifecycles; i++) {
      lifecycle(cost);
    }
    return cost;
  }

  private int run(long[] cost) {
    registerDoubles();
    TaskService tasks = engine.getTaskService();
    int number = NUMBER.incrementAndGet();
    // started by the system, as the application's registration starts it
    String pi = engine.getRuntimeService().startProcessInstanceByKey("incoming-directive",
        number + "/2026", Variables.createVariables().putValue("documentId", (long) number)
            .putValue("incomingNumber", number + "/2026").putValue("summary", "Đo hiệu năng")
            .putValue("documentNumber", "B/" + number).putValue("issuer", "UBND")
            .putValue("documentType", "Kế hoạch").putValue("urgency", "NORMAL")).getId();
    Task give = AppSide.one(tasks, pi, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    work(cost, "giamdoc", List.of("lanh-dao"), () -> {
      tasks.claim(give.getId(), "giamdoc");
      tasks.complete(give.getId(), AppSide.direction());
    });
    int completions = 1;
    for (List<Task> open = UnitWork.open(tasks, pi); !open.isEmpty();
        open = UnitWork.open(tasks, pi)) {
      for (Task task : open) {
        // the head gives the handler the unit's own deadline (no calendar in the bare engine)
        UnitWork unit = UnitWork.of(task, UnitWork.unit(tasks, task),
            t -> t.getDueDate().toInstant().atZone(ZONE).toLocalDate());
        work(cost, unit.user(), unit.groups(), () -> unit.complete(tasks, task));
        if (++completions > 31) {
          throw new IllegalStateException("the units' tasks do not end: " + open);
        }
      }
    }
    Task consolidate = AppSide.one(tasks, pi, IncomingDirectiveProcess.Tasks.CONSOLIDATE_REPORT);
    work(cost, "cv.qlkh", List.of("phong-qlkh"), () -> {
      tasks.claim(consolidate.getId(), "cv.qlkh");
      tasks.complete(consolidate.getId(), Variables.createVariables().putValue("report", "Xong"));
    });
    Task approve = AppSide.one(tasks, pi, IncomingDirectiveProcess.Tasks.APPROVE_RESULT);
    work(cost, "giamdoc", List.of("lanh-dao"), () -> {
      tasks.claim(approve.getId(), "giamdoc");
      tasks.complete(approve.getId(), Variables.createVariables().putValue("approved", true));
    });
    return completions + 2;
  }

  /** The step measured; with authorization as the user, logged in with the groups. */
  private void work(long[] cost, String user, List<String> groups, Runnable step) {
    measured(cost, sql, () -> {
      if (!authorization) {
        step.run();
        return;
      }
      engine.getIdentityService().setAuthentication(user, groups);
      try {
        step.run();
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    });
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      engine.close();
      pool.close();
    }
  }
}
