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
 * ADR 0033: a recalled or replaced reply no longer answers the incoming document (its trail
 * says why, its assignment and items drop the number), and a reply may answer one direction item
 * of the drafter's unit — never an item of another document or of another unit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OutgoingReplyUndoTest {

  static final String API = OutgoingFlow.API;

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

  /** Registered and directed in two items: 1 led by Phòng QLKH, 2 led by Phòng KH-TC. */
  long directed() {
    TestHttp.Response created = api.post("vanthu", "/api/incoming-documents",
        OutgoingFixtures.incoming(UUID.randomUUID().toString().substring(0, 8) + "/UBND-KT",
            "NONE"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    String pi = created.body().get("processInstanceId").asText();
    LocalDate due = calendar.addWorkingDays(LocalDate.now(clock), 10);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("direction", "Giao các phòng thực hiện theo từng mục.");
    body.put("leadUnit", "phong-qlkh");
    body.put("coordinatingUnits", List.of("phong-khtc"));
    body.put("informedUnits", List.of());
    body.put("dueDate", due.toString());
    body.put("items", List.of(item("1", "phong-qlkh", due), item("2", "phong-khtc", due)));
    String task = taskService.createTaskQuery().processInstanceId(pi)
        .taskDefinitionKey(Tasks.GIVE_DIRECTION).singleResult().getId();
    TestHttp.Response given = api.post("giamdoc", "/api/inbox/" + task + "/direction", body);
    assertThat(given.status()).as(given.text()).isEqualTo(204);
    return id;
  }

  static Map<String, Object> item(String label, String lead, LocalDate due) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("label", label);
    item.put("text", "Mục " + label + ": báo cáo, trả lời theo phần việc được giao.");
    item.put("lead", lead);
    item.put("coordinating", List.of());
    item.put("dueDate", due.toString());
    return item;
  }

  long itemId(long incoming, String label) {
    for (JsonNode item : api.get("giamdoc", "/api/incoming-documents/" + incoming + "/items")
        .body().get("directionItems")) {
      if (item.get("label").asText().equals(label)) {
        return item.get("id").asLong();
      }
    }
    throw new AssertionError("no item " + label);
  }

  Map<String, Object> reply(long incoming, Long item, String summary) {
    Map<String, Object> body = OutgoingFixtures.draft(summary);
    body.put("replyTo", incoming);
    if (item != null) {
      body.put("replyToItem", item);
    }
    return body;
  }

  String assignmentReply(long incoming, String unit) {
    return jdbc.queryForObject("select reply_number from document_assignment where document_id"
        + " = ? and unit_id = ?", String.class, incoming, unit);
  }

  String itemReply(long item) {
    return jdbc.queryForObject("select reply_number from direction_item where id = ?",
        String.class, item);
  }

  String trail(long incoming) {
    return api.get("giamdoc", "/api/incoming-documents/" + incoming).body().get("trail")
        .toString();
  }

  String tracking() {
    String today = LocalDate.now(clock).toString();
    var pdf = api.download("vanthu", "/api/incoming-documents/tracking.pdf?from=" + today
        + "&to=" + today + "&unit=phong-qlkh");
    assertThat(pdf.statusCode()).isEqualTo(200);
    return OutgoingFixtures.pdfText(pdf.body());
  }

  @Test
  void aRecalledReplyNoLongerAnswersTheIncomingDocument() {
    long incoming = directed();
    long id = flow.issued("cv.qlkh", reply(incoming, null, "Về việc trả lời, sẽ thu hồi"));
    String number = flow.details(id).get("numberSymbol").asText();
    assertThat(assignmentReply(incoming, "phong-qlkh")).isEqualTo(number);

    TestHttp.Response recalled = api.post("vanthu", API + "/" + id + "/recall",
        Map.of("reason", "Sai số liệu kinh phí"));
    assertThat(recalled.status()).as(recalled.text()).isEqualTo(200);
    flow.settle();

    assertThat(assignmentReply(incoming, "phong-qlkh")).as("no longer answered").isNull();
    assertThat(trail(incoming)).contains("Văn bản trả lời bị thu hồi, thay thế",
        "Văn bản trả lời số " + number + " đã bị thu hồi: Sai số liệu kinh phí");
    assertThat(tracking()).doesNotContain("Số " + number + " ngày");
    assertThat(flow.details(id).get("trail").toString()).contains("REPLY_WITHDRAWN",
        "Văn bản đến không còn ghi văn bản này là văn bản trả lời");
  }

  @Test
  void aReplacedReplyGivesWayToItsReplacement() {
    long incoming = directed();
    long original = flow.issued("cv.qlkh", reply(incoming, null, "Về việc trả lời, bản đầu"));
    String first = flow.details(original).get("numberSymbol").asText();
    TestHttp.Response created = api.post("cv.qlkh", API + "/" + original + "/replacement", null);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long replacement = created.body().get("id").asLong();
    flow.uploadPdf("cv.qlkh", replacement);
    String second = flow.issue(replacement).get("numberSymbol").asText();

    assertThat(second).isNotEqualTo(first);
    assertThat(assignmentReply(incoming, "phong-qlkh")).isEqualTo(second);
    assertThat(trail(incoming)).contains("Văn bản trả lời số " + first
        + " đã được thay thế bởi văn bản số " + second);
    String register = tracking();
    assertThat(register).contains("Số " + second + " ngày").doesNotContain("Số " + first + " ");
  }

  @Test
  void aReplyToADirectionItemIsShownOnThatItemsLineAndLeavesTheUnitsWorkOpen() {
    long incoming = directed();
    long first = itemId(incoming, "1");
    long id = flow.issued("cv.qlkh", reply(incoming, first, "Về việc trả lời mục 1"));
    String number = flow.details(id).get("numberSymbol").asText();

    assertThat(itemReply(first)).isEqualTo(number);
    assertThat(itemReply(itemId(incoming, "2"))).isNull();
    assertThat(assignmentReply(incoming, "phong-qlkh")).as("one item, not the unit's work")
        .isNull();
    assertThat(trail(incoming)).contains("(mục 1)");
    assertThat(flow.details(id).get("trail").toString())
        .contains("Ghi số, ngày văn bản trả lời vào mục chỉ đạo được trả lời");
    assertThat(api.get("giamdoc", "/api/incoming-documents/" + incoming + "/items").body()
        .toString()).contains("Văn bản trả lời số " + number);
    assertThat(tracking()).contains("Văn bản trả lời số " + number);

    TestHttp.Response recalled = api.post("giamdoc", API + "/" + id + "/recall",
        Map.of("reason", "Trả lời nhầm mục"));
    assertThat(recalled.status()).as(recalled.text()).isEqualTo(200);
    flow.settle();
    assertThat(itemReply(first)).as("the item is unanswered again").isNull();
  }

  @Test
  void aReplyCannotAnswerAnItemOfAnotherUnitOrOfAnotherDocument() {
    long incoming = directed();
    long other = directed();
    long khtcItem = itemId(incoming, "2");
    long otherItem = itemId(other, "1");
    int drafts = flow.count("outgoing_document", "reply_to_id = ?", incoming);

    TestHttp.Response anotherUnits = api.post("cv.qlkh", API, reply(incoming, khtcItem, "Mục 2"));
    assertThat(anotherUnits.status()).as(anotherUnits.text()).isEqualTo(400);
    assertThat(anotherUnits.text()).contains("replyToItem",
        "không thuộc văn bản đến này hoặc không giao cho đơn vị của bạn");
    TestHttp.Response anotherDocuments = api.post("cv.qlkh", API,
        reply(incoming, otherItem, "Mục của văn bản khác"));
    assertThat(anotherDocuments.status()).as(anotherDocuments.text()).isEqualTo(400);
    assertThat(anotherDocuments.text()).contains("replyToItem");
    Map<String, Object> noDocument = OutgoingFixtures.draft("Mục không kèm văn bản đến");
    noDocument.put("replyToItem", khtcItem);
    TestHttp.Response alone = api.post("cv.khtc", API, noDocument);
    assertThat(alone.status()).as(alone.text()).isEqualTo(400);
    assertThat(alone.text()).contains("replyToItem", "chỉ chọn mục chỉ đạo khi trả lời");
    TestHttp.Response unknown = api.post("cv.qlkh", API, reply(incoming, 0L, "Mục số 0"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(flow.count("outgoing_document", "reply_to_id = ?", incoming))
        .as("nothing stored").isEqualTo(drafts);

    TestHttp.Response own = api.post("cv.khtc", API, reply(incoming, khtcItem, "Mục 2 của KH-TC"));
    assertThat(own.status()).as(own.text()).isEqualTo(201);
  }
}
