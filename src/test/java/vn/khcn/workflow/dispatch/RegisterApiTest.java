package vn.khcn.workflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.khcn.workflow.identity.Groups;
import vn.khcn.workflow.support.SqlSequences;
import vn.khcn.workflow.support.TestHttp;
import vn.khcn.workflow.support.TestHttp.Part;
import vn.khcn.workflow.support.TestHttp.Response;

/**
 * The Appendix VI fields through the API, the receiving date's limits, closing a year's register
 * (the clerk asks, a director confirms) and importing an earlier register. Each test owns a past
 * year of its own, so closings and imports do not meet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RegisterApiTest {

  static final String CSV_HEADER = "Số đến,Ngày đến,Tác giả,\"Số, ký hiệu\",Ngày tháng,Loại văn bản,"
      + "Trích yếu,Chức vụ người ký,Người ký,Số trang,Độ khẩn,Ghi chú";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RegisterClosures closures;
  @Autowired Clock clock;

  TestHttp api;

  @BeforeEach
  void setUp() {
    api = TestHttp.of(rest);
  }

  /** A document received on the day given, issued the day before. */
  static Map<String, Object> receivedOn(LocalDate day) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("issuer", "Ủy ban nhân dân thành phố Cần Thơ");
    body.put("documentNumber", UUID.randomUUID().toString().substring(0, 8) + "/UBND-KT");
    body.put("issuedOn", day.minusDays(1).toString());
    body.put("documentType", "Công văn");
    body.put("summary", "Về việc triển khai nhiệm vụ khoa học và công nghệ");
    body.put("signerPosition", "KT. Chủ tịch – Phó Chủ tịch");
    body.put("signerName", "Trần Thị Minh");
    body.put("pageCount", 3);
    body.put("urgency", "NORMAL");
    body.put("receivedOn", day.toString());
    return body;
  }

  Response register(Map<String, Object> body) {
    return api.post("vanthu", "/api/incoming-documents", body);
  }

  Response importCsv(String user, int year, String csv) {
    return api.multipart(user, "/api/incoming-documents/registers/" + year + "/import",
        Part.file("file", "so-den-" + year + ".csv", "text/csv",
            csv.getBytes(StandardCharsets.UTF_8)));
  }

  int documentsOf(int year) {
    return jdbc.queryForObject("select count(*) from incoming_document where doc_year = ?",
        Integer.class, year);
  }

  @Test
  void theAppendixSixFieldsRoundTripAndTheSignerIsFoundWithoutDiacritics() {
    Map<String, Object> body = receivedOn(LocalDate.now(clock));
    String name = "Lưu Thị Quỳnh " + UUID.randomUUID().toString().substring(0, 4);
    body.put("signerName", name);
    body.put("language", "Tiếng Anh");
    body.put("documentDueDate", LocalDate.now(clock).plusDays(10).toString());

    Response created = register(body);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    JsonNode details = api.get("giamdoc", "/api/incoming-documents/"
        + created.body().get("id").asLong()).body();
    assertThat(details.get("signerPosition").asText()).isEqualTo("KT. Chủ tịch – Phó Chủ tịch");
    assertThat(details.get("signerName").asText()).isEqualTo(name);
    assertThat(details.get("language").asText()).isEqualTo("Tiếng Anh");
    assertThat(details.get("documentDueDate").asText())
        .isEqualTo(LocalDate.now(clock).plusDays(10).toString());
    assertThat(details.get("pageCount").asInt()).isEqualTo(3);
    assertThat(details.get("urgency").asText()).isEqualTo("NORMAL");
    assertThat(details.get("classification").asText()).isEqualTo("NONE");
    assertThat(details.has("signer")).as("the one-field signer is gone from answers").isFalse();

    JsonNode found = api.get("giamdoc", "/api/incoming-documents?q="
        + java.net.URLEncoder.encode(vn.khcn.workflow.shared.text.SearchText.fold(name),
            StandardCharsets.UTF_8)).body().get("content");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).get("signerName").asText()).isEqualTo(name);
    assertThat(found.get(0).get("language").asText()).isEqualTo("Tiếng Anh");

    Map<String, Object> defaults = receivedOn(LocalDate.now(clock));
    defaults.remove("signerPosition");
    defaults.remove("signerName");
    defaults.put("signer", "Trần Thị Minh, Phó Chủ tịch");
    JsonNode old = api.get("giamdoc", "/api/incoming-documents/"
        + register(defaults).body().get("id").asLong()).body();
    assertThat(old.get("language").asText()).as("default").isEqualTo("Tiếng Việt");
    assertThat(old.get("signerName").asText()).as("the old field, kept whole")
        .isEqualTo("Trần Thị Minh, Phó Chủ tịch");
  }

  @Test
  void aReceivingDateInTheFutureOrUnknownFieldsAreRefusedNamingThem() {
    Map<String, Object> future = receivedOn(LocalDate.now(clock).plusDays(1));
    future.put("issuedOn", LocalDate.now(clock).toString());
    Response tomorrow = register(future);
    assertThat(tomorrow.status()).isEqualTo(400);
    assertThat(tomorrow.body().get("fieldErrors")).extracting(f -> f.get("field").asText())
        .containsExactly("receivedOn");
    assertThat(tomorrow.body().get("fieldErrors").get(0).get("message").asText())
        .contains("sau hôm nay");

    Map<String, Object> extra = receivedOn(LocalDate.now(clock));
    extra.put("signerTitle", "Phó Chủ tịch");
    assertThat(register(extra).status()).isEqualTo(400);
  }

  @Test
  void theClerkAsksADirectorConfirmsAndTheClosedYearTakesNothingMore() {
    int year = 1991;
    Response first = register(receivedOn(LocalDate.of(year, 5, 2)));
    assertThat(first.status()).as(first.text()).isEqualTo(201);
    int lastNumber = first.body().get("incomingNumber").asInt();
    String close = "/api/incoming-documents/registers/" + year + "/close";

    assertThat(api.post("cv.qlkh", close, null).status()).as("a unit officer").isEqualTo(403);
    assertThat(api.post("admin", close, null).status()).as("an administrator").isEqualTo(403);
    assertThat(api.post(null, close, null).status()).isEqualTo(401);
    Response unasked = api.post("giamdoc", close, null);
    assertThat(unasked.status()).as("a director alone").isEqualTo(409);
    assertThat(unasked.body().get("message").asText()).contains("Văn thư chưa đề nghị");
    Response withFields = api.post("vanthu", close, Map.of("closedBy", "giamdoc"));
    assertThat(withFields.status()).isEqualTo(400);
    assertThat(withFields.body().get("fieldErrors").get(0).get("field").asText())
        .isEqualTo("closedBy");
    assertThat(api.post("vanthu", "/api/incoming-documents/registers/19x1/close", null).status())
        .isEqualTo(400);

    Response asked = api.post("vanthu", close, null);
    assertThat(asked.status()).as(asked.text()).isEqualTo(202);
    assertThat(asked.body()).extracting(c -> c.get("status").asText())
        .containsOnly("REQUESTED");
    assertThat(asked.body().get(0).get("lastNumber").asInt()).isEqualTo(lastNumber);
    assertThat(api.post("vanthu", close, null).status()).as("asked twice").isEqualTo(409);
    Response whileAsked = register(receivedOn(LocalDate.of(year, 6, 1)));
    assertThat(whileAsked.status()).isEqualTo(409);
    assertThat(whileAsked.body().get("message").asText())
        .contains("Sổ đăng ký văn bản đến năm " + year).contains("chờ lãnh đạo xác nhận");

    Response confirmed = api.post("giamdoc", close, null);
    assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
    assertThat(confirmed.body()).extracting(c -> c.get("status").asText()).containsOnly("CLOSED");
    String line = confirmed.body().get(0).get("closingLine").asText();
    assertThat(line).startsWith("Sổ đăng ký văn bản đến năm " + year + " kết thúc tại số "
        + lastNumber + ", khóa ngày ").contains("Nguyễn Thị Thu Hà").contains("Trần Quốc Bảo");

    Response twice = api.post("phogiamdoc", close, null);
    assertThat(twice.status()).as("closed twice").isEqualTo(409);
    assertThat(twice.body().get("message").asText()).contains("đã khóa");
    assertThat(api.post("vanthu", close, null).status()).isEqualTo(409);
    assertThat(api.delete("vanthu", close).status()).as("a closed register stays closed")
        .isEqualTo(409);

    int before = documentsOf(year);
    Response late = register(receivedOn(LocalDate.of(year, 12, 30)));
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.body().get("closedRegister").asText())
        .isEqualTo("Sổ đăng ký văn bản đến năm " + year);
    assertThat(late.body().get("message").asText()).contains("đã khóa");
    Map<String, Object> secret = receivedOn(LocalDate.of(year, 12, 30));
    secret.put("classification", "CONFIDENTIAL");
    Response lateSecret = register(secret);
    assertThat(lateSecret.status()).isEqualTo(409);
    assertThat(lateSecret.body().get("message").asText()).contains("mật năm " + year);
    assertThat(documentsOf(year)).isEqualTo(before);

    RegisterClosures.Closure closure = closures.closure(year).orElseThrow();
    assertThat(closure.confirmed()).isTrue();
    assertThat(closure.lastNumber()).isEqualTo(lastNumber);
    assertThat(closure.closedBy()).isEqualTo("vanthu");
    assertThat(closure.confirmedBy()).isEqualTo("giamdoc");

    String register = new String(api.download("vanthu", "/api/incoming-documents/register.csv?from="
        + year + "-01-01&to=" + year + "-12-31").body(), StandardCharsets.UTF_8);
    assertThat(register).contains(line);
    // the printed register ends with the same closing line (RegisterClosures is the PDF's source)
    var pdf = api.download("vanthu", "/api/incoming-documents/register.pdf?from=" + year
        + "-01-01&to=" + year + "-12-31");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(PdfText.of(pdf.body()).text().replaceAll("\\s+", " "))
        .contains("Sổ đăng ký văn bản đến năm " + year + " kết thúc tại số " + lastNumber)
        .contains("Trần Quốc Bảo");
    assertThat(api.get("vanthu", "/api/incoming-documents/registers").body())
        .anyMatch(c -> c.get("year").asInt() == year && c.get("status").asText().equals("CLOSED"));
  }

  @Test
  void theCurrentYearCannotCloseAndTheAskerCannotConfirm() {
    int thisYear = LocalDate.now(clock).getYear();
    Response current = api.post("vanthu", "/api/incoming-documents/registers/" + thisYear
        + "/close", null);
    assertThat(current.status()).isEqualTo(409);
    assertThat(current.body().get("message").asText()).contains("chưa kết thúc");
    assertThat(api.post("vanthu", "/api/incoming-documents/registers/" + (thisYear + 1)
        + "/close", null).status()).isEqualTo(409);

    int year = 1992;
    String close = "/api/incoming-documents/registers/" + year + "/close";
    assertThat(api.post("vanthu", close, null).status()).isEqualTo(202);
    assertThat(api.delete("cv.qlkh", close).status()).isEqualTo(403);
    assertThat(api.delete("vanthu", close).status()).as("withdrawn").isEqualTo(204);
    assertThat(api.delete("vanthu", close).status()).as("nothing left to withdraw")
        .isEqualTo(404);
    assertThat(register(receivedOn(LocalDate.of(year, 3, 3))).status()).as("open again")
        .isEqualTo(201);
    assertThat(closures.closure(year)).isEmpty();
  }

  @Test
  void anImportedRegisterKeepsItsNumbersIsArchivedAndTheSeriesContinues() {
    int year = 1993;
    String csv = "\uFEFF" + CSV_HEADER + "\r\n"
        + "5,02/03/1993,Thành ủy Cần Thơ,12-CV/TU,01/03/1993,Công văn,\"Về việc \"\"đổi mới\"\"\","
        + "\"Phó Bí thư\",Nguyễn Văn A,2,Khẩn,\r\n"
        + "7,4/3/1993,UBND thành phố,15/UBND,1993-03-03,Quyết định,Về việc giao nhiệm vụ,,,,,\r\n"
        + "120,30/12/1993,Bộ Khoa học và Công nghệ,99/BKHCN,28/12/1993,Thông báo,"
        + "Thông báo kết quả,,,,Thường,Sổ giấy trang 12\r\n";

    Response imported = importCsv("admin", year, csv);
    assertThat(imported.status()).as(imported.text()).isEqualTo(201);
    assertThat(imported.body().get("imported").asInt()).isEqualTo(3);
    assertThat(imported.body().get("highestNumber").asInt()).isEqualTo(120);
    assertThat(imported.body().get("nextNumber").asInt()).isEqualTo(121);

    JsonNode rows = api.get("giamdoc", "/api/incoming-documents?year=" + year).body()
        .get("content");
    assertThat(rows).extracting(r -> r.get("incomingNumber").asInt()).containsExactly(120, 7, 5);
    JsonNode five = api.get("giamdoc", "/api/incoming-documents/" + rows.get(2).get("id").asLong())
        .body();
    assertThat(five.get("status").asText()).isEqualTo("ARCHIVED");
    assertThat(five.path("processInstanceId").isTextual()).as("no process").isFalse();
    assertThat(five.get("summary").asText()).isEqualTo("Về việc \"đổi mới\"");
    assertThat(five.get("urgency").asText()).isEqualTo("URGENT");
    assertThat(five.get("signerPosition").asText()).isEqualTo("Phó Bí thư");
    assertThat(five.get("receivedOn").asText()).isEqualTo("1993-03-02");
    assertThat(five.get("trail")).extracting(t -> t.get("actionLabel").asText())
        .containsExactly("Nhập từ sổ cũ");

    Response next = register(receivedOn(LocalDate.of(year, 12, 31)));
    assertThat(next.status()).as(next.text()).isEqualTo(201);
    assertThat(next.body().get("incomingNumber").asInt()).as("after the highest").isEqualTo(121);

    Response again = importCsv("admin", year, CSV_HEADER + "\n"
        + "121,31/12/1993,Sở Tài chính,1/STC,30/12/1993,Công văn,Trùng số,,,,,\n"
        + "300,31/12/1993,Sở Tài chính,2/STC,30/12/1993,Công văn,Số mới,,,,,\n");
    assertThat(again.status()).as("a number the year already has").isEqualTo(409);
    assertThat(again.body().get("existingNumbers")).extracting(JsonNode::asInt)
        .containsExactly(121);
    assertThat(documentsOf(year)).as("not even the good row").isEqualTo(4);
  }

  @Test
  void oneBadRowAndNothingIsImported() {
    int year = 1994;
    String csv = CSV_HEADER + "\n"
        + "1,02/03/1994,Thành ủy Cần Thơ,1-CV/TU,01/03/1994,Công văn,Đúng,,,,,\n"
        + "2,31/02/1994,,2-CV/TU,01/03/1994,Công văn,Sai ngày và thiếu tác giả,,,,GẤP,\n"
        + "1,05/03/1994,Thành ủy Cần Thơ,3-CV/TU,01/03/1994,Công văn,Trùng số dòng 2,,,,,\n"
        + "4,05/03/1995,Thành ủy Cần Thơ,4-CV/TU,01/03/1995,Công văn,Năm khác,,,,,\n"
        + "5,05/03/1994,Thành ủy Cần Thơ\n";

    Response refused = importCsv("admin", year, csv);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("fieldErrors")).extracting(f -> f.get("field").asText())
        .contains("rows[3].receivedOn", "rows[3].issuer", "rows[3].urgency",
            "rows[4].incomingNumber", "rows[5].receivedOn", "rows[6].cells")
        .doesNotContain("rows[2].issuer");
    assertThat(refused.body().get("fieldErrors")).extracting(f -> f.get("message").asText())
        .anyMatch(m -> m.startsWith("dòng 4: số đến 1 đã có ở dòng 2"));
    assertThat(documentsOf(year)).isZero();
    assertThat(jdbc.queryForList("select last_number from incoming_number_counter where"
        + " counter_year = ?", Integer.class, year)).as("no counter moved").allMatch(n -> n == 0);

    Response unknown = importCsv("admin", year, "Số đến,Ngày đến,Độ mật\n1,02/03/1994,Mật\n");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("fieldErrors")).extracting(f -> f.get("message").asText())
        .anyMatch(m -> m.contains("Độ mật")).anyMatch(m -> m.contains("thiếu cột issuer"));
    Response latin1 = api.multipart("admin", "/api/incoming-documents/registers/" + year
        + "/import", Part.file("file", "so.csv", "text/csv",
            (CSV_HEADER + "\n1,02/03/1994,Th\u00e0nh,1,01/03/1994,C,T,,,,,\n")
                .getBytes(StandardCharsets.ISO_8859_1)));
    assertThat(latin1.status()).isEqualTo(400);
    assertThat(latin1.body().get("fieldErrors").get(0).get("message").asText()).contains("UTF-8");
    assertThat(importCsv("admin", year, CSV_HEADER + "\n").status()).as("no rows")
        .isEqualTo(400);
    assertThat(documentsOf(year)).isZero();
  }

  @Test
  void onlyAdministratorsImportAndNeverIntoAClosingYear() {
    int year = 1996;
    String csv = CSV_HEADER + "\n1,02/03/1996,Thành ủy Cần Thơ,1-CV/TU,01/03/1996,Công văn,"
        + "Trích yếu,,,,,\n";
    assertThat(importCsv("vanthu", year, csv).status()).as("the clerk").isEqualTo(403);
    assertThat(importCsv("giamdoc", year, csv).status()).as("a director").isEqualTo(403);
    assertThat(importCsv("cv.qlkh", year, csv).status()).as("a unit officer").isEqualTo(403);
    int future = LocalDate.now(clock).getYear() + 1;
    assertThat(importCsv("admin", future, csv).status()).as("a year to come").isEqualTo(400);

    assertThat(api.post("vanthu", "/api/incoming-documents/registers/" + year + "/close", null)
        .status()).isEqualTo(202);
    Response closing = importCsv("admin", year, csv);
    assertThat(closing.status()).isEqualTo(409);
    assertThat(closing.body().get("message").asText())
        .contains("Sổ đăng ký văn bản đến năm " + year);
    assertThat(documentsOf(year)).isZero();
  }

  /**
   * A year at a province's volume (about 100,000): more documents than a PostgreSQL statement
   * carries parameters (65,535), so their units are read a chunk of ids at a time; the last
   * document's unit is printed.
   */
  @Test
  void aYearOfMoreDocumentsThanAStatementHasParametersIsExportedWhole() {
    int year = 2009;
    int count = 66_000;
    String product = jdbc.execute((ConnectionCallback<String>) c ->
        c.getMetaData().getDatabaseProductName());
    String numbers = "PostgreSQL".equals(product)
        ? "(select generate_series(1, " + count + ") as n) s"
        : "(select x as n from system_range(1, " + count + ")) s";
    try {
      jdbc.update("""
          insert into incoming_document (series, doc_year, incoming_number, business_key, issuer,
            document_number, issued_on, document_type, summary, urgency, classification,
            received_on, status, registered_by, registered_at, search_text, duplicate_key, version)
          select 'REGULAR', 2009, n, cast(n as varchar(10)) || '/2009', 'Sở Tài chính',
            cast(n as varchar(10)) || '/STC-NS', date '2009-06-30', 'Công văn',
            'Về việc ngân sách', 'NORMAL', 'NONE', date '2009-07-01', 'ARCHIVED', 'vanthu',
            timestamp '2009-07-01 09:00:00', 've viec ngan sach',
            'nam-2009-' || cast(n as varchar(10)), 0
          from\s""" + numbers);
      jdbc.update("""
          insert into document_assignment (id, document_id, unit_id, assignment_role,
            assigned_at, version)
          select %s, id, 'phong-qlkh', 'LEAD', timestamp '2009-07-01 10:00:00', 0
          from incoming_document where business_key = ?""".formatted(
          SqlSequences.next(jdbc, "document_assignment_seq")), count + "/" + year);

      String csv = new String(api.download("vanthu", "/api/incoming-documents/register.csv"
          + "?from=2009-07-01&to=2009-07-01").body(), StandardCharsets.UTF_8);
      String[] lines = csv.split("\r?\n");
      assertThat(lines).hasSize(count + 1);
      assertThat(lines[count]).startsWith("\"01/07/2009\",\"" + count + "/" + year + "\",")
          .contains(Groups.nameOf("phong-qlkh") + " (" + AssignmentRole.LEAD.label()
              .toLowerCase() + ")");
    } finally {
      jdbc.update("delete from document_assignment where document_id in"
          + " (select id from incoming_document where doc_year = ?)", year);
      jdbc.update("delete from incoming_document where doc_year = ?", year);
    }
  }
}
