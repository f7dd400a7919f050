package vn.khcn.workflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
 * The signing rules on the model's signature task (ADR 0032): the inbox and Tasklist refuse what
 * the rules refuse, with the reason, the task stays open and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SigningAuthorityWorkflowTest {

  static final String API = "/api/outgoing-documents";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;

  TestHttp api;

  @BeforeEach
  void setUp() {
    api = TestHttp.of(rest);
  }

  @Test
  void theInboxRefusesTheDirectorsKtAndTheDeputyOutsideHisField() {
    long id = toSignature("cv.vp", "tp.qlkh", "Về việc tổ chức hội nghị của Văn phòng");
    Task signature = task(id);
    TestHttp.Response director = api.post("giamdoc", "/api/inbox/" + signature.getId()
        + "/approval", Map.of("approved", true, "authority", "KT."));
    assertThat(director.status()).as(director.text()).isEqualTo(403);
    assertThat(director.text()).contains("không ký thay (KT.)");
    TestHttp.Response deputy = api.post("phogiamdoc", "/api/inbox/" + signature.getId()
        + "/approval", Map.of("approved", true, "authority", "KT."));
    assertThat(deputy.status()).isEqualTo(403);
    assertThat(deputy.text()).contains("không thuộc lĩnh vực Phó Giám đốc phụ trách");
    TestHttp.Response extra = api.post("giamdoc", "/api/inbox/" + signature.getId()
        + "/approval", Map.of("approved", true, "authority", "", "signingTitle", "GIÁM ĐỐC"));
    assertThat(extra.status()).isEqualTo(400);
    assertUnsignedAndWaiting(id, signature);

    TestHttp.Response own = api.post("giamdoc", "/api/inbox/" + signature.getId()
        + "/approval", Map.of("approved", true, "authority", ""));
    assertThat(own.status()).as(own.text()).isEqualTo(204);
    assertThat(api.get("cv.vp", API + "/" + id).body().get("signingTitle").asText())
        .isEqualTo("GIÁM ĐỐC");
  }

  @Test
  void tasklistRefusesTheSameWithTheReason() {
    long id = toSignature("cv.qlkh", "tp.qlkh", "Về việc đề xuất đặt hàng nhiệm vụ");
    Task signature = task(id);
    TestHttp.Response deputyOwnName = complete("phogiamdoc", signature,
        Map.of("approved", true, "authority", ""));
    assertThat(deputyOwnName.status()).isEqualTo(403);
    assertThat(deputyOwnName.text()).contains("Phó Giám đốc không ký với tư cách thủ trưởng");
    TestHttp.Response tuq = complete("giamdoc", signature,
        Map.of("approved", true, "authority", "TUQ."));
    assertThat(tuq.status()).isEqualTo(403);
    assertThat(tuq.text()).contains("Không có giấy ủy quyền");
    assertUnsignedAndWaiting(id, signature);

    assertThat(complete("phogiamdoc", signature, Map.of("approved", true, "authority", "KT."))
        .status()).isEqualTo(204);
    var signed = api.get("cv.qlkh", API + "/" + id).body();
    assertThat(signed.get("status").asText()).isEqualTo("SIGNED");
    assertThat(signed.get("signingTitle").asText()).isEqualTo("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC");
  }

  /** A draft taken through its checks to the signature task. */
  private long toSignature(String drafter, String checker, String summary) {
    TestHttp.Response created = api.post(drafter, API, OutgoingFixtures.draft(summary));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    assertThat(api.multipart(drafter, API + "/" + id + "/versions",
        Part.file("file", "du-thao.pdf", "application/pdf", OutgoingFixtures.pdf()),
        new Part("note", null, "text/plain; charset=UTF-8",
            "Bản trình".getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(201);
    assertThat(complete(drafter, open(id, Tasks.DRAFT), Map.of()).status()).isEqualTo(204);
    Task content = open(id, Tasks.CHECK_CONTENT);
    String head = taskService.getIdentityLinksForTask(content.getId()).stream()
        .filter(l -> l.getUserId() != null).map(l -> l.getUserId()).findFirst().orElse(checker);
    assertThat(complete(head, content, Map.of("approved", true)).status()).isEqualTo(204);
    Map<String, Object> checklist = new LinkedHashMap<>();
    OutgoingDocumentProcess.Vars.CHECKLIST.forEach(v -> checklist.put(v.name(), true));
    checklist.put("approved", true);
    String formChecker = "cv.vp".equals(drafter) ? "cvp" : "cv.vp";
    TestHttp.Response form = complete(formChecker, open(id, Tasks.CHECK_FORM), checklist);
    assertThat(form.status()).as(form.text()).isEqualTo(204);
    return id;
  }

  private void assertUnsignedAndWaiting(long id, Task signature) {
    assertThat(jdbc.queryForObject("select status from outgoing_document where id = ?",
        String.class, id)).isEqualTo("DRAFT");
    assertThat(jdbc.queryForObject("select count(*) from outgoing_trail where document_id = ?"
        + " and action in ('SIGNED', 'SIGNATURE_APPROVED')", Integer.class, id)).isZero();
    assertThat(task(id).getId()).isEqualTo(signature.getId());
  }

  private Task task(long id) {
    return open(id, Tasks.APPROVE_SIGNATURE);
  }

  private Task open(long id, String key) {
    List<Task> found = taskService.createTaskQuery()
        .processInstanceBusinessKey(String.valueOf(id)).taskDefinitionKey(key).list();
    assertThat(found).as("open " + key).hasSize(1);
    return found.get(0);
  }

  private TestHttp.Response complete(String user, Task task, Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return api.post(user, "/engine-rest/task/" + task.getId() + "/complete",
        Map.of("variables", variables));
  }
}
