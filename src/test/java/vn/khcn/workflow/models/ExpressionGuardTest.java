package vn.khcn.workflow.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;

/**
 * Models deployed straight through the engine, past the validator, still cannot reach classes,
 * the engine or beans that are not workflow steps (ADR 0013).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ExpressionGuardTest {

  private static final String KEY = "expression-guard-probe";

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  private final List<Deployment> deployments = new ArrayList<>();

  @AfterEach
  void undeploy() {
    deployments.forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
  }

  /** start → listener (expression) → gateway → [condition] → end. */
  private void deploy(String listener, String condition) {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="start">
              <bpmn:extensionElements>
                <camunda:executionListener event="end" expression="%s" />
              </bpmn:extensionElements>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="toGateway" sourceRef="start" targetRef="gateway" />
            <bpmn:exclusiveGateway id="gateway" default="otherwise" />
            <bpmn:sequenceFlow id="otherwise" sourceRef="gateway" targetRef="other" />
            <bpmn:endEvent id="other" />
            <bpmn:sequenceFlow id="guarded" sourceRef="gateway" targetRef="end">
              <bpmn:conditionExpression>%s</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(KEY, listener.replace("&", "&amp;").replace("\"", "&quot;"),
        condition.replace("&", "&amp;").replace("<", "&lt;"));
    deployments.add(repositoryService.createDeployment().name("bypasses the validator")
        .addString(KEY + ".bpmn", xml).deploy());
  }

  private void assertRefusedAtRunTime(String listener, String condition, String why) {
    deploy(listener, condition);
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(KEY, Map.of("x", 1)))
        .satisfies(e -> assertThat(messages(e)).contains(why));
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
        .count()).as("nothing ran, nothing was stored").isZero();
  }

  private static String messages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null && all.length() < 10_000; t = t.getCause()) {
      all.append(t.getMessage()).append(" | ");
    }
    return all.toString();
  }

  @Test
  void theRealisticBypassFailsInACondition() {
    assertRefusedAtRunTime("${true}",
        "${'}' != '' ? ''.getClass().forName('java.lang.Runtime').getRuntime() != null : false}",
        "call of getClass on java.lang.String");
  }

  @Test
  void classesAndTheEngineAreRefusedInAListener() {
    assertRefusedAtRunTime("${x.class.forName('java.lang.Runtime')}", "${true}",
        "access to class on java.lang.Integer");
    undeploy();
    deployments.clear();
    assertRefusedAtRunTime("${execution.getProcessEngineServices().getRuntimeService()}",
        "${true}", "call of getProcessEngineServices");
    undeploy();
    deployments.clear();
    assertRefusedAtRunTime("${execution.processEngine.name}", "${true}",
        "access to processEngine");
  }

  @Test
  void beansThatAreNotWorkflowStepsAreNotVisible() {
    assertRefusedAtRunTime("${true}",
        "${runtimeService.createProcessInstanceQuery().count() >= 0}", "runtimeService");
  }

  @Test
  void allowedExpressionsStillRun() {
    deploy("${execution.getVariable('x')}", "${execution.getVariable('x') == 1 and x > 0}");
    String id = runtimeService.startProcessInstanceByKey(KEY, Map.of("x", 1)).getId();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(id)
        .singleResult().getEndActivityId()).isEqualTo("end");
  }

  @Test
  void aVariableNamedLikeAStepDoesNotStandInForIt() {
    String step = IncomingDirectiveProcess.Beans.SCHEDULE_DIRECTION;
    deploy("${true}", "${" + step + " != 'impostor'}");
    String id = runtimeService.startProcessInstanceByKey(KEY, Map.of(step, "impostor")).getId();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(id)
        .singleResult().getEndActivityId()).as("the name is the step bean, not the variable")
        .isEqualTo("end");
  }
}
