package vn.khcn.workflow.dispatch;

import org.junit.jupiter.api.extension.ExtendWith;
import vn.khcn.workflow.support.UnitsWithoutHeads;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.dispatch.DispatchFixtures.document;
import static vn.khcn.workflow.support.TestHttp.variables;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * Direction items (issue 17) through the API as the demo users: the numbered items kept at
 * registration, a direction given as items (units and per-unit deadlines derived from them), the
 * quarterly report of item 7 with its four tasks for the lead unit, and the document filed only
 * at the last report; every refusal stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(UnitsWithoutHeads.class)
class DirectionItemsTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired WorkingCalendar calendar;
  @Autowired Clock clock;

  TestHttp api;

  @BeforeEach
  void setUp() {
    api = TestHttp.of(rest);
  }

  static Map<String, Object> numberedItem(String label, String text, List<String> bodies) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("label", label);
    item.put("text", text);
    item.put("bodies", bodies);
    return item;
  }

  Map<String, Object> documentWithItems(String number) {
    Map<String, Object> body = document(number);
    body.put("items", List.of(
        numberedItem("1", "Tiếp tục tuyên truyền, quán triệt sâu rộng về vai trò của Liên hiệp"
            + " các Hội Khoa học và Kỹ thuật.", List.of()),
        numberedItem("4", "Phòng Quản lý khoa học hướng dẫn các tổ chức thành viên thực hiện"
            + " đúng tôn chỉ, mục đích.", List.of("Phòng Quản lý khoa học")),
        numberedItem("7", "Chủ trì, phối hợp hướng dẫn, theo dõi, đôn đốc việc triển khai; định"
            + " kỳ báo cáo kết quả triển khai, thực hiện.", List.of("Ban Tuyên giáo Thành ủy"))));
    return body;
  }

  JsonNode register(Map<String, Object> body) {
    Response created = api.post("vanthu", "/api/incoming-documents", body);
    assertThat(created.status()).as("%s", created.text()).isEqualTo(201);
    return created.body();
  }

  static String number() {
    return UUID.randomUUID().toString().substring(0, 8) + "-CV/TU";
  }

  String directionTask(String pi) {
    return taskService.createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey(IncomingDirectiveProcess.Tasks.GIVE_DIRECTION).singleResult().getId();
  }

  static Map<String, Object> item(String label, String lead, List<String> coordinating,
      LocalDate due, String every, LocalDate until) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("label", label);
    item.put("lead", lead);
    item.put("coordinating", coordinating);
    item.put("dueDate", due == null ? null : due.toString());
    item.put("reportEvery", every);
    item.put("reportUntil", until == null ? null : until.toString());
    return item;
  }

  Map<String, Object> direction(LocalDate common, List<Map<String, Object>> items) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("direction", "Giao các phòng thực hiện theo từng mục.");
    body.put("leadUnit", "phong-qlkh");
    body.put("coordinatingUnits", List.of());
    body.put("informedUnits", List.of());
    body.put("dueDate", common.toString());
    body.put("items", items);
    return body;
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  JsonNode items(long id) {
    Response found = api.get("giamdoc", "/api/incoming-documents/" + id + "/items");
    assertThat(found.status()).isEqualTo(200);
    return found.body();
  }

  long documentsNumbered(String number) {
    return api.get("vanthu", "/api/incoming-documents?q=" + number).body().get("page")
        .get("totalElements").asLong();
  }

  @Test
  void registrationKeepsTheNumberedItemsAndRefusesBadOnesStoringNothing() {
    JsonNode doc = register(documentWithItems(number()));
    JsonNode kept = items(doc.get("id").asLong()).get("documentItems");
    assertThat(kept).hasSize(3);
    assertThat(kept.get(1).get("label").asText()).isEqualTo("4");
    assertThat(kept.get(1).get("bodies").get(0).asText()).isEqualTo("Phòng Quản lý khoa học");

    String blank = number();
    Map<String, Object> body = document(blank);
    body.put("items", List.of(numberedItem("1", " ", List.of())));
    Response refused = api.post("vanthu", "/api/incoming-documents", body);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text()).contains("items[0].text", "chưa nhập nội dung mục");

    Map<String, Object> extra = new LinkedHashMap<>(numberedItem("1", "Nội dung", List.of()));
    extra.put("confidence", 0.9);
    body.put("items", List.of(extra));
    assertThat(api.post("vanthu", "/api/incoming-documents", body).status())
        .as("a field items do not have").isEqualTo(400);

    List<Map<String, Object>> many = new ArrayList<>();
    for (int i = 1; i <= DocumentItems.MAX_ITEMS + 1; i++) {
      many.add(numberedItem(String.valueOf(i), "Mục " + i, List.of()));
    }
    body.put("items", many);
    assertThat(api.post("vanthu", "/api/incoming-documents", body).status()).isEqualTo(400);
    assertThat(documentsNumbered(blank)).as("nothing registered").isZero();
  }

  @Test
  void theDirectionProposesTheItemsAndRefusesBadItemsStoringNothing() {
    JsonNode doc = register(documentWithItems(number()));
    long id = doc.get("id").asLong();
    String pi = doc.get("processInstanceId").asText();
    String task = directionTask(pi);
    assertThat((String) runtimeService.getVariable(pi,
        IncomingDirectiveProcess.Vars.PROPOSED_ITEMS.name()))
        .contains("4 | phong-qlkh |", "# 7- Chủ trì, phối hợp");

    LocalDate due = calendar.addWorkingDays(today(), 5);
    LocalDate saturday = today().plusDays(14).with(java.time.DayOfWeek.SATURDAY);
    List<List<Map<String, Object>>> refusals = List.of(
        List.of(item("1", "so-khac", List.of(), due, null, null)),
        List.of(item("1", "phong-qlkh", List.of("phong-ngoai"), due, null, null)),
        List.of(item("7", "phong-qlkh", List.of(), due, "P3M", null)),
        List.of(item("7", "phong-qlkh", List.of(), due, null, today().plusYears(1))),
        List.of(item("7", "phong-qlkh", List.of(), due, "P2W", today().plusYears(1))),
        List.of(item("1", "phong-qlkh", List.of(), saturday, null, null)),
        List.of(item("9", "phong-qlkh", List.of(), due, null, null)));
    for (List<Map<String, Object>> items : refusals) {
      Response refused = api.post("giamdoc", "/api/inbox/" + task + "/direction",
          direction(due, items));
      assertThat(refused.status()).as("%s → %s", items, refused.text()).isEqualTo(400);
      assertThat(refused.text()).contains("items");
    }
    Map<String, Object> extra = item("1", "phong-qlkh", List.of(), due, null, null);
    extra.put("weight", 2);
    assertThat(api.post("giamdoc", "/api/inbox/" + task + "/direction",
        direction(due, List.of(extra))).status()).as("a field items do not have").isEqualTo(400);
    Map<String, Object> infoOnly = direction(due, List.of(item("1", "phong-qlkh", List.of(), due,
        null, null)));
    infoOnly.put("infoOnly", true);
    assertThat(api.post("giamdoc", "/api/inbox/" + task + "/direction", infoOnly).status())
        .isEqualTo(400);
    assertThat(api.post("cv.qlkh", "/api/inbox/" + task + "/direction",
        direction(due, List.of(item("1", "phong-qlkh", List.of(), due, null, null)))).status())
        .as("not a director").isEqualTo(403);

    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee())
        .as("the direction is still open").isNull();
    assertThat(items(id).get("directionItems")).as("no item stored").isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(DirectionItemReportProcess.KEY)
        .variableValueEquals("documentId", id).count()).as("no report started").isZero();
  }

  @Test
  void aDocumentOfManyLongItemsIsRegisteredAndItsProposalFitsTheForm() {
    Map<String, Object> body = document(number());
    List<Map<String, Object>> many = new ArrayList<>();
    for (int i = 1; i <= DocumentItems.MAX_ITEMS; i++) {
      many.add(numberedItem(String.valueOf(i), ("Nhiệm vụ " + i + ": triển khai, theo dõi, đôn"
          + " đốc và định kỳ báo cáo kết quả thực hiện. ").repeat(6),
          List.of("Phòng Quản lý khoa học", "Phòng Kế hoạch – Tài chính")));
    }
    body.put("items", many);
    JsonNode doc = register(body);

    String proposal = (String) runtimeService.getVariable(doc.get("processInstanceId").asText(),
        IncomingDirectiveProcess.Vars.PROPOSED_ITEMS.name());
    assertThat(proposal.length()).as("what the form's field and the engine's column hold")
        .isLessThanOrEqualTo(DirectionItemRules.MAX_LENGTH);
    List<String> itemLines = proposal.lines().filter(l -> !l.startsWith("#")).toList();
    assertThat(itemLines).as("every item proposed, none cut").hasSize(DocumentItems.MAX_ITEMS)
        .allMatch(l -> l.matches("\\d+ \\| phong-qlkh \\| phong-khtc \\|  \\|  \\|  \\|"));
    assertThat(proposal.lines().filter(l -> l.startsWith("# ")))
        .as("the texts shortened alike to 40 characters; the last ones left out")
        .hasSizeBetween(40, 49).allMatch(l -> l.endsWith("…"))
        .startsWith("# 1- Nhiệm vụ 1: triển khai, theo dõi, đôn đ…");
  }

  @Test
  void itemsMakeTheAssignmentsAndTheDocumentIsFiledAtTheLastQuarterlyReport() {
    JsonNode doc = register(documentWithItems(number()));
    long id = doc.get("id").asLong();
    String pi = doc.get("processInstanceId").asText();
    LocalDate common = calendar.addWorkingDays(today(), 10);
    LocalDate item1 = calendar.addWorkingDays(today(), 8);
    LocalDate item7 = calendar.addWorkingDays(today(), 4);
    LocalDate until = today().plusYears(1);
    Response given = api.post("giamdoc", "/api/inbox/" + directionTask(pi) + "/direction",
        direction(common, List.of(
            item("1", "phong-qlkh", List.of("van-phong"), item1, null, null),
            item("7", "phong-qlkh", List.of("phong-khtc"), item7, "P3M", until))));
    assertThat(given.status()).as("%s", given.text()).isEqualTo(204);

    // the union of the items' units; each unit's deadline is its earliest item's
    JsonNode details = api.get("giamdoc", "/api/incoming-documents/" + id).body();
    Map<String, String> dueByUnit = new LinkedHashMap<>();
    details.get("assignments").forEach(a -> dueByUnit.put(a.get("unit").asText() + ":"
        + a.get("role").asText(), Instant.parse(a.get("dueDate").asText()).toString()));
    assertThat(dueByUnit).containsOnly(
        Map.entry("phong-qlkh:LEAD", calendar.officeEnd(item7).toString()),
        Map.entry("van-phong:COORDINATING", calendar.officeEnd(item1).toString()),
        Map.entry("phong-khtc:COORDINATING", calendar.officeEnd(item7).toString()));
    Task vanPhong = unitTask(pi, "van-phong");
    assertThat((String) taskService.getVariableLocal(vanPhong.getId(), "documentView"))
        .as("the unit's task shows its items")
        .contains("Các mục giao cho Văn phòng Sở", "Mục 1 (phối hợp")
        .doesNotContain("Mục 7 (");
    JsonNode directionItems = items(id).get("directionItems");
    assertThat(directionItems).hasSize(2);
    assertThat(directionItems.get(1).get("text").asText())
        .as("the text taken from the document's item 7").startsWith("Chủ trì, phối hợp");
    assertThat(directionItems.get(1).get("reportCount").asInt()).isEqualTo(4);
    assertThat(directionItems.get(1).get("status").asText()).isEqualTo("IN_PROGRESS");

    for (String unit : List.of("phong-qlkh", "van-phong", "phong-khtc")) {
      Task t = unitTask(pi, unit);
      taskService.claim(t.getId(), member(unit));
      taskService.complete(t.getId(), Variables.createVariables().putValue("result", "Xong."));
    }
    Task consolidate = taskService.createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey(IncomingDirectiveProcess.Tasks.CONSOLIDATE_REPORT).singleResult();
    taskService.claim(consolidate.getId(), "cv.qlkh");
    taskService.complete(consolidate.getId(), Variables.createVariables()
        .putValue("report", "Tổng hợp."));
    String approval = taskService.createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey(IncomingDirectiveProcess.Tasks.APPROVE_RESULT).singleResult().getId();
    assertThat(api.post("giamdoc", "/api/inbox/" + approval + "/approval",
        Map.of("approved", true)).status()).isEqualTo(204);

    JsonNode following = api.get("giamdoc", "/api/incoming-documents/" + id).body();
    assertThat(following.get("status").asText()).isEqualTo("FOLLOWING_REPORTS");
    assertThat(following.get("statusLabel").asText()).isEqualTo("Đang theo dõi báo cáo định kỳ");
    JsonNode states = items(id).get("directionItems");
    assertThat(states.get(0).get("status").asText()).isEqualTo("DONE");
    assertThat(states.get(1).get("statusLabel").asText())
        .isEqualTo("Đang theo dõi báo cáo định kỳ (0/4)");

    // the tracking register lists the items under the document's rows
    String range = "?from=" + today() + "&to=" + today();
    java.net.http.HttpResponse<byte[]> tracking = api.download("giamdoc",
        "/api/incoming-documents/tracking.pdf" + range);
    assertThat(tracking.statusCode()).isEqualTo(200);
    assertThat(PdfText.of(tracking.body()).compact()).contains(
        compact("Mục 1 – chủ trì: Phòng Quản lý khoa học; hạn "
            + DocumentFormats.date(item1) + "; Đã xong"),
        compact("Mục 7 – chủ trì: Phòng Quản lý khoa học; hạn "
            + DocumentFormats.date(item7) + "; Đang theo dõi báo cáo định kỳ (0/4)"));

    ProcessInstance reports = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(DirectionItemReportProcess.KEY).variableValueEquals("documentId", id)
        .singleResult();
    List<String> names = new ArrayList<>();
    String longReport = "Đã triển khai các nội dung của mục trong kỳ báo cáo. ".repeat(160)
        .substring(0, 7995) + " Hết.";
    for (int period = 1; period <= 4; period++) {
      Job timer = managementService.createJobQuery().processInstanceId(reports.getId()).timers()
          .singleResult();
      assertThat(timer.getDuedate().toInstant()).isBefore(calendar.officeEnd(until));
      managementService.executeJob(timer.getId());
      Task report = taskService.createTaskQuery().processInstanceId(reports.getId())
          .singleResult();
      names.add(report.getName());
      assertThat(report.getDueDate().toInstant()).isBeforeOrEqualTo(calendar.officeEnd(
          DirectionItemRules.reportDueDay(until, calendar)));
      if (period == 1) {
        Response claimed = api.post("cv.khtc", "/engine-rest/task/" + report.getId() + "/claim",
            Map.of("userId", "cv.khtc"));
        assertThat(claimed.status()).as("the item's lead unit only").isNotEqualTo(204);
      }
      assertThat(api.post("cv.qlkh", "/engine-rest/task/" + report.getId() + "/claim",
          Map.of("userId", "cv.qlkh")).status()).isEqualTo(204);
      // the second as long as its form allows (ADR 0044), its trail entry longer still
      String text = period == 2 ? longReport : "Kết quả kỳ " + period;
      Response done = api.post("cv.qlkh", "/engine-rest/task/" + report.getId() + "/complete",
          variables("itemReport", "String", text));
      assertThat(done.status()).as("%s", done.text()).isEqualTo(204);
      if (period < 4) {
        assertThat(api.get("giamdoc", "/api/incoming-documents/" + id).body().get("status")
            .asText()).isEqualTo("FOLLOWING_REPORTS");
      }
    }
    assertThat(names).containsExactly("Báo cáo định kỳ mục 7 – kỳ 1/4",
        "Báo cáo định kỳ mục 7 – kỳ 2/4", "Báo cáo định kỳ mục 7 – kỳ 3/4",
        "Báo cáo định kỳ mục 7 – kỳ 4/4");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(reports.getId())
        .count()).as("no report after the last period").isZero();
    JsonNode filed = api.get("giamdoc", "/api/incoming-documents/" + id).body();
    assertThat(filed.get("status").asText()).isEqualTo("ARCHIVED");
    assertThat(filed.get("trail").toString()).contains("ITEM_REPORT", "FOLLOWING_REPORTS");
    assertThat(filed.get("trail").findValuesAsText("comment"))
        .anyMatch(comment -> comment.endsWith(":\n" + longReport));
    assertThat(items(id).get("directionItems").get(1).get("status").asText()).isEqualTo("DONE");
  }

  @Test
  void aDirectionWithoutItemsWorksAsBefore() {
    JsonNode doc = register(documentWithItems(number()));
    String pi = doc.get("processInstanceId").asText();
    Map<String, Object> body = direction(calendar.addWorkingDays(today(), 10), null);
    body.remove("items");
    assertThat(api.post("giamdoc", "/api/inbox/" + directionTask(pi) + "/direction", body)
        .status()).isEqualTo(204);
    assertThat(unitTask(pi, "phong-qlkh")).isNotNull();
    assertThat(items(doc.get("id").asLong()).get("directionItems")).isEmpty();
  }

  private static String compact(String text) {
    return text.replaceAll("\\s+", "");
  }

  Task unitTask(String pi, String unit) {
    return taskService.createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey(IncomingDirectiveProcess.Tasks.HANDLE_ASSIGNMENT)
        .taskCandidateGroup(unit).singleResult();
  }

  static String member(String unit) {
    return Map.of("phong-qlkh", "cv.qlkh", "phong-khtc", "cv.khtc", "van-phong", "cv.vp")
        .get(unit);
  }
}
