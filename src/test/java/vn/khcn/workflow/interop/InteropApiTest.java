package vn.khcn.workflow.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.dispatch.IncomingDirectiveProcess;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.UnitsWithoutHeads;
import vn.khcn.workflow.support.TestHttp.Part;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * Electronic documents over the axis (issue 16), over real HTTP as the demo users: receive,
 * check, register or refuse; the status messages the real process sends back; the sender's
 * recall; bad packages and the wrong people refused with nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(UnitsWithoutHeads.class)
class InteropApiTest {

  static final String PACKAGES = "/api/interop/packages";
  /** The test profile's interop folders (application.yaml), emptied before the class runs. */
  static final Path FOLDERS = Path.of("target", "interop-test");

  @BeforeAll
  static void emptyFolders() throws IOException {
    if (Files.isDirectory(FOLDERS)) {
      try (Stream<Path> all = Files.walk(FOLDERS)) {
        for (Path path : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @Autowired vn.khcn.workflow.shared.tx.AfterCommitExecutor afterCommit;
  @Autowired InboxWatcher inbox;

  TestHttp api;

  @BeforeEach
  void setUp() {
    api = TestHttp.of(rest);
  }

  @Test
  void theStatusesFollowTheRealProcessFromReceiptToDone() {
    String documentId = documentId();
    long packageId = upload(documentId).body().get("id").asLong();
    Response registered = register(packageId, documentId);
    assertThat(registered.status()).as(registered.text()).isEqualTo(201);
    String instance = registered.body().get("processInstanceId").asText();
    long document = registered.body().get("id").asLong();

    Task direction = task(instance, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    claim("giamdoc", direction);
    complete("giamdoc", direction, TestHttp.variables("direction", "String",
        "Phòng QLKH chủ trì.", "infoOnly", "Boolean", false, "leadUnit", "String", "phong-qlkh",
        "coordinatingUnits", "Json", "[]", "informedUnits", "Json", "[]", "dueDate", "String",
        LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(10).toString()));
    assertThat(codes(documentId)).containsExactly("01", "03", "04");

    Task unit = task(instance, IncomingDirectiveProcess.Tasks.HANDLE_ASSIGNMENT);
    claim("cv.qlkh", unit);
    assertThat(codes(documentId)).containsExactly("01", "03", "04", "05");
    complete("cv.qlkh", unit, TestHttp.variables("result", "String", "Đã triển khai."));
    Task approval = task(instance, IncomingDirectiveProcess.Tasks.APPROVE_RESULT);
    claim("giamdoc", approval);
    complete("giamdoc", approval, TestHttp.variables("approved", "Boolean", true));

    assertThat(codes(documentId)).containsExactly("01", "03", "04", "05", "06");
    JsonNode details = api.get("vanthu", "/api/incoming-documents/" + document).body();
    assertThat(details.get("attachments").get(0).get("fileName").asText())
        .isEqualTo("cong-van.pdf");
    assertThat(details.toString()).contains("RECEIVED_ELECTRONICALLY", documentId,
        "không có chữ ký số");
    assertThat(api.get("vanthu", PACKAGES + "/" + packageId).body().get("statuses").size())
        .isEqualTo(5);
  }

  @Test
  void aRefusedPackageSendsTwoWithTheReasonAndCannotBeRegisteredAfterwards() {
    String documentId = documentId();
    long packageId = upload(documentId).body().get("id").asLong();

    Response refused = api.post("vanthu", PACKAGES + "/" + packageId + "/refuse",
        Map.of("reason", "Gửi nhầm cơ quan"));

    assertThat(refused.status()).as(refused.text()).isEqualTo(200);
    assertThat(refused.body().get("status").asText()).isEqualTo("REFUSED");
    assertThat(codes(documentId)).containsExactly("01", "02");
    assertThat(outbox(documentId).get(1).status().description()).isEqualTo("Gửi nhầm cơ quan");
    assertThat(register(packageId, documentId).status()).isEqualTo(409);
    assertThat(api.post("vanthu", PACKAGES + "/" + packageId + "/refuse",
        Map.of("reason", "lần nữa")).status()).isEqualTo(409);
  }

  @Test
  void aRefusalNeedsAReasonAndOnlyTheReason() {
    long packageId = upload(documentId()).body().get("id").asLong();
    Response noReason = api.post("vanthu", PACKAGES + "/" + packageId + "/refuse", Map.of());
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.text()).contains("reason", "chưa nhập lý do");
    Response extra = api.post("vanthu", PACKAGES + "/" + packageId + "/refuse",
        Map.of("reason", "Gửi nhầm", "status", "REGISTERED"));
    assertThat(extra.status()).isEqualTo(400);
    assertThat(api.get("vanthu", PACKAGES + "/" + packageId).body().get("status").asText())
        .isEqualTo("RECEIVED");
  }

  @Test
  void theSameDocumentIdTwiceIsFlaggedAndItsRegistrationRefusedAsADuplicate() {
    String documentId = documentId();
    long first = upload(documentId).body().get("id").asLong();
    assertThat(register(first, documentId).status()).isEqualTo(201);

    Response again = upload(documentId);
    long second = again.body().get("id").asLong();
    assertThat(again.body().get("duplicateOfId").asLong()).isEqualTo(first);
    int documentsBefore = count("incoming_document");
    Response duplicate = register(second, documentId);

    assertThat(duplicate.status()).as(duplicate.text()).isEqualTo(409);
    assertThat(duplicate.text()).contains(documentId, "đã được đăng ký");
    assertThat(count("incoming_document")).isEqualTo(documentsBefore);
    Response anyway = api.post("vanthu", PACKAGES + "/" + second + "/register?registerDuplicate=true",
        registration(documentId));
    assertThat(anyway.status()).as(anyway.text()).isEqualTo(201);
  }

  @Test
  void theSendersRecallShowsOnTheDocumentAndIsAcceptedWithFifteen() {
    String documentId = documentId();
    long packageId = upload(documentId).body().get("id").asLong();
    long document = register(packageId, documentId).body().get("id").asLong();

    Response recall = upload("thu-hoi.edxml", EdxmlSamples.recall(documentId, "Ban hành nhầm"));
    assertThat(recall.status()).as(recall.text()).isEqualTo(200);
    assertThat(recall.body().get("recallReason").asText()).isEqualTo("Ban hành nhầm");
    assertThat(api.get("vanthu", "/api/incoming-documents/" + document).text())
        .contains("RECALL_REQUESTED", "Ban hành nhầm");
    assertThat(documentPage(document)).contains("id=\"recall-requested\"", "Ban hành nhầm");

    Response accepted = api.post("vanthu", PACKAGES + "/" + packageId + "/recall/accept", null);

    assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
    assertThat(api.get("vanthu", "/api/incoming-documents/" + document).body()
        .get("status").asText()).isEqualTo("RECALLED");
    assertThat(codes(documentId)).containsExactly("01", "03", "15");
    assertThat(api.post("vanthu", PACKAGES + "/" + packageId + "/recall/accept", null).status())
        .isEqualTo(409);
  }

  @Test
  void aRefusedRecallLeavesTheDocumentAndSendsSixteen() {
    String documentId = documentId();
    long packageId = upload(documentId).body().get("id").asLong();
    long document = register(packageId, documentId).body().get("id").asLong();
    upload("thu-hoi.edxml", EdxmlSamples.recall(documentId, "Ban hành nhầm"));

    Response refused = api.post("vanthu", PACKAGES + "/" + packageId + "/recall/refuse",
        Map.of("reason", "Văn bản đã được giao xử lý"));

    assertThat(refused.status()).as(refused.text()).isEqualTo(200);
    assertThat(codes(documentId)).containsExactly("01", "03", "16");
    assertThat(api.get("vanthu", "/api/incoming-documents/" + document).body()
        .get("status").asText()).isNotEqualTo("RECALLED");
    assertThat(documentPage(document)).contains("business-key").doesNotContain("recall-requested");
  }

  @Test
  void aRecallOfADocumentNeverReceivedIsRefused() {
    Response recall = upload("thu-hoi.edxml", EdxmlSamples.recall(documentId(), "Nhầm"));
    assertThat(recall.status()).isEqualTo(400);
    assertThat(recall.text()).contains("không có văn bản nào đã nhận");
  }

  @Test
  void badPackagesAreRefusedInVietnameseAndNothingIsStored() {
    int before = count("interop_package");
    Response empty = upload("rong.edxml", "");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.text()).contains("Tệp rỗng");

    Response broken = upload("hong.edxml", "<?xml version=\"1.0\"?>\n<edXML:edXMLEnvelope"
        + " xmlns:edXML=\"x\">\n<a>\n</edXML:edXMLEnvelope>");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.text()).contains("dòng 4", "XML sai cú pháp");

    Response xxe = upload("xxe.edxml", "<?xml version=\"1.0\"?>\n<!DOCTYPE e [<!ENTITY x SYSTEM"
        + " \"file:///etc/passwd\">]>\n<edXML:edXMLEnvelope xmlns:edXML=\"x\">&x;"
        + "</edXML:edXMLEnvelope>");
    assertThat(xxe.status()).isEqualTo(400);
    assertThat(xxe.text()).contains("DOCTYPE").doesNotContain("root:");

    Response oversized = upload("lon.edxml", "<a>" + "x".repeat(50 * 1024) + "</a>");
    assertThat(oversized.status()).isEqualTo(400);
    assertThat(oversized.text()).contains("lớn quá 48 KB");

    assertThat(count("interop_package")).isEqualTo(before);
  }

  @Test
  void onlyTheRegistryReceivesChecksAndRegisters() {
    String documentId = documentId();
    byte[] xml = EdxmlSamples.document(documentId, "7", EdxmlSamples.pdf())
        .getBytes(StandardCharsets.UTF_8);
    int before = count("interop_package");
    assertThat(api.multipart("giamdoc", PACKAGES, Part.file("file", "a.edxml",
        "application/xml", xml)).status()).isEqualTo(403);
    assertThat(api.multipart("cv.qlkh", PACKAGES, Part.file("file", "a.edxml",
        "application/xml", xml)).status()).isEqualTo(403);
    assertThat(count("interop_package")).isEqualTo(before);

    long packageId = upload(documentId).body().get("id").asLong();
    assertThat(api.get("cv.qlkh", PACKAGES + "/" + packageId).status()).isEqualTo(403);
    assertThat(api.post("giamdoc", PACKAGES + "/" + packageId + "/refuse",
        Map.of("reason", "x")).status()).isEqualTo(403);
    assertThat(api.post("cv.qlkh", PACKAGES + "/" + packageId + "/register",
        registration(documentId)).status()).isEqualTo(403);
    assertThat(api.get("vanthu", PACKAGES + "/" + packageId).body().get("status").asText())
        .isEqualTo("RECEIVED");
    assertThat(codes(documentId)).containsExactly("01");
  }

  @Test
  void aPackageDroppedIntoTheInboxIsReceivedAndABadOneMovedAsideWithItsReason()
      throws IOException {
    Path folder = FOLDERS.resolve("inbox");
    Files.createDirectories(folder);
    String documentId = documentId();
    Files.writeString(folder.resolve("a-good.edxml"),
        EdxmlSamples.document(documentId, "9", EdxmlSamples.pdf()));
    Files.writeString(folder.resolve("b-bad.edxml"), "<!DOCTYPE x><x/>");

    assertThat(inbox.poll()).isEqualTo(1);

    assertThat(folder.resolve("done/a-good.edxml")).exists();
    assertThat(folder.resolve("failed/b-bad.edxml")).exists();
    assertThat(Files.readString(folder.resolve("failed/b-bad.edxml.reason.txt")))
        .contains("DOCTYPE");
    assertThat(codes(documentId)).containsExactly("01");
    JsonNode listed = api.get("vanthu", PACKAGES).body();
    assertThat(listed.findValuesAsText("edxmlDocumentId")).contains(documentId);
  }

  @Test
  void theClerkChecksThePackageOnItsPageAndRegistersItPrefilled() {
    String documentId = documentId();
    long packageId = upload(documentId).body().get("id").asLong();
    TestHttp.Session clerk = api.session();
    clerk.login("vanthu", TestHttp.PASSWORD);

    Response list = clerk.get("/documents/electronic");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.text()).contains("Văn bản điện tử đến", documentId);
    Response page = clerk.get("/documents/electronic/" + packageId);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains("nhận qua trục liên thông", "Không có chữ ký số",
        "value=\"" + number(documentId) + "/UBND-KGVX\"", "value=\"" + EdxmlSamples.SENDER + "\"");
    java.util.regex.Matcher csrf = CSRF.matcher(page.text());
    assertThat(csrf.find()).isTrue();

    Response registered = clerk.request("POST", "/documents/electronic/" + packageId + "/register")
        .form("_csrf", csrf.group(1), "issuer", EdxmlSamples.SENDER, "documentNumber",
            number(documentId) + "/UBND-KGVX", "issuedOn", "2026-06-19", "documentType",
            "Công văn", "summary", "V/v chuyển đổi số", "urgency", "URGENT").send();

    assertThat(registered.status()).as(registered.text()).isEqualTo(302);
    assertThat(registered.header("Location")).matches(".*/documents/\\d+$");
    assertThat(codes(documentId)).containsExactly("01", "03");
    TestHttp.Session unit = api.session();
    unit.login("cv.qlkh", TestHttp.PASSWORD);
    assertThat(unit.get("/documents/electronic").status()).isEqualTo(403);
  }

  static final java.util.regex.Pattern CSRF =
      java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  // --- helpers

  static String documentId() {
    return "000.00.00.H13,2026/06/19," + UUID.randomUUID().toString().substring(0, 8)
        + "/UBND-KGVX";
  }

  Response upload(String documentId) {
    Response response = upload("cong-van.edxml",
        EdxmlSamples.document(documentId, number(documentId), EdxmlSamples.pdf()));
    assertThat(response.status()).as(response.text()).isEqualTo(201);
    return response;
  }

  Response upload(String name, String xml) {
    return api.multipart("vanthu", PACKAGES, Part.file("file", name, "application/xml",
        xml.getBytes(StandardCharsets.UTF_8)));
  }

  Response register(long packageId, String documentId) {
    return api.post("vanthu", PACKAGES + "/" + packageId + "/register", registration(documentId));
  }

  /** What the clerk confirms: the package's fields (a unique number per test). */
  static Map<String, Object> registration(String documentId) {
    Map<String, Object> body = new HashMap<>();
    body.put("issuer", EdxmlSamples.SENDER);
    body.put("documentNumber", number(documentId) + "/UBND-KGVX");
    body.put("issuedOn", "2026-06-19");
    body.put("documentType", "Công văn");
    body.put("summary", "V/v triển khai chuyển đổi số trong quản lý nhiệm vụ KH&CN");
    body.put("signerPosition", "Phó Chủ tịch");
    body.put("signerName", "Nguyễn Văn Hòa");
    body.put("urgency", "URGENT");
    return body;
  }

  static String number(String documentId) {
    return documentId.substring(documentId.lastIndexOf(',') + 1, documentId.indexOf('/',
        documentId.lastIndexOf(',')));
  }

  Task task(String instance, String key) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(key).list();
    assertThat(tasks).as("open %s", key).hasSize(1);
    return tasks.get(0);
  }

  void claim(String user, Task task) {
    Response claim = api.post(user, "/engine-rest/task/" + task.getId() + "/claim",
        Map.of("userId", user));
    assertThat(claim.status()).as(claim.text()).isEqualTo(204);
  }

  void complete(String user, Task task, Map<String, Object> variables) {
    Response done = api.post(user, "/engine-rest/task/" + task.getId() + "/complete",
        variables);
    assertThat(done.status()).as(done.text()).isEqualTo(204);
  }

  /** The status messages in the outbox answering this DocumentId, in file order. */
  List<EdxmlPackage> outbox(String documentId) {
    Path folder = FOLDERS.resolve("outbox");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().map(file -> {
        try {
          return EdxmlParser.parse(Files.readAllBytes(file), EdxmlPackageTest.NOW);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).filter(p -> p.status() != null && documentId.equals(p.status().responseFor()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> codes(String documentId) {
    assertThat(afterCommit.awaitIdle(java.time.Duration.ofSeconds(30))).as("04-06").isTrue();
    return outbox(documentId).stream().map(p -> p.status().code()).toList();
  }

  String documentPage(long document) {
    TestHttp.Session clerk = api.session();
    clerk.login("vanthu", TestHttp.PASSWORD);
    return clerk.get("/documents/" + document).text();
  }

  int count(String t) { return jdbc.queryForObject("select count(*) from " + t, int.class); }
}
