package vn.khcn.workflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.outgoing.OutgoingDocumentProcess.Tasks;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Part;

/**
 * The outgoing model driven over real HTTP as the demo users (ADR 0026): a draft through an
 * opinion round, consolidation, the three checks, signature from the directors' inbox, numbering
 * and issue; and every refusal (drafter signing his own draft, numbering before signature, an
 * outsider answering, editing an issued document, extra fields, wrong stage) with nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OutgoingWorkflowApiTest {

  static final String API = "/api/outgoing-documents";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired org.camunda.bpm.engine.IdentityService identity;

  TestHttp api;

  @BeforeEach
  void setUp() {
    api = TestHttp.of(rest);
    String deputy = OutgoingDocumentApiTest.DEPUTY_IN_UNIT;
    if (identity.createUserQuery().userId(deputy).count() == 0) {
      org.camunda.bpm.engine.identity.User user = identity.newUser(deputy);
      user.setFirstName("Đỗ Văn");
      user.setLastName("Nam");
      user.setPassword(TestHttp.PASSWORD);
      identity.saveUser(user);
      identity.createMembership(deputy, vn.khcn.workflow.identity.Groups.LANH_DAO);
      identity.createMembership(deputy, vn.khcn.workflow.identity.Groups.PHONG_QLKH);
    }
  }

  @Test
  void draftThroughOpinionsChecksSignatureAndIssue() {
    long id = created("cv.qlkh", "Về việc kế hoạch khoa học năm 2027");
    String base = API + "/" + id;
    Task draft = task(id, Tasks.DRAFT);
    // no body yet: the draft cannot be submitted
    assertThat(complete("cv.qlkh", draft, Map.of()).status()).isEqualTo(400);
    assertThat(upload("cv.qlkh", id).status()).isEqualTo(201);

    // opinions: only the drafter asks, with nothing unknown in the request
    LocalDate due = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(5);
    Map<String, Object> ask = new LinkedHashMap<>();
    ask.put("from", List.of("phong-khtc", "tp.qlcn"));
    ask.put("dueDate", due.toString());
    ask.put("note", "Xin góp ý trước ngày họp");
    assertThat(api.post("tp.qlkh", base + "/opinion-requests", ask).status()).isEqualTo(403);
    Map<String, Object> extra = new LinkedHashMap<>(ask);
    extra.put("round", 5);
    assertThat(api.post("cv.qlkh", base + "/opinion-requests", extra).status()).isEqualTo(400);
    assertThat(count("outgoing_opinion_request", id)).isZero();
    TestHttp.Response asked = api.post("cv.qlkh", base + "/opinion-requests", ask);
    assertThat(asked.status()).as(asked.text()).isEqualTo(201);
    assertThat(asked.body().get("opinionRequests")).extracting(r -> r.get("partyName").asText())
        .containsExactly("Phòng Kế hoạch – Tài chính", "Phan Minh Nhựt");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
        .taskDefinitionKey(Tasks.GIVE_OPINION).count()).isEqualTo(2);
    // a second round while this one is open: 409
    assertThat(api.post("cv.qlkh", base + "/opinion-requests", ask).status()).isEqualTo(409);

    // an outsider answers: 403, nothing stored
    TestHttp.Response outsider = api.post("cv.vp", base + "/opinions",
        Map.of("position", "AGREE", "text", "Đồng ý"));
    assertThat(outsider.status()).as(outsider.text()).isEqualTo(403);
    assertThat(count("outgoing_opinion", id)).isZero();
    // a member of the asked unit answers with a file (multipart); once only
    TestHttp.Response answered = api.multipart("cv.khtc", base + "/opinions",
        new Part("position", null, "text/plain", "AGREE_WITH_COMMENTS".getBytes()),
        new Part("text", null, "text/plain; charset=UTF-8",
            "Đề nghị bổ sung dự toán kinh phí".getBytes(StandardCharsets.UTF_8)),
        Part.file("files", "gop-y.pdf", "application/pdf", OutgoingFixtures.pdf()));
    assertThat(answered.status()).as(answered.text()).isEqualTo(201);
    assertThat(api.post("cv.khtc", base + "/opinions", Map.of("position", "AGREE")).status())
        .isEqualTo(409);
    // the person asked answers from Tasklist: the same answer
    Task personal = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
        .taskDefinitionKey(Tasks.GIVE_OPINION).singleResult();
    TestHttp.Response fromTasklist = complete("tp.qlcn", personal, Map.of("position", "DISAGREE",
        "opinionText", "Chưa rõ căn cứ pháp lý"));
    assertThat(fromTasklist.status()).as(fromTasklist.text()).isEqualTo(204);
    assertThat(count("outgoing_opinion", id)).isEqualTo(2);

    // consolidation: each opinion accepted or explained before the draft goes on
    Task consolidate = task(id, Tasks.CONSOLIDATE);
    assertThat(complete("cv.qlkh", consolidate, Map.of()).status()).isEqualTo(400);
    JsonNode opinions = api.get("cv.qlkh", base).body().get("opinions");
    assertThat(opinions.get(0).get("files")).hasSize(1);
    long first = opinions.get(0).get("id").asLong();
    long second = opinions.get(1).get("id").asLong();
    assertThat(api.post("cv.qlkh", base + "/opinions/" + second + "/resolution",
        Map.of("accepted", false)).status()).isEqualTo(400);
    assertThat(api.post("tp.qlkh", base + "/opinions/" + first + "/resolution",
        Map.of("accepted", true)).status()).isEqualTo(403);
    assertThat(api.post("cv.qlkh", base + "/opinions/" + first + "/resolution",
        Map.of("accepted", true)).status()).isEqualTo(200);
    assertThat(api.post("cv.qlkh", base + "/opinions/" + second + "/resolution",
        Map.of("accepted", false, "explanation", "Căn cứ Nghị định 30/2020")).status())
        .isEqualTo(200);
    java.net.http.HttpResponse<byte[]> table = api.download("cv.qlkh", base + "/opinions.pdf");
    assertThat(table.statusCode()).isEqualTo(200);
    assertThat(OutgoingFixtures.pdfText(table.body())).contains("BẢNG TỔNG HỢP")
        .contains("Phòng Kế hoạch – Tài chính").contains("Tiếp thu")
        .contains("Giải trình: Căn cứ Nghị định 30/2020");
    assertThat(complete("cv.qlkh", consolidate, Map.of()).status()).isEqualTo(204);

    // content check by the unit head; a return comes back to the draft with its comment
    Task content = task(id, Tasks.CHECK_CONTENT);
    assertThat(complete("tp.qlkh", content, Map.of("approved", false)).status()).isEqualTo(400);
    // a comment as long as a form may send (3,971 characters: more than the 2,000 its trail
    // column once held, and with the step's name before it more than a string variable holds)
    assertThat(complete("tp.qlkh", content, Map.of("approved", false,
        "comment", "Bổ sung số liệu. " + "Nêu rõ căn cứ và số liệu từng năm. ".repeat(113)))
        .status()).isEqualTo(204);
    Task again = task(id, Tasks.DRAFT);
    assertThat(taskService.getVariableLocal(again.getId(), "documentView").toString())
        .startsWith("TRẢ LẠI: Kiểm tra nội dung dự thảo – ").contains("Bổ sung số liệu");
    assertThat(complete("cv.qlkh", again, Map.of()).status()).isEqualTo(204);
    assertThat(complete("tp.qlkh", task(id, Tasks.CHECK_CONTENT), Map.of("approved", true))
        .status()).isEqualTo(204);

    // form check: the whole App. I checklist, and nothing beyond the form
    Task form = task(id, Tasks.CHECK_FORM);
    Map<String, Object> checklist = new LinkedHashMap<>();
    OutgoingDocumentProcess.Vars.CHECKLIST.forEach(v -> checklist.put(v.name(), true));
    checklist.put("formSeal", false);
    checklist.put("approved", true);
    assertThat(complete("cv.vp", form, checklist).status()).isEqualTo(400);
    checklist.put("formSeal", true);
    Map<String, Object> withExtra = new LinkedHashMap<>(checklist);
    withExtra.put("number", 99);
    assertThat(complete("cv.vp", form, withExtra).status()).isEqualTo(400);
    // around the model: signing or numbering a driven draft directly is refused
    assertThat(api.post("giamdoc", base + "/sign", Map.of()).status()).isEqualTo(409);
    assertThat(api.post("vanthu", base + "/number", null).status()).isEqualTo(409);
    assertThat(complete("cv.vp", form, checklist).status()).isEqualTo(204);

    // the signer, from the directors' inbox
    Task signature = task(id, Tasks.APPROVE_SIGNATURE);
    // other tests of the shared context leave items: the new one may be on a later page
    List<String> listed = new java.util.ArrayList<>();
    for (int page = 0; page < 100 && !listed.contains(signature.getId()); page++) {
      JsonNode items = api.get("giamdoc", "/api/inbox?page=" + page).body().get("items");
      if (items.isEmpty()) {
        break;
      }
      listed.addAll(items.findValuesAsText("taskId"));
    }
    assertThat(listed).contains(signature.getId());
    // the Deputy Director in charge of the drafting unit signs "KT." (ADR 0032)
    TestHttp.Response approved = api.post("phogiamdoc", "/api/inbox/" + signature.getId()
        + "/approval", Map.of("approved", true, "authority", "KT."));
    assertThat(approved.status()).as(approved.text()).isEqualTo(204);
    JsonNode signed = api.get("cv.qlkh", base).body();
    assertThat(signed.get("status").asText()).isEqualTo("SIGNED");
    assertThat(signed.get("authority").asText()).isEqualTo("KT.");
    assertThat(signed.get("number").isNull()).isTrue();

    Task number = task(id, Tasks.NUMBER);
    assertThat(number.getDueDate()).isNotNull();
    assertThat(complete("vanthu", number, Map.of()).status()).isEqualTo(204);
    JsonNode issued = api.get("cv.qlkh", base).body();
    assertThat(issued.get("status").asText()).isEqualTo("ISSUED");
    assertThat(issued.get("numberSymbol").asText()).endsWith("/SKHCN-QLKH");
    assertThat(issued.get("trail")).extracting(t -> t.get("action").asText())
        .contains("OPINIONS_REQUESTED", "OPINION_GIVEN", "OPINION_RESOLVED", "RETURNED",
            "CONTENT_CHECKED", "FORM_CHECKED", "SIGNATURE_APPROVED", "SIGNED", "NUMBERED");

    // an issued document is not edited, nor asked about
    assertThat(upload("cv.qlkh", id).status()).isEqualTo(409);
    assertThat(api.post("cv.qlkh", base + "/opinion-requests", ask).status()).isEqualTo(409);
    assertThat(count("outgoing_body_version", id)).isEqualTo(1);
  }

  @Test
  void aDirectorWhoDraftedCannotApproveHisOwnSignatureAnotherSigns() {
    long id = created(OutgoingDocumentApiTest.DEPUTY_IN_UNIT, "Về việc tự duyệt ký");
    assertThat(upload(OutgoingDocumentApiTest.DEPUTY_IN_UNIT, id).status()).isEqualTo(201);
    assertThat(complete(OutgoingDocumentApiTest.DEPUTY_IN_UNIT, task(id, Tasks.DRAFT), Map.of())
        .status()).isEqualTo(204);
    assertThat(complete("tp.qlkh", task(id, Tasks.CHECK_CONTENT), Map.of("approved", true))
        .status()).isEqualTo(204);
    Map<String, Object> checklist = new LinkedHashMap<>();
    OutgoingDocumentProcess.Vars.CHECKLIST.forEach(v -> checklist.put(v.name(), true));
    checklist.put("approved", true);
    assertThat(complete("cv.vp", task(id, Tasks.CHECK_FORM), checklist).status()).isEqualTo(204);

    Task signature = task(id, Tasks.APPROVE_SIGNATURE);
    TestHttp.Response own = complete(OutgoingDocumentApiTest.DEPUTY_IN_UNIT, signature,
        Map.of("approved", true));
    assertThat(own.status()).as(own.text()).isEqualTo(403);
    assertThat(api.get("giamdoc", API + "/" + id).body().get("status").asText())
        .isEqualTo("DRAFT");
    assertThat(task(id, Tasks.APPROVE_SIGNATURE).getAssignee()).isNull();
    // wrong stage: the registry cannot number a draft waiting for its signature
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(id))
        .taskDefinitionKey(Tasks.NUMBER).count()).isZero();
    assertThat(complete("giamdoc", signature, Map.of("approved", true, "authority", "Q."))
        .status()).isEqualTo(400);
    assertThat(complete("giamdoc", signature, Map.of("approved", true)).status()).isEqualTo(204);
    assertThat(api.get("giamdoc", API + "/" + id).body().get("signedBy").asText())
        .isEqualTo("giamdoc");
  }

  private long created(String user, String summary) {
    TestHttp.Response created = api.post(user, API, OutgoingFixtures.draft(summary));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  private TestHttp.Response upload(String user, long id) {
    return api.multipart(user, API + "/" + id + "/versions",
        Part.file("file", "du-thao.pdf", "application/pdf", OutgoingFixtures.pdf()),
        new Part("note", null, "text/plain; charset=UTF-8",
            "Bản trình".getBytes(StandardCharsets.UTF_8)));
  }

  private Task task(long id, String key) {
    List<Task> found = taskService.createTaskQuery()
        .processInstanceBusinessKey(String.valueOf(id)).taskDefinitionKey(key).list();
    assertThat(found).as("open " + key).hasSize(1);
    return found.get(0);
  }

  /** Completes through the engine REST API (Tasklist's path) with typed variables. */
  private TestHttp.Response complete(String user, Task task, Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return api.post(user, "/engine-rest/task/" + task.getId() + "/complete",
        Map.of("variables", variables));
  }

  private int count(String table, long id) {
    return jdbc.queryForObject("select count(*) from " + table + " where document_id = ?",
        Integer.class, id);
  }
}
