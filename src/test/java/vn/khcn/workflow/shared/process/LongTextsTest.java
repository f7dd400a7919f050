package vn.khcn.workflow.shared.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A long text (ADR 0044) reaches the model's own complete listener whole, however long, and the
 * engine keeps none of it: not at runtime, not in its history, whether the model maps it onto the
 * task's scope or lets it land on the process instance, whether it came by {@code complete} or by
 * Tasklist's {@code submit-form}, and also where an older instance still holds a value of it. An
 * engine of its own (H2, the engine's 4,000-character column) with the two plugins of the
 * application.
 */
class LongTextsTest {

  static final String KEY = "longTextsProbe";
  static final Variable<String> RESULT = Variable.longText("result");
  static final Variable<String> REPLY_NUMBER = Variable.text("replyNumber");

  static final List<String> recorded = new ArrayList<>();
  static ProcessEngine engine;

  @BeforeAll
  static void engine() {
    ProcessDescriptor descriptor = new ProcessDescriptor() {
      @Override
      public String key() {
        return KEY;
      }

      @Override
      public List<UserTaskContract> userTasks() {
        return List.of(UserTaskContract.task("handle").form("form_handle")
                .inputs(RESULT, REPLY_NUMBER),
            UserTaskContract.task("report").form("form_report").inputs(RESULT),
            UserTaskContract.task("after").form("form_after").inputs());
      }
    };
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
        ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
            .setJdbcUrl("jdbc:h2:mem:long-texts;DB_CLOSE_DELAY=-1")
            .setHistory(HistoryConfiguration.NAME)
            .setJobExecutorActivate(false);
    configuration.setProcessEngineName("long-texts");
    configuration.setProcessEnginePlugins(List.of(
        new HistoryConfiguration().fullWithoutViewCopies(List.of(descriptor)),
        new LongTexts().forgetLongTexts(List.of(descriptor))));
    TaskListener record = task -> recorded.add(RESULT.get(task));
    configuration.setBeans(Map.of("recordResult", record));
    engine = configuration.buildProcessEngine();
    BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("handle").camundaInputParameter("result", "${null}")
        .camundaTaskListenerDelegateExpression(TaskListener.EVENTNAME_COMPLETE, "${recordResult}")
        .userTask("report")
        .camundaTaskListenerDelegateExpression(TaskListener.EVENTNAME_COMPLETE, "${recordResult}")
        .userTask("after")
        .endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance(KEY + ".bpmn", model)
        .deploy();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @BeforeEach
  void clear() {
    recorded.clear();
  }

  @Test
  void aLongTextMappedOntoTheTaskIsRecordedWholeAndNotKept() {
    String pi = start();
    String text = "Kết quả xử lý của đơn vị. ".repeat(300).strip();
    engine.getTaskService().complete(task(pi, "handle").getId(), Variables.createVariables()
        .putValue("result", text).putValue("replyNumber", "12/SKHCN"));

    assertThat(recorded).containsExactly(text);
    assertThat(text).hasSizeGreaterThan(Variable.MAX_TEXT);
    assertThat(task(pi, "report")).as("the task was completed").isNotNull();
    assertNothingKept(pi);
    assertThat(engine.getRuntimeService().getVariable(pi, "replyNumber"))
        .as("the form's short input is kept as before").isEqualTo("12/SKHCN");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi).variableName("replyNumber").count()).isOne();
  }

  @Test
  void aLongTextSubmittedAsTasklistDoesOnTheProcessInstanceIsRecordedWholeAndNotKept() {
    String pi = start();
    engine.getTaskService().complete(task(pi, "handle").getId(),
        Variables.createVariables().putValue("result", "Ngắn."));
    String text = "ý".repeat(Variable.MAX_LONG_TEXT);
    Task report = task(pi, "report");
    engine.getFormService().submitTaskForm(report.getId(),
        Variables.createVariables().putValue("result", text));

    assertThat(recorded).containsExactly("Ngắn.", text);
    assertThat(task(pi, "after")).isNotNull();
    assertNothingKept(pi);
    assertThat(engine.getHistoryService().createHistoricDetailQuery().formFields()
        .taskId(report.getId()).count()).as("no form-field history of the text").isZero();
  }

  @Test
  void aValueAnOlderInstanceStillHoldsIsReplacedRecordedAndForgotten() {
    String pi = start();
    engine.getTaskService().complete(task(pi, "handle").getId(),
        Variables.createVariables().putValue("result", "Ngắn."));
    engine.getRuntimeService().setVariable(pi, "result", "kept by an older version");
    String text = "Báo cáo tổng hợp. ".repeat(300).strip();
    engine.getTaskService().complete(task(pi, "report").getId(),
        Variables.createVariables().putValue("result", text));

    assertThat(recorded).containsExactly("Ngắn.", text);
    assertThat(engine.getRuntimeService().getVariables(pi)).doesNotContainKey("result");
  }

  private static String start() {
    return engine.getRuntimeService().startProcessInstanceByKey(KEY,
        Variables.createVariables().putValue("documentId", 7L)).getId();
  }

  private static Task task(String pi, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey(key).singleResult();
  }

  private static void assertNothingKept(String pi) {
    assertThat(engine.getRuntimeService().createVariableInstanceQuery()
        .processInstanceIdIn(pi).variableName("result").count()).as("at runtime").isZero();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi).variableName("result").count()).as("in history").isZero();
    assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(pi)
        .variableUpdates().list()).extracting(detail -> ((HistoricVariableUpdate) detail)
            .getVariableName()).doesNotContain("result").contains("documentId");
  }
}
