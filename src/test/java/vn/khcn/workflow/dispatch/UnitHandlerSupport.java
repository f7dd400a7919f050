package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.dispatch.DispatchFixtures.document;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * What the tests of the processing slip's parts 2 and 3 share, over the API
 * ({@link UnitHandlerApiTest}) or the document page ({@link HandlerPageFormTest}): the demo unit
 * leaders, a document directed to Phòng QLKH (lead) and Phòng KHTC, the due dates and the state a
 * refusal must leave as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class UnitHandlerSupport {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired WorkingCalendar calendar;
  @Autowired UnitLeaders leaders;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  TestHttp api;

  @BeforeEach
  void setUpLeaders() {
    api = TestHttp.of(rest);
    UnitLeadersFixture.demoLeaders(leaders);
  }

  @AfterEach
  void restoreLeaders() {
    UnitLeadersFixture.demoLeaders(leaders);
  }

  /** A directed document: Phòng QLKH leads, Phòng KHTC co-ordinates; its id and instance. */
  record Doc(long id, String pi) {
    /** The API's handler path of the unit's assignment. */
    String handlerPath(String unit) {
      return "/api/incoming-documents/" + id + "/assignments/" + unit + "/handler";
    }

    /** The document page's handler form of Phòng QLKH. */
    String form() {
      return "/documents/" + id + "/assignments/phong-qlkh/handler";
    }
  }

  Doc directed() {
    Doc doc = registered();
    direct(doc);
    return doc;
  }

  /** A document registered by the clerk, awaiting direction. */
  Doc registered() {
    Response created = api.post("vanthu", "/api/incoming-documents",
        document(UUID.randomUUID().toString().substring(0, 8) + "/KH-UBND"));
    assertThat(created.status()).isEqualTo(201);
    return new Doc(created.body().get("id").asLong(),
        created.body().get("processInstanceId").asText());
  }

  /** The director's direction: Phòng QLKH leads, Phòng KHTC co-ordinates. */
  void direct(Doc doc) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("direction", "Phòng QLKH chủ trì, Phòng KH-TC phối hợp.");
    body.put("leadUnit", "phong-qlkh");
    body.put("coordinatingUnits", List.of("phong-khtc"));
    body.put("dueDate", unitDue().toString());
    String direction = taskService.createTaskQuery().processInstanceId(doc.pi())
        .taskDefinitionKey(Tasks.GIVE_DIRECTION).singleResult().getId();
    Response done = api.post("giamdoc", "/api/inbox/" + direction + "/direction", body);
    assertThat(done.status()).as(done.text()).isEqualTo(204);
  }

  LocalDate unitDue() {
    return calendar.addWorkingDays(LocalDate.now(clock), 10);
  }

  LocalDate internalDue() {
    return calendar.addWorkingDays(LocalDate.now(clock), 3);
  }

  /** What a refusal must leave as it was: trail, the assignments' slip columns, open tasks. */
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
}
