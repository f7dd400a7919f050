package vn.khcn.workflow.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.integrity.IntegrityClient.variables;

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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.khcn.workflow.identity.DemoUsers;
import vn.khcn.workflow.integrity.IntegrityClient.Response;
import vn.khcn.workflow.shared.process.ProcessDescriptor;
import vn.khcn.workflow.shared.process.ProcessDescriptors;
import vn.khcn.workflow.shared.process.UserTaskContract;

/**
 * The abuses seen on main, replayed over real HTTP as the demo users: each is refused with the
 * right status and changes nothing (variables, trail, task and its assignee, process instances).
 * Then, generated from {@link ProcessDescriptors#all()}: every user task contract with a live task
 * refuses a completion carrying one variable outside its form. Legitimate completions (Tasklist's
 * submit-form echoing the read-only view, the directors' inbox) still work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WorkflowIntegrityTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessDescriptors descriptors;

  IntegrityClient api;

  @BeforeEach
  void setUp() {
    api = new IntegrityClient(port);
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
    Task direction = task(document, "giveDirection");
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
    return tasks(document.processInstanceId(), "handleAssignment").stream()
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
    Task direction = task(document, "giveDirection");
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
    Task direction = task(document, "giveDirection");
    claim("giamdoc", direction);
    Snapshot before = snapshot(document.processInstanceId());

    Response complete = api.tasklist("phogiamdoc").post("/task/" + direction.getId()
        + "/submit-form", direction());

    assertThat(complete.status()).as(complete.text()).isEqualTo(403);
    assertThat(complete.body().get("message").asText()).contains("giamdoc");
    assertThat(snapshot(document.processInstanceId())).isEqualTo(before);
  }

  @Test
  void anOutsiderCannotCompleteAnUnassignedTask() {
    Document document = register();
    Task direction = task(document, "giveDirection");
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
        .taskDefinitionKey("checkDossier").singleResult();
    claim("cv.qlkh", check);
    Snapshot before = snapshot(check.getProcessInstanceId());
    Response error = api.post("cv.qlkh", "/engine-rest/task/" + check.getId() + "/bpmnError",
        Map.of("errorCode", "RESEARCH_TERMINATED"));
    assertThat(error.status()).isEqualTo(403);
    assertThat(snapshot(check.getProcessInstanceId())).isEqualTo(before);
    Response start = api.post("chunhiem", "/engine-rest/process-definition/key/research-task/start",
        variables("taskCode", "String", code));
    assertThat(start.status()).isEqualTo(403);
    assertThat(snapshot(check.getProcessInstanceId())).isEqualTo(before);
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
    IntegrityClient.Tasklist tasklist = api.tasklist("admin");
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
    IntegrityClient.Tasklist tasklist = api.tasklist("cv.qlkh");
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
    Task direction = task(document, "giveDirection");
    Response done = api.post("phogiamdoc", "/engine-rest/task/" + direction.getId() + "/complete",
        direction());
    assertThat(done.status()).as(done.text()).isEqualTo(204);
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(direction.getId())
        .singleResult().getAssignee()).isEqualTo("phogiamdoc");
  }

  @Test
  void theInboxStillCompletesADirection() {
    Document document = register();
    Task direction = task(document, "giveDirection");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("direction", "Văn phòng Sở xử lý.");
    body.put("leadUnit", "van-phong");
    body.put("dueDate", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(5).toString());
    Response done = api.post("giamdoc", "/api/inbox/" + direction.getId() + "/direction", body);
    assertThat(done.status()).as(done.text()).isEqualTo(204);
    assertThat(tasks(document.processInstanceId(), "handleAssignment")).hasSize(1);
  }

  // ---------------------------------------------------------------- generated from the contracts

  @Test
  void everyContractWithALiveTaskRefusesAnExtraVariable() {
    Set<String> probed = new TreeSet<>();
    List<String> failures = new ArrayList<>();
    Document document = register();
    probe(probed, failures);
    Task direction = task(document, "giveDirection");
    claim("giamdoc", direction);
    assertThat(api.post("giamdoc", "/engine-rest/task/" + direction.getId() + "/complete",
        direction()).status()).isEqualTo(204);
    probe(probed, failures);
    for (String[] unit : new String[][] {{"phong-qlkh", "cv.qlkh"}, {"phong-khtc", "cv.khtc"}}) {
      Task handling = unitTask(document, unit[0]);
      claim(unit[1], handling);
      assertThat(api.post(unit[1], "/engine-rest/task/" + handling.getId() + "/complete",
          variables("result", "String", "Kết quả của " + unit[0])).status()).isEqualTo(204);
    }
    probe(probed, failures);
    Task consolidate = task(document, "consolidateReport");
    claim("cv.qlkh", consolidate);
    assertThat(api.post("cv.qlkh", "/engine-rest/task/" + consolidate.getId() + "/complete",
        variables("report", "String", "Báo cáo tổng hợp")).status()).isEqualTo(204);
    probe(probed, failures);
    submitDossier();
    probe(probed, failures);

    assertThat(failures).isEmpty();
    Set<String> declared = new TreeSet<>();
    for (ProcessDescriptor descriptor : descriptors.all()) {
      descriptor.userTasks().forEach(c -> declared.add(descriptor.key() + "/" + c.taskKey()));
    }
    assertThat(probed).as("contracts probed on a live task")
        .contains("incoming-directive/giveDirection", "incoming-directive/handleAssignment",
            "incoming-directive/consolidateReport", "incoming-directive/approveResult")
        .isSubsetOf(declared);
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
    Map<String, Object> dossier = new LinkedHashMap<>();
    dossier.put("title", "Nghiên cứu ứng dụng " + UUID.randomUUID().toString().substring(0, 6));
    dossier.put("field", "Khoa học xã hội và nhân văn");
    dossier.put("hostOrganisation", "Trường Đại học Cần Thơ " + UUID.randomUUID());
    dossier.put("investigator", "chunhiem");
    dossier.put("durationMonths", 24);
    dossier.put("requestedBudget", 850_000_000L);
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    parts.add("dossier", new HttpEntity<>(dossier, json));
    HttpHeaders file = new HttpHeaders();
    file.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    parts.add("outline", new HttpEntity<>(new ByteArrayResource(
        "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n".getBytes()) {
      @Override
      public String getFilename() {
        return "thuyet-minh.pdf";
      }
    }, file));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    var response = rest.withBasicAuth("cv.qlkh", "demo").postForEntity("/api/research-tasks",
        new HttpEntity<>(parts, headers), String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
    return IntegrityClient.parse(response.getBody()).get("code").asText();
  }
}
