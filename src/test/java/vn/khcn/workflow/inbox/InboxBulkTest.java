package vn.khcn.workflow.inbox;

import org.junit.jupiter.api.extension.ExtendWith;
import vn.khcn.workflow.support.UnitsWithoutHeads;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Tasks;
import vn.khcn.workflow.support.TestHttp;

/**
 * Bulk actions of the directors' inbox over real HTTP: each item validated and recorded on its
 * own, one refused item reported while the others are done; the request itself refused whole.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(UnitsWithoutHeads.class)
class InboxBulkTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  private TestHttp http() {
    return TestHttp.of(rest);
  }

  private String taskOf(JsonNode document, String key) {
    Task task = taskService.createTaskQuery()
        .processInstanceId(document.get("processInstanceId").asText()).taskDefinitionKey(key)
        .singleResult();
    return task == null ? null : task.getId();
  }

  /** A document whose lead unit has reported: its approveResult waits in the inbox. */
  private JsonNode awaitingApproval() throws Exception {
    JsonNode document = InboxFixtures.register(rest, "NORMAL");
    Map<String, Object> direction = new LinkedHashMap<>();
    direction.put("direction", "Phòng QLCN chủ trì xử lý.");
    direction.put("leadUnit", "phong-qlcn");
    direction.put("coordinatingUnits", List.of());
    direction.put("informedUnits", List.of());
    direction.put("dueDate", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(5).toString());
    assertThat(http().post("giamdoc", "/api/inbox/" + taskOf(document, Tasks.GIVE_DIRECTION)
        + "/direction", direction).status()).isEqualTo(204);
    Task unit = taskService.createTaskQuery()
        .processInstanceId(document.get("processInstanceId").asText()).singleResult();
    taskService.claim(unit.getId(), "cv.qlcn");
    taskService.complete(unit.getId(), Variables.createVariables().putValue("result", "Đã xử lý."));
    return document;
  }

  private List<String> trailActions(JsonNode document) {
    List<String> actions = new ArrayList<>();
    http().get("giamdoc", "/api/incoming-documents/" + document.get("id").asLong()).body()
        .get("trail").forEach(t -> actions.add(t.get("action").asText() + ":"
            + t.get("actor").asText()));
    return actions;
  }

  @Test
  void bulkApprovalDoesEveryValidItemAndReportsTheInvalidOnes() throws Exception {
    JsonNode first = awaitingApproval();
    JsonNode second = awaitingApproval();
    JsonNode waiting = InboxFixtures.register(rest, "NORMAL");
    String a1 = taskOf(first, Tasks.APPROVE_RESULT);
    String a2 = taskOf(second, Tasks.APPROVE_RESULT);
    String direction = taskOf(waiting, Tasks.GIVE_DIRECTION);

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("action", "approve");
    body.put("taskIds", List.of(a1, direction, a2, "khong-co"));
    body.put("comment", "Đồng ý.");
    TestHttp.Response answer = http().post("giamdoc", "/api/inbox/bulk", body);
    assertThat(answer.status()).isEqualTo(200);
    JsonNode result = answer.body();
    assertThat(result.get("succeeded").asInt()).isEqualTo(2);
    assertThat(result.get("failed").asInt()).isEqualTo(2);
    List<String> outcomes = new ArrayList<>();
    result.get("items").forEach(i -> outcomes.add(i.get("taskId").asText() + ":"
        + i.get("status").asInt()));
    assertThat(outcomes).containsExactly(a1 + ":204", direction + ":400", a2 + ":204",
        "khong-co:404");
    assertThat(result.get("items").get(1).get("message").asText())
        .contains("không làm được bằng thao tác này");

    // each approval recorded on its own, as the single action records it
    for (JsonNode document : List.of(first, second)) {
      assertThat(trailActions(document)).contains("APPROVED:giamdoc");
      assertThat(http().get("giamdoc", "/api/incoming-documents/" + document.get("id").asLong())
          .body().get("status").asText()).isEqualTo("ARCHIVED");
    }
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(a1).singleResult()
        .getAssignee()).isEqualTo("giamdoc");
    // the item of the other kind is untouched
    Task untouched = taskService.createTaskQuery().taskId(direction).singleResult();
    assertThat(untouched).isNotNull();
    assertThat(untouched.getAssignee()).isNull();
  }

  @Test
  void bulkForInformationFilesSeveralDocumentsEachWithItsOwnDirection() throws Exception {
    JsonNode one = InboxFixtures.register(rest, "NORMAL");
    JsonNode two = InboxFixtures.register(rest, "URGENT");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("action", "infoOnly");
    body.put("taskIds", List.of(taskOf(one, Tasks.GIVE_DIRECTION),
        taskOf(two, Tasks.GIVE_DIRECTION)));
    TestHttp.Response answer = http().post("phogiamdoc", "/api/inbox/bulk", body);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("succeeded").asInt()).isEqualTo(2);
    for (JsonNode document : List.of(one, two)) {
      assertThat(trailActions(document)).contains("DIRECTION_GIVEN:phogiamdoc");
      assertThat(taskOf(document, Tasks.GIVE_DIRECTION)).isNull();
    }
  }

  @Test
  void aBadRequestIsRefusedWholeAndNothingIsDone() throws Exception {
    JsonNode document = InboxFixtures.register(rest, "NORMAL");
    String task = taskOf(document, Tasks.GIVE_DIRECTION);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("action", "infoOnly");
    body.put("taskIds", List.of(task));
    assertThat(http().post("cv.qlkh", "/api/inbox/bulk", body).status())
        .as("not a director").isEqualTo(403);
    Map<String, Object> forged = new LinkedHashMap<>(body);
    forged.put("approved", true);
    TestHttp.Response extra = http().post("giamdoc", "/api/inbox/bulk", forged);
    assertThat(extra.status()).as("a field the request does not have").isEqualTo(400);
    assertThat(extra.text()).contains("approved");
    Map<String, Object> unknown = new LinkedHashMap<>(body);
    unknown.put("action", "delete");
    TestHttp.Response refused = http().post("giamdoc", "/api/inbox/bulk", unknown);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text()).contains("action");
    assertThat(http().post("giamdoc", "/api/inbox/bulk",
        Map.of("action", "approve", "taskIds", List.of())).status()).isEqualTo(400);
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i <= InboxBulk.MAX_ITEMS; i++) {
      tooMany.add("t" + i);
    }
    assertThat(http().post("giamdoc", "/api/inbox/bulk",
        Map.of("action", "approve", "taskIds", tooMany)).status()).isEqualTo(400);
    Task still = taskService.createTaskQuery().taskId(task).singleResult();
    assertThat(still).as("nothing done").isNotNull();
    assertThat(still.getAssignee()).isNull();
    assertThat(trailActions(document)).noneMatch(a -> a.startsWith("DIRECTION_GIVEN"));
  }

  @Test
  void theListPageActsOnTheTickedItemsWithoutScript() throws Exception {
    JsonNode document = InboxFixtures.register(rest, "NORMAL");
    String task = taskOf(document, Tasks.GIVE_DIRECTION);
    TestHttp.Session director = http().session();
    director.login("giamdoc", TestHttp.PASSWORD);
    TestHttp.Response list = director.get("/inbox");
    assertThat(list.status()).isEqualTo(200);
    // other tests of the shared context leave items: the new one may be on a later page
    for (int page = 1; !list.text().contains("value=\"" + task + "\"") && page < 100; page++) {
      list = director.get("/inbox?page=" + page);
      assertThat(list.status()).isEqualTo(200);
    }
    assertThat(list.text()).contains("value=\"" + task + "\"", "data-kind=\"infoOnly\"",
        "/js/inbox-bulk.js");
    java.util.regex.Matcher csrf = java.util.regex.Pattern
        .compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(list.text());
    assertThat(csrf.find()).isTrue();
    TestHttp.Response posted = director.request("POST", "/inbox/bulk").form("action", "infoOnly",
        "taskIds", task, "taskIds", "khong-co", "_csrf", csrf.group(1)).send();
    assertThat(posted.status()).isEqualTo(302);
    assertThat(taskOf(document, Tasks.GIVE_DIRECTION)).isNull();
    TestHttp.Response after = director.get("/inbox");
    assertThat(after.text()).contains("Đã cho ý kiến để biết, lưu 1 việc.",
        "1 việc không làm được", "khong-co: Việc không còn trong hộp việc.");
  }
}
