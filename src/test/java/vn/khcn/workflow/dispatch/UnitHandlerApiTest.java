package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.dispatch.DispatchFixtures.document;
import static vn.khcn.workflow.support.TestHttp.variables;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Tasks;
import vn.khcn.workflow.identity.UnitLeaders;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * The processing slip's second and third parts over real HTTP as the demo users: the head of
 * Phòng QLKH (tp.qlkh) names a handler with an internal deadline, re-assigns, the handler
 * proposes, the deputy (pp.qlkh) approves or returns; every refusal changes nothing.
 */
class UnitHandlerApiTest extends UnitHandlerSupport {

  @Autowired org.camunda.bpm.engine.FilterService filterService;

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
