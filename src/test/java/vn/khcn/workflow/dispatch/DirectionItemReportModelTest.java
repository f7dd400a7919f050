package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
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
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.dispatch.DirectionItemReportProcess.Beans;
import vn.khcn.workflow.dispatch.DirectionItemReportProcess.Elements;
import vn.khcn.workflow.dispatch.DirectionItemReportProcess.Tasks;
import vn.khcn.workflow.dispatch.DirectionItemReportProcess.Vars;
import vn.khcn.workflow.support.DeployedProcessModels;

/**
 * processes/direction-item-report.bpmn on a bare engine with the engine's clock moved period by
 * period: an item reported quarterly for a year gives its lead unit four report tasks, each due
 * at its period's end (moved to a working day), none after the item's "report until" day. The
 * plan step's double computes the periods with the real rules ({@link DirectionItemRules}).
 */
class DirectionItemReportModelTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("model-tests.cfg.xml").build();

  @RegisterExtension
  @Order(2)
  static DeployedProcessModels models = new DeployedProcessModels(engine);

  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  /** The direction: Monday 23/11/2026, 09:00. */
  static final LocalDate DIRECTION_DAY = LocalDate.of(2026, 11, 23);
  static final LocalDate REPORT_UNTIL = LocalDate.of(2027, 11, 23);

  /** Weekends off, office hours 08:00–17:00. */
  static final WorkingCalendar WEEKDAYS = new WorkingCalendar() {
    @Override
    public boolean isWorkingDay(LocalDate date) {
      return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    @Override
    public LocalDate addWorkingDays(LocalDate from, int days) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant endOfWorkingDay(Instant from, int days) {
      throw new UnsupportedOperationException();
    }

    @Override
    public LocalDate countingDay(Instant arrival) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant officeStart(LocalDate day) {
      return day.atTime(LocalTime.of(8, 0)).atZone(ZONE).toInstant();
    }

    @Override
    public Instant officeEnd(LocalDate day) {
      return day.atTime(LocalTime.of(17, 0)).atZone(ZONE).toInstant();
    }

    @Override
    public boolean hasDataFor(int year) {
      return true;
    }
  };

  final List<String> closed = new ArrayList<>();
  final List<String> submitted = new ArrayList<>();
  ProcessEngine processEngine;

  @BeforeEach
  void setUp() {
    processEngine = engine.getProcessEngine();
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(DIRECTION_DAY.atTime(9, 0).atZone(ZONE).toInstant()));
    int count = DirectionItemRules.periodCount(DIRECTION_DAY, DirectionItemRules.Period.P3M,
        REPORT_UNTIL);
    Mocks.register(Beans.PLAN, (JavaDelegate) execution -> {
      Integer previous = (Integer) execution.getVariable(Vars.PERIOD_NO.name());
      int number = previous == null ? 1 : previous + 1;
      DirectionItemRules.ReportSchedule schedule = DirectionItemRules.schedule(DIRECTION_DAY,
          DirectionItemRules.Period.P3M, number, WEEKDAYS);
      execution.setVariable(Vars.PERIOD_NO.name(), number);
      execution.setVariable(Vars.PERIOD_COUNT.name(), count);
      execution.setVariable(Vars.LEAD_UNIT.name(), "phong-qlkh");
      execution.setVariable(Vars.REPORT_OPENS_DATE.name(), Date.from(schedule.opens()));
      execution.setVariable(Vars.REPORT_DUE_DATE.name(), Date.from(schedule.due()));
      execution.setVariable(Vars.MORE_PERIODS.name(), number < count);
    });
    Mocks.register(Beans.VIEW_LISTENER, (TaskListener) task -> task.setName(
        ItemReportSteps.taskName("7", (Integer) task.getVariable(Vars.PERIOD_NO.name()), count)));
    Mocks.register(Beans.REPORT_LISTENER, (TaskListener) task -> submitted.add(task.getName()));
    Mocks.register(Beans.CLOSE, (JavaDelegate) execution -> closed.add("closed"));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void quarterlyReportsOverAYearGiveFourTasksNoneAfterTheEnd() {
    ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceByKey(
        DirectionItemReportProcess.KEY, "114/2026", Variables.createVariables()
            .putValue(Vars.DOCUMENT_ID.name(), 1L).putValue(Vars.ITEM_ID.name(), 7L));
    List<Task> reportTasks = new ArrayList<>();
    for (int round = 0; round < 10 && !isEnded(instance); round++) {
      assertThat(instance).isWaitingAt(Elements.WAIT);
      assertThat(openTasks(instance)).as("no task before its period's timer").isEmpty();
      Job timer = processEngine.getManagementService().createJobQuery()
          .processInstanceId(instance.getId()).timers().singleResult();
      // one minute before the timer nothing opens; at the timer the period's task does
      ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() - 60_000));
      assertThat(processEngine.getManagementService().createJobQuery()
          .processInstanceId(instance.getId()).executable().count()).isZero();
      ClockUtil.setCurrentTime(timer.getDuedate());
      processEngine.getManagementService().executeJob(timer.getId());
      Task task = openTasks(instance).get(0);
      reportTasks.add(task);
      assertThat(processEngine.getTaskService().getIdentityLinksForTask(task.getId()).get(0)
          .getGroupId()).isEqualTo("phong-qlkh");
      ClockUtil.setCurrentTime(task.getDueDate());
      processEngine.getTaskService().complete(task.getId(), Variables.createVariables()
          .putValue(Vars.ITEM_REPORT.name(), "Báo cáo kỳ " + (round + 1)));
    }

    assertThat(reportTasks).extracting(Task::getName).containsExactly(
        "Báo cáo định kỳ mục 7 – kỳ 1/4", "Báo cáo định kỳ mục 7 – kỳ 2/4",
        "Báo cáo định kỳ mục 7 – kỳ 3/4", "Báo cáo định kỳ mục 7 – kỳ 4/4");
    // each due at its quarter's end, on a working day; the last one on the "until" day itself
    assertThat(reportTasks).extracting(t -> LocalDate.ofInstant(t.getDueDate().toInstant(), ZONE))
        .containsExactly(LocalDate.of(2027, 2, 23), LocalDate.of(2027, 5, 24),
            LocalDate.of(2027, 8, 23), LocalDate.of(2027, 11, 23));
    assertThat(reportTasks).allSatisfy(t -> assertThat(t.getDueDate().toInstant())
        .isBeforeOrEqualTo(WEEKDAYS.officeEnd(REPORT_UNTIL)));
    assertThat(submitted).hasSize(4);
    assertThat(instance).hasPassed(Elements.CLOSE, Elements.END).isEnded();
    assertThat(closed).containsExactly("closed");
    assertThat(processEngine.getManagementService().createJobQuery()
        .processInstanceId(instance.getId()).count()).as("no timer after the last period").isZero();
  }

  @Test
  void periodsEndingOnAWeekendAreDueTheNextWorkingDayAndTheTaskOpensFiveWorkingDaysBefore() {
    // 23/05/2027 is a Sunday: due Monday 24/05, open from Monday 17/05 08:00
    DirectionItemRules.ReportSchedule second = DirectionItemRules.schedule(DIRECTION_DAY,
        DirectionItemRules.Period.P3M, 2, WEEKDAYS);
    assertThat(second.due()).isEqualTo(WEEKDAYS.officeEnd(LocalDate.of(2027, 5, 24)));
    assertThat(second.opens()).isEqualTo(WEEKDAYS.officeStart(LocalDate.of(2027, 5, 17)));
    assertThat(DirectionItemRules.periodCount(DIRECTION_DAY, DirectionItemRules.Period.P3M,
        REPORT_UNTIL.minusDays(1))).isEqualTo(3);
    assertThat(DirectionItemRules.periodCount(DIRECTION_DAY, DirectionItemRules.Period.P1M,
        REPORT_UNTIL)).isEqualTo(12);
    assertThat(DirectionItemRules.periodCount(DIRECTION_DAY, DirectionItemRules.Period.P6M,
        DIRECTION_DAY.plusMonths(6).minusDays(1))).isZero();
  }

  private boolean isEnded(ProcessInstance instance) {
    return processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(instance.getId()).count() == 0;
  }

  private List<Task> openTasks(ProcessInstance instance) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(Tasks.SUBMIT_ITEM_REPORT).list();
  }
}
