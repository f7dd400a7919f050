package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Beans;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Elements;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Tasks;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Vars;
import vn.khcn.workflow.support.DeployedProcessModels;

/**
 * The paths of processes/incoming-directive.bpmn on a bare engine: direction, units in parallel,
 * approval, reminders and escalations by each unit's deadline; the unit head, handler and
 * proposal are in {@link IncomingDirectiveHandlerModelTest}.
 */
class IncomingDirectiveModelTest extends IncomingDirectiveModelSupport {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension engine = newEngineExtension();

  @RegisterExtension
  @Order(2)
  static DeployedProcessModels models = new DeployedProcessModels(engine);

  @Override
  ProcessEngineExtension engine() {
    return engine;
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
}
