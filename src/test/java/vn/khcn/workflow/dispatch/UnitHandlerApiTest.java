package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.dispatch.DispatchFixtures.document;
import static vn.khcn.workflow.support.TestHttp.variables;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.calendar.WorkingCalendar;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Tasks;
import vn.khcn.workflow.identity.UnitLeaders;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Response;
import vn.khcn.workflow.support.UnitLeadersFixture;

/**
 * The processing slip's second and third parts over real HTTP as the demo users: the head of
 * Phòng QLKH (tp.qlkh) names a handler with an internal deadline, re-assigns, the handler
 * proposes, the deputy (pp.qlkh) approves or returns; every refusal changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UnitHandlerApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired WorkingCalendar calendar;
  @Autowired UnitLeaders leaders;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired org.camunda.bpm.engine.FilterService filterService;

  TestHttp api;

  @BeforeEach
  void setUp() {
    api = TestHttp.of(rest);
    UnitLeadersFixture.demoLeaders(leaders);
  }

  @AfterEach
  void restore() {
    UnitLeadersFixture.demoLeaders(leaders);
  }

  /** A directed document: Phòng QLKH leads, Phòng KHTC co-ordinates; its id and instance. */
  record Doc(long id, String pi) {
    String handlerPath(String unit) {
      return "/api/incoming-documents/" + id + "/assignments/" + unit + "/handler";
    }
  }

  Doc directed() {
    Response created = api.post("vanthu", "/api/incoming-documents",
        document(UUID.randomUUID().toString().substring(0, 8) + "/KH-UBND"));
    assertThat(created.status()).isEqualTo(201);
    Doc doc = new Doc(created.body().get("id").asLong(),
        created.body().get("processInstanceId").asText());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("direction", "Phòng QLKH chủ trì, Phòng KH-TC phối hợp.");
    body.put("leadUnit", "phong-qlkh");
    body.put("coordinatingUnits", List.of("phong-khtc"));
    body.put("dueDate", unitDue().toString());
    String direction = taskService.createTaskQuery().processInstanceId(doc.pi())
        .taskDefinitionKey(Tasks.GIVE_DIRECTION).singleResult().getId();
    Response done = api.post("giamdoc", "/api/inbox/" + direction + "/direction", body);
    assertThat(done.status()).as(done.text()).isEqualTo(204);
    return doc;
  }

  LocalDate unitDue() {
    return calendar.addWorkingDays(LocalDate.now(clock), 10);
  }

  LocalDate internalDue() {
    return calendar.addWorkingDays(LocalDate.now(clock), 3);
  }

  static Map<String, Object> choice(String handler, LocalDate due, String note) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("handler", handler);
    body.put("dueDate", due == null ? null : due.toString());
    body.put("note", note);
    return body;
  }

  List<Task> open(Doc doc, String key) {
    return taskService.createTaskQuery().processInstanceId(doc.pi()).taskDefinitionKey(key).list();
  }

  /** Phòng QLKH's "Phân công xử lý" (Phòng KHTC has one too; the engine lists them in any order). */
  Task qlkhAssign(Doc doc) {
    return open(doc, Tasks.ASSIGN_HANDLER).stream()
        .filter(t -> "phong-qlkh".equals(taskService.getVariable(t.getId(),
            IncomingDirectiveProcess.Vars.UNIT.name())))
        .findFirst().orElseThrow();
  }

  /** What a refusal must leave as it was: trail, the assignment's slip columns, open tasks. */
  String state(Doc doc) {
    StringBuilder state = new StringBuilder();
    state.append(jdbc.queryForObject("select count(*) from document_trail where document_id = ?",
        Long.class, doc.id()));
    jdbc.queryForList("select unit_id, handler, handler_due_at, handler_note, proposal,"
        + " proposal_approved, completed_at from document_assignment where document_id = ?"
        + " order by id", doc.id()).forEach(row -> state.append(' ').append(row));
    taskService.createTaskQuery().processInstanceId(doc.pi()).orderByTaskId().asc().list()
        .forEach(t -> state.append(' ').append(t.getTaskDefinitionKey()).append('/')
            .append(t.getAssignee()));
    return state.toString();
  }

  /** Our page as the user sees it after signing in. */
  String page(String user, String path) {
    return PageSession.login(rest.getRootUri(), user).get(path).body();
  }

  String trail(Doc doc) {
    return api.get("giamdoc", "/api/incoming-documents/" + doc.id()).body().get("trail")
        .toString();
  }

  @Test
  void theHeadFindsPhanCongXuLyInTasklistsFilterOfTasksNamedForHim() {
    Doc doc = directed();
    String assign = open(doc, Tasks.ASSIGN_HANDLER).stream()
        .filter(t -> taskService.getIdentityLinksForTask(t.getId()).stream()
            .anyMatch(l -> "tp.qlkh".equals(l.getUserId())))
        .findFirst().orElseThrow().getId();
    String filterId = filterService.createFilterQuery()
        .filterName(vn.khcn.workflow.identity.TasklistFilters.NAMED_FOR_ME).singleResult().getId();
    String list = "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=500";
    Response head = api.post("tp.qlkh", list, Map.of());
    assertThat(head.status()).as(head.text()).isEqualTo(200);
    assertThat(head.text()).contains(assign);
    assertThat(api.post("cv.qlkh", list, Map.of()).text())
        .as("an officer of the unit is not named").doesNotContain(assign);
    assertThat(api.post("tp.khtc", list, Map.of()).text())
        .as("another unit's head").doesNotContain(assign);
  }

  @Test
  void theHeadNamesAHandlerWhoProposesAndTheDeputyApprovesAsTheUnitsResult() {
    Doc doc = directed();
    Task assign = qlkhAssign(doc);
    assertThat(taskService.getIdentityLinksForTask(assign.getId())).extracting(IdentityLink::getUserId)
        .as("the head and the deputy, from UnitLeaders").contains("tp.qlkh", "pp.qlkh");
    assertThat(open(doc, Tasks.HANDLE_ASSIGNMENT)).as("Phòng KHTC has a head too").isEmpty();

    assertThat(page("tp.qlkh", "/documents/" + doc.id()))
        .as("the head's small form on the document page")
        .contains("Phân công xử lý – Phòng Quản lý khoa học", "Lê Văn Hùng (cv.qlkh)");
    assertThat(page("cv.qlkh", "/documents/" + doc.id()))
        .doesNotContain("Phân công xử lý – Phòng Quản lý khoa học");
    Response named = api.post("tp.qlkh", doc.handlerPath("phong-qlkh"),
        choice("cv.qlkh", internalDue(), "Dự thảo văn bản trả lời"));
    assertThat(named.status()).as(named.text()).isEqualTo(200);
    assertThat(named.body().get("handlerName").asText()).isEqualTo("Lê Văn Hùng");
    Task propose = open(doc, Tasks.PROPOSE_RESULT).get(0);
    assertThat(propose.getAssignee()).isEqualTo("cv.qlkh");
    assertThat(propose.getDueDate().toInstant()).isEqualTo(calendar.officeEnd(internalDue()));
    assertThat(trail(doc)).contains("Trưởng phòng Nguyễn Văn Thắng giao Lê Văn Hùng xử lý, hạn "
        + DocumentFormats.date(internalDue()));
    assertThat(page("tp.qlkh", "/documents/" + doc.id()))
        .contains("Giao lại người xử lý – Phòng Quản lý khoa học", "Ghi chú: Dự thảo văn bản trả lời");

    Response proposed = api.post("cv.qlkh", "/engine-rest/task/" + propose.getId() + "/complete",
        variables("result", "String", "Đã dự thảo công văn trả lời."));
    assertThat(proposed.status()).as(proposed.text()).isEqualTo(204);
    Task review = open(doc, Tasks.REVIEW_PROPOSAL).get(0);
    Response approved = api.post("pp.qlkh", "/engine-rest/task/" + review.getId() + "/complete",
        variables("proposalApproved", "Boolean", true));
    assertThat(approved.status()).as(approved.text()).isEqualTo(204);

    Map<String, Object> row = jdbc.queryForMap("select result, completed_by, proposal_approved,"
        + " proposal_reviewed_by from document_assignment where document_id = ? and unit_id = ?",
        doc.id(), "phong-qlkh");
    assertThat(row).containsEntry("RESULT", "Đã dự thảo công văn trả lời.")
        .containsEntry("COMPLETED_BY", "pp.qlkh").containsEntry("PROPOSAL_APPROVED", true)
        .containsEntry("PROPOSAL_REVIEWED_BY", "pp.qlkh");
    assertThat(trail(doc)).contains("Người xử lý đề xuất", "Lãnh đạo đơn vị duyệt đề xuất");

    java.net.http.HttpResponse<byte[]> pdf = api.download("tp.qlkh",
        "/api/incoming-documents/" + doc.id() + "/slip.pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(PdfText.of(pdf.body()).text()).as("the slip's parts 2 and 3").contains(
        "Giao cho: Lê Văn Hùng", "Thời hạn giải quyết: "
            + DocumentFormats.date(internalDue()) + " 17:00",
        "Ghi chú: Dự thảo văn bản trả lời", "Nguyễn Văn Thắng, ",
        "Đã dự thảo công văn trả lời.",
        "Ý kiến phê duyệt của lãnh đạo đơn vị: Duyệt", "Trần Thị Ngọc Bích, ");
  }

  @Test
  void theDeputyReassignsWhileTheHandlerWorksAndAReturnedProposalGoesBack() {
    Doc doc = directed();
    assertThat(api.post("tp.qlkh", doc.handlerPath("phong-qlkh"),
        choice("cv.qlkh", internalDue(), null)).status()).isEqualTo(200);
    String first = open(doc, Tasks.PROPOSE_RESULT).get(0).getId();
    LocalDate later = calendar.addWorkingDays(LocalDate.now(clock), 5);

    Response again = api.put("pp.qlkh", doc.handlerPath("phong-qlkh"),
        choice("pp.qlkh", later, "Chị Bích làm thay"));
    assertThat(again.status()).as(again.text()).isEqualTo(200);
    Task propose = open(doc, Tasks.PROPOSE_RESULT).get(0);
    assertThat(propose.getId()).isNotEqualTo(first);
    assertThat(propose.getAssignee()).isEqualTo("pp.qlkh");
    assertThat(propose.getDueDate().toInstant()).isEqualTo(calendar.officeEnd(later));
    assertThat(trail(doc)).contains("giao lại Trần Thị Ngọc Bích (thay Lê Văn Hùng) xử lý");

    assertThat(api.post("pp.qlkh", "/engine-rest/task/" + propose.getId() + "/complete",
        variables("result", "String", "Lần 1")).status()).isEqualTo(204);
    Task review = open(doc, Tasks.REVIEW_PROPOSAL).get(0);
    assertThat(api.post("tp.qlkh", "/engine-rest/task/" + review.getId() + "/complete",
        variables("proposalApproved", "Boolean", false, "proposalComment", "String",
            "Bổ sung số liệu")).status()).isEqualTo(204);
    assertThat(open(doc, Tasks.PROPOSE_RESULT)).extracting(Task::getAssignee)
        .containsExactly("pp.qlkh");
    assertThat(jdbc.queryForObject("select completed_at from document_assignment where"
        + " document_id = ? and unit_id = 'phong-qlkh'", Object.class, doc.id())).isNull();
  }

  @Test
  void everyRefusalNamesItsReasonAndStoresNothing() {
    Doc doc = directed();
    String before = state(doc);
    LocalDate saturday = internalDue();
    while (saturday.getDayOfWeek() != DayOfWeek.SATURDAY || calendar.isWorkingDay(saturday)) {
      saturday = saturday.plusDays(1);
    }
    Map<String, Object> extra = choice("cv.qlkh", internalDue(), null);
    extra.put("unit", "phong-qlcn");
    record Case(String user, Map<String, Object> body, int status, String says) {}
    List<Case> cases = List.of(
        new Case("cv.qlkh", choice("cv.qlkh", internalDue(), null), 403, ""),
        new Case("tp.khtc", choice("cv.qlkh", internalDue(), null), 403, ""),
        new Case("giamdoc", choice("cv.qlkh", internalDue(), null), 403, ""),
        new Case("tp.qlkh", choice("cv.khtc", internalDue(), null), 400, "handler"),
        new Case("tp.qlkh", choice("cv.qlkh", unitDue().plusDays(1), null), 400, "sau hạn của đơn vị"),
        new Case("tp.qlkh", choice("cv.qlkh", saturday, null), 400, "không phải là ngày làm việc"),
        new Case("tp.qlkh", choice("cv.qlkh", null, null), 400, "dueDate"),
        new Case("tp.qlkh", extra, 400, "unit"));
    for (Case c : cases) {
      Response refused = api.post(c.user(), doc.handlerPath("phong-qlkh"), c.body());
      assertThat(refused.status()).as("%s %s: %s", c.user(), c.body(), refused.text())
          .isEqualTo(c.status());
      assertThat(refused.text()).contains(c.says());
      assertThat(state(doc)).as("nothing stored after %s %s", c.user(), c.body()).isEqualTo(before);
    }
    // Tasklist's completion of the head's task is held to the same rules
    Task assign = qlkhAssign(doc);
    Response tasklist = api.post("tp.qlkh", "/engine-rest/task/" + assign.getId() + "/complete",
        variables("handler", "String", "cv.khtc", "handlerDueDate", "String",
            internalDue().toString()));
    assertThat(tasklist.status()).as(tasklist.text()).isEqualTo(400);
    assertThat(tasklist.text()).contains("handler");
    assertThat(state(doc)).isEqualTo(before);
  }

  @Test
  void theWrongStageIsAConflict() {
    Doc doc = directed();
    assertThat(api.post("tp.qlkh", doc.handlerPath("phong-qlkh"),
        choice("cv.qlkh", internalDue(), null)).status()).isEqualTo(200);
    Task propose = open(doc, Tasks.PROPOSE_RESULT).get(0);
    assertThat(api.post("cv.qlkh", "/engine-rest/task/" + propose.getId() + "/complete",
        variables("result", "String", "Xong")).status()).isEqualTo(204);
    String before = state(doc);

    Response late = api.post("tp.qlkh", doc.handlerPath("phong-qlkh"),
        choice("tp.qlkh", internalDue(), null));
    assertThat(late.status()).as(late.text()).isEqualTo(409);
    assertThat(late.text()).contains("chờ lãnh đạo");
    assertThat(state(doc)).isEqualTo(before);
  }

  @Test
  void aUnitWithoutAHeadKeepsTheGroupTaskAndHasNobodyToNameAHandler() {
    leaders.replace("phong-khtc", null, List.of(), "test");
    Doc doc = directed();
    assertThat(open(doc, Tasks.HANDLE_ASSIGNMENT)).hasSize(1);
    assertThat(taskService.getIdentityLinksForTask(open(doc, Tasks.HANDLE_ASSIGNMENT).get(0)
        .getId())).extracting(IdentityLink::getGroupId).containsExactly("phong-khtc");
    assertThat(open(doc, Tasks.ASSIGN_HANDLER)).hasSize(1); // Phòng QLKH still has its head
    String before = state(doc);
    Response refused = api.post("tp.khtc", doc.handlerPath("phong-khtc"),
        choice("cv.khtc", internalDue(), null));
    assertThat(refused.status()).as(refused.text()).isEqualTo(403);
    assertThat(state(doc)).isEqualTo(before);
    JsonNode unknown = api.post("tp.qlkh", doc.handlerPath("phong-qlcn"),
        choice("cv.qlcn", internalDue(), null)).body();
    assertThat(unknown.get("status").asInt()).as("a unit not on the document").isEqualTo(404);
  }
}
