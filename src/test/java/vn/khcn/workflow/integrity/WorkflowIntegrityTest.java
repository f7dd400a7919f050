package vn.khcn.workflow.integrity;

import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.support.TestHttp.variables;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.identity.DemoUsers;
import vn.khcn.workflow.research.AssignmentCouncilProcess;
import vn.khcn.workflow.research.ResearchApi;
import vn.khcn.workflow.research.ResearchTaskProcess;
import vn.khcn.workflow.shared.process.ProcessDescriptor;
import vn.khcn.workflow.shared.process.ProcessDescriptors;
import vn.khcn.workflow.shared.process.UserTaskContract;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * The abuses seen on main, replayed over real HTTP ({@link TestHttp}) as the demo users: each is
 * refused with the right status and changes nothing (variables, trail, task and its assignee,
 * process instances). The same for research councils: a member naming himself chair or secretary,
 * a ballot cast in another's name or on another's task, the investigator acting for the council,
 * anyone but an administrator terminating a research task; there the council and ballot rows must
 * not change either. Then, generated from {@link ProcessDescriptors#all()}: every user task
 * contract with a live task (a document directed and reported, a research task driven through its
 * council) refuses a completion carrying one variable outside its form. Legitimate completions
 * (Tasklist's submit-form echoing the read-only view, the directors' inbox) still work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.junit.jupiter.api.extension.ExtendWith(vn.khcn.workflow.support.UnitsWithoutHeads.class)
class WorkflowIntegrityTest {

  @org.springframework.beans.factory.annotation.Autowired
  vn.khcn.workflow.identity.UnitLeaders unitLeaders;

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessDescriptors descriptors;

  TestHttp api;
  ResearchApi research;

  @BeforeEach
  void setUp() {
    api = new TestHttp("http://localhost:" + port);
    research = new ResearchApi(api, taskService);
  }

  // ---------------------------------------------------------------- fixtures

  /** A registered document: its id and process instance. */
  record Document(long id, String processInstanceId) {}

  Document register() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("issuer", "Ủy ban nhân dân thành phố Cần Thơ");
    body.put("documentNumber", UUID.randomUUID().toString().substring(0, 8) + "/KH-UBND");
    body.put("issuedOn", "2026-11-02");
    body.put("documentType", "Kế hoạch");
    body.put("summary", "Kế hoạch triển khai chuyển đổi số năm 2027");
    body.put("signer", "Trần Thị Minh, Phó Chủ tịch");
    body.put("pageCount", 3);
    body.put("urgency", "NORMAL");
    body.put("recipients", "Các sở, ban, ngành thành phố");
    Response created = api.post("vanthu", "/api/incoming-documents", body);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return new Document(created.body().get("id").asLong(),
        created.body().get("processInstanceId").asText());
  }

  static Map<String, Object> direction() {
    return variables("direction", "String", "Phòng QLKH chủ trì; Phòng KHTC phối hợp.",
        "infoOnly", "Boolean", false, "leadUnit", "String", "phong-qlkh",
        "coordinatingUnits", "Json", "[\"phong-khtc\"]", "informedUnits", "Json", "[]",
        "dueDate", "String",
        LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(10).toString());
  }

  /** A document past its direction: one handleAssignment per unit (phong-qlkh, phong-khtc). */
  Document directed() {
    Document document = register();
    Task direction = task(document, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    claim("giamdoc", direction);
    assertThat(api.post("giamdoc", "/engine-rest/task/" + direction.getId() + "/complete",
        direction()).status()).isEqualTo(204);
    return document;
  }

  Task task(Document document, String key) {
    return tasks(document.processInstanceId(), key).get(0);
  }

  List<Task> tasks(String processInstanceId, String key) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(key).list();
    assertThat(tasks).as("open %s tasks", key).isNotEmpty();
    return tasks;
  }

  Task unitTask(Document document, String unit) {
    return tasks(document.processInstanceId(), IncomingDirectiveProcess.Tasks.HANDLE_ASSIGNMENT).stream()
        .filter(t -> taskService.getIdentityLinksForTask(t.getId()).stream()
            .anyMatch(l -> unit.equals(l.getGroupId())))
        .findFirst().orElseThrow();
  }

  void claim(String user, Task task) {
    Response claim = api.post(user, "/engine-rest/task/" + task.getId() + "/claim",
        Map.of("userId", user));
    assertThat(claim.status()).as("claim by %s: %s", user, claim.text()).isEqualTo(204);
  }

  /** What an abuse must leave unchanged: variables, trails, open tasks, instances. */
  record Snapshot(Map<String, Object> variables, long trail, long researchTrail,
      Map<String, String> openTasks, long instances) {}

  Snapshot snapshot(String processInstanceId) {
    // values as text: Spin's JSON values do not compare by content
    Map<String, Object> variables = new HashMap<>();
    runtimeService.getVariables(processInstanceId)
        .forEach((name, value) -> variables.put(name, String.valueOf(value)));
    Map<String, String> open = new HashMap<>();
    taskService.createTaskQuery().processInstanceId(processInstanceId).list()
        .forEach(t -> open.put(t.getId(), String.valueOf(t.getAssignee())));
    return new Snapshot(variables,
        jdbc.queryForObject("select count(*) from document_trail", Long.class),
        jdbc.queryForObject("select count(*) from research_trail", Long.class), open,
        runtimeService.createProcessInstanceQuery().count());
  }

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
    TestHttp.Webapp tasklist = api.webapp("admin", "tasklist");
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
    TestHttp.Webapp tasklist = api.webapp("cv.qlkh", "tasklist");
    Response claim = tasklist.post("/task/" + unit.getId() + "/claim", Map.of("userId", "cv.qlkh"));
    assertThat(claim.status()).as(claim.text()).isEqualTo(204);
    Response outsider = tasklist.post("/task/" + unit.getId() + "/submit-form",
        variables("result", "String", "Xong.", "unit", "String", "phong-qlcn"));
    assertThat(outsider.status()).as(outsider.text()).isEqualTo(400);
    assertThat(outsider.body().get("message").asText()).contains("unit");

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

  // ---------------------------------------------------------------- research councils

  static final List<String> COUNCIL = List.of("hd.chutich", "hd.phochutich", "hd.thuky",
      "hd.phanbien1", "hd.phanbien2", "hd.uyvien1", "hd.uyvien2");

  /** A research task (investigator chunhiem) whose council of seven has been appointed. */
  String appointedCouncil() {
    String code = submitDossier();
    research.work("cv.qlkh", code, ResearchTaskProcess.Tasks.CHECK_DOSSIER, null,
        ResearchApi.vars(ResearchTaskProcess.Vars.VALID, true));
    research.work("giamdoc", code, AssignmentCouncilProcess.Tasks.APPOINT_COUNCIL, null,
        ResearchApi.council("hd.uyvien1", "hd.uyvien2"));
    return code;
  }

  static Map<String, Object> noConflict() {
    return ResearchApi.vars(AssignmentCouncilProcess.Vars.NO_CONFLICT, true);
  }

  static Map<String, Object> ballot() {
    return ResearchApi.vars(AssignmentCouncilProcess.Vars.SCORE_URGENCY, 12,
        AssignmentCouncilProcess.Vars.SCORE_CONTENT, 20,
        AssignmentCouncilProcess.Vars.SCORE_METHOD, 16,
        AssignmentCouncilProcess.Vars.SCORE_PRODUCTS, 20,
        AssignmentCouncilProcess.Vars.SCORE_CAPACITY, 12,
        ResearchTaskProcess.Vars.COMMENT, "Đề nghị bổ sung phương pháp khảo sát");
  }

  /** The same values plus these name, value pairs. */
  static Map<String, Object> with(Map<String, Object> values, Object... nameValue) {
    Map<String, Object> all = new LinkedHashMap<>(values);
    all.putAll(ResearchApi.vars(nameValue));
    return all;
  }

  /**
   * What an abuse of a research task must leave unchanged: the council instance and the research
   * instance (variables, open tasks and assignees, trails), the research trail of this task, and
   * its council and council_member rows (declarations, ballots).
   */
  record ResearchState(Snapshot council, Snapshot research, List<Map<String, Object>> trail,
      List<Map<String, Object>> councils, List<Map<String, Object>> members) {}

  ResearchState state(String code, Task task) {
    String researchInstance = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(code).processDefinitionKey(ResearchTaskProcess.KEY)
        .singleResult().getId();
    String ofTask = "(select id from research_task where code = ?)";
    return new ResearchState(snapshot(task.getProcessInstanceId()), snapshot(researchInstance),
        jdbc.queryForList("select * from research_trail where research_task_id = " + ofTask
            + " order by id", code),
        jdbc.queryForList("select * from council where research_task_id = " + ofTask
            + " order by id", code),
        jdbc.queryForList("select * from council_member where council_id in (select id from"
            + " council where research_task_id = " + ofTask + ") order by id", code));
  }

  /** One abuse of a research task's open task (key, assignee): its refusal and what it says. */
  record ResearchAbuse(String name, String user, String key, String assignee, String action,
      Map<String, Object> values, int status, List<String> says) {}

  /**
   * Sends each abuse over /engine-rest as its user and checks it is refused with its status and
   * a message naming what it must, the task still open with the same assignee, nothing changed.
   */
  List<String> refusals(String code, List<ResearchAbuse> abuses) {
    List<String> failures = new ArrayList<>();
    for (ResearchAbuse abuse : abuses) {
      Task task = research.task(code, abuse.key(), abuse.assignee());
      ResearchState before = state(code, task);
      String path = "/engine-rest/task/" + task.getId() + "/" + abuse.action();
      Response response = abuse.action().equals("complete")
          ? research.complete(abuse.user(), task, abuse.values())
          : api.post(abuse.user(), path, abuse.values());
      String message = response.body().path("message").asText();
      Task after = taskService.createTaskQuery().taskId(task.getId()).singleResult();
      if (response.status() != abuse.status()) {
        failures.add(abuse.name() + ": " + response.status() + " " + response.text());
      } else if (message.isBlank() || !abuse.says().stream().allMatch(message::contains)) {
        failures.add(abuse.name() + ": message " + response.text());
      } else if (after == null || !abuse.assignee().equals(after.getAssignee())) {
        failures.add(abuse.name() + ": task now " + after);
      } else if (!before.equals(state(code, task))) {
        failures.add(abuse.name() + ": changed " + before + " -> " + state(code, task));
      }
    }
    return failures;
  }

  @Test
  void councilMembersActOnlyAsThemselvesOnTheirOwnTasks() {
    String code = appointedCouncil();
    for (String member : List.of("hd.uyvien1", "hd.uyvien2")) {
      research.work(member, code, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT, member,
          noConflict());
    }
    String declare = AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT;
    String score = AssignmentCouncilProcess.Tasks.SCORE_PROPOSAL;
    String chair = AssignmentCouncilProcess.Vars.CHAIR.name();
    String secretary = AssignmentCouncilProcess.Vars.SECRETARY.name();
    String member = AssignmentCouncilProcess.Vars.MEMBER.name();

    List<String> failures = refusals(code, List.of(
        new ResearchAbuse("a member naming himself chair and secretary on his declaration",
            "hd.phanbien1", declare, "hd.phanbien1", "complete",
            with(noConflict(), chair, "hd.phanbien1", secretary, "hd.phanbien1"), 400,
            List.of(chair, secretary, "không thuộc biểu mẫu")),
        new ResearchAbuse("a member's ballot cast in the chair's name", "hd.uyvien1", score,
            "hd.uyvien1", "complete", with(ballot(), member, "hd.chutich"), 400,
            List.of(member, "không thuộc biểu mẫu")),
        new ResearchAbuse("a member casting a colleague's ballot", "hd.uyvien2", score,
            "hd.uyvien1", "complete", ballot(), 403, List.of("hd.uyvien1")),
        new ResearchAbuse("the investigator declaring for a council member", "chunhiem",
            declare, "hd.thuky", "complete", noConflict(), 403, List.of("hd.thuky")),
        new ResearchAbuse("the investigator casting a council member's ballot", "chunhiem",
            score, "hd.uyvien2", "complete", ballot(), 403, List.of("hd.uyvien2")),
        new ResearchAbuse("a member terminating the research task from his ballot",
            "hd.uyvien1", score, "hd.uyvien1", "bpmnError",
            Map.of("errorCode", ResearchTaskProcess.TERMINATED_ERROR), 403,
            List.of("camunda-admin"))));

    assertThat(failures).isEmpty();
  }

  @Test
  void aMemberCannotNameHimselfSecretaryFromTasklistEither() {
    String code = appointedCouncil();
    Task declaration = research.task(code, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT,
        "hd.uyvien1");
    ResearchState before = state(code, declaration);

    Response refused = api.webapp("hd.uyvien1", "tasklist").post("/task/" + declaration.getId()
        + "/submit-form", variables("noConflict", "Boolean", true,
        AssignmentCouncilProcess.Vars.SECRETARY.name(), "String", "hd.uyvien1"));

    assertThat(refused.status()).as(refused.text()).isEqualTo(400);
    assertThat(refused.body().path("message").asText())
        .contains(AssignmentCouncilProcess.Vars.SECRETARY.name(), "không thuộc biểu mẫu");
    assertThat(state(code, declaration)).isEqualTo(before);
    assertThat(taskService.createTaskQuery().taskId(declaration.getId()).singleResult()
        .getAssignee()).isEqualTo("hd.uyvien1");
  }

  @Test
  void theInvestigatorCannotNameHimselfSecretaryOrChairOnHisRevision() {
    String code = appointedCouncil();
    for (String member : COUNCIL) {
      research.work(member, code, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT, member,
          noConflict());
    }
    for (String member : COUNCIL) {
      research.work(member, code, AssignmentCouncilProcess.Tasks.SCORE_PROPOSAL, member,
          ballot());
    }
    research.work("hd.thuky", code, AssignmentCouncilProcess.Tasks.RECORD_MEETING, "hd.thuky",
        meetingWithRevisions());
    assertThat(research.upload("chunhiem", code, "REVISED_OUTLINE", "thuyet-minh-sua.pdf",
        ResearchApi.PDF).status()).isEqualTo(201);
    String chair = AssignmentCouncilProcess.Vars.CHAIR.name();
    String secretary = AssignmentCouncilProcess.Vars.SECRETARY.name();
    Map<String, Object> revision = ResearchApi.vars(AssignmentCouncilProcess.Vars.RESPONSE_NOTE,
        "Đã tiếp thu toàn bộ ý kiến hội đồng");

    List<String> failures = refusals(code, List.of(
        new ResearchAbuse("the investigator verifying his own revision as secretary and chair",
            "chunhiem", AssignmentCouncilProcess.Tasks.SUBMIT_REVISION, "chunhiem", "complete",
            with(revision, secretary, "chunhiem", chair, "chunhiem"), 400,
            List.of(secretary, chair, "không thuộc biểu mẫu")),
        new ResearchAbuse("the investigator accepting his own revision", "chunhiem",
            AssignmentCouncilProcess.Tasks.SUBMIT_REVISION, "chunhiem", "complete",
            with(revision, AssignmentCouncilProcess.Vars.REVISION_ACCEPTED, true), 400,
            List.of(AssignmentCouncilProcess.Vars.REVISION_ACCEPTED.name())),
        new ResearchAbuse("the chair submitting the investigator's revision", "hd.chutich",
            AssignmentCouncilProcess.Tasks.SUBMIT_REVISION, "chunhiem", "complete", revision,
            403, List.of("chunhiem"))));

    assertThat(failures).isEmpty();
    research.work("chunhiem", code, AssignmentCouncilProcess.Tasks.SUBMIT_REVISION, "chunhiem",
        revision);
    assertThat(research.task(code, AssignmentCouncilProcess.Tasks.VERIFY_REVISION, "hd.thuky"))
        .as("the secretary of the council verifies, not the investigator").isNotNull();
  }

  static Map<String, Object> meetingWithRevisions() {
    return ResearchApi.vars(AssignmentCouncilProcess.Vars.MEETING_DATE,
        LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString(),
        AssignmentCouncilProcess.Vars.PRESENT, COUNCIL,
        AssignmentCouncilProcess.Vars.REVISIONS_REQUIRED, true,
        AssignmentCouncilProcess.Vars.REQUIRED_REVISIONS, "Làm rõ phương pháp khảo sát");
  }

  @Test
  void aMemberDeclaresAndScoresFromTasklistEchoingTheView() {
    String code = appointedCouncil();
    TestHttp.Webapp tasklist = api.webapp("hd.uyvien1", "tasklist");
    String view = ResearchTaskProcess.Vars.RESEARCH_VIEW.name();
    String echoed = "tóm tắt hồ sơ đã sửa ở trình duyệt";

    Task declaration = research.task(code, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT,
        "hd.uyvien1");
    Response declared = tasklist.post("/task/" + declaration.getId() + "/submit-form",
        variables("noConflict", "Boolean", true, view, "String", echoed));
    assertThat(declared.status()).as(declared.text()).isEqualTo(204);

    Task ballot = research.task(code, AssignmentCouncilProcess.Tasks.SCORE_PROPOSAL,
        "hd.uyvien1");
    Response scored = tasklist.post("/task/" + ballot.getId() + "/submit-form", variables(
        AssignmentCouncilProcess.Vars.SCORE_URGENCY.name(), "Long", 12,
        AssignmentCouncilProcess.Vars.SCORE_CONTENT.name(), "Long", 20,
        AssignmentCouncilProcess.Vars.SCORE_METHOD.name(), "Long", 16,
        AssignmentCouncilProcess.Vars.SCORE_PRODUCTS.name(), "Long", 20,
        AssignmentCouncilProcess.Vars.SCORE_CAPACITY.name(), "Long", 12,
        ResearchTaskProcess.Vars.COMMENT.name(), "String", "Đề tài cấp thiết",
        view, "String", echoed));
    assertThat(scored.status()).as(scored.text()).isEqualTo(204);

    assertThat(taskService.createTaskQuery().taskId(ballot.getId()).count()).isZero();
    Map<String, Object> row = jdbc.queryForMap("select status, conflict, score_total,"
        + " score_method, voted_at, member_comment from council_member where username = 'hd.uyvien1'"
        + " and council_id = (select max(id) from council where research_task_id ="
        + " (select id from research_task where code = ?))", code);
    assertThat(row.get("CONFLICT")).isEqualTo(false);
    assertThat(row.get("SCORE_TOTAL")).isEqualTo(80);
    assertThat(row.get("SCORE_METHOD")).isEqualTo(16);
    assertThat(row.get("VOTED_AT")).isNotNull();
    assertThat(row.get("MEMBER_COMMENT")).isEqualTo("Đề tài cấp thiết");
    assertThat(jdbc.queryForObject("select count(*) from council_member where score_total is"
        + " not null and council_id = (select max(id) from council where research_task_id ="
        + " (select id from research_task where code = ?))", Long.class, code))
        .as("one ballot, the assignee's").isEqualTo(1);
    assertThat(String.valueOf(runtimeService.getVariable(ballot.getProcessInstanceId(), view)))
        .doesNotContain(echoed);
  }

  // ---------------------------------------------------------------- generated from the contracts

  @Test
  void everyContractWithALiveTaskRefusesAnExtraVariable() {
    Set<String> probed = new TreeSet<>();
    List<String> failures = new ArrayList<>();
    // Phòng QLKH has its head (the head names a handler), Phòng KHTC none (its group task)
    vn.khcn.workflow.support.UnitLeadersFixture.demoLeaders(unitLeaders);
    unitLeaders.replace("phong-khtc", null, List.of(), "test");
    Document document = register();
    probe(probed, failures);
    Task direction = task(document, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    claim("giamdoc", direction);
    assertThat(api.post("giamdoc", "/engine-rest/task/" + direction.getId() + "/complete",
        direction()).status()).isEqualTo(204);
    probe(probed, failures);
    Task handling = unitTask(document, "phong-khtc");
    claim("cv.khtc", handling);
    assertThat(api.post("cv.khtc", "/engine-rest/task/" + handling.getId() + "/complete",
        variables("result", "String", "Kết quả của phong-khtc")).status()).isEqualTo(204);
    String due = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(3).toString();
    while (!workAsAssignee(document, IncomingDirectiveProcess.Tasks.ASSIGN_HANDLER, "tp.qlkh",
        variables("handler", "String", "cv.qlkh", "handlerDueDate", "String", due))) {
      due = LocalDate.parse(due).plusDays(1).toString(); // a working day
    }
    probe(probed, failures);
    assertThat(workAsAssignee(document, IncomingDirectiveProcess.Tasks.PROPOSE_RESULT, "cv.qlkh",
        variables("result", "String", "Kết quả của phong-qlkh"))).isTrue();
    probe(probed, failures);
    assertThat(workAsAssignee(document, IncomingDirectiveProcess.Tasks.REVIEW_PROPOSAL, "tp.qlkh",
        variables("proposalApproved", "Boolean", true))).isTrue();
    probe(probed, failures);
    Task consolidate = task(document, IncomingDirectiveProcess.Tasks.CONSOLIDATE_REPORT);
    claim("cv.qlkh", consolidate);
    assertThat(api.post("cv.qlkh", "/engine-rest/task/" + consolidate.getId() + "/complete",
        variables("report", "String", "Báo cáo tổng hợp")).status()).isEqualTo(204);
    probe(probed, failures);
    researchThroughItsCouncil(() -> probe(probed, failures));

    assertThat(failures).isEmpty();
    Set<String> declared = new TreeSet<>();
    for (ProcessDescriptor descriptor : descriptors.all()) {
      descriptor.userTasks().forEach(c -> declared.add(descriptor.key() + "/" + c.taskKey()));
    }
    String council = AssignmentCouncilProcess.KEY + "/";
    String researchTask = ResearchTaskProcess.KEY + "/";
    List<String> reached = List.of("incoming-directive/giveDirection",
        "incoming-directive/handleAssignment", "incoming-directive/assignHandler",
        "incoming-directive/proposeResult", "incoming-directive/reviewProposal",
        "incoming-directive/consolidateReport",
        "incoming-directive/approveResult",
        researchTask + ResearchTaskProcess.Tasks.CHECK_DOSSIER,
        researchTask + ResearchTaskProcess.Tasks.RESUBMIT_DOSSIER,
        council + AssignmentCouncilProcess.Tasks.APPOINT_COUNCIL,
        council + AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT,
        council + AssignmentCouncilProcess.Tasks.APPOINT_REPLACEMENT,
        council + AssignmentCouncilProcess.Tasks.SCORE_PROPOSAL,
        council + AssignmentCouncilProcess.Tasks.RECORD_MEETING,
        council + AssignmentCouncilProcess.Tasks.SUBMIT_REVISION,
        council + AssignmentCouncilProcess.Tasks.VERIFY_REVISION,
        council + AssignmentCouncilProcess.Tasks.CONFIRM_REVISION,
        researchTask + ResearchTaskProcess.Tasks.APPOINT_APPRAISAL_TEAM);
    assertThat(probed).as("contracts probed on a live task")
        .hasSizeGreaterThanOrEqualTo(reached.size()).containsAll(reached).isSubsetOf(declared);
  }

  /**
   * A research task driven from its dossier (sent back once) through its council (a conflict and
   * a replacement, ballots, a meeting asking for revisions, the revision verified and confirmed)
   * to the budget appraisal, as the demo users; step runs after each stage. A task a probe
   * claimed is worked by whoever claimed it.
   */
  void researchThroughItsCouncil(Runnable step) {
    String code = submitDossier();
    step.run();
    workAs("cv.qlkh", code, ResearchTaskProcess.Tasks.CHECK_DOSSIER, ResearchApi.vars(
        ResearchTaskProcess.Vars.VALID, false, ResearchTaskProcess.Vars.MISSING_ITEMS,
        "Thiếu dự toán kinh phí chi tiết", ResearchTaskProcess.Vars.RESUBMIT_DAYS, 5));
    step.run();
    workAs("chunhiem", code, ResearchTaskProcess.Tasks.RESUBMIT_DOSSIER,
        ResearchApi.vars(ResearchTaskProcess.Vars.NOTE, "Đã bổ sung dự toán kinh phí"));
    workAs("cv.qlkh", code, ResearchTaskProcess.Tasks.CHECK_DOSSIER,
        ResearchApi.vars(ResearchTaskProcess.Vars.VALID, true));
    step.run();
    workAs("giamdoc", code, AssignmentCouncilProcess.Tasks.APPOINT_COUNCIL,
        ResearchApi.council("hd.uyvien1", "hd.uyvien2"));
    step.run();
    List<String> members = new ArrayList<>(COUNCIL);
    members.remove("hd.uyvien2");
    for (String member : members) {
      research.work(member, code, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT, member,
          noConflict());
    }
    research.work("hd.uyvien2", code, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT,
        "hd.uyvien2", ResearchApi.vars(AssignmentCouncilProcess.Vars.NO_CONFLICT, false,
            ResearchTaskProcess.Vars.NOTE, "Là giảng viên thỉnh giảng của cơ quan chủ trì"));
    step.run();
    workAs("giamdoc", code, AssignmentCouncilProcess.Tasks.APPOINT_REPLACEMENT,
        ResearchApi.vars(AssignmentCouncilProcess.Vars.REPLACEMENT, "hd.uyvien3"));
    research.work("hd.uyvien3", code, AssignmentCouncilProcess.Tasks.DECLARE_CONFLICT,
        "hd.uyvien3", noConflict());
    members.add("hd.uyvien3");
    for (String member : members) {
      research.work(member, code, AssignmentCouncilProcess.Tasks.SCORE_PROPOSAL, member,
          ballot());
    }
    step.run();
    Map<String, Object> meeting = meetingWithRevisions();
    meeting.put(AssignmentCouncilProcess.Vars.PRESENT.name(), members);
    research.work("hd.thuky", code, AssignmentCouncilProcess.Tasks.RECORD_MEETING, "hd.thuky",
        meeting);
    step.run();
    assertThat(research.upload("chunhiem", code, "REVISED_OUTLINE", "thuyet-minh-sua.pdf",
        ResearchApi.PDF).status()).isEqualTo(201);
    research.work("chunhiem", code, AssignmentCouncilProcess.Tasks.SUBMIT_REVISION, "chunhiem",
        ResearchApi.vars(AssignmentCouncilProcess.Vars.RESPONSE_NOTE, "Đã tiếp thu"));
    step.run();
    research.work("hd.thuky", code, AssignmentCouncilProcess.Tasks.VERIFY_REVISION, "hd.thuky",
        ResearchApi.vars(ResearchTaskProcess.Vars.ACCEPTED, true));
    step.run();
    research.work("hd.chutich", code, AssignmentCouncilProcess.Tasks.CONFIRM_REVISION,
        "hd.chutich", ResearchApi.vars(ResearchTaskProcess.Vars.ACCEPTED, true));
    step.run();
  }

  /**
   * Completes the document's task with this key as its assignee (a probe may have claimed it),
   * or as user when unassigned; false when refused with 400 (a due date on a day off).
   */
  boolean workAsAssignee(Document document, String key, String user, Map<String, Object> values) {
    Task task = task(document, key);
    String worker = task.getAssignee() == null ? user : task.getAssignee();
    Response done = api.post(worker, "/engine-rest/task/" + task.getId() + "/complete", values);
    assertThat(done.status()).as("%s by %s: %s", key, worker, done.text()).isIn(204, 400);
    return done.status() == 204;
  }

  /** Completes the task of code with this key as its assignee, or as user when unassigned. */
  void workAs(String user, String code, String key, Map<String, Object> values) {
    Task task = research.task(code, key, null);
    String worker = task.getAssignee() == null ? user : task.getAssignee();
    Response done = research.complete(worker, task, values);
    assertThat(done.status()).as("%s by %s: %s", key, worker, done.text()).isIn(200, 204);
  }

  /**
   * For every declared contract not yet probed that has an open task: a person allowed to
   * complete it (its assignee, or a demo member of a candidate group, who claims it) completes
   * with one variable outside the form; 400 naming it, and the task stays open as it was.
   */
  void probe(Set<String> probed, List<String> failures) {
    for (ProcessDescriptor descriptor : descriptors.all()) {
      for (UserTaskContract contract : descriptor.userTasks()) {
        String name = descriptor.key() + "/" + contract.taskKey();
        if (probed.contains(name)) {
          continue;
        }
        Task task = taskService.createTaskQuery().processDefinitionKey(descriptor.key())
            .taskDefinitionKey(contract.taskKey()).active().listPage(0, 1).stream().findFirst()
            .orElse(null);
        String user = task == null ? null : personFor(task);
        if (user == null) {
          continue;
        }
        probed.add(name);
        if (task.getAssignee() == null) {
          claim(user, task);
        }
        Snapshot before = snapshot(task.getProcessInstanceId());
        Response response = api.post(user, "/engine-rest/task/" + task.getId() + "/complete",
            variables("khongCoTrongBieuMau", "String", "x"));
        if (response.status() != 400
            || !response.body().path("message").asText().contains("khongCoTrongBieuMau")) {
          failures.add(name + ": " + response.status() + " " + response.text());
        } else if (!before.equals(snapshot(task.getProcessInstanceId()))) {
          failures.add(name + ": changed");
        }
      }
    }
  }

  private String personFor(Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (link.getUserId() != null) {
        return link.getUserId();
      }
      for (DemoUsers.DemoUser demo : DemoUsers.USERS) {
        if (demo.groupId().equals(link.getGroupId())) {
          return demo.id();
        }
      }
    }
    return null;
  }

  /** Submits a dossier through /api as phong-qlkh; returns the research task's code. */
  String submitDossier() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    return research.submitted("cv.qlkh", "Nghiên cứu ứng dụng " + suffix,
        "Trường Đại học Cần Thơ " + suffix, "chunhiem");
  }
}
