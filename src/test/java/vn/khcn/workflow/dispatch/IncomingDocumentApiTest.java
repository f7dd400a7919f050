package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.dispatch.DispatchFixtures.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Part;
import vn.khcn.workflow.support.TestHttp.Response;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IncomingDocumentApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;

  TestHttp api;

  @BeforeEach
  void setUp() {
    api = TestHttp.of(rest);
  }

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8) + "/KH-UBND";
  }

  @Test
  void registrationNumbersTheDocumentAndPresentsItToTheDirectors() {
    Response created = api.post("vanthu", "/api/incoming-documents", document(unique()));

    assertThat(created.status()).isEqualTo(201);
    JsonNode body = created.body();
    int number = body.get("incomingNumber").asInt();
    assertThat(body.get("businessKey").asText()).isEqualTo(number + "/" + body.get("year").asInt());
    assertThat(created.location()).hasPath("/api/incoming-documents/" + body.get("id").asLong());

    Task task = taskService.createTaskQuery().processInstanceId(body.get("processInstanceId").asText())
        .singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(IncomingDirectiveProcess.Tasks.GIVE_DIRECTION);
    assertThat(task.getDueDate()).as("due by dispatch-sla").isNotNull();
    assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
        .contains("lanh-dao");

    JsonNode details = api.get("giamdoc", "/api/incoming-documents/" + body.get("id").asLong()).body();
    assertThat(details.get("status").asText()).isEqualTo("AWAITING_DIRECTION");
    assertThat(details.get("directionDueDate").isNull()).isFalse();
    assertThat(details.get("trail")).extracting(t -> t.get("action").asText())
        .containsExactly("REGISTERED", "PRESENTED");
    assertThat(details.get("trail").get(0).get("actorName").asText()).isNotEqualTo("vanthu")
        .as("the clerk's full name is recorded").isNotBlank();
  }

  @Test
  void aDocumentWithEveryFieldAtItsLongestIsRegisteredAndFound() {
    Map<String, Object> doc = document(unique() + "-" + "K".repeat(100 - 18));
    doc.put("issuer", "Ủy ban nhân dân thành phố Cần Thơ và các cơ quan liên quan. ".repeat(5)
        .substring(0, 300));
    doc.put("documentType", "Kế hoạch liên tịch ".repeat(6).substring(0, 100));
    doc.put("summary", "Về việc triển khai nhiệm vụ khoa học và công nghệ năm 2027. ".repeat(9)
        .substring(0, 500));
    doc.put("signer", null);
    doc.put("signerName", "Nguyễn Trần Phương Thảo Minh ".repeat(7).substring(0, 200));
    doc.put("signerPosition", "Phó Chủ tịch Ủy ban nhân dân thành phố ".repeat(6)
        .substring(0, 200));
    Response created = api.post("vanthu", "/api/incoming-documents", doc);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(api.get("vanthu", "/api/incoming-documents?q=" + "Nguyen Tran Phuong Thao")
        .body().get("content")).extracting(d -> d.get("id").asLong())
        .contains(created.body().get("id").asLong());
  }

  @Test
  void invalidInputListsEachBadFieldAndStoresNothing() {
    int documentsBefore = count("incoming_document");
    Integer lastNumber = lastNumber();
    Map<String, Object> bad = document(unique());
    bad.put("summary", "x".repeat(501));
    bad.put("issuedOn", "2026-02-30");
    bad.put("urgency", "GẤP");
    bad.remove("issuer");
    bad.put("pageCount", "mười");

    Response response = api.post("vanthu", "/api/incoming-documents", bad);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body().get("fieldErrors")).extracting(f -> f.get("field").asText())
        .containsExactlyInAnyOrder("summary", "issuedOn", "urgency", "issuer", "pageCount");
    assertThat(count("incoming_document")).isEqualTo(documentsBefore);
    assertThat(lastNumber()).as("no number consumed").isEqualTo(lastNumber);
  }

  @Test
  void malformedJsonAndUnknownFieldsAreRefused() {
    Response malformed = api.post("vanthu", "/api/incoming-documents", "{\"issuer\": ");
    assertThat(malformed.status()).isEqualTo(400);

    Map<String, Object> unknown = document(unique());
    unknown.put("incomingNumber", 1);
    assertThat(api.post("vanthu", "/api/incoming-documents", unknown).status()).isEqualTo(400);
  }

  @Test
  void duplicateIsRefusedNamingTheEarlierRegistrationUnlessFlagged() {
    Map<String, Object> doc = document(unique());
    JsonNode first = api.post("vanthu", "/api/incoming-documents", doc).body();

    Response again = api.post("vanthu", "/api/incoming-documents", doc);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().get("existingBusinessKey").asText()).isEqualTo(first.get("businessKey").asText());
    assertThat(again.body().get("message").asText()).contains(first.get("businessKey").asText());

    // the same document typed otherwise: capitals, spaces around, decomposed Vietnamese (NFD)
    Map<String, Object> retyped = new java.util.LinkedHashMap<>(doc);
    retyped.put("issuer", " " + java.text.Normalizer.normalize(
        doc.get("issuer").toString().toUpperCase(java.util.Locale.ROOT),
        java.text.Normalizer.Form.NFD));
    retyped.put("documentNumber", doc.get("documentNumber").toString().toLowerCase(
        java.util.Locale.ROOT) + " ");
    Response retypedAgain = api.post("vanthu", "/api/incoming-documents", retyped);
    assertThat(retypedAgain.status()).isEqualTo(409);
    assertThat(retypedAgain.body().get("existingBusinessKey").asText())
        .isEqualTo(first.get("businessKey").asText());
    Map<String, Object> otherDay = new java.util.LinkedHashMap<>(doc);
    otherDay.put("issuedOn", "2026-11-03");
    assertThat(api.post("vanthu", "/api/incoming-documents", otherDay).status())
        .as("issued on another day: another document").isEqualTo(201);

    doc.put("registerDuplicate", true);
    Response resent = api.post("vanthu", "/api/incoming-documents", doc);
    assertThat(resent.status()).isEqualTo(201);
    assertThat(resent.body().get("incomingNumber").asInt()).isGreaterThan(first.get("incomingNumber").asInt());
  }

  @Test
  void onlyTheRegistryRegistersAndOnlyStaffRead() {
    Response anonymous = api.post(null, "/api/incoming-documents", document(unique()));
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.body().get("status").asInt()).isEqualTo(401);

    Response unit = api.post("cv.qlkh", "/api/incoming-documents", document(unique()));
    assertThat(unit.status()).isEqualTo(403);
    assertThat(unit.body().get("message").asText()).isNotBlank();

    long id = api.post("vanthu", "/api/incoming-documents", document(unique())).body().get("id").asLong();
    assertThat(api.get(null, "/api/incoming-documents/" + id).status()).isEqualTo(401);
    assertThat(api.get("hd.chutich", "/api/incoming-documents/" + id).status()).isEqualTo(403);
    assertThat(api.get("cv.qlcn", "/api/incoming-documents/" + id).status()).isEqualTo(200);
    assertThat(api.get("vanthu", "/api/incoming-documents/999999999").status()).isEqualTo(404);
  }

  @Test
  void searchFindsSummaryNumberAndIssuerWithOrWithoutDiacritics() {
    String marker = "Ươm tạo " + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> doc = document(unique());
    doc.put("summary", "Về việc hỗ trợ " + marker + " doanh nghiệp khởi nghiệp đổi mới sáng tạo");
    long id = api.post("vanthu", "/api/incoming-documents", doc).body().get("id").asLong();

    for (String q : List.of(marker, vn.khcn.workflow.shared.text.SearchText.fold(marker))) {
      JsonNode page = api.get("cv.qlkh", "/api/incoming-documents?q=" + q).body();
      assertThat(page.get("content")).extracting(d -> d.get("id").asLong()).containsExactly(id);
    }
    JsonNode byNumber = api.get("cv.qlkh", "/api/incoming-documents?q="
        + doc.get("documentNumber").toString().toLowerCase()).body();
    assertThat(byNumber.get("content")).extracting(d -> d.get("id").asLong()).contains(id);
    JsonNode byStatus = api.get("cv.qlkh",
        "/api/incoming-documents?status=ARCHIVED&q=" + marker).body();
    assertThat(byStatus.get("content")).isEmpty();
    assertThat(api.get("cv.qlkh", "/api/incoming-documents?size=1000").status()).isEqualTo(400);
    assertThat(api.get("cv.qlkh", "/api/incoming-documents?status=LOST").status()).isEqualTo(400);
    assertThat(api.get("cv.qlkh", "/api/incoming-documents?q=%25' or 1=1 --").status()).isEqualTo(200);
  }

  @Test
  void classifiedDocumentsHaveTheirOwnSeriesAndAreHiddenFromOtherUnits() {
    Map<String, Object> doc = document(unique());
    doc.put("classification", "CONFIDENTIAL");
    JsonNode created = api.post("vanthu", "/api/incoming-documents", doc).body();

    assertThat(created.get("businessKey").asText()).isEqualTo(
        created.get("incomingNumber").asInt() + "-M/" + created.get("year").asInt());
    long id = created.get("id").asLong();
    assertThat(api.get("giamdoc", "/api/incoming-documents/" + id).status()).isEqualTo(200);
    assertThat(api.get("cv.qlkh", "/api/incoming-documents/" + id).status()).isEqualTo(404);
    JsonNode list = api.get("cv.qlkh", "/api/incoming-documents?size=100&q=" + doc.get("documentNumber")).body();
    assertThat(list.get("content")).isEmpty();
  }

  @Test
  void attachmentsAreCheckedByContentAndDownloadedAsAttachments() {
    long id = api.post("vanthu", "/api/incoming-documents", document(unique())).body().get("id").asLong();
    byte[] pdf = "%PDF-1.4\n% Công văn\n".getBytes(StandardCharsets.UTF_8);

    Response uploaded = upload("vanthu", id, "../../etc/Công văn 1143.pdf", pdf);
    assertThat(uploaded.status()).isEqualTo(201);
    JsonNode attachment = uploaded.body();
    assertThat(attachment.get("fileName").asText()).isEqualTo("Công văn 1143.pdf");
    assertThat(attachment.get("contentType").asText()).isEqualTo("application/pdf");

    HttpResponse<byte[]> download = api.download("giamdoc", attachment.get("downloadUrl").asText());
    assertThat(download.body()).isEqualTo(pdf);
    assertThat(disposition(download).isAttachment()).isTrue();
    assertThat(disposition(download).getFilename()).isEqualTo("Công văn 1143.pdf");

    assertThat(upload("vanthu", id, "virus.pdf", "MZ\u0090 program".getBytes()).status())
        .isEqualTo(400);
    Response renamed = upload("vanthu", id, "bang-tinh.xlsx", pdf);
    assertThat(renamed.status()).isEqualTo(400);
    assertThat(renamed.text()).contains("xlsx");
    assertThat(upload("cv.qlcn", id, "x.pdf", pdf).status())
        .as("a unit not assigned to the document").isEqualTo(403);

    JsonNode details = api.get("vanthu", "/api/incoming-documents/" + id).body();
    assertThat(details.get("attachments")).hasSize(1);
  }

  @Test
  void incomingRegisterDownloadsAsCsvWithTheDecreeColumns() {
    JsonNode created = api.post("vanthu", "/api/incoming-documents", document(unique())).body();
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
    HttpResponse<byte[]> csv = api.download("vanthu",
        "/api/incoming-documents/register.csv?from=" + today + "&to=" + today);

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(disposition(csv).isAttachment()).isTrue();
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF\"Ngày đến\",\"Số đến\",\"Tác giả\",\"Số, ký hiệu\"");
    assertThat(text).contains("\"" + created.get("businessKey").asText() + "\"");
    assertThat(api.download("cv.qlkh",
        "/api/incoming-documents/register.csv?from=" + today + "&to=" + today).statusCode())
        .isEqualTo(403);
    assertThat(api.download("cv.vp",
        "/api/incoming-documents/register.csv?classified=true&from=" + today + "&to=" + today)
        .statusCode()).as("the classified register").isEqualTo(403);
    assertThat(api.download("vanthu",
        "/api/incoming-documents/register.csv?from=" + today + "&to=2000-01-01").statusCode())
        .as("from after to").isEqualTo(400);
    JsonNode units = api.get("cv.qlkh", "/api/units").body();
    assertThat(units).extracting(u -> u.get("id").asText())
        .containsExactly("van-phong", "phong-qlkh", "phong-khtc", "phong-qlcn");
    assertThat(units.get(1).get("name").asText()).isEqualTo("Phòng Quản lý khoa học");
  }

  /** The file part typed by its name's extension, as a browser sends it. */
  private Response upload(String user, long id, String fileName, byte[] content) {
    return api.multipart(user, "/api/incoming-documents/" + id + "/attachments",
        Part.file("file", fileName, MediaTypeFactory.getMediaType(fileName)
            .orElse(MediaType.APPLICATION_OCTET_STREAM).toString(), content));
  }

  private static ContentDisposition disposition(HttpResponse<byte[]> response) {
    return ContentDisposition.parse(response.headers().firstValue("Content-Disposition")
        .orElse(""));
  }

  private int count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }

  private Integer lastNumber() {
    // every year's counter: the next year's is created ahead and must not hide this year's
    return jdbc.queryForObject("select coalesce(sum(last_number), 0) from incoming_number_counter"
        + " where series = 'REGULAR'", Integer.class);
  }
}
