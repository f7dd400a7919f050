package vn.khcn.workflow.integrity;

import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.support.TestHttp.variables;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import vn.khcn.workflow.research.ResearchTaskProcess;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * The abuses seen on main, replayed over real HTTP ({@link TestHttp}) as the demo users: each is
 * refused with the right status and changes nothing (variables, trail, task and its assignee,
 * process instances); anyone but an administrator terminating a research task is refused too.
 * Legitimate completions (Tasklist's submit-form echoing the read-only view, the directors'
 * inbox) still work. Research councils: {@link CouncilIntegrityTest}; every contract:
 * {@link ContractIntegrityTest}.
 */
class WorkflowIntegrityTest extends IntegrityTestSupport {

  // ---------------------------------------------------------------- the abuses seen on main

  /** One abuse: who, what, where, and the status it must be refused with. */
  record Abuse(String name, String user, String method, Function<Document, String> path,
      Function<Document, Object> body, int status, String says) {
    Abuse(String name, String user, String method, Function<Document, String> path,
        Function<Document, Object> body, int status) {
      this(name, user, method, path, body, status, "");
    }
  }

  String unitTaskId(Document d) {
    return unitTask(d, "phong-qlkh").getId();
  }

  List<Abuse> abuses() {
    return List.of(
        new Abuse("extra variables of another document on a unit's completion", "cv.qlkh", "POST",
            d -> "/engine-rest/task/" + unitTaskId(d) + "/complete",
            d -> variables("result", "String", "Xong.", "documentId", "Long", 1,
                "unit", "String", "phong-qlcn", "leadUnit", "String", "phong-qlcn"), 400,
            "documentId"),
        new Abuse("BPMN error thrown by a unit member", "cv.qlkh", "POST",
            d -> "/engine-rest/task/" + unitTaskId(d) + "/bpmnError",
            d -> Map.of("errorCode", "RESEARCH_TERMINATED"), 403),
        new Abuse("BPMN escalation thrown by a unit member", "cv.qlkh", "POST",
            d -> "/engine-rest/task/" + unitTaskId(d) + "/bpmnEscalation",
            d -> Map.of("escalationCode", "X"), 403),
        new Abuse("claim handed to an outsider", "cv.qlkh", "POST",
            d -> "/engine-rest/task/" + unitTaskId(d) + "/claim",
            d -> Map.of("userId", "chunhiem"), 403, "cho chính mình"),
        new Abuse("reassignment by a unit member", "cv.qlkh", "POST",
            d -> "/engine-rest/task/" + unitTaskId(d) + "/assignee",
            d -> Map.of("userId", "chunhiem"), 403),
        new Abuse("delegation by a unit member", "cv.qlkh", "POST",
            d -> "/engine-rest/task/" + unitTaskId(d) + "/delegate",
            d -> Map.of("userId", "chunhiem"), 403),
        new Abuse("candidate added by a unit member", "cv.qlkh", "POST",
            d -> "/engine-rest/task/" + unitTaskId(d) + "/identity-links",
            d -> Map.of("userId", "chunhiem", "type", "candidate"), 403),
        new Abuse("task variable written by a unit member", "cv.qlkh", "PUT",
            d -> "/engine-rest/task/" + unitTaskId(d) + "/variables/leadUnit",
            d -> Map.of("value", "phong-qlcn", "type", "String"), 403),
        new Abuse("process variable written by a unit member", "cv.qlkh", "PUT",
            d -> "/engine-rest/process-instance/" + d.processInstanceId() + "/variables/leadUnit",
            d -> Map.of("value", "phong-qlcn", "type", "String"), 403),
        new Abuse("process variables modified by a unit member", "cv.qlkh", "POST",
            d -> "/engine-rest/process-instance/" + d.processInstanceId() + "/variables",
            d -> Map.of("modifications", Map.of("unit",
                Map.of("value", "phong-qlcn", "type", "String"))), 403),
        new Abuse("execution variable written by a unit member", "cv.qlkh", "PUT",
            d -> "/engine-rest/execution/" + unitTask(d, "phong-qlkh").getExecutionId()
                + "/localVariables/unit", d -> Map.of("value", "phong-qlcn", "type", "String"),
            403),
        new Abuse("message correlated by a unit member", "cv.qlkh", "POST",
            d -> "/engine-rest/message", d -> Map.of("messageName", "research-midterm-requested",
                "processInstanceId", d.processInstanceId()), 403),
        new Abuse("signal sent by a unit member", "cv.qlkh", "POST",
            d -> "/engine-rest/signal", d -> Map.of("name", "anything"), 403),
        new Abuse("own profile renamed", "cv.qlkh", "PUT",
            d -> "/engine-rest/user/cv.qlkh/profile",
            d -> Map.of("id", "cv.qlkh", "firstName", "Giám đốc", "lastName", "Sở",
                "email", "cv.qlkh@sokhcn.example.vn"), 403, "camunda-admin"),
        new Abuse("incoming-directive started with forged variables by the clerk", "vanthu",
            "POST", d -> "/engine-rest/process-definition/key/incoming-directive/start",
            d -> variables("documentId", "Long", d.id(), "leadUnit", "String", "phong-qlcn"),
            403),
        new Abuse("incoming-directive started by an administrator", "admin",
            "POST", d -> "/engine-rest/process-definition/key/incoming-directive/start",
            d -> variables("documentId", "Long", d.id()), 403, "chỉ được bắt đầu qua nghiệp vụ"),
        new Abuse("called process started on its own by an administrator", "admin",
            "POST", d -> "/engine-rest/process-definition/key/assignment-council/start",
            d -> Map.of(), 403, "chỉ được bắt đầu từ quy trình gọi nó"));
  }

  @Test
  void everyAbuseIsRefusedAndChangesNothing() {
    Document document = directed();
    claim("cv.qlkh", unitTask(document, "phong-qlkh"));
    List<String> failures = new ArrayList<>();
    for (Abuse abuse : abuses()) {
      Snapshot before = snapshot(document.processInstanceId());
      Response response = api.call(abuse.user(), abuse.method(), abuse.path().apply(document),
          abuse.body().apply(document));
      Snapshot after = snapshot(document.processInstanceId());
      if (response.status() != abuse.status()) {
        failures.add(abuse.name() + ": " + response.status() + " " + response.text());
      } else if (!before.equals(after)) {
        failures.add(abuse.name() + ": changed " + before + " -> " + after);
      } else if (response.body().path("message").asText().isBlank()
          || !response.body().path("message").asText().contains(abuse.says())) {
        failures.add(abuse.name() + ": message " + response.text());
      }
    }
    assertThat(failures).isEmpty();
    assertThat(jdbc.queryForObject("select first_ from act_id_user where id_ = 'cv.qlkh'",
        String.class)).isEqualTo("Lê Văn");
  }

  @Test
  void extraVariablesAreRefusedNamingTheVariable() {
    Document document = directed();
    Task unit = unitTask(document, "phong-qlkh");
    claim("cv.qlkh", unit);
    Response refused = api.post("cv.qlkh", "/engine-rest/task/" + unit.getId() + "/complete",
        variables("result", "String", "Xong.", "leadUnit", "String", "phong-qlcn"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("message").asText())
        .contains("leadUnit", "không thuộc biểu mẫu").doesNotContain("result");
  }

  @Test
  void aColleagueCannotCompleteOrUnclaimATaskSomeoneClaimed() {
    Document document = register();
    Task direction = task(document, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    claim("giamdoc", direction);
    Snapshot before = snapshot(document.processInstanceId());

    Response complete = api.post("phogiamdoc", "/engine-rest/task/" + direction.getId()
        + "/complete", direction());
    Response unclaim = api.post("phogiamdoc", "/engine-rest/task/" + direction.getId()
        + "/unclaim", null);

    assertThat(complete.status()).as(complete.text()).isEqualTo(403);
    assertThat(complete.body().get("message").asText()).contains("giamdoc");
    assertThat(unclaim.status()).isEqualTo(403);
    assertThat(snapshot(document.processInstanceId())).isEqualTo(before);
    assertThat(taskService.createTaskQuery().taskId(direction.getId()).singleResult()
        .getAssignee()).isEqualTo("giamdoc");
  }

  @Test
  void aColleagueCannotCompleteAClaimedTaskFromTasklistEither() {
    Document document = register();
    Task direction = task(document, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    claim("giamdoc", direction);
    Snapshot before = snapshot(document.processInstanceId());

    Response complete = api.webapp("phogiamdoc", "tasklist").post("/task/" + direction.getId()
        + "/submit-form", direction());

    assertThat(complete.status()).as(complete.text()).isEqualTo(403);
    assertThat(complete.body().get("message").asText()).contains("giamdoc");
    assertThat(snapshot(document.processInstanceId())).isEqualTo(before);
  }

  @Test
  void anOutsiderCannotCompleteAnUnassignedTask() {
    Document document = register();
    Task direction = task(document, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    Snapshot before = snapshot(document.processInstanceId());
    Response complete = api.post("cv.qlkh", "/engine-rest/task/" + direction.getId()
        + "/complete", direction());
    assertThat(complete.status()).isIn(403, 404);
    assertThat(snapshot(document.processInstanceId())).isEqualTo(before);
  }

  @Test
  void aResearchTaskCannotBeTerminatedByANonAdministrator() {
    String code = submitDossier();
    Task check = taskService.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(ResearchTaskProcess.Tasks.CHECK_DOSSIER).singleResult();
    claim("cv.qlkh", check);
    ResearchState before = state(code, check);
    Response error = api.post("cv.qlkh", "/engine-rest/task/" + check.getId() + "/bpmnError",
        Map.of("errorCode", ResearchTaskProcess.TERMINATED_ERROR));
    assertThat(error.status()).as(error.text()).isEqualTo(403);
    assertThat(error.body().path("message").asText()).contains("camunda-admin");
    assertThat(state(code, check)).isEqualTo(before);
    assertThat(taskService.createTaskQuery().taskId(check.getId()).singleResult().getAssignee())
        .isEqualTo("cv.qlkh");
    Response start = api.post("chunhiem", "/engine-rest/process-definition/key/research-task/start",
        variables("taskCode", "String", code));
    assertThat(start.status()).isEqualTo(403);
    assertThat(state(code, check)).isEqualTo(before);
  }

  @Test
  void anAdministratorsInterventionIsWrittenToTheDocumentsTrail() {
    Document document = directed();
    Response written = api.call("admin", "PUT", "/engine-rest/process-instance/"
        + document.processInstanceId() + "/variables/adminNote",
        Map.of("value", "đã kiểm tra", "type", "String"));
    assertThat(written.status()).isEqualTo(204);
    List<Map<String, Object>> entries = jdbc.queryForList(
        "select actor, action, comment_text from document_trail where document_id = ?"
            + " and action = 'INTERVENED'", document.id());
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).get("ACTOR")).isEqualTo("admin");
    assertThat((String) entries.get(0).get("COMMENT_TEXT")).contains("adminNote");
  }

  @Test
  void tasklistCannotStartADomainProcessEvenForAnAdministrator() {
    long instances = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("incoming-directive").count();
    vn.khcn.workflow.support.CamundaWebapp tasklist = api.webapp("admin", "tasklist");
    Response start = tasklist.post("/process-definition/key/incoming-directive/submit-form",
        variables("summary", "String", "Văn bản giả"));
    assertThat(start.status()).as(start.text()).isEqualTo(403);
    assertThat(start.body().path("message").asText()).contains("chỉ được bắt đầu");
    assertThat(runtimeService.createProcessInstanceQuery()
        .processDefinitionKey("incoming-directive").count()).isEqualTo(instances);
  }

  // ---------------------------------------------------------------- legitimate paths

  @Test
  void tasklistSubmitFormEchoingTheViewCompletesWithoutStoringIt() {
    Document document = directed();
    Task unit = unitTask(document, "phong-qlkh");
    vn.khcn.workflow.support.CamundaWebapp tasklist = api.webapp("cv.qlkh", "tasklist");
    Response claim = tasklist.post("/task/" + unit.getId() + "/claim", Map.of("userId", "cv.qlkh"));
    assertThat(claim.status()).as(claim.text()).isEqualTo(204);
    Response outsider = tasklist.post("/task/" + unit.getId() + "/submit-form",
        variables("result", "String", "Xong.", "unit", "String", "phong-qlcn"));
    assertThat(outsider.status()).as(outsider.text()).isEqualTo(400);
    assertThat(outsider.body().get("message").asText()).contains("unit");
    // refused by the task's listener: Tasklist's API answers 400 as /engine-rest does, not 500
    Response halfReply = tasklist.post("/task/" + unit.getId() + "/submit-form",
        variables("result", "String", "Xong.", "replyNumber", "String", "15/SKHCN-QLKH"));
    assertThat(halfReply.status()).as(halfReply.text()).isEqualTo(400);
    assertThat(halfReply.body().get("message").asText())
        .contains("replyDate: chưa nhập ngày của văn bản trả lời");

    Response submitted = tasklist.post("/task/" + unit.getId() + "/submit-form",
        variables("result", "String", "Đã tham mưu dự thảo.",
            "documentView", "String", "văn bản đã sửa ở trình duyệt"));

    assertThat(submitted.status()).as(submitted.text()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(unit.getId()).count()).isZero();
    assertThat(runtimeService.getVariable(document.processInstanceId(), "documentView")).isNull();
    assertThat(jdbc.queryForObject("select count(*) from document_trail where document_id = ?"
        + " and action = 'UNIT_RESULT' and actor = 'cv.qlkh'", Long.class, document.id()))
        .isEqualTo(1);
  }

  @Test
  void aDelegatedTaskHandedBackCarriesNoMoreOfALongTextThanTheEngineKeeps() {
    Document document = directed();
    Task unit = unitTask(document, "phong-qlkh");
    assertThat(api.post("admin", "/engine-rest/task/" + unit.getId() + "/delegate",
        Map.of("userId", "cv.qlkh")).status()).isEqualTo(204);
    String full = "Đã dự thảo văn bản trả lời và lấy ý kiến các phòng. ".repeat(90);

    // not completed: the engine would keep the text until the owner completes (ADR 0044)
    Response tooLong = api.post("cv.qlkh", "/engine-rest/task/" + unit.getId() + "/resolve",
        variables("result", "String", full));
    assertThat(tooLong.status()).as(tooLong.text()).isEqualTo(400);
    assertThat(tooLong.body().get("message").asText())
        .contains("result: khi trả lại việc được ủy quyền chỉ gửi tối đa 4000 ký tự");
    assertThat(taskService.createTaskQuery().taskId(unit.getId()).singleResult().getAssignee())
        .as("still with the delegate").isEqualTo("cv.qlkh");

    Response handedBack = api.post("cv.qlkh", "/engine-rest/task/" + unit.getId() + "/resolve",
        variables("result", "String", "Đã dự thảo văn bản trả lời."));
    assertThat(handedBack.status()).as(handedBack.text()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(unit.getId()).count()).isOne();
  }

  @Test
  void aCandidateCompletingAnUnassignedTaskBecomesItsAssignee() {
    Document document = register();
    Task direction = task(document, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    Response done = api.post("phogiamdoc", "/engine-rest/task/" + direction.getId() + "/complete",
        direction());
    assertThat(done.status()).as(done.text()).isEqualTo(204);
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(direction.getId())
        .singleResult().getAssignee()).isEqualTo("phogiamdoc");
  }

  @Test
  void theInboxStillCompletesADirection() {
    Document document = register();
    Task direction = task(document, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("direction", "Văn phòng Sở xử lý.");
    body.put("leadUnit", "van-phong");
    body.put("dueDate", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(5).toString());
    Response done = api.post("giamdoc", "/api/inbox/" + direction.getId() + "/direction", body);
    assertThat(done.status()).as(done.text()).isEqualTo(204);
    assertThat(tasks(document.processInstanceId(), IncomingDirectiveProcess.Tasks.HANDLE_ASSIGNMENT)).hasSize(1);
  }
}
