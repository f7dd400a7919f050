package vn.khcn.workflow.dispatch;

import org.junit.jupiter.api.extension.ExtendWith;
import vn.khcn.workflow.support.UnitsWithoutHeads;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.dispatch.DispatchFixtures.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Response;

/** Correct, recall, replace through the API (issue 14): every refusal and the engine's side. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(UnitsWithoutHeads.class)
class DocumentCorrectionApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired IncomingDocumentRepository documents;

  TestHttp api;

  @BeforeEach
  void setUp() {
    api = TestHttp.of(rest);
  }

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8) + "/KH-UBND";
  }

  JsonNode register(Map<String, Object> body) {
    Response created = api.post("vanthu", "/api/incoming-documents", body);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.body();
  }

  JsonNode register() {
    return register(document(unique()));
  }

  Response patch(String user, long id, Map<String, Object> body) {
    return api.call(user, "PATCH", "/api/incoming-documents/" + id, body);
  }

  Response recall(String user, long id, Object body) {
    return api.post(user, "/api/incoming-documents/" + id + "/recall", body);
  }

  static Map<String, Object> body(Object... nameValue) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      body.put((String) nameValue[i], nameValue[i + 1]);
    }
    return body;
  }

  int trailCount(long id) {
    return jdbc.queryForObject("select count(*) from document_trail where document_id = ?",
        Integer.class, id);
  }

  int inboxRows(String processInstanceId) {
    return jdbc.queryForObject("select count(*) from inbox_entry e where e.task_id in"
        + " (select t.id_ from act_ru_task t where t.proc_inst_id_ = ?)", Integer.class,
        processInstanceId);
  }

  /** The director gives the direction: phòng QLKH leads. */
  void direct(String processInstanceId) {
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(IncomingDirectiveProcess.Tasks.GIVE_DIRECTION).singleResult();
    assertThat(api.post("giamdoc", "/engine-rest/task/" + task.getId() + "/claim",
        Map.of("userId", "giamdoc")).status()).isEqualTo(204);
    Map<String, Object> variables = Map.of(
        "direction", Map.of("value", "Phòng QLKH chủ trì.", "type", "String"),
        "leadUnit", Map.of("value", "phong-qlkh", "type", "String"),
        "dueDate", Map.of("value", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(10)
            .toString(), "type", "String"));
    Response done = api.post("giamdoc", "/engine-rest/task/" + task.getId() + "/complete",
        Map.of("variables", variables));
    assertThat(done.status()).as(done.text()).isEqualTo(204);
  }

  @Test
  void aCorrectionKeepsEachChangedFieldOldToNewAndRecomputesSearchAndDuplicateKey() {
    Map<String, Object> registered = document(unique());
    JsonNode doc = register(registered);
    long id = doc.get("id").asLong();
    String newNumber = "Số-" + unique();

    Response corrected = patch("vanthu", id, body("documentNumber", newNumber,
        "summary", "Kế hoạch triển khai Nghị quyết 57 về chuyển đổi số (bản đúng)",
        "pageCount", 8, "urgency", "URGENT", "notes", null,
        "reason", "Nhập sai số, ký hiệu và trích yếu"));

    assertThat(corrected.status()).as(corrected.text()).isEqualTo(200);
    JsonNode details = corrected.body();
    assertThat(details.get("documentNumber").asText()).isEqualTo(newNumber);
    assertThat(details.get("pageCount").asInt()).isEqualTo(8);
    assertThat(details.get("status").asText()).isEqualTo("AWAITING_DIRECTION");
    JsonNode entry = details.get("trail").get(details.get("trail").size() - 1);
    assertThat(entry.get("action").asText()).isEqualTo("CORRECTED");
    assertThat(entry.get("actor").asText()).isEqualTo("vanthu");
    assertThat(entry.get("comment").asText()).isEqualTo("Nhập sai số, ký hiệu và trích yếu");
    assertThat(entry.get("changes")).extracting(c -> c.get("field").asText())
        .containsExactly("documentNumber", "summary", "pageCount", "urgency");
    JsonNode number = entry.get("changes").get(0);
    assertThat(number.get("label").asText()).isEqualTo("Số, ký hiệu");
    assertThat(number.get("oldValue").asText()).isEqualTo(registered.get("documentNumber"));
    assertThat(number.get("newValue").asText()).isEqualTo(newNumber);
    assertThat(entry.get("changes").get(2).get("oldValue").asText()).isEqualTo("6");
    assertThat(entry.get("changes").get(3).get("newValue").asText()).isEqualTo("Khẩn");

    IncomingDocument stored = documents.findById(id).orElseThrow();
    assertThat(stored.getDocumentNumber()).isEqualTo(newNumber);
    assertThat(documents.findDuplicates(stored.getIssuer(), newNumber.toLowerCase(),
        stored.getIssuedOn())).extracting(IncomingDocument::getId).containsExactly(id);
    JsonNode found = api.get("giamdoc", "/api/incoming-documents?q=ban dung").body();
    assertThat(found.get("content")).extracting(d -> d.get("id").asLong()).contains(id);
    assertThat(runtimeService.getVariable(doc.get("processInstanceId").asText(), "documentNumber"))
        .as("the running process reads the corrected number").isEqualTo(newNumber);
  }

  @Test
  void theOldValueOfACorrectionIsWhatWasRegistered() {
    Map<String, Object> registered = document(unique());
    long id = register(registered).get("id").asLong();
    JsonNode details = patch("vanthu", id, body("issuer", "Sở Khoa học và Công nghệ",
        "reason", "Nhầm cơ quan ban hành")).body();
    JsonNode change = details.get("trail").get(details.get("trail").size() - 1).get("changes")
        .get(0);
    assertThat(change.get("field").asText()).isEqualTo("issuer");
    assertThat(change.get("oldValue").asText()).isEqualTo(registered.get("issuer"));
    assertThat(change.get("newValue").asText()).isEqualTo("Sở Khoa học và Công nghệ");
  }

  @Test
  void aCorrectionWithoutReasonWithUnknownFieldsOrBadValuesIsRefusedAndStoresNothing() {
    JsonNode doc = register();
    long id = doc.get("id").asLong();
    int trail = trailCount(id);

    Response noReason = patch("vanthu", id, body("summary", "Trích yếu mới"));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body().get("fieldErrors")).extracting(f -> f.get("field").asText())
        .containsExactly("reason");

    Response unknown = patch("vanthu", id, body("status", "ARCHIVED", "incomingNumber", 1,
        "summary", "Trích yếu mới", "reason", "Sửa"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("fieldErrors")).extracting(f -> f.get("field").asText())
        .containsExactlyInAnyOrder("status", "incomingNumber");

    Response bad = patch("vanthu", id, body("issuedOn", "2026-02-30", "summary", "  ",
        "receivedOn", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).toString(),
        "reason", "Sửa ngày"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().get("fieldErrors")).extracting(f -> f.get("field").asText())
        .contains("issuedOn", "summary", "receivedOn");

    Response otherRegister = patch("vanthu", id, body("classification", "SECRET",
        "reason", "Văn bản mật"));
    assertThat(otherRegister.status()).isEqualTo(400);
    assertThat(otherRegister.body().get("fieldErrors").get(0).get("field").asText())
        .isEqualTo("classification");

    Response nothing = patch("vanthu", id, body("issuer", "Ủy ban nhân dân thành phố Cần Thơ",
        "reason", "Không đổi gì"));
    assertThat(nothing.status()).isEqualTo(400);

    assertThat(trailCount(id)).isEqualTo(trail);
    assertThat(documents.findById(id).orElseThrow().getSummary())
        .isEqualTo(document("x").get("summary"));
  }

  @Test
  void onlyTheRegistryCorrectsOrRecalls() {
    JsonNode doc = register();
    long id = doc.get("id").asLong();
    for (String other : new String[] {"giamdoc", "cv.qlkh", "admin"}) {
      assertThat(patch(other, id, body("summary", "Sửa trái phép", "reason", "x")).status())
          .as(other).isEqualTo(403);
      assertThat(recall(other, id, body("reason", "x")).status()).as(other).isEqualTo(403);
    }
    assertThat(documents.findById(id).orElseThrow().getStatus())
        .isEqualTo(DocumentStatus.AWAITING_DIRECTION);
    assertThat(patch("vanthu", 987_654_321L, body("summary", "x", "reason", "x")).status())
        .isEqualTo(404);
    assertThat(recall("vanthu", 987_654_321L, body("reason", "x")).status()).isEqualTo(404);
  }

  @Test
  void aRecallEndsTheOpenWorkOnceAndKeepsTheDocumentFromCorrections() {
    JsonNode doc = register();
    long id = doc.get("id").asLong();
    String pi = doc.get("processInstanceId").asText();
    direct(pi);
    assertThat(taskService.createTaskQuery().processInstanceId(pi).count()).isPositive();
    assertThat(inboxRows(pi)).isPositive();

    assertThat(recall("vanthu", id, body()).status()).as("reason missing").isEqualTo(400);
    assertThat(recall("vanthu", id, body("reason", "  ")).status()).isEqualTo(400);
    assertThat(recall("vanthu", id, body("reason", "x", "force", true)).status())
        .as("unknown field").isEqualTo(400);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count())
        .isEqualTo(1);

    Response recalled = recall("vanthu", id,
        body("reason", "UBND thành phố thu hồi tại Công văn 99/UBND-VP"));
    assertThat(recalled.status()).as(recalled.text()).isEqualTo(200);
    assertThat(recalled.body().get("status").asText()).isEqualTo("RECALLED");
    assertThat(recalled.body().get("statusLabel").asText()).isEqualTo("Đã thu hồi");
    JsonNode last = recalled.body().get("trail").get(recalled.body().get("trail").size() - 1);
    assertThat(last.get("action").asText()).isEqualTo("RECALLED");
    assertThat(last.get("comment").asText()).contains("Công văn 99/UBND-VP");

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count())
        .as("process instance cancelled").isZero();
    assertThat(taskService.createTaskQuery().processInstanceId(pi).count()).isZero();
    assertThat(jdbc.queryForObject("select count(*) from inbox_entry where task_id in"
        + " (select h.id_ from act_hi_taskinst h where h.proc_inst_id_ = ?)", Integer.class, pi))
        .as("inbox rows gone").isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi)
        .singleResult().getDeleteReason()).contains("Công văn 99/UBND-VP");

    Response twice = recall("vanthu", id, body("reason", "Lần nữa"));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.body().get("status").asText()).isEqualTo("RECALLED");
    assertThat(patch("vanthu", id, body("summary", "Sửa sau thu hồi", "reason", "x")).status())
        .as("a recalled document is not corrected").isEqualTo(409);
    Response file = api.multipart("vanthu", "/api/incoming-documents/" + id + "/attachments",
        TestHttp.Part.file("file", "thu-hoi.pdf", "application/pdf", onePagePdf()));
    assertThat(file.status()).as("no file is added to a recalled document").isEqualTo(400);
    assertThat(file.body().get("fieldErrors").get(0).get("message").asText())
        .contains("đã thu hồi");
    assertThat(jdbc.queryForObject("select count(*) from document_attachment where document_id = ?",
        Integer.class, id)).isZero();
  }

  static byte[] onePagePdf() {
    try (org.apache.pdfbox.pdmodel.PDDocument pdf = new org.apache.pdfbox.pdmodel.PDDocument();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      pdf.addPage(new org.apache.pdfbox.pdmodel.PDPage());
      pdf.save(out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aReplacementMakesTheEarlierDocumentReplacedAndClosesItsWorkInFavourOfTheNewOne() {
    JsonNode earlier = register();
    long earlierId = earlier.get("id").asLong();
    String earlierPi = earlier.get("processInstanceId").asText();

    Map<String, Object> replacement = document(unique());
    replacement.put("replaces", earlierId);
    JsonNode later = register(replacement);
    long laterId = later.get("id").asLong();

    JsonNode old = api.get("vanthu", "/api/incoming-documents/" + earlierId).body();
    assertThat(old.get("status").asText()).isEqualTo("REPLACED");
    assertThat(old.get("statusLabel").asText()).isEqualTo("Đã được thay thế");
    assertThat(old.get("replacedById").asLong()).isEqualTo(laterId);
    JsonNode oldLast = old.get("trail").get(old.get("trail").size() - 1);
    assertThat(oldLast.get("action").asText()).isEqualTo("REPLACED");
    assertThat(oldLast.get("relatedDocumentId").asLong()).isEqualTo(laterId);
    assertThat(oldLast.get("comment").asText()).contains(later.get("businessKey").asText());

    JsonNode fresh = api.get("vanthu", "/api/incoming-documents/" + laterId).body();
    assertThat(fresh.get("replacesId").asLong()).isEqualTo(earlierId);
    assertThat(fresh.get("status").asText()).isEqualTo("AWAITING_DIRECTION");
    assertThat(fresh.get("trail")).anySatisfy(t -> {
      assertThat(t.get("action").asText()).isEqualTo("REPLACES");
      assertThat(t.get("relatedDocumentId").asLong()).isEqualTo(earlierId);
    });
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(earlierPi).count())
        .as("the earlier process instance is cancelled").isZero();
    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceId(later.get("processInstanceId").asText()).count()).isEqualTo(1);
  }

  @Test
  void aReplacementOfAnUnknownOrWithdrawnDocumentIsRefusedAndConsumesNoNumber() {
    Map<String, Object> unknown = document(unique());
    unknown.put("replaces", 987_654_321L);
    long before = documents.count();
    Response refused = api.post("vanthu", "/api/incoming-documents", unknown);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("fieldErrors").get(0).get("field").asText())
        .isEqualTo("replaces");
    unknown.put("replaces", "abc");
    assertThat(api.post("vanthu", "/api/incoming-documents", unknown).status()).isEqualTo(400);

    JsonNode recalledDoc = register();
    assertThat(recall("vanthu", recalledDoc.get("id").asLong(), body("reason", "Thu hồi"))
        .status()).isEqualTo(200);
    long afterRecall = documents.count();
    Map<String, Object> late = document(unique());
    late.put("replaces", recalledDoc.get("id").asLong());
    Response conflict = api.post("vanthu", "/api/incoming-documents", late);
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.body().get("field").asText()).isEqualTo("replaces");
    assertThat(documents.count()).isEqualTo(afterRecall);
    assertThat(afterRecall).isEqualTo(before + 1);

    JsonNode first = register();
    Map<String, Object> second = document(unique());
    second.put("replaces", first.get("id").asLong());
    register(second);
    Map<String, Object> third = document(unique());
    third.put("replaces", first.get("id").asLong());
    assertThat(api.post("vanthu", "/api/incoming-documents", third).status())
        .as("already replaced").isEqualTo(409);
  }
}
