package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.TestHttp;

/** The engine keeps FULL history, but none of the task-local view copies (ADR 0011). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ViewCopyHistoryTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;

  @Test
  void theTasksCopiesAreReadableButLeaveNoHistory() {
    TestHttp api = TestHttp.of(rest);
    JsonNode document = api.post("vanthu", "/api/incoming-documents",
        DispatchFixtures.document(IncomingDocumentApiTest.unique())).body();
    String instance = document.get("processInstanceId").asText();
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();

    assertThat(managementService.getHistoryLevel()).as("FULL in the database").isEqualTo(3);
    assertThat((String) taskService.getVariableLocal(task.getId(), "documentView"))
        .contains(document.get("businessKey").asText());
    assertThat(taskService.getVariableLocal(task.getId(), "summary")).isNotNull();
    assertThat(historyService.createHistoricVariableInstanceQuery().taskIdIn(task.getId())
        .list()).as("no history of the task's copies").isEmpty();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName("summary").list()).extracting(HistoricVariableInstance::getTaskId)
        .as("the process variable keeps its history").containsExactly((String) null);
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance)
        .variableUpdates().count()).as("FULL: variable updates recorded").isPositive();
    assertThat(historyService.createHistoricIdentityLinkLogQuery().taskId(task.getId()).count())
        .as("FULL: identity link history").isPositive();
  }
}
