package vn.khcn.workflow.inbox;

import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** A director's direction: typed text checked like every other, the due date within 5 years. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DirectionTextTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;

  @Test
  void bidiOverridesAndFarDueDatesAreRefusedNamingTheField() throws Exception {
    JsonNode doc = InboxFixtures.register(rest, "NORMAL");
    String task = taskService.createTaskQuery()
        .processInstanceId(doc.get("processInstanceId").asText())
        .taskDefinitionKey(IncomingDirectiveProcess.Tasks.GIVE_DIRECTION).singleResult().getId();
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("direction", "Phòng QLCN chủ trì \u202Exử lý");
    body.put("leadUnit", "phong-qlcn");
    body.put("coordinatingUnits", List.of());
    body.put("informedUnits", List.of());
    body.put("dueDate", today.plusYears(10).toString());
    ResponseEntity<String> refused = InboxFixtures.post(rest, "giamdoc",
        "/api/inbox/" + task + "/direction", body);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("direction").contains("đảo chiều")
        .contains("dueDate").contains("5 năm");
    assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();

    body.put("direction", "Phòng QLCN chủ trì xử lý.");
    body.put("dueDate", today.plusYears(4).toString());
    assertThat(InboxFixtures.post(rest, "giamdoc", "/api/inbox/" + task + "/direction", body)
        .getStatusCode().value()).isEqualTo(204);
  }
}
