package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Beans;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Tasks;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Vars;
import vn.khcn.workflow.shared.process.VariableValues;

/**
 * Bare engine for processes/incoming-directive.bpmn (no Spring), with test doubles for the Spring
 * beans that honour their contract (IncomingDirectiveProcess, IncomingDirectiveProcessAdapters).
 * Each concrete class registers its own engine (one engine shared by two classes is closed by the
 * first):
 *
 * <pre>
 * &#64;RegisterExtension &#64;Order(1)
 * static ProcessEngineExtension engine = newEngineExtension();
 * &#64;RegisterExtension &#64;Order(2)
 * static DeployedProcessModels models = new DeployedProcessModels(engine);
 * </pre>
 */
abstract class IncomingDirectiveModelSupport {

  static ProcessEngineExtension newEngineExtension() {
    return ProcessEngineExtension.builder().configurationResource("model-tests.cfg.xml").build();
  }

  abstract ProcessEngineExtension engine();

  static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
  /** The unit the doubles give its own deadline, 5 days after T0 (the others: 10 days). */
  static final String UNIT_WITH_OWN_DEADLINE = "phong-qlcn";

  /** Calls of the doubles: "bean unit stage". */
  final List<String> calls = new ArrayList<>();
  /** The units the doubles give a head (none unless a test says so: today's group task). */
  final java.util.Set<String> headed = new java.util.HashSet<>();
  /** The handler each unit's head named (what the entity holds for the schedule step). */
  final Map<String, String> handlers = new java.util.HashMap<>();
  ProcessEngine processEngine;

  @BeforeEach
  void setUp() {
    processEngine = engine().getProcessEngine();
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(T0));
    registerDoubles();
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  private void registerDoubles() {
    Mocks.register(Beans.SCHEDULE_DIRECTION, (JavaDelegate) execution -> {
      execution.setVariable(Vars.DIRECTION_DUE_DATE.name(), Date.from(T0.plus(Duration.ofHours(8))));
      execution.setVariable(Vars.DIRECTION_REMINDER_DATE.name(), Date.from(T0.plus(Duration.ofHours(4))));
      execution.setVariable(Vars.DIRECTION_ESCALATION_CYCLE.name(), cycleFrom(T0.plus(Duration.ofHours(8))));
      execution.setVariable(Vars.DUE_DATE.name(), "2026-12-07");
      calls.add(Beans.SCHEDULE_DIRECTION);
    });
    Mocks.register(Beans.DIRECTION_LISTENER, (TaskListener) task -> {
      boolean infoOnly = Boolean.TRUE.equals(VariableValues.bool(task.getVariable(Vars.INFO_ONLY.name())));
      List<String> units = new ArrayList<>();
      List<String> coordinating = VariableValues.stringList(task.getVariable(Vars.COORDINATING_UNITS.name()));
      if (!infoOnly) {
        units.add((String) task.getVariable(Vars.LEAD_UNIT.name()));
        units.addAll(coordinating);
      }
      DelegateExecution execution = task.getExecution();
      execution.setVariable(Vars.INFO_ONLY.name(), infoOnly);
      execution.setVariable(Vars.ASSIGNED_UNITS.name(), units);
      execution.setVariable(Vars.HAS_COORDINATING_UNITS.name(), !coordinating.isEmpty());
      execution.setVariable(Vars.HANDLING_DUE_DATE.name(), Date.from(T0.plus(Duration.ofDays(10))));
      execution.setVariable(Vars.REMINDER_DATE.name(), Date.from(T0.plus(Duration.ofDays(9))));
      execution.setVariable(Vars.ESCALATION_CYCLE.name(), cycleFrom(T0.plus(Duration.ofDays(10))));
      calls.add(Beans.DIRECTION_LISTENER);
    });
    Mocks.register(Beans.UNIT_DEADLINE_LISTENER,
        (org.camunda.bpm.engine.delegate.ExecutionListener) execution -> {
          // phong-khtc has its own, earlier deadline; the other units the common one
          Instant due = T0.plus(Duration.ofDays(
              UNIT_WITH_OWN_DEADLINE.equals(execution.getVariable(Vars.UNIT.name())) ? 5 : 10));
          execution.setVariableLocal(Vars.ASSIGNMENT_DUE_DATE.name(), Date.from(due));
          execution.setVariableLocal(Vars.ASSIGNMENT_REMINDER_DATE.name(),
              Date.from(due.minus(Duration.ofDays(1))));
          execution.setVariableLocal(Vars.ASSIGNMENT_ESCALATION_CYCLE.name(), cycleFrom(due));
          execution.setVariableLocal(Vars.UNIT_HAS_HEAD.name(),
              headed.contains((String) execution.getVariable(Vars.UNIT.name())));
        });
    Mocks.register(Beans.UNIT_LEADERS_LISTENER, (TaskListener) task ->
        task.addCandidateUser("head-" + task.getVariable(Vars.UNIT.name())));
    Mocks.register(Beans.HANDLER_LISTENER, (TaskListener) task -> {
      String unit = (String) task.getVariable(Vars.UNIT.name());
      handlers.put(unit, (String) task.getVariable(Vars.HANDLER.name()));
      calls.add(Beans.HANDLER_LISTENER + " " + unit + " " + handlers.get(unit));
    });
    Mocks.register(Beans.SCHEDULE_HANDLER, (JavaDelegate) execution -> {
      Instant due = T0.plus(Duration.ofDays(5));
      execution.setVariableLocal(Vars.HANDLER_USER.name(),
          handlers.get((String) execution.getVariable(Vars.UNIT.name())));
      execution.setVariableLocal(Vars.HANDLER_DUE.name(), Date.from(due));
      execution.setVariableLocal(Vars.HANDLER_REMINDER_DATE.name(), Date.from(due.minus(Duration.ofDays(1))));
      execution.setVariableLocal(Vars.HANDLER_ESCALATION_CYCLE.name(), cycleFrom(due));
      execution.setVariableLocal(Vars.PROPOSAL_APPROVED.name(), null);
    });
    Mocks.register(Beans.PROPOSAL_LISTENER, recordingListener(Beans.PROPOSAL_LISTENER));
    Mocks.register(Beans.PROPOSAL_REVIEW_LISTENER, (TaskListener) task -> {
      Boolean approved = VariableValues.bool(task.getVariable(Vars.PROPOSAL_APPROVED.name()));
      calls.add(Beans.PROPOSAL_REVIEW_LISTENER + " " + task.getVariable(Vars.UNIT.name()) + " " + approved);
      task.getExecution().setVariable(Vars.PROPOSAL_APPROVED.name(), approved);
    });
    Mocks.register(Beans.APPROVAL_LISTENER, (TaskListener) task -> {
      task.getExecution().setVariable(Vars.APPROVED.name(), VariableValues.bool(task.getVariable(Vars.APPROVED.name())));
      calls.add(Beans.APPROVAL_LISTENER);
    });
    Mocks.register(Beans.TASK_VIEW_LISTENER, (TaskListener) task ->
        task.setVariableLocal(Vars.DOCUMENT_VIEW.name(), "Văn bản " + task.getTaskDefinitionKey()));
    Mocks.register(Beans.UNIT_RESULT_LISTENER, recordingListener(Beans.UNIT_RESULT_LISTENER));
    Mocks.register(Beans.REPORT_LISTENER, recordingListener(Beans.REPORT_LISTENER));
    Mocks.register(Beans.NOTIFY_INFORMED, recordingStep(Beans.NOTIFY_INFORMED));
    Mocks.register(Beans.ARCHIVE, recordingStep(Beans.ARCHIVE));
    Mocks.register(Beans.REMIND, recordingStep(Beans.REMIND));
    Mocks.register(Beans.ESCALATE, recordingStep(Beans.ESCALATE));
  }

  private TaskListener recordingListener(String bean) {
    return (DelegateTask task) -> calls.add(bean + " " + task.getVariable(Vars.UNIT.name()) + " "
        + task.getVariable(Vars.RESULT.name()) + task.getVariable(Vars.REPORT.name()));
  }

  private JavaDelegate recordingStep(String bean) {
    return execution -> {
      Object unit = execution.getVariable(Vars.UNIT.name());
      calls.add(bean + " " + (unit != null ? unit : execution.getVariable(Vars.LEAD_UNIT.name())) + " "
          + execution.getVariable(Vars.STAGE.name()));
    };
  }

  ProcessInstance register() {
    return processEngine.getRuntimeService().startProcessInstanceByKey(IncomingDirectiveProcess.KEY,
        "114/2026", Variables.createVariables().putValue(Vars.DOCUMENT_ID.name(), 1L)
            .putValue(Vars.URGENCY.name(), "NORMAL").putValue(Vars.DOCUMENT_TYPE.name(), "Chương trình"));
  }

  void direct(ProcessInstance instance, Map<String, Object> direction) {
    assertThat(instance).isWaitingAt(Tasks.GIVE_DIRECTION);
    complete(task(Tasks.GIVE_DIRECTION, instance), direction);
  }

  List<Task> unitTasks(ProcessInstance instance) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(Tasks.HANDLE_ASSIGNMENT).list();
  }

  String candidateGroup(Task task) {
    return processEngine.getTaskService().getIdentityLinksForTask(task.getId()).get(0).getGroupId();
  }

  Task only(ProcessInstance instance, String key) {
    List<Task> tasks = processEngine.getTaskService().createTaskQuery()
        .processInstanceId(instance.getId()).taskDefinitionKey(key).list();
    assertThat(tasks).as("open %s", key).hasSize(1);
    return tasks.get(0);
  }

  static String cycleFrom(Instant start) {
    return "R/" + start.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toOffsetDateTime() + "/P1D";
  }

  List<Job> timers(ProcessInstance instance) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .timers().list();
  }

  /** Executes due timers and then the asynchronous steps they lead to. */
  void runDueJobs(ProcessInstance instance) {
    var management = processEngine.getManagementService();
    for (Job job : management.createJobQuery().processInstanceId(instance.getId()).timers()
        .duedateLowerThan(ClockUtil.getCurrentTime()).list()) {
      management.executeJob(job.getId());
    }
    for (Job job : management.createJobQuery().processInstanceId(instance.getId()).messages().list()) {
      management.executeJob(job.getId());
    }
  }
}
