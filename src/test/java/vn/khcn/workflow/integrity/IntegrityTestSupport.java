package vn.khcn.workflow.integrity;

import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.support.TestHttp.variables;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.research.AssignmentCouncilProcess;
import vn.khcn.workflow.research.ResearchApi;
import vn.khcn.workflow.research.ResearchTaskProcess;
import vn.khcn.workflow.shared.process.ProcessDescriptors;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * What the integrity tests share: the demo users over real HTTP ({@link TestHttp}), a document
 * registered and directed, a research task through its council, and the snapshot of what an abuse
 * must leave unchanged (variables, trails, open tasks, process instances).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.junit.jupiter.api.extension.ExtendWith(vn.khcn.workflow.support.UnitsWithoutHeads.class)
abstract class IntegrityTestSupport {

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

  static Map<String, Object> meetingWithRevisions() {
    return ResearchApi.vars(AssignmentCouncilProcess.Vars.MEETING_DATE,
        LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString(),
        AssignmentCouncilProcess.Vars.PRESENT, COUNCIL,
        AssignmentCouncilProcess.Vars.REVISIONS_REQUIRED, true,
        AssignmentCouncilProcess.Vars.REQUIRED_REVISIONS, "Làm rõ phương pháp khảo sát");
  }

  /** Submits a dossier through /api as phong-qlkh; returns the research task's code. */
  String submitDossier() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    return research.submitted("cv.qlkh", "Nghiên cứu ứng dụng " + suffix,
        "Trường Đại học Cần Thơ " + suffix, "chunhiem");
  }
}
