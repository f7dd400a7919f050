package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.khcn.workflow.dispatch.DispatchFixtures.document;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.support.TestHttp;

/** /documents: search with and without diacritics, filters, pages, exports, saved searches. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DocumentSearchPageTest {

  private static final Pattern DOCUMENT_LINK = Pattern.compile("href=\"/documents/(\\d+)\"");
  private static final Pattern SAVED_LINK = Pattern.compile("href=\"/documents/saved/(\\d+)\"");

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  TestHttp api;
  String marker;

  @BeforeEach
  void setUp() {
    api = TestHttp.of(rest);
    marker = "tk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  PageSession session(String user) {
    return PageSession.login(rest.getRootUri(), user);
  }

  /** Registers a document whose summary carries the test's marker; returns its id. */
  long register(String summary, Map<String, Object> overrides) {
    Map<String, Object> body = new LinkedHashMap<>(document(UUID.randomUUID().toString()
        .substring(0, 8) + "/KH-UBND"));
    body.put("summary", summary + " " + marker);
    body.putAll(overrides);
    TestHttp.Response created = api.post("vanthu", "/api/incoming-documents", body);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  static List<Long> documentIds(String html) {
    List<Long> ids = new ArrayList<>();
    Matcher m = DOCUMENT_LINK.matcher(html);
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    return ids;
  }

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void aSearchWithoutDiacriticsFindsTheVietnameseSummaryAndFiltersNarrowIt() {
    long solar = register("Hướng dẫn ứng dụng năng lượng mặt trời tại Cần Thơ", Map.of());
    long urgent = register("Báo cáo đổi mới sáng tạo quý IV", Map.of("urgency", "URGENT",
        "issuer", "Bộ Khoa học và Công nghệ"));
    PageSession clerk = session("vanthu");

    HttpResponse<String> folded = clerk.get("/documents?q=" + q("nang luong mat troi tai can tho "
        + marker));
    assertThat(folded.statusCode()).isEqualTo(200);
    assertThat(documentIds(folded.body())).containsExactly(solar);
    assertThat(folded.body()).contains("Hướng dẫn ứng dụng năng lượng mặt trời tại Cần Thơ")
        .contains("Ủy ban nhân dân thành phố Cần Thơ").contains("Chờ ý kiến chỉ đạo")
        .contains("Thường").containsPattern("\\d{2}/\\d{2}/\\d{4}");

    assertThat(documentIds(clerk.get("/documents?q=" + marker).body()))
        .containsExactlyInAnyOrder(solar, urgent);
    assertThat(documentIds(clerk.get("/documents?q=" + marker + "&urgency=URGENT").body()))
        .containsExactly(urgent);
    assertThat(documentIds(clerk.get("/documents?q=" + marker + "&issuer="
        + q("bộ khoa học")).body())).containsExactly(urgent);
    assertThat(documentIds(clerk.get("/documents?q=" + marker + "&status=ARCHIVED").body()))
        .isEmpty();
    assertThat(documentIds(clerk.get("/documents?q=" + marker + "&unit=phong-qlkh").body()))
        .as("no unit is assigned yet").isEmpty();
    assertThat(documentIds(clerk.get("/documents?q=" + marker + "&overdue=true").body()))
        .isEmpty();
    assertThat(documentIds(clerk.get("/documents?q=" + marker + "&from=2000-01-01&to=2000-12-31")
        .body())).isEmpty();
    assertThat(documentIds(clerk.get("/documents?q=" + marker + "&sort=ISSUED&classification=NONE")
        .body())).containsExactlyInAnyOrder(solar, urgent);
  }

  @Test
  void badFiltersAnswer400NamingTheFieldsInVietnamese() {
    PageSession clerk = session("vanthu");
    HttpResponse<String> bad = clerk.get("/documents?status=FOO&year=abc&from=2026-05-01"
        + "&to=2026-04-01");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("data-field=\"status\"").contains("trạng thái không có")
        .contains("data-field=\"year\"").contains("năm phải là một số")
        .contains("data-field=\"from\"");
    assertThat(clerk.download("/documents/export.csv?urgency=NOPE").statusCode()).isEqualTo(400);
  }

  @Test
  void classifiedDocumentsAreHiddenFromAUnitMemberButNotFromTheRegistry() {
    long secret = register("Kế hoạch bảo vệ bí mật nhà nước", Map.of("classification",
        "CONFIDENTIAL"));
    long open = register("Kế hoạch công khai", Map.of());

    assertThat(documentIds(session("cv.qlkh").get("/documents?q=" + marker).body()))
        .containsExactly(open);
    assertThat(documentIds(session("vanthu").get("/documents?q=" + marker).body()))
        .containsExactlyInAnyOrder(secret, open);
    assertThat(new String(session("cv.qlkh").download("/documents/export.csv?q=" + marker).body(),
        StandardCharsets.UTF_8)).contains("Kế hoạch công khai").doesNotContain("bí mật");
  }

  @Test
  void outsidersAreRefusedAndAnonymousVisitorsSentToLogin() {
    for (String outsider : List.of("chunhiem", "hd.chutich")) {
      PageSession session = session(outsider);
      assertThat(session.get("/documents").statusCode()).as(outsider).isEqualTo(403);
      assertThat(session.download("/documents/export.csv").statusCode()).as(outsider)
          .isEqualTo(403);
    }
    HttpResponse<String> anonymous = PageSession.anonymous(rest.getRootUri()).get("/documents");
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");
  }

  @Test
  void aPageOutOfRangeLeadsToTheNearestPageWithTheSameFilters() {
    register("Văn bản thử phân trang", Map.of());
    PageSession clerk = session("vanthu");
    HttpResponse<String> beyond = clerk.get("/documents?q=" + marker + "&page=7");
    assertThat(beyond.statusCode()).isEqualTo(302);
    assertThat(beyond.headers().firstValue("Location").orElse(""))
        .endsWith("/documents?q=" + marker);
    for (String page : List.of("-1", "abc", "99999999999")) {
      HttpResponse<String> odd = clerk.get("/documents?q=" + marker + "&page=" + page);
      assertThat(odd.statusCode()).as(page).isEqualTo(302);
      assertThat(odd.headers().firstValue("Location").orElse("")).as(page)
          .endsWith("/documents?q=" + marker);
    }
    assertThat(clerk.get("/documents?q=" + marker + "&page=0").statusCode()).isEqualTo(200);
  }

  @Test
  void theCsvAndXlsxExportsHoldTheFoundRows() throws Exception {
    register("Tăng cường chuyển đổi số trong quản lý khoa học", Map.of());
    register("Đăng ký nhiệm vụ khoa học năm 2027", Map.of("urgency", "FLASH"));
    PageSession clerk = session("vanthu");

    HttpResponse<byte[]> csv = clerk.download("/documents/export.csv?q=" + marker);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    byte[] bytes = csv.body();
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<String> lines = text.lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).contains("\"Số đến\"").contains("\"Trích yếu\"")
        .contains("\"Cơ quan ban hành\"");
    assertThat(text).contains("Tăng cường chuyển đổi số trong quản lý khoa học " + marker)
        .contains("Hỏa tốc");

    HttpResponse<byte[]> xlsx = clerk.download("/documents/export.xlsx?q=" + marker
        + "&urgency=FLASH");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).as("header and one row").isEqualTo(1);
      Row header = sheet.getRow(0);
      assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Số đến");
      assertThat(header.getCell(6).getStringCellValue()).isEqualTo("Trích yếu");
      Row row = sheet.getRow(1);
      assertThat(row.getCell(6).getStringCellValue())
          .isEqualTo("Đăng ký nhiệm vụ khoa học năm 2027 " + marker);
      assertThat(row.getCell(7).getStringCellValue()).isEqualTo("Hỏa tốc");
      assertThat(row.getCell(1).getStringCellValue()).matches("\\d{2}/\\d{2}/\\d{4}");
    }
  }

  long savedCount(String owner) {
    return jdbc.queryForObject("select count(*) from saved_document_search where owner_id = ?",
        Long.class, owner);
  }

  @Test
  void aSavedSearchIsCreatedRunAndDeletedByItsOwnerOnly() {
    long found = register("Tìm kiếm đã lưu", Map.of("urgency", "URGENT"));
    PageSession clerk = session("cv.vp");
    long before = savedCount("cv.vp");
    String name = "Khẩn của tôi " + marker;

    Map<String, String> form = new LinkedHashMap<>(Map.of("name", name, "q", marker,
        "urgency", "URGENT"));
    HttpResponse<String> noToken = clerk.post("/documents/saved", form);
    assertThat(noToken.statusCode()).as("without the CSRF token").isEqualTo(403);
    assertThat(savedCount("cv.vp")).isEqualTo(before);

    Map<String, String> unnamed = new LinkedHashMap<>(form);
    unnamed.put("name", " ");
    unnamed.put("_csrf", clerk.csrfToken());
    HttpResponse<String> refused = clerk.post("/documents/saved", unnamed);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("data-field=\"name\"").contains("hãy đặt tên");
    assertThat(savedCount("cv.vp")).isEqualTo(before);

    form.put("_csrf", clerk.csrfToken());
    HttpResponse<String> created = clerk.post("/documents/saved", form);
    assertThat(created.statusCode()).isEqualTo(302);
    assertThat(savedCount("cv.vp")).isEqualTo(before + 1);
    form.put("_csrf", clerk.csrfToken());
    assertThat(clerk.post("/documents/saved", form).statusCode()).as("the same name twice")
        .isEqualTo(400);

    String page = clerk.get("/documents").body();
    assertThat(page).contains(name);
    Long savedId = jdbc.queryForObject("select id from saved_document_search where owner_id = ?"
        + " and name = ?", Long.class, "cv.vp", name);
    assertThat(page).contains("href=\"/documents/saved/" + savedId + "\"");
    Matcher link = SAVED_LINK.matcher(page);
    assertThat(link.find()).isTrue();
    assertThat(Long.parseLong(link.group(1))).as("only the owner's one saved search is listed")
        .isEqualTo(savedId);
    assertThat(link.find()).isFalse();

    HttpResponse<String> run = clerk.get("/documents/saved/" + savedId);
    assertThat(run.statusCode()).isEqualTo(302);
    String location = run.headers().firstValue("Location").orElse("");
    assertThat(location).contains("q=" + marker).contains("urgency=URGENT");
    assertThat(documentIds(clerk.get(location.substring(location.indexOf("/documents")))
        .body())).containsExactly(found);

    PageSession other = session("cv.khtc");
    assertThat(other.get("/documents").body()).doesNotContain(name);
    assertThat(other.get("/documents/saved/" + savedId).statusCode()).isEqualTo(404);
    HttpResponse<String> stolen = other.post("/documents/saved/" + savedId + "/delete",
        Map.of("_csrf", other.csrfToken()));
    assertThat(stolen.statusCode()).as("deleting another's search").isEqualTo(404);
    assertThat(savedCount("cv.vp")).isEqualTo(before + 1);

    assertThat(clerk.post("/documents/saved/" + savedId + "/delete", Map.of()).statusCode())
        .as("delete without the CSRF token").isEqualTo(403);
    assertThat(savedCount("cv.vp")).isEqualTo(before + 1);
    HttpResponse<String> deleted = clerk.post("/documents/saved/" + savedId + "/delete",
        Map.of("_csrf", clerk.csrfToken()));
    assertThat(deleted.statusCode()).isEqualTo(302);
    assertThat(savedCount("cv.vp")).isEqualTo(before);
  }
}
