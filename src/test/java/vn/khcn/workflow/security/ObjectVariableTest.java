package vn.khcn.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.support.TestHttp.Response;

/** Clients send no Object or Xml values; the engine deserializes only allowed classes. */
class ObjectVariableTest extends SecurityTestSupport {

  static final String PROCESS_KEY = "security-test-object-variables";

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ProcessEngineConfiguration configuration;

  String deploymentId;
  ProcessInstance instance;

  @BeforeEach
  void deploy() {
    deploymentId = repositoryService.createDeployment()
        .addModelInstance(PROCESS_KEY + ".bpmn", Bpmn.createExecutableProcess(PROCESS_KEY)
            .camundaHistoryTimeToLive(1)
            .startEvent("startEvent_started")
            .userTask("userTask_review").camundaCandidateGroups(Groups.LANH_DAO)
            .endEvent("endEvent_done")
            .done())
        .deploy().getId();
    instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY);
  }

  @AfterEach
  void remove() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  String taskId() {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
  }

  @Test
  void objectAndXmlValuesFromClientsAreRefusedNamingTheVariable() throws Exception {
    String taskId = taskId();
    Response object = postJson("/engine-rest/task/" + taskId + "/complete", "giamdoc",
        "{\"variables\":{\"comment\":{\"value\":\"Đồng ý\",\"type\":\"String\"},"
            + "\"evil\":{\"value\":\"{}\",\"type\":\"Object\",\"valueInfo\":{"
            + "\"objectTypeName\":\"java.net.URL\",\"serializationDataFormat\":"
            + "\"application/json\"}}}}");
    assertThat(object.status()).as(object.text()).isEqualTo(400);
    assertThat(json(object).path("message").asText()).contains("\"evil\"").contains("Object");

    Response xml = send("PUT", "/engine-rest/task/" + taskId + "/variables/payload",
        "giamdoc", "demo", JSON, "{\"value\":\"<a/>\",\"type\":\"xml\"}");
    assertThat(xml.status()).as(xml.text()).isEqualTo(400);
    assertThat(json(xml).path("message").asText()).contains("\"payload\"");

    Response modification = postJson("/engine-rest/process-instance/"
        + instance.getId() + "/variables", "admin",
        "{\"modifications\":{\"gadget\":{\"value\":\"AAA=\",\"type\":\"Object\","
            + "\"valueInfo\":{\"objectTypeName\":\"java.util.PriorityQueue\"}}}}");
    assertThat(modification.status()).as(modification.text()).isEqualTo(400);
    assertThat(json(modification).path("message").asText()).contains("\"gadget\"");

    String boundary = "khcnBoundary";
    String multipart = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"data\"; filename=\"x.bin\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\nAAAA\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"valueType\"\r\n\r\nObject\r\n"
        + "--" + boundary + "--\r\n";
    Response upload = send("POST", "/engine-rest/task/" + taskId
        + "/variables/blob/data", "giamdoc", "demo",
        "multipart/form-data; boundary=" + boundary, multipart);
    assertThat(upload.status()).as(upload.text()).isEqualTo(400);
    assertThat(json(upload).path("message").asText()).contains("\"blob\"");

    assertThat(runtimeService.getVariables(instance.getId()))
        .doesNotContainKeys("evil", "payload", "gadget", "blob");
  }

  @Test
  void primitiveDateAndJsonValuesStillPass() throws Exception {
    Response response = postJson("/engine-rest/task/" + taskId() + "/complete",
        "giamdoc", "{\"variables\":{\"comment\":{\"value\":\"Đồng ý\",\"type\":\"String\"},"
            + "\"units\":{\"value\":\"[\\\"van-phong\\\"]\",\"type\":\"Json\"},"
            + "\"day\":{\"value\":\"2026-12-01T17:00:00.000+0700\",\"type\":\"Date\"},"
            + "\"note\":{\"value\":\"type Object\",\"type\":\"String\"}}}");
    assertThat(response.status()).as(response.text()).isEqualTo(204);
  }

  @Test
  void theEngineDeserializesOnlyAllowedClasses() {
    assertThat(((ProcessEngineConfigurationImpl) configuration)
        .isDeserializationTypeValidationEnabled()).isTrue();
    runtimeService.setVariable(instance.getId(), "units",
        Variables.objectValue(new ArrayList<>(List.of("van-phong")))
            .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    assertThat(runtimeService.getVariable(instance.getId(), "units"))
        .isEqualTo(List.of("van-phong"));
    runtimeService.setVariable(instance.getId(), "gadget",
        Variables.serializedObjectValue("\"http://example.org\"").objectTypeName("java.net.URL")
            .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    assertThatThrownBy(() -> runtimeService.getVariable(instance.getId(), "gadget"))
        .isInstanceOf(ProcessEngineException.class);
  }
}
