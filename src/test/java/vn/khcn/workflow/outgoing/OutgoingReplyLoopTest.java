package vn.khcn.workflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
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
import vn.khcn.workflow.shared.tx.AfterCommitExecutor;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.UnitLeadersFixture;

/**
 * A reply closes the loop (ADR 0027): once issued, the incoming document's trail, its unit's
 * assignment and the tracking register show the reply's number and date, and the unit's open
 * work is completed by it when a member of that unit drafted it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OutgoingReplyLoopTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired AfterCommitExecutor afterCommit;
  @Autowired TaskService taskService;
  @Autowired WorkingCalendar calendar;
  @Autowired UnitLeaders leaders;
  @Autowired Clock clock;

  TestHttp api;
  OutgoingFlow flow;

  @BeforeEach
  void setUp() {
    api = TestHttp.of(rest);
    flow = new OutgoingFlow(api, jdbc, afterCommit);
    UnitLeadersFixture.demoLeaders(leaders);
  }

  @AfterEach
  void restore() {
    UnitLeadersFixture.demoLeaders(leaders);
  }

  record Incoming(long id, String pi) {}

  /** Registered and directed: Phòng QLKH leads, Phòng KHTC co-ordinates. */
  Incoming directed() {
    TestHttp.Response created = api.post("vanthu", "/api/incoming-documents",
        OutgoingFixtures.incoming(UUID.randomUUID().toString().substring(0, 8) + "/UBND-KT",
            "NONE"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    Incoming doc = new Incoming(created.body().get("id").asLong(),
        created.body().get("processInstanceId").asText());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("direction", "Phòng QLKH chủ trì trả lời, Phòng KH-TC phối hợp.");
    body.put("leadUnit", "phong-qlkh");
    body.put("coordinatingUnits", List.of("phong-khtc"));
    body.put("dueDate", calendar.addWorkingDays(LocalDate.now(clock), 10).toString());
    String direction = open(doc, Tasks.GIVE_DIRECTION).get(0).getId();
    TestHttp.Response done = api.post("giamdoc", "/api/inbox/" + direction + "/direction", body);
    assertThat(done.status()).as(done.text()).isEqualTo(204);
    return doc;
  }

  List<Task> open(Incoming doc, String key) {
    return taskService.createTaskQuery().processInstanceId(doc.pi()).taskDefinitionKey(key)
        .list();
  }

  Map<String, Object> reply(Incoming doc, String summary) {
    Map<String, Object> body = OutgoingFixtures.draft(summary);
    body.put("replyTo", doc.id());
    return body;
  }

  JsonNode incoming(Incoming doc) {
    return api.get("giamdoc", "/api/incoming-documents/" + doc.id()).body();
  }

  static JsonNode assignment(JsonNode incoming, String unit) {
    for (JsonNode a : incoming.get("assignments")) {
      if (a.get("unit").asText().equals(unit)) {
        return a;
      }
    }
    throw new AssertionError("no assignment of " + unit);
  }

  @Test
  void theHandlersReplyCompletesHisProposalAndTheRegisterShowsItsNumberAndDate() {
    Incoming doc = directed();
    Map<String, Object> handler = new LinkedHashMap<>();
    handler.put("handler", "cv.qlkh");
    handler.put("dueDate", calendar.addWorkingDays(LocalDate.now(clock), 3).toString());
    handler.put("note", "Dự thảo công văn trả lời");
    TestHttp.Response named = api.post("tp.qlkh", "/api/incoming-documents/" + doc.id()
        + "/assignments/phong-qlkh/handler", handler);
    assertThat(named.status()).as(named.text()).isEqualTo(200);
    assertThat(open(doc, Tasks.PROPOSE_RESULT)).hasSize(1);

    long id = flow.draft("cv.qlkh", reply(doc, "Về việc trả lời báo cáo nhiệm vụ 2026"));
    assertThat(open(doc, Tasks.PROPOSE_RESULT)).as("a draft changes nothing yet").hasSize(1);
    JsonNode issued = flow.issue(id);
    String number = issued.get("numberSymbol").asText();
    LocalDate date = LocalDate.parse(issued.get("issuedOn").asText());
    String label = "Văn bản trả lời số " + number + " ngày " + OutgoingQueries.DATE.format(date);

    assertThat(open(doc, Tasks.PROPOSE_RESULT)).isEmpty();
    assertThat(open(doc, Tasks.REVIEW_PROPOSAL)).as("the head reviews as for any proposal")
        .hasSize(1);
    JsonNode incoming = incoming(doc);
    JsonNode qlkh = assignment(incoming, "phong-qlkh");
    assertThat(qlkh.get("replyNumber").asText()).isEqualTo(number);
    assertThat(qlkh.get("replyDate").asText()).isEqualTo(date.toString());
    assertThat(qlkh.get("proposal").asText()).startsWith("Đã trả lời bằng văn bản số " + number);
    assertThat(incoming.get("trail").toString()).contains("Phát hành văn bản trả lời", label,
        "Người xử lý đề xuất");
    assertThat(flow.details(id).get("trail").toString())
        .contains("Hoàn thành việc xử lý của đơn vị bằng văn bản trả lời này");

    String today = LocalDate.now(clock).toString();
    var pdf = api.download("vanthu", "/api/incoming-documents/tracking.pdf?from=" + today
        + "&to=" + today + "&unit=phong-qlkh");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(OutgoingFixtures.pdfText(pdf.body())).contains("Số " + number + " ngày "
        + OutgoingQueries.DATE.format(date));

    Task review = open(doc, Tasks.REVIEW_PROPOSAL).get(0);
    TestHttp.Response approved = api.post("tp.qlkh", "/engine-rest/task/" + review.getId()
        + "/complete", TestHttp.variables("proposalApproved", "Boolean", true));
    assertThat(approved.status()).as(approved.text()).isEqualTo(204);
    assertThat(jdbc.queryForObject("select reply_number from document_assignment"
        + " where document_id = ? and unit_id = 'phong-qlkh' and completed_at is not null",
        String.class, doc.id())).isEqualTo(number);
  }

  @Test
  void anotherUnitsReplyIsItsOwnAndLeavesTheLeadUnitsWorkOpen() {
    Incoming doc = directed();
    long id = flow.issued("cv.khtc", reply(doc, "Về việc ý kiến phối hợp về kinh phí"));
    String number = flow.details(id).get("numberSymbol").asText();

    JsonNode incoming = incoming(doc);
    assertThat(assignment(incoming, "phong-khtc").get("replyNumber").asText()).isEqualTo(number);
    assertThat(assignment(incoming, "phong-qlkh").path("replyNumber").asText(""))
        .as("absent or null").isIn("", "null");
    assertThat(open(doc, Tasks.ASSIGN_HANDLER)).as("both heads still name their handlers")
        .hasSize(2);
    assertThat(incoming.get("trail").toString()).contains("Phát hành văn bản trả lời", number);
    assertThat(flow.details(id).get("trail").toString())
        .contains("Ghi số, ngày văn bản trả lời vào việc xử lý của đơn vị");
  }

  @Test
  void aUnitWithoutAHeadHasItsGroupTaskCompletedByItsMembersReply() {
    UnitLeadersFixture.withoutLeaders(leaders);
    Incoming doc = directed();
    assertThat(open(doc, Tasks.HANDLE_ASSIGNMENT)).hasSize(2);

    long id = flow.issued("cv.qlkh", reply(doc, "Về việc trả lời thay đơn vị"));
    String number = flow.details(id).get("numberSymbol").asText();

    assertThat(open(doc, Tasks.HANDLE_ASSIGNMENT)).as("Phòng KHTC's task only").hasSize(1);
    JsonNode qlkh = assignment(incoming(doc), "phong-qlkh");
    assertThat(qlkh.get("completedAt").isNull()).isFalse();
    assertThat(qlkh.get("completedBy").asText()).isEqualTo("system");
    assertThat(qlkh.get("replyNumber").asText()).isEqualTo(number);
    assertThat(qlkh.get("result").asText()).contains("Đã trả lời bằng văn bản số " + number);
  }
}
