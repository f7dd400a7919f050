package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess.Tasks;

/**
 * The processing slip's part 2 on the document page: the head of Phòng QLKH (tp.qlkh) posts the
 * small form {@code POST /documents/{id}/assignments/{unit}/handler} from his signed-in session;
 * an officer of the unit, another unit's head, a bad or late date, the wrong stage, a post without
 * the CSRF token and a visitor not signed in are refused, and nothing is stored.
 */
class HandlerPageFormTest extends UnitHandlerSupport {

  /** The form as the signed-in user's browser posts it, with the page's CSRF token. */
  HttpResponse<String> post(PageSession session, Doc doc, String handler, String due) {
    String token = PageSession.csrf(session.get("/documents/" + doc.id()).body());
    return session.post(doc.form(), Map.of("handler", handler, "dueDate", due,
        "note", "Dự thảo văn bản trả lời", "_csrf", token));
  }

  PageSession as(String user) {
    return PageSession.login(rest.getRootUri(), user);
  }

  @Test
  void theHeadNamesTheHandlerFromTheDocumentPage() {
    Doc doc = directed();
    PageSession head = as("tp.qlkh");
    HttpResponse<String> named = post(head, doc, "cv.qlkh", internalDue().toString());

    assertThat(named.statusCode()).as(named.body()).isEqualTo(302);
    assertThat(named.headers().firstValue("Location").orElse(""))
        .endsWith("/documents/" + doc.id() + "#assignments");
    Task propose = taskService.createTaskQuery().processInstanceId(doc.pi())
        .taskDefinitionKey(Tasks.PROPOSE_RESULT).singleResult();
    assertThat(propose.getAssignee()).isEqualTo("cv.qlkh");
    assertThat(propose.getDueDate().toInstant()).isEqualTo(calendar.officeEnd(internalDue()));
    assertThat(jdbc.queryForObject("select handler_note from document_assignment where"
        + " document_id = ? and unit_id = 'phong-qlkh'", String.class, doc.id()))
        .isEqualTo("Dự thảo văn bản trả lời");
    assertThat(head.get("/documents/" + doc.id()).body())
        .contains("Phòng Quản lý khoa học: đã giao Lê Văn Hùng xử lý.");
  }

  @Test
  void neitherAnOfficerNorAnotherUnitsHeadNamesTheHandler() {
    Doc doc = directed();
    String before = state(doc);
    for (String user : List.of("cv.qlkh", "tp.khtc")) {
      HttpResponse<String> refused = post(as(user), doc, "cv.qlkh", internalDue().toString());
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(refused.body()).contains("Chỉ trưởng hoặc phó Phòng Quản lý khoa học");
      assertThat(state(doc)).as("nothing stored after %s", user).isEqualTo(before);
    }
  }

  @Test
  void aBadOrLateDateIsShownOnThePageNamingTheField() {
    Doc doc = directed();
    String before = state(doc);
    PageSession head = as("tp.qlkh");

    HttpResponse<String> bad = post(head, doc, "cv.qlkh", "2026-13-45");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("Hạn xử lý: ngày không hợp lệ (2026-13-45)",
        "Phân công xử lý – Phòng Quản lý khoa học");
    HttpResponse<String> late = post(head, doc, "cv.qlkh", unitDue().plusDays(1).toString());
    assertThat(late.statusCode()).isEqualTo(400);
    assertThat(late.body()).contains("Hạn xử lý: hạn xử lý "
        + DocumentFormats.date(unitDue().plusDays(1)) + " sau hạn của đơn vị");
    HttpResponse<String> stranger = post(head, doc, "cv.khtc", internalDue().toString());
    assertThat(stranger.statusCode()).isEqualTo(400);
    assertThat(stranger.body()).contains("Người xử lý: &#39;cv.khtc&#39; không phải là cán bộ");
    assertThat(state(doc)).isEqualTo(before);
  }

  @Test
  void theWrongStageIsAConflict() {
    Doc doc = directed();
    PageSession head = as("tp.qlkh");
    assertThat(post(head, doc, "cv.qlkh", internalDue().toString()).statusCode()).isEqualTo(302);
    Task propose = taskService.createTaskQuery().processInstanceId(doc.pi())
        .taskDefinitionKey(Tasks.PROPOSE_RESULT).singleResult();
    taskService.complete(propose.getId(), Variables.createVariables()
        .putValue("result", "Đã dự thảo công văn trả lời."));
    String before = state(doc);

    HttpResponse<String> late = post(head, doc, "tp.qlkh", internalDue().toString());
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("đang chờ lãnh đạo Phòng Quản lý khoa học duyệt");
    assertThat(state(doc)).isEqualTo(before);
  }

  @Test
  void aPostWithoutTheCsrfTokenOrSignInIsRefused() {
    Doc doc = directed();
    String before = state(doc);
    Map<String, String> form = Map.of("handler", "cv.qlkh", "dueDate", internalDue().toString());

    HttpResponse<String> forged = as("tp.qlkh").post(doc.form(), form);
    assertThat(forged.statusCode()).as("no CSRF token").isEqualTo(403);

    PageSession visitor = PageSession.anonymous(rest.getRootUri());
    Map<String, String> withToken = new LinkedHashMap<>(form);
    withToken.put("_csrf", PageSession.csrf(visitor.get("/login").body()));
    HttpResponse<String> anonymous = visitor.post(doc.form(), withToken);
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");
    assertThat(state(doc)).isEqualTo(before);
  }
}
