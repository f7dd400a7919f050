package vn.khcn.workflow.models;

import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.calendar.WorkingCalendar;

/**
 * Models changed at runtime through the REST API, as Camunda Modeler deploys them, without a
 * restart. Each test restores the original model from processes/ when done.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.junit.jupiter.api.extension.ExtendWith(vn.khcn.workflow.support.UnitsWithoutHeads.class)
class RuntimeModelChangeTest {

  static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired WorkingCalendar calendar;

  ModelerDeploymentTest modeler() {
    ModelerDeploymentTest modeler = new ModelerDeploymentTest();
    modeler.rest = rest;
    return modeler;
  }

  JsonNode register() throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("issuer", "Bộ Khoa học và Công nghệ");
    body.put("documentNumber", UUID.randomUUID().toString().substring(0, 8) + "/BKHCN-VP");
    body.put("issuedOn", "2026-11-02");
    body.put("documentType", "Công văn");
    body.put("summary", "Về việc báo cáo tình hình thực hiện nhiệm vụ khoa học và công nghệ");
    body.put("urgency", "NORMAL");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String response = rest.withBasicAuth("vanthu", "demo")
        .postForObject("/api/incoming-documents", new HttpEntity<>(body, headers), String.class);
    return new ObjectMapper().readTree(response);
  }

  Task task(String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  void direct(Task task) {
    identityService.setAuthentication("giamdoc", java.util.List.of("lanh-dao"));
    try {
      taskService.complete(task.getId(), Variables.createVariables()
          .putValue("direction", "Văn phòng Sở xử lý.").putValue("leadUnit", "van-phong")
          .putValue("dueDate", LocalDate.now(HCM).plusDays(7).toString()));
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void aChangedSlaRowAppliesToTheNextRegistration() throws IOException {
    String original = Files.readString(Path.of("processes/dispatch-sla.dmn"));
    String changed = original.replace(
        "<outputEntry id=\"outputEntry_normal_handling\"><text>10</text></outputEntry>",
        "<outputEntry id=\"outputEntry_normal_handling\"><text>3</text></outputEntry>");
    assertThat(changed).isNotEqualTo(original);
    try {
      assertThat(modeler().deploy("admin", "dispatch-sla.dmn", changed).getStatusCode().value())
          .isEqualTo(200);
      JsonNode doc = register();
      Object suggested = taskService.getVariable(task(doc.get("processInstanceId").asText()).getId(),
          "dueDate");
      assertThat(suggested).isEqualTo(calendar.addWorkingDays(
          calendar.countingDay(java.time.Instant.now()), 3).toString());
    } finally {
      modeler().deploy("admin", "dispatch-sla.dmn", original);
    }
    JsonNode after = register();
    assertThat(taskService.getVariable(task(after.get("processInstanceId").asText()).getId(), "dueDate"))
        .isEqualTo(calendar.addWorkingDays(calendar.countingDay(java.time.Instant.now()), 10)
            .toString());
  }

  @Test
  void anAddedStepIsTakenByNewInstancesOnly() throws IOException {
    String original = Files.readString(Path.of("processes/incoming-directive.bpmn"));
    String oldFlow = "<bpmn:sequenceFlow id=\"flow_toInfoOnly\" sourceRef=\"serviceTask_notifyInformedUnits\""
        + " targetRef=\"exclusiveGateway_infoOnly\" />";
    assertThat(original).contains(oldFlow);
    String changed = original.replace(oldFlow,
        "<bpmn:sequenceFlow id=\"flow_toInfoOnly\" sourceRef=\"serviceTask_notifyInformedUnits\""
            + " targetRef=\"checkCopies\" />\n"
            + "    <bpmn:userTask id=\"checkCopies\" name=\"Kiểm tra bản sao\" camunda:candidateGroups=\"van-thu\" />\n"
            + "    <bpmn:sequenceFlow id=\"flow_afterCheck\" sourceRef=\"checkCopies\" targetRef=\"exclusiveGateway_infoOnly\" />");
    JsonNode running = register();
    try {
      assertThat(modeler().deploy("admin", "incoming-directive.bpmn", changed).getStatusCode().value())
          .isEqualTo(200);
      JsonNode fresh = register();

      direct(task(fresh.get("processInstanceId").asText()));
      assertThat(task(fresh.get("processInstanceId").asText()).getTaskDefinitionKey())
          .isEqualTo("checkCopies");
      direct(task(running.get("processInstanceId").asText()));
      assertThat(task(running.get("processInstanceId").asText()).getTaskDefinitionKey())
          .as("started on the old version").isEqualTo(IncomingDirectiveProcess.Tasks.HANDLE_ASSIGNMENT);
    } finally {
      modeler().deploy("admin", "incoming-directive.bpmn", original);
    }
  }
}
