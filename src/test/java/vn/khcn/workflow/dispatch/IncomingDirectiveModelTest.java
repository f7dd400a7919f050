package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

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
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Beans;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Elements;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Tasks;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Vars;
import vn.khcn.workflow.shared.process.VariableValues;
import vn.khcn.workflow.support.DeployedProcessModels;

/**
 * Every path of processes/incoming-directive.bpmn on a bare engine, with test doubles for the
 * Spring beans that honour their contract (IncomingDirectiveProcess, IncomingDirectiveProcessAdapters).
 */
class IncomingDirectiveModelTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda.cfg.xml").build();

  @RegisterExtension
  @Order(2)
  static DeployedProcessModels models = new DeployedProcessModels(engine);

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
    processEngine = engine.getProcessEngine();
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

  @Test
  void directionIsDueWhenTheSlaSaysAndGoesToTheDirectors() {
    ProcessInstance instance = register();
    assertThat(instance).hasPassed(Elements.DETERMINE_SLA, Elements.SCHEDULE_DIRECTION)
        .isWaitingAt(Tasks.GIVE_DIRECTION);
    Task direction = task(Tasks.GIVE_DIRECTION, instance);
    assertThat(direction).hasCandidateGroup("lanh-dao").isNotAssigned();
    assertThat(processEngine.getFormService().getTaskFormData(direction.getId()).getCamundaFormRef()
        .getKey()).isEqualTo("form_giveDirection");
    assertThat(direction.getDueDate()).isEqualTo(Date.from(T0.plus(Duration.ofHours(8))));
    assertThat(processEngine.getTaskService().getVariableLocal(direction.getId(), Vars.DOCUMENT_VIEW.name()))
        .isEqualTo("Văn bản giveDirection");
    @SuppressWarnings("unchecked")
    Map<String, Object> sla = (Map<String, Object>) processEngine.getRuntimeService()
        .getVariable(instance.getId(), Vars.SLA.name());
    assertThat(sla).containsEntry("directionDueWorkingDays", 1).containsEntry("handlingDueWorkingDays", 10);
  }

  @Test
  void infoOnlyIsFiledAtOnce() {
    ProcessInstance instance = register();
    direct(instance, withVariables(Vars.INFO_ONLY.name(), true, Vars.INFORMED_UNITS.name(), List.of("phong-qlcn")));
    assertThat(instance).hasPassed(Elements.NOTIFY_INFORMED, Elements.ARCHIVE, Elements.END_ARCHIVED)
        .hasNotPassed(Elements.UNIT_HANDLING).isEnded();
    assertThat(calls).containsExactly(Beans.SCHEDULE_DIRECTION, Beans.DIRECTION_LISTENER,
        Beans.NOTIFY_INFORMED + " null null", Beans.ARCHIVE + " null null");
  }

  @Test
  void oneUnitGoesStraightToApproval() {
    ProcessInstance instance = register();
    direct(instance, withVariables(Vars.LEAD_UNIT.name(), "van-phong", Vars.INFO_ONLY.name(), false));
    List<Task> tasks = unitTasks(instance);
    assertThat(tasks).hasSize(1);
    assertThat(candidateGroup(tasks.get(0))).isEqualTo("van-phong");
    complete(tasks.get(0), withVariables(Vars.RESULT.name(), "Đã trả lời."));
    assertThat(instance).isWaitingAt(Tasks.APPROVE_RESULT).hasNotPassed(Tasks.CONSOLIDATE_REPORT);
    complete(task(Tasks.APPROVE_RESULT, instance), withVariables(Vars.APPROVED.name(), true));
    assertThat(instance).hasPassed(Elements.ARCHIVE).isEnded();
  }

  @Test
  void leadPlusTwoCoordinatingUnitsWorkInParallelThenTheLeadConsolidates() {
    ProcessInstance instance = register();
    direct(instance, withVariables(Vars.LEAD_UNIT.name(), "phong-qlkh",
        Vars.COORDINATING_UNITS.name(), List.of("phong-khtc", "van-phong")));
    List<Task> tasks = unitTasks(instance);
    assertThat(tasks).extracting(this::candidateGroup)
        .containsExactlyInAnyOrder("phong-qlkh", "phong-khtc", "van-phong");
    for (Task task : tasks) {
      complete(task, withVariables(Vars.RESULT.name(), "Kết quả " + candidateGroup(task)));
    }
    assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), Vars.RESULT.name()))
        .as("each unit's result stays local to its task").isNull();
    assertThat(calls).filteredOn(c -> c.startsWith(Beans.UNIT_RESULT_LISTENER))
        .containsExactlyInAnyOrder(Beans.UNIT_RESULT_LISTENER + " phong-qlkh Kết quả phong-qlkhnull",
            Beans.UNIT_RESULT_LISTENER + " phong-khtc Kết quả phong-khtcnull",
            Beans.UNIT_RESULT_LISTENER + " van-phong Kết quả van-phongnull");
    assertThat(instance).isWaitingAt(Tasks.CONSOLIDATE_REPORT);
    assertThat(task(Tasks.CONSOLIDATE_REPORT, instance)).hasCandidateGroup("phong-qlkh");
    complete(task(Tasks.CONSOLIDATE_REPORT, instance), withVariables(Vars.REPORT.name(), "Báo cáo"));
    complete(task(Tasks.APPROVE_RESULT, instance), withVariables(Vars.APPROVED.name(), "true"));
    assertThat(instance).hasPassed(Elements.ARCHIVE, Elements.END_ARCHIVED).isEnded();
  }

  @Test
  void returnedOnceThenApproved() {
    ProcessInstance instance = register();
    direct(instance, withVariables(Vars.LEAD_UNIT.name(), "phong-qlkh", Vars.COORDINATING_UNITS.name(), List.of("phong-khtc")));
    unitTasks(instance).forEach(t -> complete(t, withVariables(Vars.RESULT.name(), "Xong")));
    complete(task(Tasks.CONSOLIDATE_REPORT, instance), withVariables(Vars.REPORT.name(), "Lần 1"));
    complete(task(Tasks.APPROVE_RESULT, instance), withVariables(Vars.APPROVED.name(), false, Vars.COMMENT.name(), "Bổ sung"));
    assertThat(instance).isWaitingAt(Tasks.CONSOLIDATE_REPORT).isNotEnded();
    complete(task(Tasks.CONSOLIDATE_REPORT, instance), withVariables(Vars.REPORT.name(), "Lần 2"));
    complete(task(Tasks.APPROVE_RESULT, instance), withVariables(Vars.APPROVED.name(), true));
    assertThat(instance).isEnded();
    assertThat(processEngine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(instance.getId()).taskDefinitionKey(Tasks.APPROVE_RESULT).count()).isEqualTo(2);
    assertThat(calls).filteredOn(c -> c.startsWith(Beans.REPORT_LISTENER)).hasSize(2);
  }

  @Test
  void remindersAndEscalationsFireWhileTheWorkGoesOn() {
    ProcessInstance instance = register();
    direct(instance, withVariables(Vars.LEAD_UNIT.name(), "phong-qlkh", Vars.COORDINATING_UNITS.name(), List.of("phong-khtc")));
    assertThat(timers(instance)).hasSize(4); // reminder and escalation per unit

    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofDays(9)).plusSeconds(60)));
    runDueJobs(instance);
    assertThat(calls).filteredOn(c -> c.startsWith(Beans.REMIND))
        .containsExactlyInAnyOrder(Beans.REMIND + " phong-qlkh HANDLING", Beans.REMIND + " phong-khtc HANDLING");
    assertThat(unitTasks(instance)).as("non-interrupting").hasSize(2);

    complete(unitTasks(instance).stream().filter(t -> candidateGroup(t).equals("phong-khtc")).findFirst()
        .orElseThrow(), withVariables(Vars.RESULT.name(), "Xong"));
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofDays(10)).plusSeconds(60)));
    runDueJobs(instance);
    assertThat(calls).filteredOn(c -> c.startsWith(Beans.ESCALATE))
        .as("only the unit still working is escalated").containsExactly(Beans.ESCALATE + " phong-qlkh HANDLING");
    assertThat(unitTasks(instance)).hasSize(1);

    complete(unitTasks(instance).get(0), withVariables(Vars.RESULT.name(), "Muộn"));
    assertThat(instance).isWaitingAt(Tasks.CONSOLIDATE_REPORT);
    runDueJobs(instance); // the report's reminder is already due (the step finds it stale)
    assertThat(calls).contains(Beans.REMIND + " phong-qlkh REPORT")
        .doesNotContain(Beans.ESCALATE + " phong-qlkh REPORT");
    // the escalation cycle runs from the due date: its next day comes round for the report
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofDays(11)).plusSeconds(60)));
    runDueJobs(instance);
    assertThat(calls).contains(Beans.ESCALATE + " phong-qlkh REPORT");
    assertThat(instance).isWaitingAt(Tasks.CONSOLIDATE_REPORT);
  }

  @Test
  void theEscalationRepeatsEveryDayWhileTheUnitIsLate() {
    ProcessInstance instance = register();
    direct(instance, withVariables(Vars.LEAD_UNIT.name(), "phong-qlkh", Vars.INFO_ONLY.name(), false));
    for (int day = 10; day <= 12; day++) {
      ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofDays(day)).plusSeconds(60)));
      runDueJobs(instance);
    }
    assertThat(calls).filteredOn(c -> c.startsWith(Beans.ESCALATE))
        .as("one escalation a day, the step decides whether the day is a working day")
        .containsExactly(Beans.ESCALATE + " phong-qlkh HANDLING", Beans.ESCALATE + " phong-qlkh HANDLING",
            Beans.ESCALATE + " phong-qlkh HANDLING");
    assertThat(timers(instance)).extracting(Job::getDuedate)
        .as("the next escalation is planned for the next day")
        .contains(Date.from(T0.plus(Duration.ofDays(13))));

    complete(unitTasks(instance).get(0), withVariables(Vars.RESULT.name(), "Muộn"));
    assertThat(instance).isWaitingAt(Tasks.APPROVE_RESULT);
    assertThat(timers(instance)).as("no escalation once the unit has reported").isEmpty();
  }

  @Test
  void theDirectorsAreRemindedAndEscalatedUntilTheyGiveTheDirection() {
    ProcessInstance instance = register();
    assertThat(timers(instance)).hasSize(2);
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofHours(4)).plusSeconds(60)));
    runDueJobs(instance);
    assertThat(calls).contains(Beans.REMIND + " null DIRECTION");
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofHours(8)).plusSeconds(60)));
    runDueJobs(instance);
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofHours(32)).plusSeconds(60)));
    runDueJobs(instance);
    assertThat(calls).filteredOn(c -> c.equals(Beans.ESCALATE + " null DIRECTION")).hasSize(2);
    assertThat(instance).isWaitingAt(Tasks.GIVE_DIRECTION);

    direct(instance, withVariables(Vars.LEAD_UNIT.name(), "phong-qlkh", Vars.INFO_ONLY.name(), false));
    assertThat(timers(instance)).as("the direction's timers end with it; the unit's two remain")
        .hasSize(2);
  }

  @Test
  void eachUnitsTaskAndTimersFollowItsOwnDeadline() {
    ProcessInstance instance = register();
    direct(instance, withVariables(Vars.LEAD_UNIT.name(), "phong-qlkh",
        Vars.COORDINATING_UNITS.name(), List.of(UNIT_WITH_OWN_DEADLINE)));
    assertThat(unitTasks(instance)).extracting(t -> candidateGroup(t) + " " + t.getDueDate().toInstant())
        .containsExactlyInAnyOrder("phong-qlkh " + T0.plus(Duration.ofDays(10)),
            UNIT_WITH_OWN_DEADLINE + " " + T0.plus(Duration.ofDays(5)));

    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofDays(5)).plusSeconds(60)));
    runDueJobs(instance);
    assertThat(calls).filteredOn(c -> c.startsWith(Beans.ESCALATE))
        .as("the unit with the earlier deadline is overdue first")
        .containsExactly(Beans.ESCALATE + " " + UNIT_WITH_OWN_DEADLINE + " HANDLING");
    assertThat(calls).contains(Beans.REMIND + " " + UNIT_WITH_OWN_DEADLINE + " HANDLING")
        .doesNotContain(Beans.REMIND + " phong-qlkh HANDLING");

    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofDays(10)).plusSeconds(60)));
    runDueJobs(instance);
    assertThat(calls).contains(Beans.REMIND + " phong-qlkh HANDLING",
        Beans.ESCALATE + " phong-qlkh HANDLING");
  }

  // ------------------------------------------------ unit head, handler, proposal (slip parts 2, 3)

  Task only(ProcessInstance instance, String key) {
    List<Task> tasks = processEngine.getTaskService().createTaskQuery()
        .processInstanceId(instance.getId()).taskDefinitionKey(key).list();
    assertThat(tasks).as("open %s", key).hasSize(1);
    return tasks.get(0);
  }

  @Test
  void theHeadNamesAHandlerWhoProposesAndTheHeadApprovesBeforeTheResultGoesUp() {
    headed.add("phong-qlkh");
    ProcessInstance instance = register();
    direct(instance, withVariables(Vars.LEAD_UNIT.name(), "phong-qlkh", Vars.INFO_ONLY.name(), false));
    assertThat(unitTasks(instance)).as("no group task for a unit with a head").isEmpty();
    Task assign = only(instance, Tasks.ASSIGN_HANDLER);
    assertThat(assign).hasCandidateUser("head-phong-qlkh").isNotAssigned();
    assertThat(assign.getDueDate()).as("the head's task is due by the unit's deadline")
        .isEqualTo(Date.from(T0.plus(Duration.ofDays(10))));
    complete(assign, withVariables(Vars.HANDLER.name(), "cv.qlkh",
        Vars.HANDLER_DUE_DATE.name(), "2026-11-27", Vars.HANDLER_NOTE.name(), "Làm gấp"));
    assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), Vars.HANDLER.name()))
        .as("the head's choice stays local to the task").isNull();

    Task propose = only(instance, Tasks.PROPOSE_RESULT);
    assertThat(propose).isAssignedTo("cv.qlkh");
    assertThat(propose.getDueDate()).isEqualTo(Date.from(T0.plus(Duration.ofDays(5))));
    complete(propose, withVariables(Vars.RESULT.name(), "Dự thảo văn bản trả lời"));
    Task review = only(instance, Tasks.REVIEW_PROPOSAL);
    assertThat(review).hasCandidateUser("head-phong-qlkh");
    complete(review, withVariables(Vars.PROPOSAL_APPROVED.name(), "true"));

    assertThat(instance).hasPassed(Elements.UNIT_DONE_BY_HEAD).isWaitingAt(Tasks.APPROVE_RESULT);
    assertThat(calls).containsSubsequence(Beans.HANDLER_LISTENER + " phong-qlkh cv.qlkh",
        Beans.PROPOSAL_LISTENER + " phong-qlkh Dự thảo văn bản trả lờinull",
        Beans.PROPOSAL_REVIEW_LISTENER + " phong-qlkh true");
    assertThat(calls).noneMatch(c -> c.startsWith(Beans.UNIT_RESULT_LISTENER));
  }

  @Test
  void aReturnedProposalGoesBackToTheSameHandler() {
    headed.add("phong-qlkh");
    ProcessInstance instance = register();
    direct(instance, withVariables(Vars.LEAD_UNIT.name(), "phong-qlkh", Vars.INFO_ONLY.name(), false));
    complete(only(instance, Tasks.ASSIGN_HANDLER), withVariables(Vars.HANDLER.name(), "cv.qlkh"));
    complete(only(instance, Tasks.PROPOSE_RESULT), withVariables(Vars.RESULT.name(), "Lần 1"));
    complete(only(instance, Tasks.REVIEW_PROPOSAL), withVariables(Vars.PROPOSAL_APPROVED.name(), false,
        Vars.PROPOSAL_COMMENT.name(), "Bổ sung số liệu"));

    assertThat(instance).isWaitingAt(Tasks.PROPOSE_RESULT).hasNotPassed(Elements.UNIT_DONE_BY_HEAD);
    assertThat(only(instance, Tasks.PROPOSE_RESULT)).isAssignedTo("cv.qlkh");
    complete(only(instance, Tasks.PROPOSE_RESULT), withVariables(Vars.RESULT.name(), "Lần 2"));
    complete(only(instance, Tasks.REVIEW_PROPOSAL), withVariables(Vars.PROPOSAL_APPROVED.name(), true));
    assertThat(instance).isWaitingAt(Tasks.APPROVE_RESULT);
    assertThat(processEngine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(instance.getId()).taskDefinitionKey(Tasks.PROPOSE_RESULT).count()).isEqualTo(2);
  }

  @Test
  void theHeadReassignsWhileTheHandlerWorksAndTheNewHandlersTimersReplaceTheOld() {
    headed.add("phong-qlkh");
    ProcessInstance instance = register();
    direct(instance, withVariables(Vars.LEAD_UNIT.name(), "phong-qlkh", Vars.INFO_ONLY.name(), false));
    complete(only(instance, Tasks.ASSIGN_HANDLER), withVariables(Vars.HANDLER.name(), "cv.qlkh"));
    Task first = only(instance, Tasks.PROPOSE_RESULT);
    assertThat(timers(instance)).as("the handler's reminder and escalation").hasSize(2);

    handlers.put("phong-qlkh", "pp.qlkh"); // what the service records before it correlates
    processEngine.getRuntimeService().messageEventReceived(
        IncomingDirectiveProcess.Messages.HANDLER_REASSIGNED, first.getExecutionId());

    Task second = only(instance, Tasks.PROPOSE_RESULT);
    assertThat(second.getId()).isNotEqualTo(first.getId());
    assertThat(second).isAssignedTo("pp.qlkh");
    assertThat(timers(instance)).as("the first handler's timers ended with the task").hasSize(2);
    complete(second, withVariables(Vars.RESULT.name(), "Xong"));
    complete(only(instance, Tasks.REVIEW_PROPOSAL), withVariables(Vars.PROPOSAL_APPROVED.name(), true));
    assertThat(instance).isWaitingAt(Tasks.APPROVE_RESULT);
  }

  @Test
  void theHandlerIsRemindedAndEscalatedByTheInternalDeadline() {
    headed.add("phong-qlkh");
    ProcessInstance instance = register();
    direct(instance, withVariables(Vars.LEAD_UNIT.name(), "phong-qlkh", Vars.INFO_ONLY.name(), false));
    complete(only(instance, Tasks.ASSIGN_HANDLER), withVariables(Vars.HANDLER.name(), "cv.qlkh"));
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofDays(4)).plusSeconds(60)));
    runDueJobs(instance);
    assertThat(calls).contains(Beans.REMIND + " phong-qlkh HANDLER");
    ClockUtil.setCurrentTime(Date.from(T0.plus(Duration.ofDays(5)).plusSeconds(60)));
    runDueJobs(instance);
    assertThat(calls).contains(Beans.ESCALATE + " phong-qlkh HANDLER")
        .doesNotContain(Beans.ESCALATE + " phong-qlkh HANDLING");
    assertThat(only(instance, Tasks.PROPOSE_RESULT)).as("non-interrupting").isAssignedTo("cv.qlkh");
  }

  @Test
  void aUnitWithoutAHeadKeepsItsGroupTaskBesideAUnitWithOne() {
    headed.add("phong-qlkh");
    ProcessInstance instance = register();
    direct(instance, withVariables(Vars.LEAD_UNIT.name(), "phong-qlkh",
        Vars.COORDINATING_UNITS.name(), List.of("phong-khtc")));
    assertThat(unitTasks(instance)).extracting(this::candidateGroup).containsExactly("phong-khtc");
    assertThat(only(instance, Tasks.ASSIGN_HANDLER)).hasCandidateUser("head-phong-qlkh");
    complete(unitTasks(instance).get(0), withVariables(Vars.RESULT.name(), "Phối hợp xong"));
    complete(only(instance, Tasks.ASSIGN_HANDLER), withVariables(Vars.HANDLER.name(), "cv.qlkh"));
    complete(only(instance, Tasks.PROPOSE_RESULT), withVariables(Vars.RESULT.name(), "Chủ trì xong"));
    complete(only(instance, Tasks.REVIEW_PROPOSAL), withVariables(Vars.PROPOSAL_APPROVED.name(), true));
    assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), Vars.PROPOSAL_APPROVED.name()))
        .as("the review's decision stays the unit's").isNull();
    assertThat(instance).isWaitingAt(Tasks.CONSOLIDATE_REPORT);
  }

  static String cycleFrom(Instant start) {
    return "R/" + start.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toOffsetDateTime() + "/P1D";
  }

  private List<Job> timers(ProcessInstance instance) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .timers().list();
  }

  /** Executes due timers and then the asynchronous steps they lead to. */
  private void runDueJobs(ProcessInstance instance) {
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
