package vn.khcn.workflow.inbox;

import org.junit.jupiter.api.extension.ExtendWith;
import vn.khcn.workflow.support.UnitsWithoutHeads;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(UnitsWithoutHeads.class)
class InboxTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired WebApplicationContext context;
  MockMvc mvc;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  JsonNode register(String urgency) throws Exception {
    return InboxFixtures.register(rest, urgency);
  }

  ResponseEntity<String> post(String user, String path, Object body) {
    return InboxFixtures.post(rest, user, path, body);
  }

  String taskOf(JsonNode document, String key) {
    return taskService.createTaskQuery().processInstanceId(document.get("processInstanceId").asText())
        .taskDefinitionKey(key).singleResult().getId();
  }

  @Test
  void mostUrgentFirstAndOnlyForDirectors() throws Exception {
    JsonNode urgent = register("URGENT");
    JsonNode flash = register("FLASH");
    JsonNode inbox = JSON.readTree(rest.withBasicAuth("phogiamdoc", "demo").getForObject("/api/inbox", String.class));
    List<String> ids = new ArrayList<>();
    inbox.get("items").forEach(i -> ids.add(i.get("taskId").asText()));
    assertThat(inbox.get("count").asInt()).isEqualTo(ids.size());
    String flashTask = taskOf(flash, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    String urgentTask = taskOf(urgent, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    assertThat(ids.indexOf(flashTask)).isGreaterThanOrEqualTo(0).isLessThan(ids.indexOf(urgentTask));
    JsonNode item = inbox.get("items").get(ids.indexOf(flashTask));
    assertThat(item.get("processKey").asText()).isEqualTo("incoming-directive");
    assertThat(item.get("businessKey").asText()).isEqualTo(flash.get("businessKey").asText());
    assertThat(item.get("urgency").asText()).isEqualTo("FLASH");
    assertThat(item.get("title").asText()).contains("FLASH");
    assertThat(item.has("dueDate")).isTrue();

    JsonNode one = JSON.readTree(rest.withBasicAuth("phogiamdoc", "demo")
        .getForObject("/api/inbox/" + flashTask, String.class));
    assertThat(one.get("item").get("taskId").asText()).isEqualTo(flashTask);
    assertThat(one.get("document").asText()).contains(flash.get("businessKey").asText());
    assertThat(rest.withBasicAuth("phogiamdoc", "demo").getForEntity("/api/inbox/khong-co", String.class)
        .getStatusCode().value()).isEqualTo(404);
    assertThat(rest.withBasicAuth("cv.qlkh", "demo").getForEntity("/api/inbox/" + flashTask, String.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(rest.withBasicAuth("cv.qlkh", "demo").getForEntity("/api/inbox", String.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(rest.getForEntity("/api/inbox", String.class).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void theDatabasePagesTheInboxSoTheMostUrgentIsOnTheFirstPageWhateverIsWaiting() throws Exception {
    List<String> normal = new ArrayList<>();
    for (int i = 0; i <= InboxService.PAGE_SIZE; i++) {
      normal.add(taskOf(register("NORMAL"), IncomingDirectiveProcess.Tasks.GIVE_DIRECTION));
    }
    String veryUrgent = taskOf(register("VERY_URGENT"), IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    // some without a due date: empty due dates come last, in the database as in memory
    List<String> undated = List.of(normal.get(3), normal.get(4), normal.get(5));
    for (String id : undated) {
      Task task = taskService.createTaskQuery().taskId(id).singleResult();
      task.setDueDate(null);
      taskService.saveTask(task);
    }
    assertThat(taskService.createTaskQuery().taskId(veryUrgent).singleResult().getPriority())
        .as("the urgency is the task priority Tasklist sorts by").isEqualTo(70);
    assertThat(taskService.createTaskQuery().taskId(normal.get(0)).singleResult().getPriority())
        .isEqualTo(50);

    JsonNode first = JSON.readTree(rest.withBasicAuth("giamdoc", "demo")
        .getForObject("/api/inbox", String.class));
    assertThat(first.get("page").asInt()).isZero();
    assertThat(first.get("pageSize").asInt()).isEqualTo(InboxService.PAGE_SIZE);
    assertThat(first.get("hasMore").asBoolean()).isTrue();
    assertThat(first.get("items")).hasSize(InboxService.PAGE_SIZE);
    List<String> firstIds = new ArrayList<>();
    first.get("items").forEach(i -> firstIds.add(i.get("taskId").asText()));
    // registered last, behind more than a page of normal documents, and still on top of them
    assertThat(firstIds).contains(veryUrgent);
    List<String> normalOnFirst = firstIds.stream().filter(normal::contains).toList();
    normalOnFirst.forEach(n -> assertThat(firstIds.indexOf(veryUrgent))
        .isLessThan(firstIds.indexOf(n)));

    JsonNode second = JSON.readTree(rest.withBasicAuth("giamdoc", "demo")
        .getForObject("/api/inbox?page=1", String.class));
    List<String> secondIds = new ArrayList<>();
    second.get("items").forEach(i -> secondIds.add(i.get("taskId").asText()));
    assertThat(secondIds).isNotEmpty().doesNotContainAnyElementsOf(firstIds);
    // every page to the last: each waiting item exactly once
    List<String> all = new ArrayList<>();
    for (int page = 0; page <= 39; page++) {
      JsonNode next = JSON.readTree(rest.withBasicAuth("giamdoc", "demo")
          .getForObject("/api/inbox?page=" + page, String.class));
      next.get("items").forEach(i -> all.add(i.get("taskId").asText()));
      if (!next.get("hasMore").asBoolean()) {
        break;
      }
    }
    assertThat(all).doesNotHaveDuplicates().containsAll(normal).contains(veryUrgent);
    assertThat(undated.stream().mapToInt(all::indexOf).min().orElseThrow())
        .as("the undated normal items after the dated ones")
        .isGreaterThan(normal.stream().filter(n -> !undated.contains(n))
            .mapToInt(all::indexOf).max().orElseThrow());

    for (String page : List.of("-1", "40", "mot")) {
      ResponseEntity<String> refused = rest.withBasicAuth("giamdoc", "demo")
          .getForEntity("/api/inbox?page=" + page, String.class);
      assertThat(refused.getStatusCode().value()).as(page).isEqualTo(400);
      assertThat(refused.getBody()).as(page).contains("page");
    }
    // a normal item beyond the first page (at most 49 of the 51 fit on it) opens, as JSON and
    // on its page of the HTML inbox
    String later = normal.stream().filter(n -> !firstIds.contains(n)).findFirst().orElseThrow();
    JsonNode opened = JSON.readTree(rest.withBasicAuth("giamdoc", "demo")
        .getForObject("/api/inbox/" + later, String.class));
    assertThat(opened.get("item").get("taskId").asText()).isEqualTo(later);
    int pageOfLater = all.indexOf(later) / InboxService.PAGE_SIZE;
    assertThat(pageOfLater).isPositive();
    var director = user("giamdoc").authorities(() -> "lanh-dao");
    mvc.perform(get("/inbox").param("page", String.valueOf(pageOfLater)).with(director))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Trang trước")))
        .andExpect(content().string(containsString("Trang " + (pageOfLater + 1))))
        .andExpect(content().string(containsString("/inbox/" + later)));
  }

  @Test
  void aPageTypedOutOfRangeOnTheHtmlInboxLeadsToTheNearestPage() throws Exception {
    var director = user("giamdoc").authorities(() -> "lanh-dao");
    mvc.perform(get("/inbox").param("page", "-1").with(director))
        .andExpect(redirectedUrl("/inbox"));
    mvc.perform(get("/inbox").param("page", "mot").with(director))
        .andExpect(redirectedUrl("/inbox"));
    mvc.perform(get("/inbox").param("page", "400").with(director))
        .andExpect(redirectedUrl("/inbox?page=" + InboxService.MAX_PAGE));
    mvc.perform(get("/inbox").param("page", String.valueOf(InboxService.MAX_PAGE)).with(director))
        .andExpect(status().isOk());
  }

  @Test
  void actionsLandInHistoryAndTrailAsFromTasklist() throws Exception {
    JsonNode doc = register("NORMAL");
    String direction = taskOf(doc, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    Map<String, Object> bad = Map.of("direction", "Xử lý", "leadUnit", "so-khac",
        "dueDate", "2020-01-01");
    ResponseEntity<String> refused = post("giamdoc", "/api/inbox/" + direction + "/direction", bad);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("leadUnit", "dueDate");
    Map<String, Object> forged = new LinkedHashMap<>(Map.of("direction", "Xử lý",
        "leadUnit", "phong-qlcn", "documentId", 1));
    ResponseEntity<String> forgedRefused = post("giamdoc", "/api/inbox/" + direction
        + "/direction", forged);
    assertThat(forgedRefused.getStatusCode().value()).as("a field the form does not have")
        .isEqualTo(400);
    assertThat(forgedRefused.getBody()).contains("documentId");
    assertThat(taskService.createTaskQuery().taskId(direction).singleResult().getAssignee())
        .as("nothing happened to the task").isNull();

    Map<String, Object> good = new LinkedHashMap<>();
    good.put("direction", "Phòng QLCN chủ trì xử lý.");
    good.put("leadUnit", "phong-qlcn");
    good.put("coordinatingUnits", List.of());
    good.put("informedUnits", List.of("van-phong"));
    good.put("dueDate", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(5).toString());
    assertThat(post("giamdoc", "/api/inbox/" + direction + "/direction", good).getStatusCode().value())
        .isEqualTo(204);
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(direction).singleResult()
        .getAssignee()).isEqualTo("giamdoc");

    Task unit = taskService.createTaskQuery().processInstanceId(doc.get("processInstanceId").asText())
        .singleResult();
    taskService.claim(unit.getId(), "cv.qlcn");
    taskService.complete(unit.getId(), Variables.createVariables().putValue("result", "Đã xử lý."));
    String approval = taskOf(doc, IncomingDirectiveProcess.Tasks.APPROVE_RESULT);
    assertThat(post("giamdoc", "/api/inbox/" + approval + "/approval", Map.of("approved", false))
        .getStatusCode().value()).as("returning needs a comment").isEqualTo(400);
    assertThat(post("giamdoc", "/api/inbox/" + approval + "/direction", good).getStatusCode().value())
        .as("wrong action for the task").isEqualTo(400);
    assertThat(post("giamdoc", "/api/inbox/" + approval + "/approval",
        Map.of("approved", true, "comment", "Đồng ý.")).getStatusCode().value()).isEqualTo(204);

    JsonNode details = JSON.readTree(rest.withBasicAuth("giamdoc", "demo")
        .getForObject("/api/incoming-documents/" + doc.get("id").asLong(), String.class));
    assertThat(details.get("status").asText()).isEqualTo("ARCHIVED");
    List<String> actions = new ArrayList<>();
    details.get("trail").forEach(t -> actions.add(t.get("action").asText() + ":" + t.get("actor").asText()));
    assertThat(actions).contains("DIRECTION_GIVEN:giamdoc", "APPROVED:giamdoc");
  }

  @Test
  void thePageListsItemsAndActsInTwoClicks() throws Exception {
    JsonNode doc = register("VERY_URGENT");
    String direction = taskOf(doc, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    var director = user("giamdoc").authorities(() -> "lanh-dao");
    mvc.perform(get("/inbox").with(director)).andExpect(status().isOk())
        .andExpect(content().string(containsString("Hộp việc lãnh đạo")))
        .andExpect(content().string(containsString("/inbox/" + direction)));
    byte[] pdf = "%PDF-1.4\n% van ban\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
    parts.add("file", new org.springframework.core.io.ByteArrayResource(pdf) {
      @Override
      public String getFilename() {
        return "van-ban.pdf";
      }
    });
    HttpHeaders multipart = new HttpHeaders();
    multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
    JsonNode attachment = JSON.readTree(rest.withBasicAuth("vanthu", "demo").postForObject(
        "/api/incoming-documents/" + doc.get("id").asLong() + "/attachments",
        new HttpEntity<>(parts, multipart), String.class));
    String download = "/inbox/" + direction + "/attachments/" + attachment.get("id").asLong();
    mvc.perform(get("/inbox/" + direction).with(director)).andExpect(status().isOk())
        .andExpect(content().string(containsString("Gửi ý kiến chỉ đạo")))
        .andExpect(content().string(containsString(doc.get("businessKey").asText())))
        .andExpect(content().string(containsString(download)));
    mvc.perform(get(download).with(director)).andExpect(status().isOk())
        .andExpect(content().bytes(pdf))
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
            .string("Content-Disposition", containsString("attachment")));
    mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/inbox/" + direction + "/direction").with(director).with(csrf())
            .param("direction", "Văn phòng xử lý ngay.").param("leadUnit", "van-phong")
            .param("dueDate", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(2).toString()))
        .andExpect(redirectedUrl("/inbox"));
    assertThat(taskService.createTaskQuery().taskId(direction).count()).isZero();
    mvc.perform(get("/inbox").with(user("cv.qlkh").authorities(() -> "phong-qlkh")))
        .andExpect(status().isForbidden());
  }
}
