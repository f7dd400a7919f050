package vn.khcn.workflow.research;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
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
import vn.khcn.workflow.research.AssignmentCouncilProcess.Vars;

/**
 * Bare engine for the four research models (no Spring): every file of processes/ deployed once
 * per class by {@link vn.khcn.workflow.support.DeployedProcessModels} (what a test leaves running
 * is ended after it), with the test doubles of {@link ResearchModelDoubles} registered before each
 * test, and the helpers to start, complete and fire what the models wait for.
 */
abstract class ResearchModelSupport extends ResearchModelDoubles {

  /**
   * The engine of the concrete test class, registered with the models deployed on it:
   *
   * <pre>
   * &#64;RegisterExtension &#64;Order(1)
   * static ProcessEngineExtension engine = newEngineExtension();
   * &#64;RegisterExtension &#64;Order(2)
   * static DeployedProcessModels models = new DeployedProcessModels(engine);
   * </pre>
   * Each class registers its own extensions: one engine shared by two classes keeps the engine
   * the first class closed.
   */
  static ProcessEngineExtension newEngineExtension() {
    return ProcessEngineExtension.builder().configurationResource("model-tests.cfg.xml").build();
  }

  abstract ProcessEngineExtension engine();

  ProcessEngine processEngine;

  @BeforeEach
  void setUpEngine() {
    processEngine = engine().getProcessEngine();
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(T0));
    registerDoubles();
  }

  @AfterEach
  void tearDownEngine() {
    Mocks.reset();
    ClockUtil.reset();
  }

  // ------------------------------------------------------------------ helpers

  ProcessInstance startResearch() {
    return processEngine.getRuntimeService().startProcessInstanceByKey(ResearchTaskProcess.KEY,
        CODE,
        researchVariables());
  }

  static org.camunda.bpm.engine.variable.VariableMap researchVariables() {
    return Variables.createVariables()
        .putValue(ResearchTaskProcess.Vars.RESEARCH_TASK_ID.name(), RESEARCH_TASK_ID)
        .putValue(ResearchTaskProcess.Vars.TASK_CODE.name(), CODE)
        .putValue(ResearchTaskProcess.Vars.SUMMARY.name(), "Nghiên cứu giống lúa chịu mặn")
        .putValue(ResearchTaskProcess.Vars.INVESTIGATOR.name(), INVESTIGATOR);
  }

  static java.util.Map<String, Object> appointCouncilForm() {
    return withVariables(Vars.CHAIR_FIELD.name(), "cg.an", Vars.VICE_CHAIR_FIELD.name(), "cg.binh",
        Vars.SECRETARY_FIELD.name(), "cg.chi", Vars.REVIEWER_1.name(), "cg.dung",
            Vars.REVIEWER_2.name(), "cg.giang");
  }

  static java.util.Map<String, Object> ballot() {
    return withVariables(AssignmentCouncilProcess.Vars.SCORE_URGENCY.name(), 18,
        AssignmentCouncilProcess.Vars.SCORE_CONTENT.name(), 25,
        AssignmentCouncilProcess.Vars.SCORE_METHOD.name(), 16,
        AssignmentCouncilProcess.Vars.SCORE_PRODUCTS.name(), 17,
            AssignmentCouncilProcess.Vars.SCORE_CAPACITY.name(), 9,
            ResearchTaskProcess.Vars.COMMENT.name(), "Khả thi");
  }

  List<Task> tasks(ProcessInstance instance, String key) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(key).orderByTaskAssignee().asc().list();
  }

  Task taskOf(ProcessInstance instance, String key, String assignee) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(key).taskAssignee(assignee).singleResult();
  }

  void completeAll(ProcessInstance instance, String key, java.util.Map<String, Object> variables) {
    for (Task task : tasks(instance, key)) {
      complete(task, variables);
    }
  }

  List<Job> timers(ProcessInstance instance) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .timers().orderByJobDuedate().asc().list();
  }

  Job timer(ProcessInstance instance, String activityId) {
    return processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .timers().activityId(activityId).singleResult();
  }

  /** Fires a timer at its due date, then runs the asynchronous steps it leads to. */
  void fire(ProcessInstance instance, Job timer) {
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
    processEngine.getManagementService().executeJob(timer.getId());
    runAsyncJobs(instance);
  }

  /** Executes the asynchronous continuations (message jobs) of the instance. */
  void runAsyncJobs(ProcessInstance instance) {
    ManagementService management = processEngine.getManagementService();
    List<Job> jobs;
    while (!(jobs = management.createJobQuery().processInstanceId(instance.getId()).messages()
        .list()).isEmpty()) {
      for (Job job : jobs) {
        management.executeJob(job.getId());
      }
    }
  }

  long historicTasks(ProcessInstance instance, String key) {
    return processEngine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(instance.getId()).taskDefinitionKey(key).count();
  }

  static Date at(String isoInstant) {
    return Date.from(Instant.parse(isoInstant));
  }

  static Date atVn(LocalDate day, int hour) {
    return Date.from(day.atTime(hour, 0).atOffset(ZoneOffset.ofHours(7)).toInstant());
  }
}
