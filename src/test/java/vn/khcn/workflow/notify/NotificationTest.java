package vn.khcn.workflow.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.TestHttp;

/** Mail notifications through an in-process SMTP server (the test profile points SMTP at it). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NotificationTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired @Qualifier("applicationTaskExecutor") ThreadPoolTaskExecutor mailExecutor;

  TestHttp api;

  @BeforeEach
  void client() {
    api = TestHttp.of(rest);
  }

  JsonNode register(String classification) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("issuer", "Bộ Khoa học và Công nghệ");
    body.put("documentNumber", UUID.randomUUID().toString().substring(0, 8) + "/BKHCN-VP");
    body.put("issuedOn", "2026-11-20");
    body.put("documentType", "Công văn");
    body.put("summary", "Về việc đăng ký nhiệm vụ khoa học và công nghệ cấp quốc gia năm 2027");
    body.put("urgency", "NORMAL");
    body.put("classification", classification);
    return api.post("vanthu", "/api/incoming-documents", body).body();
  }

  int complete(String user, String taskId, Map<String, Object> variables) {
    return api.post(user, "/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", variables)).status();
  }

  static Map<String, Object> value(Object value, String type) {
    return Map.of("value", value, "type", type);
  }

  /** Polls until the executor of @Async mail has run every task it was given (10 s at most). */
  void awaitMailsSent() throws InterruptedException {
    var pool = mailExecutor.getThreadPoolExecutor();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (pool.getCompletedTaskCount() < pool.getTaskCount()) {
      assertThat(System.nanoTime()).as("mail executor still busy after 10 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  List<MimeMessage> withSubject(String tag) throws Exception {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return m.getSubject().startsWith("[" + tag + "]");
      } catch (Exception e) {
        return false;
      }
    }).toList();
  }

  @Test
  void directorsHearOfNewDocumentsAndUnitsOfTheirWorkOnceAfterCommit() throws Exception {
    JsonNode doc = register("NONE");
    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    MimeMessage awaiting = withSubject("Chờ chỉ đạo").get(0);
    assertThat(awaiting.getSubject()).contains(doc.get("businessKey").asText(), "đăng ký nhiệm vụ");
    assertThat(awaiting.getContent().toString()).contains("/inbox");

    String task = taskService.createTaskQuery().processInstanceId(doc.get("processInstanceId").asText())
        .singleResult().getId();
    Map<String, Object> refused = Map.of("direction", value("Xử lý", "String"),
        "leadUnit", value("khong-co", "String"), "dueDate", value("2020-01-01", "String"));
    assertThat(complete("giamdoc", task, refused)).isEqualTo(400);
    Map<String, Object> direction = Map.of("direction", value("Phòng QLKH chủ trì.", "String"),
        "leadUnit", value("phong-qlkh", "String"),
        "dueDate", value(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(5).toString(), "String"));
    assertThat(complete("giamdoc", task, direction)).isEqualTo(204);

    // the commit handed every mail of the step to the mail executor before the 204; once that
    // executor has finished all it was given, a second, wrong mail would be in GreenMail
    awaitMailsSent();
    List<MimeMessage> assigned = withSubject("Việc mới");
    // GreenMail keeps one copy per envelope recipient: the sender's copy (To) and one per member
    // of phong-qlkh (Bcc: the officer, the head and the deputy). A second send, or one for the
    // refused direction, would double the copies.
    long members = identityService.createUserQuery().memberOfGroup("phong-qlkh").count();
    assertThat(members).isGreaterThan(1);
    assertThat(assigned).as("one mail for the one committed direction, none for the refused one")
        .hasSize(1 + (int) members);
    assertThat(assigned.get(0).getContent().toString()).contains("Phòng QLKH chủ trì.", "/camunda/app/tasklist/");
  }

  @Test
  void classifiedSummariesAreNeverMailed() throws Exception {
    JsonNode doc = register("SECRET");
    assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
    MimeMessage awaiting = withSubject("Chờ chỉ đạo").get(0);
    assertThat(awaiting.getSubject()).contains(doc.get("businessKey").asText(), "(văn bản mật)")
        .doesNotContain("đăng ký nhiệm vụ");
    assertThat(awaiting.getContent().toString()).doesNotContain("đăng ký nhiệm vụ");
  }

  @Test
  void aMailFailureNeverLosesTheWorkflowStep() throws Exception {
    smtp.stop();
    JsonNode doc = register("NONE");
    assertThat(doc.get("incomingNumber").asInt()).isPositive();
    String task = taskService.createTaskQuery().processInstanceId(doc.get("processInstanceId").asText())
        .singleResult().getId();
    assertThat(complete("giamdoc", task, Map.of("infoOnly", value(true, "Boolean")))).isEqualTo(204);
    JsonNode details = api.get("giamdoc", "/api/incoming-documents/" + doc.get("id").asLong())
        .body();
    assertThat(details.get("status").asText()).isEqualTo("ARCHIVED");
  }

  /** The mails of a document's tag in the mailbox of the user whose address starts so. */
  long mailsOf(String addressStart, String tag) {
    return smtp.findReceivedMessages(user -> user.getEmail().startsWith(addressStart), m -> {
      try {
        return m.getSubject().startsWith("[" + tag + "]");
      } catch (Exception e) {
        return false;
      }
    }).count();
  }

  @Test
  void aRecallTellsTheDirectorWhoDirectedItAndTheUnitThatHadIt() throws Exception {
    JsonNode doc = register("NONE");
    String task = taskService.createTaskQuery()
        .processInstanceId(doc.get("processInstanceId").asText()).singleResult().getId();
    assertThat(api.post("giamdoc", "/engine-rest/task/" + task + "/claim",
        Map.of("userId", "giamdoc")).status()).isEqualTo(204);
    Map<String, Object> direction = Map.of("direction", value("Phòng QLKH chủ trì.", "String"),
        "leadUnit", value("phong-qlkh", "String"),
        "dueDate", value(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(5).toString(),
            "String"));
    assertThat(complete("giamdoc", task, direction)).isEqualTo(204);
    awaitMailsSent();
    int before = smtp.getReceivedMessages().length;

    assertThat(api.post("vanthu", "/api/incoming-documents/" + doc.get("id").asLong()
        + "/recall", Map.of("reason", "Bộ đã thu hồi văn bản")).status()).isEqualTo(200);
    assertThat(smtp.waitForIncomingEmail(10_000, before + 1)).isTrue();
    awaitMailsSent();

    String tag = doc.get("businessKey").asText();
    List<MimeMessage> recalled = withSubject(tag);
    assertThat(recalled).isNotEmpty();
    assertThat(recalled.get(0).getSubject()).contains("đã bị thu hồi");
    assertThat(recalled.get(0).getContent().toString()).contains("Bộ đã thu hồi văn bản");
    // one copy per envelope recipient: the sender's own (To), the director, the unit's member
    assertThat(mailsOf("giamdoc@", tag)).as("the director who directed it").isEqualTo(1);
    assertThat(mailsOf("cv.qlkh@", tag)).as("the member of the lead unit").isEqualTo(1);
    assertThat(mailsOf("cv.khtc@", tag)).as("a unit that never had it").isZero();
  }
}
