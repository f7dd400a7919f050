package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/dispatch-sla.dmn against the cases of domain.md §A. */
class DispatchSlaDecisionTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("model-tests.cfg.xml").build();

  static String deploymentId;

  @BeforeAll
  static void deploy() throws IOException {
    try (InputStream dmn = Files.newInputStream(Path.of("processes/dispatch-sla.dmn"))) {
      deploymentId = engine.getProcessEngine().getRepositoryService().createDeployment()
          .addInputStream("dispatch-sla.dmn", dmn).deploy().getId();
    }
  }

  @AfterAll
  static void undeploy() {
    engine.getProcessEngine().getRepositoryService().deleteDeployment(deploymentId, true);
  }

  @ParameterizedTest(name = "{0} {1} → {2} h, {3} ngày, xử lý {4}")
  @CsvSource(nullValues = "-", value = {
      "FLASH,       Công văn,      2, 0, 1",
      "FLASH,       Quyết định,    2, 0, 1",
      "VERY_URGENT, Công văn,      4, 0, 3",
      "URGENT,      Kế hoạch,      -, 0, 5",
      "NORMAL,      Quyết định,    -, 0, 7",
      "NORMAL,      Chỉ thị,       -, 0, 7",
      "NORMAL,      Nghị quyết,    -, 0, 7",
      "NORMAL,      Công văn,      -, 1, 10",
      "NORMAL,      Chương trình,  -, 1, 10",
      "NORMAL,      Loại chưa biết, -, 1, 10"})
  void slaFollowsUrgencyThenDocumentType(String urgency, String documentType, Integer hours,
      int workingDays, int handlingDays) {
    ProcessEngine processEngine = engine.getProcessEngine();
    DmnDecisionRuleResult result = processEngine.getDecisionService()
        .evaluateDecisionTableByKey(IncomingDirectiveProcess.SLA_DECISION_KEY,
            Variables.createVariables().putValue("urgency", urgency)
                .putValue("documentType", documentType))
        .getSingleResult();
    Map<String, Object> outputs = result.getEntryMap();
    assertThat(outputs.get("directionDueHours")).isEqualTo(hours);
    assertThat(outputs.get("directionDueWorkingDays")).isEqualTo(workingDays);
    assertThat(outputs.get("handlingDueWorkingDays")).isEqualTo(handlingDays);
    assertThat(outputs.get("escalationRepeatWorkingDays")).as("escalated every working day")
        .isEqualTo(1);
  }
}
