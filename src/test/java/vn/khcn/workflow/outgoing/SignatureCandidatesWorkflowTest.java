package vn.khcn.workflow.outgoing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.outgoing.OutgoingDocumentProcess.Tasks;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Part;

/**
 * Who is offered the model's signature task besides the directors (ADR 0032): the unit head the
 * "TL." list names for the type, the unit head holding a valid written authorisation ("TUQ."),
 * no one else; the check at completion stays the guard.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignatureCandidatesWorkflowTest {

  static final String API = "/api/outgoing-documents";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired Clock clock;

  TestHttp api;

  @BeforeEach
  void setUp() {
    api = TestHttp.of(rest);
  }

  @Test
  void theChiefOfOfficeIsOfferedAnInvitationAndSignsItTl() {
    long id = toSignature("Giấy mời", "Về việc mời dự hội thảo khoa học");
    Task signature = open(id, Tasks.APPROVE_SIGNATURE);
    assertThat(candidateUsers(signature)).contains("cvp").doesNotContain("tp.khtc", "tp.qlcn");
    assertThat(candidateGroups(signature)).containsExactly(Groups.LANH_DAO);
    // Tasklist's candidate-user filter finds it for him
    TestHttp.Response listed = api.get("cvp", "/engine-rest/task?firstResult=0&maxResults=50"
        + "&candidateUser=cvp&taskDefinitionKey=" + Tasks.APPROVE_SIGNATURE);
    assertThat(listed.status()).as(listed.text()).isEqualTo(200);
    assertThat(listed.text()).contains(signature.getId());

    TestHttp.Response signed = complete("cvp", signature, Map.of("approved", true,
        "authority", "TL."));
    assertThat(signed.status()).as(signed.text()).isEqualTo(204);
    assertThat(api.get("cv.qlkh", API + "/" + id).body().get("signingTitle").asText())
        .isEqualTo("TL. GIÁM ĐỐC\nCHÁNH VĂN PHÒNG");
  }

  @Test
  void aUnitHeadWithoutTlRuleOrAuthorisationIsNeitherOfferedNorAllowed() {
    long id = toSignature("Công văn", "Về việc phối hợp thống kê khoa học");
    Task signature = open(id, Tasks.APPROVE_SIGNATURE);
    assertThat(candidateUsers(signature)).doesNotContain("cvp", "tp.khtc");
    for (String authority : List.of("TL.", "TUQ.")) {
      TestHttp.Response refused = complete("tp.khtc", signature, Map.of("approved", true,
          "authority", authority));
      assertThat(refused.status()).as(refused.text()).isEqualTo(403);
    }
    assertUnsignedAndWaiting(id, signature);
  }

  @Test
  void theAuthorisedHeadIsOfferedAndSignsTuqUntilTheAuthorisationIsRevoked() {
    LocalDate today = LocalDate.now(clock);
    TestHttp.Response given = api.post("giamdoc", "/api/signing-authorisations",
        SigningAuthorityApiTest.authorisation("tp.qlkh", today, today.plusDays(10),
            List.of("Báo cáo"), "Giấy ủy quyền số 21/GUQ-SKHCN"));
    assertThat(given.status()).as(given.text()).isEqualTo(201);
    long authorisation = given.body().get("id").asLong();
    long first = toSignature("Báo cáo", "Về việc báo cáo kết quả đánh giá nhiệm vụ");
    long second = toSignature("Báo cáo", "Về việc báo cáo tiến độ nhiệm vụ");
    Task signature = open(first, Tasks.APPROVE_SIGNATURE);
    Task later = open(second, Tasks.APPROVE_SIGNATURE);
    assertThat(candidateUsers(signature)).contains("tp.qlkh")
        .doesNotContain("cvp", "tp.qlcn", "tp.khtc");
    assertThat(candidateUsers(later)).contains("tp.qlkh");

    TestHttp.Response signed = complete("tp.qlkh", signature, Map.of("approved", true,
        "authority", "TUQ."));
    assertThat(signed.status()).as(signed.text()).isEqualTo(204);
    assertThat(api.get("cv.qlkh", API + "/" + first).body().get("signingTitle").asText())
        .isEqualTo("TUQ. GIÁM ĐỐC\n" + SigningRules.headTitle(Groups.PHONG_QLKH));

    // revoked after the task was offered: the check at completion refuses, the task stays
    assertThat(api.post("giamdoc", "/api/signing-authorisations/" + authorisation + "/revoke",
        null).status()).isEqualTo(200);
    TestHttp.Response refused = complete("tp.qlkh", later, Map.of("approved", true,
        "authority", "TUQ."));
    assertThat(refused.status()).as(refused.text()).isEqualTo(403);
    assertThat(refused.text()).contains("đã bị thu hồi");
    assertUnsignedAndWaiting(second, later);
  }

  @Test
  void anExpiredAuthorisationOffersNothing() {
    LocalDate today = LocalDate.now(clock);
    jdbc.update("insert into signing_authorisation (grantor, grantee, valid_from, valid_to,"
        + " reference, created_at) values ('giamdoc', 'tp.qlcn', ?, ?, 'GUQ hết hạn 02/2026',"
        + " current_timestamp)", java.sql.Date.valueOf(today.minusDays(20)),
        java.sql.Date.valueOf(today.minusDays(1)));
    Long expired = jdbc.queryForObject("select max(id) from signing_authorisation where"
        + " reference = 'GUQ hết hạn 02/2026'", Long.class);
    jdbc.update("insert into signing_authorisation_type values (?, 'Kế hoạch')", expired);
    long id = toSignature("Kế hoạch", "Về việc kế hoạch kiểm tra nhiệm vụ năm 2027");
    Task signature = open(id, Tasks.APPROVE_SIGNATURE);
    assertThat(candidateUsers(signature)).doesNotContain("tp.qlcn");
    TestHttp.Response refused = complete("tp.qlcn", signature, Map.of("approved", true,
        "authority", "TUQ."));
    assertThat(refused.status()).as(refused.text()).isEqualTo(403);
    assertUnsignedAndWaiting(id, signature);
  }

  /** A draft of the type by cv.qlkh, taken through its checks to the signature task. */
  private long toSignature(String type, String summary) {
    Map<String, Object> body = OutgoingFixtures.draft(summary);
    body.put("documentType", type);
    TestHttp.Response created = api.post("cv.qlkh", API, body);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    assertThat(api.multipart("cv.qlkh", API + "/" + id + "/versions",
        Part.file("file", "du-thao.pdf", "application/pdf", OutgoingFixtures.pdf()),
        new Part("note", null, "text/plain; charset=UTF-8",
            "Bản trình".getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(201);
    assertThat(complete("cv.qlkh", open(id, Tasks.DRAFT), Map.of()).status()).isEqualTo(204);
    Task content = open(id, Tasks.CHECK_CONTENT);
    String head = candidateUsers(content).stream().findFirst().orElse("tp.qlkh");
    assertThat(complete(head, content, Map.of("approved", true)).status()).isEqualTo(204);
    Map<String, Object> checklist = new LinkedHashMap<>();
    OutgoingDocumentProcess.Vars.CHECKLIST.forEach(v -> checklist.put(v.name(), true));
    checklist.put("approved", true);
    TestHttp.Response form = complete("cv.vp", open(id, Tasks.CHECK_FORM), checklist);
    assertThat(form.status()).as(form.text()).isEqualTo(204);
    return id;
  }

  private List<String> candidateUsers(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getUserId() != null)
        .map(l -> l.getUserId()).toList();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(l -> l.getGroupId()).toList();
  }

  private void assertUnsignedAndWaiting(long id, Task signature) {
    assertThat(jdbc.queryForObject("select status from outgoing_document where id = ?",
        String.class, id)).isEqualTo("DRAFT");
    assertThat(jdbc.queryForObject("select count(*) from outgoing_trail where document_id = ?"
        + " and action in ('SIGNED', 'SIGNATURE_APPROVED')", Integer.class, id)).isZero();
    assertThat(open(id, Tasks.APPROVE_SIGNATURE).getId()).isEqualTo(signature.getId());
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
