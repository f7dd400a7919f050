package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.dispatch.DispatchFixtures.document;
import static vn.khcn.workflow.support.TestHttp.variables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/**
 * The PDF papers through the API (issue 15): the incoming register's columns, names, embedded
 * font and page breaks; the tracking register with reply numbers; the slip and the stamp; who may
 * print what, and bad dates.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.junit.jupiter.api.extension.ExtendWith(vn.khcn.workflow.support.UnitsWithoutHeads.class)
class PaperPdfTest {

  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  /** A year no other test registers in: the big register's rows are inserted there. */
  static final int BIG_YEAR = 2019;

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;

  TestHttp api;

  @BeforeEach
  void setUp() {
    api = TestHttp.of(rest);
  }

  static String today() {
    return LocalDate.now(ZONE).toString();
  }

  JsonNode register(Map<String, Object> overrides) {
    Map<String, Object> body = document(UUID.randomUUID().toString().substring(0, 8) + "/KH-UBND");
    body.putAll(overrides);
    Response created = api.post("vanthu", "/api/incoming-documents", body);
    assertThat(created.status()).as("registration: %s", created.text()).isEqualTo(201);
    ObjectNode registered = (ObjectNode) created.body();
    registered.put("documentNumber", (String) body.get("documentNumber"));
    return registered;
  }

  Task task(String processInstanceId, String key, String unit) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(key).list().stream()
        .filter(t -> unit == null || taskService.getIdentityLinksForTask(t.getId()).stream()
            .anyMatch(l -> unit.equals(l.getGroupId())))
        .findFirst().orElseThrow();
  }

  Response work(String user, Task task, Map<String, Object> body) {
    api.post(user, "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user));
    return api.post(user, "/engine-rest/task/" + task.getId() + "/complete", body);
  }

  PdfText pdf(String user, String path) {
    HttpResponse<byte[]> response = api.download(user, path);
    assertThat(response.statusCode()).as("%s %s: %s", user, path,
        new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/pdf");
    return PdfText.of(response.body());
  }

  int status(String user, String path) {
    return api.download(user, path).statusCode();
  }

  @Test
  void theIncomingRegisterHasTheDecreeColumnsOnEveryPageInAnEmbeddedSerif() {
    insertRegisterYear(230);

    PdfText register = pdf("vanthu", "/api/incoming-documents/register.pdf?from=" + BIG_YEAR
        + "-01-01&to=" + BIG_YEAR + "-12-31");

    assertThat(register.pages().size()).as("230 rows break over pages").isGreaterThan(1);
    for (int i = 0; i < register.pages().size(); i++) {
      assertThat(register.page(i)).as("page %d", i + 1)
          .contains("Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Ngày tháng",
              "Tên loại và trích yếu nội dung", "Đơn vị hoặc người nhận", "Ngày chuyển",
              "Ký nhận", "Ghi chú")
          .contains("Trang " + (i + 1) + " / " + register.pages().size());
    }
    assertThat(register.text()).contains("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN", "ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Ủy ban nhân dân thành phố Cần Thơ", "Nguyễn Văn Lợi",
        "Kế hoạch – Kế hoạch số 230 về ứng dụng năng lượng mặt trời",
        "Từ ngày 01/01/" + BIG_YEAR + " đến ngày 31/12/" + BIG_YEAR);
    assertThat(register.page(0)).contains("Kế hoạch số 1 về");
    assertThat(register.page(register.pages().size() - 1)).contains("Kế hoạch số 230 về");
    assertThat(register.sizes()).allSatisfy(size ->
        assertThat(size.getWidth()).as("A4 landscape").isGreaterThan(size.getHeight()));
    assertThat(register.fonts()).isNotEmpty().allSatisfy(font -> {
      assertThat(font.isEmbedded()).as("%s embedded", font.getName()).isTrue();
      assertThat(font.getName()).contains("LiberationSerif");
    });
  }

  @Test
  void aDocumentWorkedThroughShowsNamesRepliesAndDatesOnEveryPaper() {
    JsonNode doc = register(Map.of());
    long id = doc.get("id").asLong();
    String pi = doc.get("processInstanceId").asText();
    assertThat(work("giamdoc", task(pi, IncomingDirectiveProcess.Tasks.GIVE_DIRECTION, null),
        variables("direction", "String", "Phòng QLKH chủ trì, Văn phòng phối hợp.",
            "infoOnly", "Boolean", false, "leadUnit", "String", "phong-qlkh",
            "coordinatingUnits", "Json", "[\"van-phong\"]", "informedUnits", "Json", "[]",
            "dueDate", "String", LocalDate.now(ZONE).plusDays(10).toString())).status())
        .isEqualTo(204);

    Task lead = task(pi, IncomingDirectiveProcess.Tasks.HANDLE_ASSIGNMENT, "phong-qlkh");
    Response noDate = work("cv.qlkh", lead, variables("result", "String", "Đã tham mưu.",
        "replyNumber", "String", "45/SKHCN-QLKH"));
    assertThat(noDate.status()).isEqualTo(400);
    assertThat(noDate.text()).contains("replyDate");
    Response future = work("cv.qlkh", lead, variables("result", "String", "Đã tham mưu.",
        "replyNumber", "String", "45/SKHCN-QLKH",
        "replyDate", "String", LocalDate.now(ZONE).plusDays(1).toString()));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.text()).contains("replyDate", "sau ngày hôm nay");
    assertThat(taskService.createTaskQuery().taskId(lead.getId()).count()).as("still open").isOne();

    assertThat(work("cv.qlkh", lead, variables("result", "String",
        "Đã tham mưu văn bản trả lời Thành ủy.", "replyNumber", "String", "45/SKHCN-QLKH",
        "replyDate", "String", today())).status()).isEqualTo(204);
    assertThat(work("cv.vp", task(pi, IncomingDirectiveProcess.Tasks.HANDLE_ASSIGNMENT, "van-phong"),
        variables("result", "String", "Đã phối hợp.")).status()).isEqualTo(204);

    String replyLabel = "45/SKHCN-QLKH ngày " + LocalDate.now(ZONE).format(DMY);
    JsonNode details = api.get("giamdoc", "/api/incoming-documents/" + id).body();
    JsonNode leadAssignment = details.get("assignments").get(0);
    assertThat(leadAssignment.get("replyNumber").asText()).isEqualTo("45/SKHCN-QLKH");
    assertThat(leadAssignment.get("replyDate").asText()).isEqualTo(today());
    JsonNode coordinating = details.get("assignments").get(1);
    assertThat(coordinating.get("replyNumber") == null || coordinating.get("replyNumber").isNull())
        .as("no reply given by the Office").isTrue();
    assertThat(details.get("trail")).filteredOn(t -> t.get("action").asText().equals("UNIT_RESULT"))
        .extracting(t -> t.get("comment").asText())
        .containsExactly("Đã tham mưu văn bản trả lời Thành ủy.\nVăn bản trả lời số " + replyLabel,
            "Đã phối hợp.");

    String range = "?from=" + today() + "&to=" + today();
    PdfText tracking = pdf("giamdoc",
        "/api/incoming-documents/tracking.pdf" + range);
    assertThat(tracking.text()).contains("SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN", "Số đến", "Văn bản",
        "Đơn vị nhận", "Hạn giải quyết", "Tiến độ giải quyết", "Số, ngày văn bản trả lời", "Ghi chú",
        doc.get("businessKey").asText(), "Phòng Quản lý khoa học (chủ trì)",
        "Văn phòng Sở (phối hợp)", "Người xử lý: Lê Văn Hùng", "Người xử lý: Huỳnh Văn Tâm");
    assertThat(tracking.compact()).contains(compact("Số " + replyLabel));
    PdfText onlyQlkh = pdf("vanthu", "/api/incoming-documents/tracking.pdf" + range
        + "&unit=phong-qlkh");
    assertThat(onlyQlkh.text()).contains("Phòng Quản lý khoa học (chủ trì)")
        .doesNotContain("Văn phòng Sở (phối hợp)");

    PdfText slip = pdf("cv.qlkh", "/api/incoming-documents/" + id + "/slip.pdf");
    assertThat(slip.text()).contains("PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN",
        "1. Ý kiến chỉ đạo của lãnh đạo Sở", "Phòng QLKH chủ trì, Văn phòng phối hợp.",
        "Trần Quốc Bảo", "2. Ý kiến của lãnh đạo đơn vị", "Giao cho: Lê Văn Hùng",
        "Giao cho: Huỳnh Văn Tâm", "3. Ý kiến đề xuất của người giải quyết",
        "Đã tham mưu văn bản trả lời Thành ủy.", "Văn bản trả lời số " + replyLabel,
        doc.get("businessKey").asText())
        .doesNotContain("cv.qlkh", "giamdoc");
    assertThat(slip.fonts()).allSatisfy(font -> assertThat(font.isEmbedded()).isTrue());

    PdfText stamp = pdf("vanthu", "/api/incoming-documents/" + id + "/stamp.pdf");
    LocalDate now = LocalDate.now(ZONE);
    assertThat(stamp.text()).contains("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "ĐẾN",
        "Số: " + doc.get("incomingNumber").asInt(),
        "Ngày: " + now.getDayOfMonth() + "/" + now.getMonthValue() + "/" + now.getYear(),
        "Chuyển: Phòng Quản lý khoa học, Văn phòng Sở", "Số và ký hiệu hồ sơ");
    assertThat(stamp.pages()).hasSize(1);
    assertThat(stamp.sizes().get(0).getWidth()).as("a label, not a page").isLessThan(300);

    PdfText register = pdf("vanthu", "/api/incoming-documents/register.pdf" + range);
    assertThat(register.compact()).contains(compact(doc.get("documentNumber").asText()),
        compact("Phòng Quản lý khoa học (chủ trì, Lê Văn Hùng)"),
        compact("Văn phòng Sở (phối hợp, Huỳnh Văn Tâm)"));

    String csv = new String(api.download("vanthu", "/api/incoming-documents/register.csv" + range)
        .body(), StandardCharsets.UTF_8);
    String line = csv.lines().filter(l -> l.contains(doc.get("documentNumber").asText()))
        .findFirst().orElseThrow();
    assertThat(line).contains("Phòng Quản lý khoa học: nhận " + now.format(DMY) + ", Lê Văn Hùng")
        .contains("Văn phòng Sở: nhận " + now.format(DMY) + ", Huỳnh Văn Tâm")
        .doesNotContain("cv.qlkh", "cv.vp");
  }

  @Test
  void onlyTheRegistryDirectorsAndOfficePrintRegistersAndOnlyTheAllowedSeeClassified() {
    JsonNode secret = register(Map.of("classification", "SECRET",
        "summary", "Kế hoạch bảo vệ bí mật nhà nước năm tới"));
    long secretId = secret.get("id").asLong();
    String range = "?from=" + today() + "&to=" + today();

    assertThat(status("cv.qlkh", "/api/incoming-documents/register.pdf" + range)).isEqualTo(403);
    assertThat(status("cv.qlkh", "/api/incoming-documents/tracking.pdf" + range)).isEqualTo(403);
    assertThat(status("chunhiem", "/api/incoming-documents/register.pdf" + range)).isEqualTo(403);
    assertThat(status("cv.vp", "/api/incoming-documents/register.pdf" + range + "&classified=true"))
        .as("the Office is not the registry").isEqualTo(403);
    PdfText classified = pdf("giamdoc", "/api/incoming-documents/register.pdf" + range
        + "&classified=true");
    assertThat(classified.text()).contains("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN (VĂN BẢN MẬT)");
    assertThat(classified.compact()).contains(compact(secret.get("documentNumber").asText()));
    assertThat(pdf("cv.vp", "/api/incoming-documents/register.pdf" + range).compact())
        .doesNotContain(compact(secret.get("documentNumber").asText()));
    assertThat(pdf("cv.vp", "/api/incoming-documents/tracking.pdf" + range).text())
        .as("not assigned to the Office").doesNotContain("bảo vệ bí mật nhà nước");
    assertThat(pdf("vanthu", "/api/incoming-documents/tracking.pdf" + range).text())
        .contains("bảo vệ bí mật nhà nước");

    assertThat(status("cv.qlkh", "/api/incoming-documents/" + secretId + "/slip.pdf"))
        .as("a classified document not assigned to the unit").isEqualTo(404);
    assertThat(status("cv.qlkh", "/api/incoming-documents/" + secretId + "/stamp.pdf"))
        .isEqualTo(403);
    assertThat(status("vanthu", "/api/incoming-documents/999999999/slip.pdf")).isEqualTo(404);
    assertThat(status("vanthu", "/api/incoming-documents/999999999/stamp.pdf")).isEqualTo(404);
    assertThat(status("chunhiem", "/api/incoming-documents/" + secretId + "/slip.pdf"))
        .isEqualTo(403);
  }

  @Test
  void badDatesAndUnitsAreRefusedNamingTheParameterInVietnamese() {
    assertRefused("/api/incoming-documents/register.pdf?from=hôm-nay&to=" + today(), "from",
        "không đúng dạng");
    assertRefused("/api/incoming-documents/register.pdf?from=" + today(), "to", "chưa nhập");
    assertRefused("/api/incoming-documents/register.pdf?from=2025-01-01&to=2026-06-30", "to",
        "một năm");
    assertRefused("/api/incoming-documents/tracking.pdf?from=" + today() + "&to=2020-01-01", "from",
        "sau ngày kết thúc");
    assertRefused("/api/incoming-documents/tracking.pdf?from=" + today() + "&to=" + today()
        + "&unit=phong-ma", "unit", "không phải là đơn vị");
    assertRefused("/api/incoming-documents/register.pdf?from=2026-02-30&to=2026-03-01", "from",
        "không đúng dạng");
  }

  @Test
  void theButtonsAreOnThePagesAndWorkWithTheSessionLogin() {
    JsonNode doc = register(Map.of());
    long id = doc.get("id").asLong();
    TestHttp.Session clerk = api.session();
    clerk.login("vanthu", "demo");

    String page = clerk.get("/documents/" + id).text();
    assertThat(page).contains("In phiếu xử lý", "In dấu đến",
        "/api/incoming-documents/" + id + "/slip.pdf", "/api/incoming-documents/" + id + "/stamp.pdf");
    String search = clerk.get("/documents").text();
    assertThat(search).contains("In sổ đăng ký (PDF)", "In sổ theo dõi (PDF)",
        "/api/incoming-documents/register.pdf", "/api/incoming-documents/tracking.pdf");
    Response stamp = clerk.get("/api/incoming-documents/" + id + "/stamp.pdf");
    assertThat(stamp.status()).isEqualTo(200);
    assertThat(stamp.header("Content-Type")).startsWith("application/pdf");

    TestHttp.Session unit = api.session();
    unit.login("cv.qlkh", "demo");
    assertThat(unit.get("/documents").text()).doesNotContain("In sổ đăng ký (PDF)");
    assertThat(unit.get("/documents/" + id).text()).contains("In phiếu xử lý")
        .doesNotContain("In dấu đến");
  }

  private static String compact(String text) {
    return text.replaceAll("\\s+", "");
  }

  private void assertRefused(String path, String field, String words) {
    Response refused = api.get("vanthu", path);
    assertThat(refused.status()).as(path).isEqualTo(400);
    assertThat(refused.body().get("fieldErrors")).as(refused.text())
        .anySatisfy(error -> {
          assertThat(error.get("field").asText()).isEqualTo(field);
          assertThat(error.get("message").asText()).contains(words);
        });
  }

  /** Rows of a past year inserted as the registry would have left them, with a unit each. */
  private void insertRegisterYear(int count) {
    if (jdbc.queryForObject("select count(*) from incoming_document where doc_year = ?",
        Integer.class, BIG_YEAR) > 0) {
      return;
    }
    Timestamp at = Timestamp.from(Instant.parse(BIG_YEAR + "-01-02T02:00:00Z"));
    for (int n = 1; n <= count; n++) {
      LocalDate received = LocalDate.of(BIG_YEAR, 1, 2).plusDays(n);
      String summary = "Kế hoạch số " + n + " về ứng dụng năng lượng mặt trời tại các xã, phường";
      jdbc.update("""
          insert into incoming_document (series, doc_year, incoming_number, business_key, issuer,
            document_number, issued_on, document_type, summary, urgency, classification,
            received_on, status, registered_by, registered_at, search_text, duplicate_key,
            direction_by, direction_at, version)
          values ('REGULAR', ?, ?, ?, 'Ủy ban nhân dân thành phố Cần Thơ', ?, ?, 'Kế hoạch', ?,
            'NORMAL', 'NONE', ?, 'ARCHIVED', 'vanthu', ?, ?, ?, 'giamdoc', ?, 0)""",
          BIG_YEAR, n, n + "/" + BIG_YEAR, n + "/KH-UBND", received.minusDays(1), summary,
          received, at, summary.toLowerCase(), "big-" + n, at);
      Long id = jdbc.queryForObject("select id from incoming_document where business_key = ?",
          Long.class, n + "/" + BIG_YEAR);
      jdbc.update("""
          insert into document_assignment (id, document_id, unit_id, assignment_role,
            assigned_at, completed_at, completed_by, result, version)
          values (%s, ?, 'phong-qlkh', 'LEAD', ?, ?, 'cv.qlkh', 'Đã xử lý', 0)""".formatted(
          vn.khcn.workflow.support.SqlSequences.next(jdbc, "document_assignment_seq")), id, at, at);
    }
    jdbc.update("update incoming_document set notes = 'Nguyễn Văn Lợi nhận bản giấy' where doc_year = ?",
        BIG_YEAR);
  }
}
